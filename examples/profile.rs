//! A fixed batch of generated reports (every form) checked once each, for instruction counts:
//!
//!     cargo build --release --example profile
//!     valgrind --tool=callgrind --toggle-collect='*check_all*' target/release/examples/profile 60
//!
//! Callgrind counts instructions, not seconds, so two builds can be compared on a busy machine.
//! The first argument is how many reports of each form (default 30); a second keeps one form.

use nianbao::testgen::{generate, Form};

// The CLI's allocator (see alloc.rs); native only (wasm builds of the tests compile every binary).
#[cfg(not(target_arch = "wasm32"))]
#[path = "../src/bin/nianbao/alloc.rs"]
mod alloc;
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() {
    let per_form: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(30);
    // An optional second argument keeps one form (pdf-text, pdf-layout, markdown, tsv, run-together, html).
    let only = std::env::args().nth(2);
    let forms = Form::ALL.iter().copied().filter(|f| only.as_deref().map_or(true, |o| o == f.name()));
    let texts: Vec<String> = forms.flat_map(|f| (0..per_form).map(move |s| generate(s * 31 + 5, f).text)).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let findings = check_all(&texts);
    println!("{} reports, {} bytes, {} findings", texts.len(), bytes, findings);
}

/// The part callgrind counts (`--toggle-collect='*check_all*'`).
#[inline(never)]
fn check_all(texts: &[String]) -> usize {
    texts.iter().map(|t| std::hint::black_box(nianbao::check_text(std::hint::black_box(t))).diagnostics.len()).sum()
}
