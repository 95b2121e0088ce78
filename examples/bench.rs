//! Benchmark of the core check (native): `cargo run --release --example bench [-- --quick]`.
//!
//! Prints
//! - the median time to check each fixture in ../shared/fixtures (seeds, real .txt /
//!   .layout.txt / .html), through `check_bytes` as the CLI and the page call it;
//! - throughput over a batch of generated reports (every text form, `nianbao::testgen`);
//! - how the time grows with the input from 1 KB to 10 MB (concatenated reports, one report
//!   with very long prose, and one-line HTML), as time per byte, to show it is linear.
//!
//! Figures go to BENCHMARKS.md ("Core (native)").

use nianbao::testgen::{generate, Form};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The CLI's allocator (see alloc.rs); native only (wasm builds of the tests compile every binary).
#[cfg(not(target_arch = "wasm32"))]
#[path = "../src/bin/nianbao/alloc.rs"]
mod alloc;
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Run `f` repeatedly for about `budget` (at least `min_runs` times); the median run.
fn time_it(budget: Duration, min_runs: usize, mut f: impl FnMut()) -> (Duration, usize) {
    let mut runs = Vec::new();
    let start = Instant::now();
    while runs.len() < min_runs || (start.elapsed() < budget && runs.len() < 100_000) {
        let t = Instant::now();
        f();
        runs.push(t.elapsed());
    }
    let n = runs.len();
    (median(runs), n)
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{:.0} µs", us)
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut out = Vec::new();
    for dir in ["seeds", "real"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut files: Vec<PathBuf> =
            rd.flatten().map(|e| e.path()).filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt") | Some("html"))).collect();
        files.sort();
        out.extend(files);
    }
    out
}

/// Text of about `size` bytes: generated reports one after another (cut at a char boundary).
fn concatenated(size: usize, form: Form) -> String {
    let mut s = String::with_capacity(size + 20_000);
    let mut seed = 1000;
    while s.len() < size {
        s.push_str(&generate(seed, form).text);
        s.push('\n');
        seed += 1;
    }
    let mut cut = size.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// One report whose section 一 is padded with prose to about `size` bytes.
fn long_prose(size: usize) -> String {
    let g = generate(7, Form::PdfText);
    let at = g.text.find("二、主动公开政府信息情况").unwrap_or(g.text.len());
    let para = "我局坚持以公开为常态、不公开为例外，围绕群众关切，持续做好政策文件、工作动态和办事指南等信息的发布与解读，\n推动政府信息公开工作规范化、标准化，不断提升政务公开质量和实效。\n";
    let mut s = String::with_capacity(size + g.text.len());
    s.push_str(&g.text[..at]);
    while s.len() + (g.text.len() - at) < size {
        s.push_str(para);
    }
    s.push_str(&g.text[at..]);
    s
}

/// An HTML page on one line (minified), its first paragraph padded to about `size` bytes.
fn one_line_html(size: usize) -> String {
    let g = generate(11, Form::Html);
    let flat: String = g.text.chars().filter(|c| *c != '\n').collect();
    let at = flat.find("<p>").unwrap_or(0);
    let para = "<p>我局坚持以公开为常态、不公开为例外，持续做好政策文件和工作动态的发布与解读。</p>";
    let mut s = String::with_capacity(size + flat.len());
    s.push_str(&flat[..at]);
    while s.len() + (flat.len() - at) < size {
        s.push_str(para);
    }
    s.push_str(&flat[at..]);
    s
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 100 } else { 500 });

    println!("## Fixtures (median of repeated check_bytes)\n");
    println!("| file | size | median | MB/s | findings |");
    println!("|---|---:|---:|---:|---:|");
    for path in fixtures() {
        let bytes = std::fs::read(&path).expect("fixture");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let findings = nianbao::check_bytes(&bytes, Some(&name)).diagnostics.len();
        let (d, _) = time_it(budget, 20, || {
            std::hint::black_box(nianbao::check_bytes(std::hint::black_box(&bytes), Some(&name)));
        });
        println!("| {} | {:.1} KB | {} | {:.0} | {} |", name, bytes.len() as f64 / 1024.0, fmt(d), bytes.len() as f64 / d.as_secs_f64() / 1e6, findings);
    }

    let n = if quick { 300 } else { 2000 };
    println!("\n## Throughput over {} generated reports (one core)\n", n);
    println!("| form | reports | total | time | per report (mean) | MB/s |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut all_bytes = 0usize;
    let mut all_time = Duration::ZERO;
    for form in Form::ALL {
        let texts: Vec<String> = (0..n as u64 / 6).map(|s| generate(s * 31 + 5, form).text).collect();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        // Warm up, then the best of ten passes over the batch (the machine this runs on has
        // noisy neighbours; noise only ever adds time, so the best pass is the figure).
        for t in texts.iter().take(20) {
            std::hint::black_box(nianbao::check_text(t));
        }
        let mut best = Duration::MAX;
        for _ in 0..10 {
            let t0 = Instant::now();
            for t in &texts {
                std::hint::black_box(nianbao::check_text(std::hint::black_box(t)));
            }
            best = best.min(t0.elapsed());
        }
        all_bytes += bytes;
        all_time += best;
        println!(
            "| {} | {} | {:.1} MB | {} | {} | {:.0} |",
            form.name(),
            texts.len(),
            bytes as f64 / 1e6,
            fmt(best),
            fmt(best / texts.len() as u32),
            bytes as f64 / best.as_secs_f64() / 1e6
        );
    }
    println!(
        "| all | {} | {:.1} MB | {} | {} | {:.0} |",
        n / 6 * 6,
        all_bytes as f64 / 1e6,
        fmt(all_time),
        fmt(all_time / (n / 6 * 6) as u32),
        all_bytes as f64 / all_time.as_secs_f64() / 1e6
    );

    println!("\n## Growth with input size\n");
    println!("| input | size | median | ns/byte | MB/s |");
    println!("|---|---:|---:|---:|---:|");
    let sizes: &[usize] = if quick { &[1_000, 10_000, 100_000, 1_000_000] } else { &[1_000, 10_000, 100_000, 1_000_000, 10_000_000] };
    type Make = fn(usize) -> String;
    let series: [(&str, Make); 4] = [
        ("pdf-text reports, concatenated", |s| concatenated(s, Form::PdfText)),
        ("html reports, concatenated", |s| concatenated(s, Form::Html)),
        ("one report, long prose", long_prose),
        ("one-line html, long", one_line_html),
    ];
    for (name, make) in series {
        for &size in sizes {
            let text = make(size);
            let runs = if size >= 10_000_000 {
                3
            } else if size >= 1_000_000 {
                5
            } else {
                20
            };
            let (d, _) = time_it(if size >= 1_000_000 { Duration::ZERO } else { budget }, runs, || {
                std::hint::black_box(nianbao::check_text(std::hint::black_box(&text)));
            });
            println!(
                "| {} | {} | {} | {:.1} | {:.0} |",
                name,
                human(text.len()),
                fmt(d),
                d.as_secs_f64() * 1e9 / text.len() as f64,
                text.len() as f64 / d.as_secs_f64() / 1e6
            );
        }
    }
}

fn human(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / 1e6)
    } else if n >= 1000 {
        format!("{:.0} KB", n as f64 / 1e3)
    } else {
        format!("{} B", n)
    }
}
