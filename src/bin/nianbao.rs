//! nianbao CLI: check reports in batches, over the same core as the page.
//!
//!     nianbao check [--format text|json] [--previous LAST_YEAR] [--ignore CODES] FILE...
//!                                                         (- reads standard input)
//!     nianbao rules [--format markdown|json]
//!     nianbao serve [--port 8080] [--dir DIR]   (the checker page on http://127.0.0.1:PORT/)
//!
//! Exit code: 0 no error-severity finding, 1 some, 2 usage or I/O error.

use std::io::{Read, Write};
use std::process::ExitCode;

// The CLI's allocator (see alloc.rs); native only (wasm builds of the tests compile every binary).
#[cfg(not(target_arch = "wasm32"))]
#[path = "nianbao/alloc.rs"]
mod alloc;
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

#[path = "nianbao/json.rs"]
mod json;
#[path = "nianbao/render.rs"]
mod render;
#[path = "nianbao/serve.rs"]
mod serve;

const USAGE: &str = "用法：
  nianbao check [--format text|json] 文件...   检查年度报告（- 表示标准输入）
        --previous 上年报告    同时对照上年报告：上年结转、现行有效件数、正文重复（X01–X03）
        --ignore W04,C05       不做这些规则的检查（代码用逗号或空格分开，可写多次）
  nianbao rules [--format markdown|json]       列出全部检查规则
  nianbao serve [--port 8080] [--dir 文件夹]   在本机 http://127.0.0.1:8080/ 打开检查页面（没有网页服务器时用）
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("serve") => serve::serve(&args[1..]),
        Some("-h") | Some("--help") | Some("help") => {
            print!("{}", USAGE);
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{}", USAGE);
            ExitCode::from(2)
        }
    }
}

fn parse_format(args: &[String], allowed: &[&str], default: &str) -> Result<(String, Vec<String>), String> {
    let mut format = default.to_string();
    let mut files = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--format" || a == "-f" {
            i += 1;
            format = args.get(i).cloned().ok_or("--format 后面要写格式")?;
        } else if let Some(f) = a.strip_prefix("--format=") {
            format = f.to_string();
        } else if a.starts_with("--") {
            return Err(format!("不认识的选项 {}", a));
        } else {
            files.push(a.clone());
        }
        i += 1;
    }
    if !allowed.contains(&format.as_str()) {
        return Err(format!("--format 只能是 {}", allowed.join("、")));
    }
    Ok((format, files))
}

/// `--ignore CODES` (or `--ignore=CODES`, as often as wanted) taken out of the arguments.
fn take_ignore(args: &[String]) -> Result<(nianbao::Options, Vec<String>), String> {
    let mut list = String::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--ignore" {
            i += 1;
            list.push_str(args.get(i).ok_or("--ignore 后面要写规则代码，如 --ignore W04,C05")?);
            list.push(' ');
        } else if let Some(c) = args[i].strip_prefix("--ignore=") {
            list.push_str(c);
            list.push(' ');
        } else {
            rest.push(args[i].clone());
        }
        i += 1;
    }
    Ok((nianbao::Options::ignoring(&list)?, rest))
}

/// `--previous FILE` (or `--previous=FILE`) taken out of the arguments.
fn take_previous(args: &[String]) -> Result<(Option<String>, Vec<String>), String> {
    let mut previous = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--previous" {
            i += 1;
            previous = Some(args.get(i).cloned().ok_or("--previous 后面要写上年报告的文件名")?);
        } else if let Some(f) = args[i].strip_prefix("--previous=") {
            previous = Some(f.to_string());
        } else {
            rest.push(args[i].clone());
        }
        i += 1;
    }
    Ok((previous, rest))
}

fn check(args: &[String]) -> ExitCode {
    let (options, args) = match take_ignore(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("nianbao: {}\n{}", e, USAGE);
            return ExitCode::from(2);
        }
    };
    let (previous, args) = match take_previous(&args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("nianbao: {}\n{}", e, USAGE);
            return ExitCode::from(2);
        }
    };
    // Last year's report, checked once: its tables and prose are compared with each file's.
    let previous = match previous.map(|p| std::fs::read(&p).map(|b| nianbao::check_file(&b, Some(&p))).map_err(|e| (p, e))).transpose() {
        Ok(p) => p,
        Err((p, e)) => {
            eprintln!("nianbao: 无法读取上年报告 {}：{}", p, e);
            return ExitCode::from(2);
        }
    };
    let args = &args[..];
    let (format, files) = match parse_format(args, &["text", "json"], "text") {
        Ok(x) => x,
        Err(e) => {
            eprintln!("nianbao: {}\n{}", e, USAGE);
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!("nianbao: 请给出要检查的文件（- 表示标准输入）\n{}", USAGE);
        return ExitCode::from(2);
    }
    let mut any_error = false;
    let mut io_error = false;
    // JSON: one pretty array, each file's report written out as soon as it is checked (not
    // all of them kept to the end).
    let mut json_written = 0;
    let mut json = json::Writer::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in &files {
        let bytes = if f == "-" {
            let mut b = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut b) {
                eprintln!("nianbao: 读取标准输入失败：{}", e);
                io_error = true;
                continue;
            }
            b
        } else {
            match std::fs::read(f) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("nianbao: 无法读取 {}：{}", f, e);
                    io_error = true;
                    continue;
                }
            }
        };
        // The bytes are given up: a UTF-8 text file becomes the text without a copy.
        // PDF and .docx: the text read from the file, so findings can be quoted.
        let mut c = nianbao::check_input_with(nianbao::input::file_owned(bytes, Some(f)), &options);
        if let Some(prev) = &previous {
            let mut extra = nianbao::check_pair(&c.report, &c.text, &prev.report, &prev.text);
            options.keep(&mut extra);
            nianbao::merge_findings(&mut c.report, extra);
        }
        let nianbao::Checked { report, text, .. } = c;
        any_error |= report.summary.errors > 0;
        if format == "json" {
            drop(text);
            // As `serde_json::to_string_pretty` writes an array of the reports' values, each
            // with its file's name.
            let _ = out.write_all(if json_written == 0 { b"[\n  " } else { b",\n  " });
            if json.write_to(&report, ("file", f), &mut out).is_err() {
                // (Never for a report: its types are all the writer takes.)
                let v = serde_json::to_value(&report).unwrap_or_default();
                if json.write_to(&v, ("file", f), &mut out).is_err() {
                    let _ = out.write_all(b"null");
                }
            }
            drop(report);
            json_written += 1;
        } else {
            // Spans point into the text as decoded; show that text.
            let _ = out.write_all(render::render_text(f, text, &report).as_bytes());
        }
        // Out before the next file's messages on standard error, in the order they happen.
        let _ = out.flush();
    }
    if format == "json" {
        let _ = out.write_all(if json_written == 0 { b"[]\n" } else { b"\n]\n" });
    }
    let _ = out.flush();
    if io_error {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules(args: &[String]) -> ExitCode {
    let (format, _) = match parse_format(args, &["markdown", "json"], "markdown") {
        Ok(x) => x,
        Err(e) => {
            eprintln!("nianbao: {}", e);
            return ExitCode::from(2);
        }
    };
    if format == "json" {
        println!("{}", serde_json::to_string_pretty(nianbao::rules::codes::RULES).unwrap_or_default());
    } else {
        print!("{}", nianbao::rules::codes::markdown_reference());
    }
    ExitCode::SUCCESS
}
