//! PDFs printed from web pages and exported from Word (tests/data/files/printed, made by
//! `scripts/gen-printed-pdfs.sh fixtures` from the corpus of examples/file_fixtures.rs, where
//! each breakage below was found): tables split across pages with the header rows repeated
//! (an HTML `<thead>`, Word's repeated header row) or printed once, a row cut by a page break
//! with its values on either side, labels wrapped over several lines in narrow columns or
//! spread over their cells, numbers wrapped inside narrow cells, running headers and footers
//! (Chromium's date, title, address and page x/y; the page's own 「第 3 页 共 7 页」), a title
//! wrapped on a narrow page.
//!
//! Every committed PDF is held to issue 12's bar natively (the CLI's path) and from the PDF.js
//! items the page gets (tests/data/pdfjs/printed), both reading the same values: every cell
//! exact or marked uncertain under a P-note for its table (none is uncertain today, and that is
//! asserted too), the findings but for reading notes those of the same report as a web page (no
//! A-error it does not have), and a wrong number injected by the generator (`injected` in the
//! truth; 8 of the 13) caught by an A-finding naming its cell. And each must still show what it
//! was chosen for, so that regenerating the fixtures cannot quietly lose a case.

mod common;

use common::*;
use nianbao::input::positioned::{layout, Layout, PositionedDoc};
use std::path::PathBuf;

fn dir() -> PathBuf {
    data_dir().join("files/printed")
}

fn items_of(stem: &str) -> PositionedDoc {
    let p = data_dir().join("pdfjs/printed").join(format!("{}.items.json", stem));
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap_or_else(|_| panic!("{} missing: run scripts/gen-printed-pdfs.sh fixtures", p.display()))).unwrap()
}

/// The printed PDFs: (stem, report name).
fn printed() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir())
        .expect("tests/data/files/printed")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".pdf"))
        .map(|n| {
            let stem = n.trim_end_matches(".pdf").to_string();
            let report = stem.split('.').next().unwrap().to_string();
            (stem, report)
        })
        .collect();
    out.sort();
    out
}

/// The truth, and the in-scope findings of the same report as a web page (its true problems:
/// an injected wrong number's A-findings, a blank or 「/」 cell's T-finding).
fn truth_of(report: &str) -> (serde_json::Value, std::collections::BTreeMap<String, usize>) {
    let t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir().join(format!("{}.truth.json", report))).unwrap()).unwrap();
    let html = std::fs::read_to_string(dir().join(format!("{}.html", report))).unwrap();
    let web = codes_in_scope(nianbao::check_html(&html).diagnostics.iter().map(|d| d.code.as_str().to_string()));
    (t, web)
}

fn values(report: &nianbao::Report) -> serde_json::Value {
    let v = plain(&serde_json::to_value(report).unwrap());
    serde_json::json!({ "t2": v["t2"], "t3": v["t3"], "t4": v["t4"] })
}

/// Every table cell of a truth file: (path as t3.rows.granted[2], value).
fn truth_cells(t: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    for (table, v) in [("t2", &t["t2"]), ("t4", &t["t4"])] {
        for (row, cols) in v.as_object().unwrap() {
            for (col, x) in cols.as_object().unwrap() {
                out.push((format!("{}.{}.{}", table, row, col), x.clone()));
            }
        }
    }
    for (row, vals) in t["t3"]["rows"].as_object().unwrap() {
        for (i, x) in vals.as_array().unwrap().iter().enumerate() {
            out.push((format!("t3.rows.{}[{}]", row, i), x.clone()));
        }
    }
    out
}

fn cell_at<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut cur = v;
    for part in path.split('.') {
        match part.find('[') {
            Some(i) => cur = cur.get(&part[..i])?.get(part[i + 1..part.len() - 1].parse::<usize>().ok()?)?,
            None => cur = cur.get(part)?,
        }
    }
    Some(cur)
}

