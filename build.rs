//! Embeds the single-file checker page (dist/nianbao.html, written by scripts/build-page.sh)
//! into the CLI at compile time, for `nianbao serve` on offices' PCs with no web server.
//! Without it (page not built yet, or a wasm build), a small page telling how to build it
//! is embedded instead, and `nianbao serve` looks for dist/nianbao.html at run time.
//!
//! Only dist/nianbao.html is watched (the whole dist/ only while it lacks that file; if dist/
//! does not exist at all, `touch build.rs` after building the page), and scripts/build-page.sh keeps
//! its modification time when a rebuild produces the same bytes, so page rebuilds do not make
//! the crate recompile for nothing.
use std::path::Path;

const HOW_TO: &str = r#"<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报检查 · 页面尚未构建</title></head>
<body><h1>年报检查：页面尚未构建</h1>
<p>这个 nianbao 程序编译时还没有构建检查页面，所以这里没有页面可以打开。</p>
<p>请在源代码目录中先运行 <code>scripts/build-page.sh</code>（生成 dist/nianbao.html），再运行
<code>cargo build --release</code>；或者用 <code>nianbao serve --dir dist</code> 直接提供已构建的 dist 文件夹。</p>
</body></html>
"#;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("page.html");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").map(|a| a == "wasm32").unwrap_or(false);
    let page = Path::new("dist/nianbao.html");
    let bytes = if wasm { None } else { std::fs::read(page).ok() };
    let embedded = bytes.is_some();
    if embedded {
        println!("cargo:rerun-if-changed=dist/nianbao.html");
    } else if !wasm && Path::new("dist").is_dir() {
        // Built before the page: embed it once a page build has written it.
        println!("cargo:rerun-if-changed=dist");
    }
    let bytes = bytes.unwrap_or_else(|| HOW_TO.as_bytes().to_vec());
    if std::fs::read(&out).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&out, &bytes).unwrap();
    }
    println!("cargo:rustc-env=NIANBAO_PAGE_EMBEDDED={}", if embedded { 1 } else { 0 });
}
