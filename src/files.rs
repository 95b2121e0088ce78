//! The files users actually have: PDF, Word (.docx), web pages, text in any common encoding.
//!
//! Every entry point returns the report together with the text its spans point into, so the
//! page can show that text with the findings highlighted and the CLI can quote its lines:
//! - PDF: the text rebuilt from positioned items (`positioned`); spans also carry the page and
//!   the place on it. The page gets the items from PDF.js, the CLI reads them natively
//!   (`crate::pdf`); both go through `check_positioned`.
//! - .docx: the tab-separated text of the document (`docx`).
//! - HTML: for a file given to the CLI the spans point into the markup (`check_html`); for the
//!   page (`check_html_flat`) into the flattened text, which is what a person reads.
//! - text: decoded from UTF-8 (with or without BOM), UTF-16 with BOM or GBK/GB18030.
//!
//! What cannot be read gets a clear message instead: a scanned PDF with no text layer, an
//! encrypted or damaged PDF, a file over the size limit, a .docx that would unpack too far,
//! a legacy .doc/.wps.

use crate::check::{not_text, run_as};
use crate::decode::{decode, Decoded};
use crate::html;
use crate::model::Report;
use crate::positioned::{layout, PositionedDoc};
use crate::source::Source;

/// Largest file read (a long report PDF with scanned seals is about 10 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// A PDF with fewer characters of text than this is taken to have no text layer.
const MIN_PDF_CHARS: usize = 20;

/// A report and the text its spans point into.
#[derive(Debug, Clone)]
pub struct Checked {
    pub text: String,
    pub report: Report,
    /// How the file was read: "UTF-8", "GB18030", "pdf", "docx", "html" …
    pub encoding: String,
    /// Why the file could not be read at all (the report then holds only this, as D01).
    pub error: Option<String>,
}

/// What kind of file the bytes are, by their first bytes (and the name, for HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Docx,
    /// A legacy OLE file: .doc, .wps, .xls.
    LegacyOffice,
    Html,
    Text,
}

pub fn kind_of(bytes: &[u8], file_name: Option<&str>) -> Kind {
    let lower = file_name.unwrap_or("").to_ascii_lowercase();
    // The header may follow some junk; readers accept it within the first KiB.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Docx;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::LegacyOffice;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".shtml") || lower.ends_with(".xhtml") {
        return Kind::Html;
    }
    Kind::Text
}

fn unreadable(reason: String, form: &'static str, text: String) -> Checked {
    let mut report = not_text(&reason);
    report.input_form = form;
    Checked { text, report, encoding: form.to_string(), error: Some(reason) }
}

fn too_large(len: usize) -> Checked {
    unreadable(
        format!("文件太大（{:.1} MB，上限 {} MB）。请只保留年度报告本身，或复制报告文字粘贴进来。", len as f64 / 1048576.0, MAX_FILE_BYTES / 1048576),
        "binary",
        String::new(),
    )
}

/// Check any file: PDF (natively, when built with the `pdf` feature), .docx, HTML, text.
/// For HTML the spans point into the decoded markup.
pub fn check_file(bytes: &[u8], file_name: Option<&str>) -> Checked {
    if bytes.len() > MAX_FILE_BYTES {
        return too_large(bytes.len());
    }
    match kind_of(bytes, file_name) {
        Kind::Pdf => check_pdf(bytes),
        Kind::Docx => check_docx(bytes),
        Kind::LegacyOffice => unreadable(
            "这是旧版 Word/WPS 文件（.doc/.wps），无法直接读取。请在 Word 或 WPS 中「另存为」.docx 或 PDF 后再拖进来，或复制文字粘贴进来。".into(),
            "binary",
            String::new(),
        ),
        Kind::Html => {
            let (text, enc) = decode_html(bytes);
            let report = crate::check_html(&text);
            Checked { text, report, encoding: enc, error: None }
        }
        Kind::Text => match decode(bytes) {
            Decoded::NotText(reason) => unreadable(reason, "binary", String::new()),
            Decoded::Text { text, encoding } => {
                let report = crate::check_text(&text);
                Checked { text, report, encoding: encoding.to_string(), error: None }
            }
        },
    }
}

/// Like `check_file`, but an HTML page is checked as its flattened text, and that text is
/// returned (what the page shows). Other kinds are the same as `check_file`.
pub fn check_file_flat(bytes: &[u8], file_name: Option<&str>) -> Checked {
    if bytes.len() <= MAX_FILE_BYTES && kind_of(bytes, file_name) == Kind::Html {
        let (text, enc) = decode_html(bytes);
        let mut c = check_html_flat(&text);
        c.encoding = enc;
        return c;
    }
    let c = check_file(bytes, file_name);
    if c.report.input_form == "html" {
        // Recognised as HTML by its content (a .txt holding markup).
        let mut f = check_html_flat(&c.text);
        f.encoding = c.encoding;
        return f;
    }
    c
}

