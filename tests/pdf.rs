//! PDF, Word and web page files: every real fixture reads exactly, whichever way it comes in.
//!
//! - `tests/data/pdfjs/*.items.json`: the positioned items PDF.js gives for the real PDFs
//!   (as the page reads them; regenerate with `node scripts/pdf-items.mjs --out tests/data/pdfjs
//!   ../shared/fixtures/real/*.pdf`). Checked through `check_positioned`, every table value
//!   must equal the truth and the P/D/T/A findings must be those of the truth.
//! - the PDFs themselves, read natively as the CLI does: the same.

mod common;

use common::*;

#[test]
fn pdfjs_items_of_the_real_pdfs_read_exactly() {
    let mut failures = Vec::new();
    for name in REAL_PDFS {
        let path = data_dir().join("pdfjs").join(format!("{}.items.json", name));
        let doc: nianbao::input::positioned::PositionedDoc = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let checked = nianbao::check_positioned(&doc);
        if std::env::var("SHOW").is_ok() {
            println!("===== {}\n{}", name, checked.text);
        }
        let errs = compare_with_truth(&checked.report, &truth(name));
        if !errs.is_empty() {
            failures.push(format!("{} (PDF.js items):\n    {}", name, errs.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn real_pdfs_read_natively_exactly() {
    let mut failures = Vec::new();
    for name in REAL_PDFS {
        let path = shared().join("real").join(format!("{}.pdf", name));
        let bytes = std::fs::read(&path).unwrap();
        let checked = nianbao::check_file(&bytes, path.to_str());
        if std::env::var("SHOW").is_ok() {
            println!("===== {} (native)\n{}", name, checked.text);
        }
        assert_eq!(checked.report.input_form, "pdf", "{}", name);
        let errs = compare_with_truth(&checked.report, &truth(name));
        if !errs.is_empty() {
            failures.push(format!("{} (native):\n    {}", name, errs.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore]
fn dump_native_items() {
    let name = std::env::var("PDF").unwrap_or("hongzequ_2023".into());
    let bytes = std::fs::read(shared().join("real").join(format!("{}.pdf", name))).unwrap();
    let doc = nianbao::input::pdf::read_pdf(&bytes).unwrap();
    println!("{}", serde_json::to_string(&doc.pages.iter().map(|p| (p.width, p.height)).collect::<Vec<_>>()).unwrap());
    for it in &doc.items {
        println!("{} {} {} {} {} {} {:?}", it.page, it.x, it.y, it.w, it.h, it.dir, it.text);
    }
}
