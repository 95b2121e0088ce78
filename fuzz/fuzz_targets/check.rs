//! Fuzz target: `cargo +nightly fuzz run check` (from the repository root).
//!
//! Feeds the input to every entry point — bytes as a file (`check_bytes`, `files::check_file`
//! with and without an HTML name) and, when it is UTF-8, as pasted text and as HTML — and
//! asserts that every span is inside the text it points into and on character boundaries.
//! A good corpus: `cargo run --example gen` output and ../shared/fixtures (see fuzz/README.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::Report;

fn spans_ok(text: &str, r: &Report, what: &str) {
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for d in &r.diagnostics {
        assert!(!d.message.is_empty(), "{}: {} without a message", what, d.code);
        for s in &d.spans {
            assert!(ok(s.start, s.end), "{}: {} span {}..{} in {} bytes", what, d.code, s.start, s.end, text.len());
        }
    }
    for t in [&r.t2, &r.t3, &r.t4].into_iter().flatten() {
        for row in &t.rows {
            for s in row.cells.iter().filter_map(|c| c.span).chain(row.label_span) {
                assert!(ok(s.start, s.end), "{}: {} {} span {}..{} in {} bytes", what, t.table, row.key, s.start, s.end, text.len());
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // Bytes, as a dropped file.
    let c = nianbao::check_file(data, None);
    spans_ok(&c.text, &c.report, "check_file");
    let b = nianbao::check_bytes(data, None);
    spans_ok(&c.text, &b, "check_bytes");
    let h = nianbao::check_file(data, Some("page.html"));
    spans_ok(&h.text, &h.report, "check_file html");
    let f = nianbao::check_file_flat(data, Some("page.html"));
    spans_ok(&f.text, &f.report, "check_file_flat html");
    // Text, as pasted.
    if let Ok(text) = std::str::from_utf8(data) {
        let r = nianbao::check_text(text);
        spans_ok(text, &r, "check_text");
        let r = nianbao::check_html(text);
        spans_ok(text, &r, "check_html");
    }
});
