//! `nianbao serve`: the checker page on http://127.0.0.1:PORT/ for offices with no web server.
//!
//! Serves the single-file page embedded at compile time (build.rs: dist/nianbao.html), or
//! dist/nianbao.html found at run time, or a directory given by `--dir` (e.g. the built dist/).
//! std::net only. Safe by construction: bound to 127.0.0.1 only (never reachable from other
//! machines), GET/HEAD only, request heads limited to 8 KB, at most 32 connections at once,
//! 10 s timeouts, and in `--dir` mode every path component is checked (no `..`, no drive or
//! backslash tricks) and the resolved file must lie inside the directory (no symlink escapes).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const PAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/page.html"));
const MAX_HEAD: usize = 8 * 1024;
const MAX_CONNECTIONS: usize = 32;
const MAX_FILE: u64 = 64 * 1024 * 1024;

enum Source {
    /// One page for `/` (embedded or read once from a file).
    Page(Vec<u8>),
    /// A directory's files.
    Dir(PathBuf),
}

pub fn serve(args: &[String]) -> ExitCode {
    let mut port: u16 = 8080;
    let mut dir: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--port" | "-p" => {
                i += 1;
                match args.get(i).and_then(|p| p.parse().ok()) {
                    Some(p) => port = p,
                    None => return usage("--port 后面应是端口号（0–65535）"),
                }
            }
            "--dir" | "-d" => {
                i += 1;
                match args.get(i) {
                    Some(d) => dir = Some(PathBuf::from(d)),
                    None => return usage("--dir 后面应是文件夹"),
                }
            }
            other => return usage(&format!("不认识的参数：{}", other)),
        }
        i += 1;
    }
    let (source, what) = match dir {
        Some(d) => match d.canonicalize() {
            Ok(c) if c.is_dir() => (Source::Dir(c.clone()), format!("文件夹 {}", c.display())),
            _ => {
                eprintln!("nianbao serve: 找不到文件夹 {}", d.display());
                return ExitCode::from(2);
            }
        },
        None if env!("NIANBAO_PAGE_EMBEDDED") == "1" => (Source::Page(PAGE.to_vec()), "内置的检查页面".to_string()),
        None => match std::fs::read("dist/nianbao.html") {
            Ok(b) => (Source::Page(b), "dist/nianbao.html".to_string()),
            Err(_) => (Source::Page(PAGE.to_vec()), "说明页（检查页面尚未构建）".to_string()),
        },
    };
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("nianbao serve: 无法使用端口 {}（{}）。可以换一个端口：nianbao serve --port 8081", port, e);
            return ExitCode::from(2);
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    // One write for both lines: whoever reads the pipe gets the whole message at once.
    print!("年报检查：请用浏览器打开 http://127.0.0.1:{}/\n（提供{}；只有本机能打开，报告内容不会离开这台电脑。按 Ctrl+C 停止。）\n", port, what);
    let _ = std::io::stdout().flush();
    let source = Arc::new(source);
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = respond(&mut stream, 503, "text/plain; charset=utf-8", b"busy", false);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (source, active) = (Arc::clone(&source), Arc::clone(&active));
        std::thread::spawn(move || {
            let _ = handle(stream, &source);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
    ExitCode::SUCCESS
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("nianbao serve: {}\n用法：nianbao serve [--port 8080] [--dir 文件夹]", msg);
    ExitCode::from(2)
}

fn handle(mut stream: TcpStream, source: &Source) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return respond(&mut stream, 431, "text/plain; charset=utf-8", b"request header too large", false);
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let mut parts = line.split(' ');
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(&mut stream, 405, "text/plain; charset=utf-8", b"method not allowed", false);
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = percent_decode(path) else {
        return respond(&mut stream, 400, "text/plain; charset=utf-8", b"bad request", false);
    };
    match source {
        Source::Page(page) => match path.as_str() {
            "/" | "/index.html" | "/nianbao.html" => respond(&mut stream, 200, "text/html; charset=utf-8", page, head_only),
            _ => respond(&mut stream, 404, "text/plain; charset=utf-8", "没有这个文件".as_bytes(), head_only),
        },
        Source::Dir(root) => match resolve(root, &path) {
            Some(file) => match std::fs::read(&file) {
                Ok(body) => respond(&mut stream, 200, mime(&file), &body, head_only),
                Err(_) => respond(&mut stream, 404, "text/plain; charset=utf-8", "没有这个文件".as_bytes(), head_only),
            },
            None => respond(&mut stream, 404, "text/plain; charset=utf-8", "没有这个文件".as_bytes(), head_only),
        },
    }
}

/// The file under `root` that `path` names, or None: every component must be a plain name
/// (no `.`, `..`, backslashes, drive letters, NUL), and the resolved file must stay in `root`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let rest = path.strip_prefix('/')?;
    let mut file = root.to_path_buf();
    for part in rest.split('/').filter(|p| !p.is_empty()) {
        if part == "." || part == ".." || part.contains(['\\', ':', '\0']) {
            return None;
        }
        file.push(part);
    }
    if rest.is_empty() || rest.ends_with('/') || file.is_dir() {
        file.push("index.html");
    }
    let real = file.canonicalize().ok()?;
    let meta = real.metadata().ok()?;
    (real.starts_with(root) && meta.is_file() && meta.len() <= MAX_FILE).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
        Some("html") | Some("htm") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json; charset=utf-8",
        Some("txt") | Some("md") | Some("ts") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("bcmap") => "application/octet-stream",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: u16, ctype: &str, body: &[u8], head_only: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    };
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        status,
        reason,
        ctype,
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_directory() {
        let root = std::env::temp_dir().join(format!("nianbao-serve-{}", std::process::id()));
        std::fs::create_dir_all(root.join("widget")).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        std::fs::write(root.join("widget/a.js"), "a").unwrap();
        let root = root.canonicalize().unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/widget/a.js"), Some(root.join("widget/a.js")));
        for bad in ["/../etc/passwd", "/widget/../../x", "/..", "/widget/..\\..\\x", "/c:/x", "/nope", "relative", "/widget/"] {
            assert_eq!(resolve(&root, bad), None, "{}", bad);
        }
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(resolve(&root, &percent_decode("/%2e%2e/x").unwrap()), None);
        assert_eq!(percent_decode("/%zz"), None);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