fn same_number(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Issue 12's bar for one reading of a printed PDF: every cell exact, or marked uncertain in a
/// table with a P01/P02/P04 note; the findings (but for reading notes P01–P04) those of the
/// web page, so no A-error the web page does not have; an injected wrong number caught by an
/// A-finding that names its cell. Returns the failures and how many cells were uncertain.
fn bar(report: &nianbao::Report, truth: &serde_json::Value, web: &std::collections::BTreeMap<String, usize>) -> (Vec<String>, usize) {
    let full = serde_json::to_value(report).unwrap();
    let p_tables: Vec<&str> =
        report.diagnostics.iter().filter(|d| matches!(d.code.as_str(), "P01" | "P02" | "P04")).filter_map(nianbao::testgen::quality::table_of).collect();
    let mut errs = Vec::new();
    let mut uncertain = 0;
    for (path, want) in truth_cells(truth) {
        match cell_at(&full, &path) {
            None => errs.push(format!("{} missing (want {})", path, want)),
            Some(c) if c.get("certain") == Some(&serde_json::Value::Bool(false)) => {
                uncertain += 1;
                if !p_tables.contains(&&path[..2]) {
                    errs.push(format!("{} uncertain without a P-note for its table", path));
                }
            }
            Some(c) if !same_number(&plain(c), &want) => errs.push(format!("{} = {} (want {})", path, plain(c), want)),
            Some(_) => {}
        }
    }
    if report.year != truth["year"].as_i64().map(|y| y as i32) {
        errs.push(format!("year {:?} want {}", report.year, truth["year"]));
    }
    let not_p = |m: &std::collections::BTreeMap<String, usize>| m.iter().filter(|(c, _)| !c.starts_with('P')).map(|(c, n)| (c.clone(), *n)).collect::<Vec<_>>();
    let have = codes_in_scope(report.diagnostics.iter().map(|d| d.code.as_str().to_string()));
    if not_p(&have) != not_p(web) {
        errs.push(format!(
            "findings {:?}, the web page's {:?}\n      {}",
            have,
            web,
            report
                .diagnostics
                .iter()
                .filter(|d| d.code.as_str().starts_with(IN_SCOPE))
                .map(|d| format!("{} {}", d.code.as_str(), d.message))
                .collect::<Vec<_>>()
                .join("\n      ")
        ));
    }
    if let Some(inj) = truth.get("injected") {
        let names = |d: &nianbao::model::Diagnostic| {
            d.code.as_str().starts_with('A') && d.cells.iter().any(|c| inj["table"] == c.table && inj["row"] == c.row && inj["column"] == c.column)
        };
        if !report.diagnostics.iter().any(names) {
            errs.push(format!("the injected wrong number {} is not caught at its cell", inj));
        }
    }
    (errs, uncertain)
}

#[test]
fn printed_pdfs_read_exactly_natively_and_from_pdfjs_items() {
    let all = printed();
    assert!(all.len() >= 8, "printed fixtures missing: run scripts/gen-printed-pdfs.sh fixtures");
    let mut failures = Vec::new();
    let mut injected = 0;
    for (stem, report) in &all {
        let (truth, web) = truth_of(report);
        injected += truth.get("injected").is_some() as usize;
        let bytes = std::fs::read(dir().join(format!("{}.pdf", stem))).unwrap();
        let native = nianbao::check_file(&bytes, Some(&format!("{}.pdf", stem)));
        assert!(native.error.is_none(), "{}: {:?}", stem, native.error);
        assert_eq!(native.report.input_form, "pdf");
        let pdfjs = nianbao::check_positioned(&items_of(stem));
        if std::env::var("SHOW").map(|s| stem.contains(&s)).unwrap_or(false) {
            println!("===== {} (native)\n{}\n===== {} (PDF.js)\n{}", stem, native.text, stem, pdfjs.text);
        }
        for (how, c) in [("native", &native), ("PDF.js", &pdfjs)] {
            let (errs, uncertain) = bar(&c.report, &truth, &web);
            if !errs.is_empty() {
                failures.push(format!("{} ({}):\n    {}", stem, how, errs.join("\n    ")));
            }
            // The committed PDFs read every cell with certainty today: keep it so.
            if uncertain > 0 {
                failures.push(format!("{} ({}): {} cells uncertain", stem, how, uncertain));
            }
        }
        if values(&native.report) != values(&pdfjs.report) {
            failures.push(format!("{}: the values read natively and from PDF.js's items differ", stem));
        }
    }
    assert!(injected >= 2, "printed fixtures with an injected wrong number: {}", injected);
    assert!(failures.is_empty(), "{} differ:\n{}", failures.len(), failures.join("\n"));
}

/// What a fixture was chosen for, seen in PDF.js's items and the text they are laid out into.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shows {
    /// Table 三's header printed on two pages or more, once in the text.
    RepeatedHeader,
    /// Table 三's header printed once although the table runs over pages.
    HeaderOnce,
    /// A table 三 row's label begun on one page and ended on the next.
    RowCut,
    /// A title on two lines, one line of text.
    WrappedTitle,
    /// Labels spread over their cells: one character an item.
    SpreadLabels,
    /// Chromium's running header and footer (the page's address, page x/y), not in the text.
    BrowserHeaderFooter,
    /// The page's own footer 「第 n 页 共 m 页」 or 「- n -」, not in the text.
    PageFooter,
    /// A blank cell or a 「/」 in table 三.
    Blanks,
}

