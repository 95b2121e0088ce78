//! A stable-Rust mutation fuzzer: `cargo run --release --example fuzz -- [SECONDS] [SEED]`.
//!
//! Inputs: the fixtures in ../shared/fixtures (text and HTML; the PDFs too, as bytes) and
//! generated reports in every text form (`nianbao::testgen`), with and without a wrong number.
//! Each case applies 1–8 mutations — byte flips, truncations, deletions, duplications, splices
//! from another input, insertions of digits, tabs, newlines, spaces, CJK text, labels, markup,
//! invalid UTF-8 — and runs every entry point (`check_bytes`, `files::check_file` as text and as
//! HTML, `check_text`, `check_html`), asserting that nothing panics and every span lies inside
//! the text it points into, on character boundaries. A case slower than 2 s counts as a hang.
//! Failing inputs are written to fuzz/artifacts-stable/ (replay: `-- replay FILE`).
//!
//! The cargo-fuzz target (fuzz/, nightly) checks the same invariants with coverage guidance.

use nianbao::testgen::{generate_with, Form, Inject, Options, Rng};
use nianbao::Report;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn spans_ok(text: &str, r: &Report, what: &str) -> Result<(), String> {
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for d in &r.diagnostics {
        if d.message.is_empty() {
            return Err(format!("{}: {} without a message", what, d.code.as_str()));
        }
        for s in &d.spans {
            if !ok(s.start, s.end) {
                return Err(format!("{}: {} span {}..{} in {} bytes", what, d.code.as_str(), s.start, s.end, text.len()));
            }
        }
    }
    for t in [&r.t2, &r.t3, &r.t4].into_iter().flatten() {
        for row in &t.rows {
            for s in row.cells.iter().filter_map(|c| c.span).chain(row.label_span) {
                if !ok(s.start, s.end) {
                    return Err(format!("{}: {} {} span {}..{} in {} bytes", what, t.table, row.key, s.start, s.end, text.len()));
                }
            }
        }
    }
    Ok(())
}

/// Every entry point on one input.
fn run_all(data: &[u8]) -> Result<(), String> {
    let c = nianbao::check_file(data, None);
    spans_ok(&c.text, &c.report, "check_file")?;
    spans_ok(&c.text, &nianbao::check_bytes(data, None), "check_bytes")?;
    let h = nianbao::check_file(data, Some("page.html"));
    spans_ok(&h.text, &h.report, "check_file html")?;
    let f = nianbao::check_file_flat(data, Some("page.html"));
    spans_ok(&f.text, &f.report, "check_file_flat html")?;
    if let Ok(text) = std::str::from_utf8(data) {
        spans_ok(text, &nianbao::check_text(text), "check_text")?;
        spans_ok(text, &nianbao::check_html(text), "check_html")?;
    }
    Ok(())
}

