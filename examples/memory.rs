//! Peak memory of the CLI against the size of its input:
//! `cargo build --release && cargo run --release --example memory [-- SIZE_MB]` (default 42).
//!
//! Writes inputs of about SIZE_MB megabytes to a temporary folder — generated reports one after
//! another (pdf-text and html forms), one report whose prose fills the size (a text that is
//! mostly not tables), the crawler's one-line web text of reports run on in one line, and the
//! real fixtures when ../shared/fixtures is there (huaian_2024.txt, testcity_2025.html and
//! pingtan_2022.txt repeated, pingtan_2022.txt's one-line report run on in one line) — runs
//! `target/release/nianbao check --format json|text` on each as its own process, and prints its
//! peak resident memory (the kernel's maximum RSS of the process, from `/usr/bin/time -f %M`),
//! the ratio to the input's size, and the wall-clock time. Figures go to BENCHMARKS.md ("CLI memory").
//!
//! `NIANBAO_CLI=PATH` measures another build of the CLI (an older commit's, for the "before"
//! figures); `NIANBAO_MEMORY_KEEP=DIR` writes the inputs to DIR and keeps them (to compare two
//! builds' output on them).

use nianbao::testgen::{generate, Form};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Text of about `size` bytes: `piece(n)` for n = 0, 1, … joined by `sep`.
fn repeated(size: usize, sep: &str, mut piece: impl FnMut(u64) -> String) -> String {
    let mut s = String::with_capacity(size + 100_000);
    let mut n = 0;
    while s.len() < size {
        s.push_str(&piece(n));
        s.push_str(sep);
        n += 1;
    }
    s
}

/// One report whose section 一 is padded with prose to about `size` bytes (as in the bench).
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

/// Peak RSS (bytes) and seconds of one run of the CLI, from `/usr/bin/time -f %M` (Debian
/// package `time`). Not from wait4 here: a child started from this process carries this
/// process's own high-water mark (tens of megabytes of inputs made) into its maximum RSS,
/// while `time` is small.
#[cfg(unix)]
fn run(cli: &Path, format: &str, file: &Path) -> (u64, f64) {
    let t0 = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(cli)
        .args(["check", "--format", format])
        .arg(file)
        .stdout(std::process::Stdio::null())
        .output()
        .expect("run /usr/bin/time (apt-get install time) and target/release/nianbao (cargo build --release)");
    let err = String::from_utf8_lossy(&out.stderr);
    let kib: u64 = err.lines().last().and_then(|l| l.trim().parse().ok()).expect("the maximum RSS from /usr/bin/time");
    (kib * 1024, t0.elapsed().as_secs_f64())
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the memory figures need a Unix system (/usr/bin/time)");
}

#[cfg(unix)]
fn main() {
    let mb: f64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(42.0);
    let size = (mb * 1e6) as usize;
    let exe = std::env::current_exe().expect("own path");
    let cli = match std::env::var_os("NIANBAO_CLI") {
        Some(p) => PathBuf::from(p),
        None => exe.parent().and_then(Path::parent).map(|d| d.join("nianbao")).expect("target/release"),
    };
    let keep = std::env::var_os("NIANBAO_MEMORY_KEEP").map(PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("nianbao-memory-{}", std::process::id())));
    std::fs::create_dir_all(&dir).expect("temporary folder");

    let mut inputs: Vec<(&str, PathBuf, String)> = Vec::new();
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real");
    if let Ok(t) = std::fs::read_to_string(real.join("huaian_2024.txt")) {
        inputs.push(("huaian_2024.txt repeated", dir.join("huaian.txt"), repeated(size, "\n", |_| t.clone())));
    }
    if let Ok(t) = std::fs::read_to_string(real.join("testcity_2025.html")) {
        inputs.push(("testcity_2025.html repeated", dir.join("testcity.html"), repeated(size, "\n", |_| t.clone())));
    }
    if let Ok(t) = std::fs::read_to_string(real.join("pingtan_2022.txt")) {
        inputs.push(("pingtan_2022.txt repeated", dir.join("pingtan.txt"), repeated(size, "\n", |_| t.clone())));
        // Its report is one line (web text): that line run on to one line of the size.
        let line = t.lines().max_by_key(|l| l.len()).unwrap_or("").to_string();
        inputs.push(("pingtan_2022.txt's report run on in one line", dir.join("pingtan-line.txt"), repeated(size, "", |_| line.clone())));
    }
    inputs.push(("pdf-text reports, concatenated", dir.join("pdf-text.txt"), repeated(size, "\n", |n| generate(1000 + n, Form::PdfText).text)));
    inputs.push(("html reports, concatenated", dir.join("reports.html"), repeated(size, "\n", |n| generate(1000 + n, Form::Html).text)));
    inputs.push(("one report, long prose", dir.join("prose.txt"), long_prose(size)));
    inputs.push((
        "one-line web text, reports run on",
        dir.join("one-line.txt"),
        repeated(size, "", |n| generate(1000 + n, Form::WebDom).text.replace('\n', " ")),
    ));

    println!("| input | size | format | peak RSS | ratio | time |");
    println!("|---|---:|---|---:|---:|---:|");
    for (name, path, text) in inputs {
        std::fs::write(&path, &text).expect("write input");
        let len = text.len() as f64;
        drop(text);
        for format in ["json", "text"] {
            let (rss, secs) = run(&cli, format, &path);
            println!("| {} | {:.1} MB | {} | {:.0} MB | {:.2}× | {:.2} s |", name, len / 1e6, format, rss as f64 / 1e6, rss as f64 / len, secs);
        }
        if keep.is_none() {
            let _ = std::fs::remove_file(&path);
        }
    }
    if keep.is_none() {
        let _ = std::fs::remove_dir(&dir);
    }
}
