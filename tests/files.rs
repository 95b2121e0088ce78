//! Generated file fixtures (tests/data/files, made by scripts/gen-file-fixtures.sh from
//! src/testgen/ reports): PDFs printed by Chromium (tables split over pages, Chromium's running
//! header and footer; tables on landscape pages), PDFs LibreOffice made from the .docx (narrow
//! label columns, labels wrapped over several lines, rows split over pages), table pages turned
//! sideways (/Rotate 90), a copy-protected PDF, and the .docx files themselves (merged cells).
//!
//! Each must read back every table value of its truth, natively (the CLI's path) and from the
//! items PDF.js gives (the page's path, tests/data/pdfjs), and report the same P/D/T/A findings as
//! the same report given as a web page. Files that cannot be read get their message.

mod common;

use common::*;
use std::path::PathBuf;

fn files_dir() -> PathBuf {
    data_dir().join("files")
}

/// Every generated PDF and .docx with the name of its report.
fn generated() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(files_dir())
        .expect("tests/data/files")
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("pdf") | Some("docx")))
        .map(|p| (p.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string(), p))
        .collect();
    out.sort();
    out
}

fn generated_truth(report: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(files_dir().join(format!("{}.truth.json", report))).unwrap()).unwrap()
}

/// The findings in scope for the same report as a web page.
fn html_findings(report: &str) -> std::collections::BTreeMap<String, usize> {
    let html = std::fs::read_to_string(files_dir().join(format!("{}.html", report))).unwrap();
    let r = nianbao::check_html(&html);
    codes_in_scope(r.diagnostics.iter().map(|d| d.code.as_str().to_string()))
}

fn check_against(name: &str, report_name: &str, report: &nianbao::Report, failures: &mut Vec<String>) {
    let mut truth = generated_truth(report_name);
    // The generated reports' true problems are what the same report as a web page shows.
    let want = html_findings(report_name);
    truth["true_problems"] = serde_json::Value::Array(want.iter().flat_map(|(c, n)| std::iter::repeat(serde_json::json!({ "rule": c })).take(*n)).collect());
    let errs = compare_with_truth(report, &truth);
    if !errs.is_empty() {
        failures.push(format!("{}:\n    {}", name, errs.join("\n    ")));
    }
}