const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\r\n",
    " ",
    "   ",
    "\u{3000}",
    "|",
    "| --- |",
    "0",
    "7",
    "12",
    "999999999999",
    "1234567890123456789012",
    "3.5",
    "-1",
    "/",
    "—",
    "无",
    "（",
    "）",
    "(",
    "“",
    "”",
    "、",
    "一、",
    "三、",
    "四、",
    "（一）",
    "（七）总计",
    "1.",
    "2、",
    "总计",
    "本年新收政府信息公开申请数量",
    "结转下年度继续办理",
    "行政复议",
    "结果维持",
    "申请人情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "第二十条第（一）项",
    "规章",
    "2024年",
    "-3-",
    "<td>",
    "</td>",
    "<tr>",
    "</tr>",
    "<table>",
    "<td colspan=\"99999\">",
    "<script>",
    "<!--",
    "&nbsp;",
    "&#x4e00;",
    "&",
    "<",
    "政府信息公开",
    "𠀀",
    "👍",
    "\u{200f}",
    "e\u{301}",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, others: &[Vec<u8>]) {
    let n = rng.usize(1, 8);
    for _ in 0..n {
        let len = data.len();
        let at = if len == 0 { 0 } else { rng.usize(0, len) };
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.usize(0, len - 1);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.usize(0, len - 1);
                data[i] = rng.below(256) as u8;
            }
            2 => data.truncate(at),
            3 if len > 0 => {
                let e = (at + rng.usize(1, 64)).min(len);
                data.drain(at..e);
            }
            4 if len > 0 => {
                // Duplicate a range (a row or line printed twice).
                let s = rng.usize(0, len - 1);
                let e = (s + rng.usize(1, 400)).min(len);
                let piece = data[s..e].to_vec();
                data.splice(at..at, piece);
            }
            5 => {
                // Splice in a piece of another input.
                let o = &others[rng.usize(0, others.len() - 1)];
                if !o.is_empty() {
                    let s = rng.usize(0, o.len() - 1);
                    let e = (s + rng.usize(1, 2000)).min(o.len());
                    data.splice(at..at, o[s..e].iter().copied());
                }
            }
            6 => {
                let p = rng.pick(PIECES).as_bytes().to_vec();
                data.splice(at..at, p);
            }
            7 => {
                // A run of digits (run-together text) or of CJK.
                let mut s = String::new();
                let cjk = rng.chance(0.5);
                for _ in 0..rng.usize(1, 40) {
                    if cjk {
                        s.push(char::from_u32(0x4e00 + rng.below(0x5000) as u32).unwrap());
                    } else {
                        s.push((b'0' + rng.below(10) as u8) as char);
                    }
                }
                data.splice(at..at, s.into_bytes());
            }
            8 => {
                // Invalid UTF-8 and control bytes.
                let b = *rng.pick(&[0x80u8, 0xC3, 0xE4, 0xF0, 0xFF, 0x00, 0x1B, 0x0C]);
                data.insert(at, b);
            }
            _ if len > 0 => {
                // Replace a range with whitespace (cells merged or split).
                let e = (at + rng.usize(1, 8)).min(len);
                for b in &mut data[at..e] {
                    *b = *rng.pick(b" \t\n");
                }
            }
            _ => {}
        }
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    for sub in ["seeds", "real"] {
        if let Ok(rd) = std::fs::read_dir(root.join(sub)) {
            let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
            files.sort();
            for p in files {
                if let Ok(b) = std::fs::read(&p) {
                    out.push(b);
                }
            }
        }
    }
    for (k, form) in Form::ALL.into_iter().enumerate() {
        for s in 0..4u64 {
            let inject = [Inject::No, Inject::AnyT3, Inject::AnyT4, Inject::No][s as usize];
            out.push(generate_with(9000 + s * 7 + k as u64, &Options { form, inject, unique_runs: s != 3 }).text.into_bytes());
        }
    }
    out
}

fn save(data: &[u8], kind: &str, n: u64) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/artifacts-stable");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("{}-{}", kind, n));
    let _ = std::fs::write(&p, data);
    p
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("replay") {
        for f in &args[1..] {
            let data = std::fs::read(f).expect("read");
            let t = Instant::now();
            let r = run_all(&data);
            println!("{}: {:?} in {:?}", f, r, t.elapsed());
        }
        return;
    }
    let secs: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let corpus = corpus();
    // Panics are collected, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let start = Instant::now();
    let (mut cases, mut failures, mut slow, mut bytes) = (0u64, 0u64, 0u64, 0usize);
    let mut slowest = Duration::ZERO;
    let mut last_report = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        let mut data = corpus[rng.usize(0, corpus.len() - 1)].clone();
        mutate(&mut rng, &mut data, &corpus);
        bytes += data.len();
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| run_all(&data)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        cases += 1;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                failures += 1;
                let p = save(&data, "span", cases);
                eprintln!("span invariant broken: {} (input saved to {})", e, p.display());
            }
            Err(panic) => {
                failures += 1;
                let msg = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                let p = save(&data, "panic", cases);
                eprintln!("panic: {} (input saved to {})", msg, p.display());
            }
        }
        if took > Duration::from_secs(2) {
            slow += 1;
            let p = save(&data, "slow", cases);
            eprintln!("slow: {:?} for {} bytes (input saved to {})", took, data.len(), p.display());
        }
        if last_report.elapsed() > Duration::from_secs(60) {
            last_report = Instant::now();
            eprintln!("{:?}: {} cases, {} failures", start.elapsed(), cases, failures);
        }
    }
    println!(
        "fuzz: {} cases in {:.0} s ({:.1} MB of input, {} entry points each), {} failures, {} slow (> 2 s), slowest case {:?}",
        cases,
        start.elapsed().as_secs_f64(),
        bytes as f64 / 1e6,
        6,
        failures,
        slow,
        slowest
    );
    if failures > 0 || slow > 0 {
        std::process::exit(1);
    }
}
