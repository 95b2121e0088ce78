//! Every real report in ../shared/fixtures (truth/ and truth-new/): all table values equal the
//! hand-checked truth, and the findings for the codes in scope are exactly the known problems
//! (and the expected notes) — no others.
//!
//! The real PDFs' two text extractions (.txt and .layout.txt) share one truth file.

mod common;

use common::{compare_with_truth, shared};
use serde_json::Value as J;
use std::path::{Path, PathBuf};

struct Case {
    file: PathBuf,
    truth: J,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    // truth/: the first fixtures; truth-new/: reports in the forms of issue 12 (web text on one
    // line, converter markdown).
    let mut entries: Vec<_> = ["truth", "truth-new"]
        .iter()
        .flat_map(|d| std::fs::read_dir(shared().join(d)).unwrap_or_else(|_| panic!("../shared/fixtures/{}", d)).flatten())
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let truth: J = serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        let rel = truth["file"].as_str().unwrap().trim_start_matches("shared/fixtures/");
        let file = shared().join(rel);
        out.push(Case { file: file.clone(), truth: truth.clone() });
        // Other forms of the same report, derived from it (tests/fixtures/derived).
        let stem = file.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string();
        let derived = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/derived");
        if let Ok(rd) = std::fs::read_dir(&derived) {
            let mut extra: Vec<PathBuf> =
                rd.flatten().map(|e| e.path()).filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{}.", stem))).collect();
            extra.sort();
            for d in extra {
                out.push(Case { file: d, truth: truth.clone() });
            }
        }
        // The layout extraction of the same PDF.
        let layout = PathBuf::from(file.to_string_lossy().replace(".txt", ".layout.txt"));
        if layout != file && layout.exists() {
            out.push(Case { file: layout, truth });
        }
    }
    out
}

#[test]
fn fixtures_read_exactly_and_report_exactly_the_known_problems() {
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() >= 12, "fixtures not found next to the project (../shared)");
    for case in all {
        let bytes = std::fs::read(&case.file).unwrap();
        let name = case.file.file_name().unwrap().to_string_lossy().to_string();
        // Each file as given, and as it arrives after a trip through Windows (CRLF), a web page
        // (non-breaking spaces) or a Chinese editor (ideographic spaces).
        let text = String::from_utf8_lossy(&bytes).to_string();
        let is_html = name.ends_with(".html");
        let variants: Vec<(String, Vec<u8>)> = vec![
            (name.clone(), bytes.clone()),
            (format!("{} (CRLF)", name), text.replace('\n', "\r\n").into_bytes()),
            (
                format!("{} (NBSP)", name),
                if is_html {
                    text.replace(' ', "&nbsp;")
                        .replace("<td&nbsp;", "<td ")
                        .replace("<meta&nbsp;", "<meta ")
                        .replace("<tr&nbsp;", "<tr ")
                        .replace("<p&nbsp;", "<p ")
                        .replace("<span&nbsp;", "<span ")
                } else {
                    text.replace(' ', "\u{a0}")
                }
                .into_bytes(),
            ),
            (format!("{} (U+3000)", name), if is_html { text.clone() } else { text.replace(' ', "\u{3000}") }.into_bytes()),
            // Copied from a PDF whose font maps 一/行 to look-alike Kangxi radicals.
            (format!("{} (Kangxi radicals)", name), text.replace('一', "\u{2F00}").replace('行', "\u{2F8F}").into_bytes()),
        ];
        for (name, bytes) in variants {
            let report = nianbao::check_bytes(&bytes, case.file.to_str());
            let errs = compare_with_truth(&report, &case.truth);
            if !errs.is_empty() {
                failures.push(format!("{}:\n    {}", name, errs.join("\n    ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn arithmetic_findings_carry_expected_actual_and_point_at_the_total() {
    let f = shared().join("real/hongzequ_2023.txt");
    let text = std::fs::read_to_string(&f).unwrap();
    let r = nianbao::check_text(&text);
    let a04: Vec<_> = r.diagnostics.iter().filter(|d| d.code.as_str() == "A04").collect();
    assert_eq!(a04.len(), 2);
    assert_eq!((a04[0].expected, a04[0].actual), (Some(11.0), Some(0.0)));
    assert_eq!((a04[1].expected, a04[1].actual), (Some(5.0), Some(0.0)));
    for d in a04 {
        let s = d.spans[0];
        assert_eq!(&text[s.start..s.end], "0", "primary span is the printed total");
        assert!(d.cells.iter().any(|c| c.role == "total" && c.column == "total"));
    }
}