#[test]
fn generated_pdfs_and_docx_read_back_exactly_natively() {
    let all = generated();
    assert!(all.len() >= 10, "generated fixtures missing: run scripts/gen-file-fixtures.sh");
    let mut failures = Vec::new();
    for (report_name, path) in &all {
        let bytes = std::fs::read(path).unwrap();
        let c = nianbao::check_file(&bytes, path.to_str());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if std::env::var("SHOW").map(|s| name.contains(&s)).unwrap_or(false) {
            println!("===== {}\n{}", name, c.text);
        }
        assert!(c.error.is_none(), "{}: {:?}", name, c.error);
        let want_form = if name.ends_with(".docx") { "docx" } else { "pdf" };
        assert_eq!(c.report.input_form, want_form, "{}", name);
        check_against(&name, report_name, &c.report, &mut failures);
    }
    assert!(failures.is_empty(), "{} file(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn generated_pdfs_read_back_exactly_from_pdfjs_items() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (report_name, path) in generated().iter().filter(|g| g.1.extension().unwrap() == "pdf") {
        let stem = path.file_name().unwrap().to_string_lossy().trim_end_matches(".pdf").to_string();
        let items = data_dir().join("pdfjs").join(format!("{}.items.json", stem));
        let doc: nianbao::input::positioned::PositionedDoc =
            serde_json::from_str(&std::fs::read_to_string(&items).unwrap_or_else(|_| panic!("{} missing", items.display()))).unwrap();
        let c = nianbao::check_positioned(&doc);
        check_against(&format!("{} (PDF.js)", stem), report_name, &c.report, &mut failures);
        n += 1;
    }
    assert!(n >= 8);
    assert!(failures.is_empty(), "{} file(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn pdf_findings_point_at_their_page() {
    // A wrong number in a generated PDF: the finding names the page the cell is printed on.
    let path = files_dir().join("g3.print.pdf");
    let bytes = std::fs::read(&path).unwrap();
    let c = nianbao::check_file(&bytes, path.to_str());
    for t in [&c.report.t2, &c.report.t3, &c.report.t4].into_iter().flatten() {
        for row in &t.rows {
            for cell in &row.cells {
                let sp = cell.span.unwrap();
                let page = sp.page.expect("a PDF cell's span has its page");
                assert!(page >= 1 && page <= 3);
                assert!(sp.x.unwrap() > 0.0 && sp.y.unwrap() > 0.0);
                // The span's characters are the value as printed.
                assert_eq!(&c.text[sp.start..sp.end], cell.value.display().as_str());
            }
        }
    }
}

#[test]
fn unreadable_files_get_clear_messages() {
    let bad = files_dir().join("bad");
    let cases: &[(&str, &[&str])] = &[
        ("scanned.pdf", &["文字识别", "OCR", "没有上传"]),
        ("encrypted.pdf", &["加密", "密码"]),
        ("damaged.pdf", &["损坏"]),
        ("legacy.doc", &[".docx", "PDF"]),
        ("bomb.docx", &["过大"]),
    ];
    for (name, words) in cases {
        let bytes = std::fs::read(bad.join(name)).unwrap();
        let c = nianbao::check_file(&bytes, Some(name));
        let msg = c.error.unwrap_or_else(|| panic!("{}: read although it cannot be", name));
        for w in *words {
            assert!(msg.contains(w), "{}: {:?} lacks {:?}", name, msg, w);
        }
        assert_eq!(c.report.diagnostics.len(), 1, "{}", name);
        assert_eq!(c.report.diagnostics[0].code, "D01");
        assert!(c.report.diagnostics[0].message.contains(&msg));
    }
    // Over the size limit.
    let big = vec![b'a'; nianbao::input::MAX_FILE_BYTES + 1];
    let c = nianbao::check_file(&big, Some("big.txt"));
    assert!(c.error.unwrap().contains("太大"));
}

#[test]
fn text_and_web_pages_in_agency_encodings_read_exactly() {
    // (file, truth): GBK text, UTF-8 with BOM, a GB2312 page that declares its charset.
    // testcity_2025.portal.html: the report inside a portal page (GB2312): a layout table around
    // it with a menu, a side table of links, breadcrumbs, publication info, share links, a
    // footer and scripts; labels split across <span>s and <p>s.
    let cases = [
        ("hongzequ_2023.gbk.txt", "hongzequ_2023"),
        ("huaian_2024.bom.txt", "huaian_2024"),
        ("testcity_2025.gb2312.html", "testcity_2025"),
        ("testcity_2025.portal.html", "testcity_2025"),
    ];
    let mut failures = Vec::new();
    for (file, truth_name) in cases {
        let path = files_dir().join("enc").join(file);
        let bytes = std::fs::read(&path).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err() || bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{} is really not plain UTF-8", file);
        // The CLI's path and the page's (HTML as the text a person reads).
        for (how, c) in [("file", nianbao::check_file(&bytes, Some(file))), ("page", nianbao::check_file_flat(&bytes, Some(file)))] {
            assert!(c.error.is_none());
            assert!(!c.text.contains('\u{FFFD}'), "{} ({}): undecodable characters", file, how);
            let errs = compare_with_truth(&c.report, &truth(truth_name));
            if !errs.is_empty() {
                failures.push(format!("{} ({}):\n    {}", file, how, errs.join("\n    ")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A small deterministic generator (splitmix64) for the mutation tests below.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn damaged_pdf_and_docx_files_get_a_result_never_a_panic() {
    let bases = [shared().join("real/hongzequ_2024.pdf"), files_dir().join("g3.docx"), files_dir().join("g42.lo.pdf")];
    let mut rng = Mix(7);
    for base in &bases {
        let orig = std::fs::read(base).unwrap();
        for k in 0..40 {
            let mut b = orig.clone();
            match k % 4 {
                // Flip bytes anywhere.
                0 => {
                    for _ in 0..1 + rng.below(20) {
                        let i = rng.below(b.len());
                        b[i] ^= 1 << rng.below(8);
                    }
                }
                // Cut the file short.
                1 => b.truncate(rng.below(b.len())),
                // Overwrite a run with zeros.
                2 => {
                    let i = rng.below(b.len());
                    let n = rng.below(4096).min(b.len() - i);
                    b[i..i + n].fill(0);
                }
                // Duplicate a chunk into the middle.
                _ => {
                    let i = rng.below(b.len());
                    let n = rng.below(2048).min(b.len() - i);
                    let chunk = b[i..i + n].to_vec();
                    let at = rng.below(b.len());
                    b.splice(at..at, chunk);
                }
            }
            let c = nianbao::check_file(&b, base.to_str());
            // Either read (possibly with findings) or refused with a message.
            assert!(c.error.is_some() || c.report.input_form == "pdf" || c.report.input_form == "docx", "{} mutation {}", base.display(), k);
        }
    }
}

#[test]
fn hostile_positioned_items_get_a_result_never_a_panic() {
    use nianbao::input::positioned::{PageSize, PositionedDoc, TextItem};
    let mut rng = Mix(11);
    let words = ["一、总体情况", "1.属于国家秘密", "0", "12", "（二）部分公开", "", " ", "\t\n", "- 3 -", "总计", "\u{2F00}", "ﬁ"];
    for round in 0..200 {
        let pages = rng.below(4);
        let mut items = Vec::new();
        for _ in 0..rng.below(300) {
            let f = |r: &mut Mix| -> f32 {
                match r.below(12) {
                    0 => f32::NAN,
                    1 => f32::INFINITY,
                    2 => -1e30,
                    3 => 0.0,
                    _ => r.below(900) as f32 + 0.5,
                }
            };
            items.push(TextItem {
                page: rng.below(pages + 2) as u32,
                x: f(&mut rng),
                y: f(&mut rng),
                w: f(&mut rng),
                h: f(&mut rng),
                dir: [0u16, 90, 180, 270, 45, 65535][rng.below(6)],
                text: words[rng.below(words.len())].to_string(),
            });
        }
        let doc = PositionedDoc { pages: (0..pages).map(|_| PageSize { width: 595.0, height: 842.0 }).collect(), items };
        let c = nianbao::check_positioned(&doc);
        assert!(c.report.input_form == "pdf", "round {}", round);
    }
}