/// An HTML page (a dropped file, or the clipboard's text/html when copying from a portal
/// page), checked as the text a person reads: table rows as lines, cells separated by tabs.
pub fn check_html_flat(markup: &str) -> Checked {
    let flat = html::flatten(markup.to_string()).text().to_string();
    let report = run_as(Source::plain(flat.clone()), Some("html"));
    Checked { text: flat, report, encoding: "html".into(), error: None }
}

/// Decode an HTML file: the charset its `<meta>` declares (GBK/GB2312 pages are common),
/// otherwise as text is decoded.
pub fn decode_html(bytes: &[u8]) -> (String, String) {
    if let Some(cs) = html::declared_charset(bytes) {
        // Only the charsets Chinese government pages use; naming encodings by label would link
        // every decoder of encoding_rs into the page's wasm.
        match cs.as_str() {
            // GB2312 and GBK pages often hold GB18030 characters: decode with the superset.
            "gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936" | "ms936" | "windows-936" | "euc-cn" | "csgb2312" | "chinese" | "iso-ir-58" => {
                let (text, _, _) = encoding_rs::GB18030.decode(bytes);
                return (text.into_owned(), "GB18030".into());
            }
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => {
                let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
                return (String::from_utf8_lossy(b).into_owned(), "UTF-8".into());
            }
            _ => {}
        }
    }
    match decode(bytes) {
        Decoded::Text { text, encoding } => (text, encoding.to_string()),
        Decoded::NotText(_) => (String::from_utf8_lossy(bytes).into_owned(), "UTF-8".into()),
    }
}

/// A .docx file.
#[cfg(feature = "docx")]
pub fn check_docx(bytes: &[u8]) -> Checked {
    match crate::docx::docx_text(bytes) {
        Ok(text) => check_docx_text(text),
        Err(e) => unreadable(e.message(), "docx", String::new()),
    }
}

/// Without the `docx` feature (the page's main wasm): the page reads .docx with its files
/// module (examples/files_web.rs) and checks the text with `check_docx_text`.
#[cfg(not(feature = "docx"))]
pub fn check_docx(_bytes: &[u8]) -> Checked {
    unreadable("这个版本不能直接读取 Word 文档，请另存为 PDF 或复制文字粘贴进来。".into(), "docx", String::new())
}

/// The text of a .docx (`docx::docx_text`), checked.
pub fn check_docx_text(text: String) -> Checked {
    let report = run_as(Source::plain(text.clone()), Some("docx"));
    Checked { text, report, encoding: "docx".into(), error: None }
}

/// A PDF's positioned text items (from PDF.js in the page, or `crate::pdf` in the CLI).
pub fn check_positioned(doc: &PositionedDoc) -> Checked {
    check_layout(layout(doc))
}

/// A PDF's text as rebuilt by `positioned::layout` (the page's files module does that step).
pub fn check_layout(lay: crate::positioned::Layout) -> Checked {
    if lay.chars < MIN_PDF_CHARS {
        return unreadable(scanned_message(lay.pages), "pdf", lay.text);
    }
    let text = lay.text.clone();
    let report = run_as(Source::positioned(lay), Some("pdf"));
    Checked { text, report, encoding: "pdf".into(), error: None }
}

pub fn scanned_message(pages: usize) -> String {
    format!(
        "这份 PDF（{} 页）没有可读取的文字层，可能是扫描件或图片。需要先用文字识别（OCR）软件转成带文字的 PDF 或 Word，再拖进来检查。文件只在本机读取，没有上传到任何地方。",
        pages
    )
}

pub fn encrypted_message() -> String {
    "这份 PDF 已加密（需要密码才能打开），无法读取其中的文字。请用密码打开后另存为不加密的 PDF，或复制文字粘贴进来。".into()
}

pub fn damaged_message(detail: &str) -> String {
    format!("这份 PDF 已损坏或不完整，无法读取（{}）。请重新下载或导出 PDF 后再试，或复制文字粘贴进来。", detail)
}

/// A PDF that PDF.js could not open (the page): "encrypted" or "damaged", with its detail.
pub fn pdf_error(kind: &str, detail: &str) -> Checked {
    let msg = if kind == "encrypted" { encrypted_message() } else { damaged_message(detail) };
    unreadable(msg, "pdf", String::new())
}

/// A PDF, read natively (CLI).
#[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
pub fn check_pdf(bytes: &[u8]) -> Checked {
    match crate::pdf::read_pdf(bytes) {
        Ok(doc) => check_positioned(&doc),
        Err(crate::pdf::PdfError::Encrypted) => unreadable(encrypted_message(), "pdf", String::new()),
        Err(crate::pdf::PdfError::Damaged(d)) => unreadable(damaged_message(&d), "pdf", String::new()),
    }
}

/// A PDF without native PDF support (the browser build reads PDFs with PDF.js instead).
#[cfg(not(all(feature = "pdf", not(target_arch = "wasm32"))))]
pub fn check_pdf(_bytes: &[u8]) -> Checked {
    unreadable("这是 PDF 文件。这个版本不能直接读取 PDF，请复制 PDF 中的文字粘贴进来。".into(), "pdf", String::new())
}
