//! A quick stable-Rust mutation fuzzer over the fixtures and generated wild-form reports: `cargo run --release --example quickfuzz -- SECONDS`.
//! Checks that nothing panics and every span is inside the input on character boundaries.
use std::time::{Duration, Instant};

fn main() {
    let secs: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures");
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for sub in ["seeds", "real"] {
        for e in std::fs::read_dir(format!("{}/{}", dir, sub)).unwrap().flatten() {
            let p = e.path();
            if p.extension().map(|x| x != "pdf").unwrap_or(false) {
                seeds.push(std::fs::read(p).unwrap());
            }
        }
    }
    // Generated reports in the wild forms too (one-line web text with blanks as U+00A0 or
    // collapsed spaces, damaged markdown): their readers take paths the fixtures do not.
    for form in nianbao::testgen::Form::WILD {
        for seed in 0..4 {
            seeds.push(
                nianbao::testgen::generate_with(seed, &nianbao::testgen::Options { form, inject: nianbao::testgen::Inject::No, unique_runs: true })
                    .text
                    .into_bytes(),
            );
        }
    }
    let mut state: u64 = 0x9E3779B97F4A7C15;
    let mut rnd = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces: &[&[u8]] = &[
        b"\t",
        b"\n",
        b"|",
        b" ",
        b"0",
        b"12",
        b"-",
        b"/",
        "（".as_bytes(),
        "）".as_bytes(),
        "一、".as_bytes(),
        "总计".as_bytes(),
        "&nbsp;".as_bytes(),
        b"<td>",
        b"</tr>",
        "年".as_bytes(),
        b"&#x4e00;",
        b"\xff",
        b"&",
        "\u{a0}".as_bytes(),
        "0 0".as_bytes(),
    ];
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(secs) {
        let mut b = seeds[(rnd() % seeds.len() as u64) as usize].clone();
        for _ in 0..(1 + rnd() % 8) {
            if b.is_empty() {
                break;
            }
            let at = (rnd() % b.len() as u64) as usize;
            match rnd() % 5 {
                0 => b[at] = rnd() as u8,
                1 => {
                    let p = pieces[(rnd() % pieces.len() as u64) as usize];
                    b.splice(at..at, p.iter().copied());
                }
                2 => {
                    let end = (at + (rnd() % 64) as usize).min(b.len());
                    b.drain(at..end);
                }
                3 => b.truncate(at),
                _ => {
                    let other = &seeds[(rnd() % seeds.len() as u64) as usize];
                    let o = (rnd() % other.len() as u64) as usize;
                    let end = (o + (rnd() % 400) as usize).min(other.len());
                    b.splice(at..at, other[o..end].iter().copied());
                }
            }
        }
        if std::env::var("FUZZ_SAVE").is_ok() {
            std::fs::write("/tmp/fz_case.bin", &b).unwrap();
        }
        let t0 = Instant::now();
        let r = nianbao::check_bytes(&b, None);
        if t0.elapsed() > Duration::from_millis(500) {
            std::fs::write("/tmp/fz_slow.bin", &b).unwrap();
            println!("slow case ({} ms, {} bytes) saved to /tmp/fz_slow.bin", t0.elapsed().as_millis(), b.len());
        }
        let text = String::from_utf8_lossy(&b);
        for d in &r.diagnostics {
            for s in &d.spans {
                assert!(s.start <= s.end, "span order");
            }
        }
        let r = nianbao::check_text(&text);
        let cells = [&r.t2, &r.t3, &r.t4].into_iter().flatten().flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| c.span)));
        for s in r.diagnostics.iter().flat_map(|d| d.spans.iter().copied()).chain(cells) {
            assert!(s.start <= s.end && s.end <= text.len(), "span out of bounds");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span inside a character");
        }
        n += 1;
    }
    println!("{} cases in {} s, no panic", n, secs);
}