/// The committed PDFs (scripts/gen-printed-pdfs.sh `FIXTURES`) and what each shows.
const CASES: &[(&str, &[Shows])] = &[
    // LibreOffice from an A5 .docx with header rows marked to repeat; a wrong number in 表四
    ("s100.lo5", &[Shows::RowCut, Shows::WrappedTitle, Shows::SpreadLabels, Shows::Blanks]),
    // a wrong number in 表三
    ("s106.narrow", &[Shows::HeaderOnce, Shows::RowCut, Shows::WrappedTitle, Shows::SpreadLabels, Shows::BrowserHeaderFooter]),
    // a wrong number in 表三
    ("s109.a5n", &[Shows::HeaderOnce, Shows::WrappedTitle]),
    ("s115.short", &[Shows::HeaderOnce, Shows::PageFooter, Shows::Blanks]),
    ("s118.a4l", &[Shows::RepeatedHeader]),
    // LibreOffice from an A5 .docx, header rows not repeated, table size 12 pt; a wrong number in 表三
    ("s120.lo5", &[Shows::RowCut, Shows::WrappedTitle, Shows::SpreadLabels, Shows::Blanks]),
    // a wrong number in 表四
    ("s121.letter", &[Shows::HeaderOnce, Shows::BrowserHeaderFooter]),
    // a wrong number in 表四
    ("s124.big", &[Shows::RepeatedHeader, Shows::BrowserHeaderFooter]),
    // a wrong number in 表三
    ("s130.a4", &[Shows::Blanks]),
    // PDF.js cuts 「(二)」 into 「(」「二」「)…」 beside 「年 度 办」
    ("s135.a5", &[Shows::WrappedTitle, Shows::SpreadLabels, Shows::BrowserHeaderFooter, Shows::Blanks]),
    // 「无 法」 of 「（四）无法提供」 spread level with the row's values
    ("s136.a5", &[Shows::RepeatedHeader, Shows::WrappedTitle, Shows::SpreadLabels, Shows::BrowserHeaderFooter]),
    ("s139.short", &[Shows::HeaderOnce, Shows::SpreadLabels, Shows::PageFooter]),
    // the real report's Word form
    ("tcword.big", &[Shows::RepeatedHeader, Shows::RowCut]),
];

fn pos(l: &Layout, off: usize) -> nianbao::input::positioned::Pos {
    let i = l.positions.partition_point(|p| p.0 <= off).max(1) - 1;
    l.positions[i].1
}

fn shows(stem: &str, what: Shows) -> bool {
    let doc = items_of(stem);
    let l = layout(&doc);
    let c = nianbao::check_positioned(&doc);
    assert_eq!(c.text, l.text);
    let pages_with = |s: &str| {
        let mut p: Vec<u32> = doc.items.iter().filter(|i| i.text.contains(s)).map(|i| i.page).collect();
        p.dedup();
        p.len()
    };
    let t3 = c.report.t3.as_ref();
    match what {
        Shows::RepeatedHeader => pages_with("申请人情况") >= 2 && l.text.matches("申请人情况").count() == 1,
        Shows::HeaderOnce => {
            let rows_on: std::collections::BTreeSet<u32> =
                t3.map(|t| t.rows.iter().flat_map(|r| r.cells.iter()).filter_map(|c| c.span.and_then(|s| s.page)).collect()).unwrap_or_default();
            pages_with("申请人情况") == 1 && rows_on.len() >= 2
        }
        Shows::RowCut => {
            t3.map(|t| t.rows.iter().filter_map(|r| r.label_span).any(|s| s.end > s.start && pos(&l, s.start).page != pos(&l, s.end - 1).page)).unwrap_or(false)
        }
        Shows::WrappedTitle => {
            let end = l.text.find('\n').unwrap_or(l.text.len());
            end > 0 && (pos(&l, 0).y - pos(&l, end - 1).y).abs() > 1.0 && l.text[..end].contains("年度报告")
        }
        Shows::SpreadLabels => doc.items.iter().filter(|i| i.text.chars().count() == 1 && !i.text.chars().all(|c| c.is_ascii())).count() >= 100,
        Shows::BrowserHeaderFooter => doc.items.iter().any(|i| i.text.contains("le:///")) && !l.text.contains("le:///"),
        Shows::PageFooter => {
            let footer = |s: &str| s.contains("共") && s.contains("页") || s.trim().starts_with("- ");
            doc.items.iter().filter(|i| footer(&i.text)).count() >= 2 && !l.text.lines().any(footer)
        }
        Shows::Blanks => t3
            .map(|t| t.rows.iter().flat_map(|r| r.cells.iter()).any(|c| !matches!(c.value, nianbao::value::Value::Int(_) | nianbao::value::Value::Decimal(_))))
            .unwrap_or(false),
    }
}

#[test]
fn printed_pdfs_still_show_what_they_were_chosen_for() {
    let all: Vec<String> = printed().into_iter().map(|p| p.0).collect();
    let mut failures = Vec::new();
    for (stem, whats) in CASES {
        assert!(all.iter().any(|s| s == stem), "{} is listed in CASES but missing", stem);
        for &w in *whats {
            if !shows(stem, w) {
                failures.push(format!("{}: no longer shows {:?}", stem, w));
            }
        }
    }
    for s in &all {
        assert!(CASES.iter().any(|c| c.0 == s), "{}: say in CASES what it is for", s);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
