//! Print the reader text of a file (as the readers see it), for looking at one-line web text.
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = std::fs::read_to_string(&p).unwrap();
    let (src, _) = nianbao::input::text(t);
    for l in src.text().lines() {
        println!("{}", l.chars().take(160).collect::<String>());
    }
}
