//! Every report's JSON, one line per input, for comparing two builds (scripts/compare-output.sh):
//! a change meant only to make the checker faster must leave this output byte-identical.
//! Inputs: the fixtures, the derived forms, and N generated reports per text form, each with no
//! error, a wrong cell in table 三 and a wrong cell in table 四 (N = first argument, default 200).
use nianbao::testgen::{generate_with, Form, Inject, Options};
use std::io::Write;
fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts: Vec<String> = Vec::new();
    for dir in ["../shared/fixtures/seeds", "../shared/fixtures/real", "tests/fixtures/derived", "tests/data"] {
        let Ok(rd) = std::fs::read_dir(format!("{}/{}", root, dir)) else { continue };
        let mut ps: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        ps.sort();
        for p in ps {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(200);
    for form in Form::ALL {
        for seed in 0..n {
            for inject in [Inject::No, Inject::AnyT3, Inject::AnyT4] {
                let mut o = Options::new(form);
                o.inject = inject;
                o.unique_runs = seed % 3 != 0;
                texts.push(generate_with(seed * 7 + 1, &o).text);
            }
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for t in &texts {
        let r = nianbao::check_text(t);
        writeln!(out, "{}", serde_json::to_string(&r).unwrap()).unwrap();
    }
    eprintln!("{} texts", texts.len());
}
