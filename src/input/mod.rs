//! Input: everything that turns what the user has into a `Source`, the text the readers read
//! with the way back to the characters the user gave (and, for a PDF, where they are printed).
//!
//! The forms, each of which knows only itself:
//! - `decode`: bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030;
//!   binary files refused with a reason;
//! - `html`: a web page flattened to lines and tab-separated cells, every piece mapped back to
//!   the markup;
//! - `docx`: a Word document's text, tables as tab-separated rows (merged cells repeated);
//! - `pdf` (native, the CLI) and `positioned`: a PDF's text items with their places on the page
//!   (from our reader or from PDF.js in the page) laid out into lines and cells;
//! - `one_line`: web text with the whole report on one line, given line breaks where its
//!   structure puts them;
//! - `glyphs`: look-alike radicals (「⼀」 U+2F00) that PDF fonts map ideographs to;
//! - `source`: the `Source` itself: reader text, original text, line/column and page positions.
//!
//! This module tells the kinds of file apart by their first bytes and prepares each as an
//! `Input`: a source ready to check, or the reason it cannot be read (a scanned PDF with no text
//! layer, an encrypted or damaged PDF, a file over the size limit, a .docx that would unpack
//! too far, a legacy .doc/.wps). `check` runs the readers and rules over it.

pub mod decode;
#[cfg(feature = "docx")]
pub mod docx;
pub mod glyphs;
pub mod html;
pub mod one_line;
#[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
pub mod pdf;
pub mod positioned;
pub mod source;
pub mod whatwg;

use decode::{decode, Decoded};
use positioned::{layout, PositionedDoc};
pub use source::Source;

/// Largest file read (a long report PDF with scanned seals is about 10 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// A PDF with fewer characters of text than this is taken to have no text layer.
const MIN_PDF_CHARS: usize = 20;

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

/// What the user gave, prepared for the readers, or why it cannot be read.
pub enum Input {
    /// `form` is the input form when the kind of file tells it ("html", "pdf", "docx"),
    /// otherwise the pipeline detects it from the text. The spans of the report point into
    /// `source.original`; `encoding` says how the file was read ("UTF-8", "GB18030", "pdf" …).
    Ready { source: Source, form: Option<&'static str>, encoding: String },
    /// `form` as above ("binary" when nothing could be made of the bytes); `text` is whatever
    /// text there is to show (a scanned PDF's few characters), often none.
    Unreadable { reason: String, form: &'static str, text: String },
}

fn unreadable(reason: String, form: &'static str, text: String) -> Input {
    Input::Unreadable { reason, form, text }
}

fn too_large(len: usize) -> Input {
    unreadable(
        format!("文件太大（{:.1} MB，上限 {} MB）。请只保留年度报告本身，或复制报告文字粘贴进来。", len as f64 / 1048576.0, MAX_FILE_BYTES / 1048576),
        "binary",
        String::new(),
    )
}

/// Pasted or decoded text: a web page's markup is flattened (its spans point into the markup),
/// anything else is read as it is.
pub fn text(text: String) -> (Source, Option<&'static str>) {
    if html::looks_like_html(&text) {
        (html::flatten(text), Some("html"))
    } else {
        (plain(text), None)
    }
}

/// Plain text as the readers read it: as it is, or, when the report stands on one long line
/// (web text), with line breaks where its structure puts them (`one_line`).
pub fn plain(text: String) -> Source {
    // The structure is looked for in the text as the readers will see it (look-alike radicals
    // made ideographs; offsets unchanged).
    let unified = glyphs::same_length(&text);
    let view = unified.as_deref().unwrap_or(&text);
    match one_line::breaks(view) {
        Some(b) => {
            let mut source = match unified {
                // The reader text is the text with the breaks: the text itself is not kept
                // (the CLI's; the page keeps both, see `Source::with_breaks`).
                None if cfg!(not(target_arch = "wasm32")) => Source::with_breaks(text, &b),
                _ => {
                    let (flat, pieces) = one_line::with_breaks(view, &b);
                    Source::mapped(text, flat, pieces)
                }
            };
            source.one_line = true;
            source
        }
        None => Source::plain(text),
    }
}

fn ready((source, form): (Source, Option<&'static str>), encoding: String) -> Input {
    Input::Ready { source, form, encoding }
}

/// Any file: PDF (natively, when built with the `pdf` feature), .docx, HTML, text. For HTML
/// the spans point into the decoded markup.
pub fn file(bytes: &[u8], file_name: Option<&str>) -> Input {
    if bytes.len() > MAX_FILE_BYTES {
        return too_large(bytes.len());
    }
    match kind_of(bytes, file_name) {
        Kind::Pdf => pdf(bytes),
        Kind::Docx => docx(bytes),
        Kind::LegacyOffice => unreadable(
            "这是旧版 Word/WPS 文件（.doc/.wps），无法直接读取。请在 Word 或 WPS 中「另存为」.docx 或 PDF 后再拖进来，或复制文字粘贴进来。".into(),
            "binary",
            String::new(),
        ),
        Kind::Html => {
            let (markup, enc) = decode_html(bytes);
            ready((html::flatten(markup), Some("html")), enc)
        }
        Kind::Text => match decode(bytes) {
            Decoded::NotText(reason) => unreadable(reason, "binary", String::new()),
            Decoded::Text { text: t, encoding } => ready(text(t), encoding.to_string()),
        },
    }
}

/// `file` of bytes the caller gives up: a UTF-8 text file becomes the text without a copy
/// (the CLI reads files of tens of megabytes).
pub fn file_owned(bytes: Vec<u8>, file_name: Option<&str>) -> Input {
    if bytes.len() > MAX_FILE_BYTES {
        return too_large(bytes.len());
    }
    match kind_of(&bytes, file_name) {
        Kind::Text => match decode::decode_owned(bytes) {
            Decoded::NotText(reason) => unreadable(reason, "binary", String::new()),
            Decoded::Text { text: t, encoding } => ready(text(t), encoding.to_string()),
        },
        Kind::Html => {
            let (markup, enc) = decode_html_owned(bytes);
            ready((html::flatten(markup), Some("html")), enc)
        }
        _ => file(&bytes, file_name),
    }
}

/// `decode_html` of bytes the caller gives up: a UTF-8 page (not declared GBK) becomes its
/// text in the same buffer. (`decode_html` reads such bytes as the same text, "UTF-8".)
fn decode_html_owned(bytes: Vec<u8>) -> (String, String) {
    let gb = html::declared_charset(&bytes).is_some_and(|cs| gb_charset(&cs));
    if gb || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return decode_html(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, "UTF-8".into()),
        Err(e) => decode_html(e.as_bytes()),
    }
}

/// The charsets `decode_html` reads as GB18030.
fn gb_charset(cs: &str) -> bool {
    matches!(cs, "gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936" | "ms936" | "windows-936" | "euc-cn" | "csgb2312" | "chinese" | "iso-ir-58")
}

/// Like `file`, but an HTML page is read as its flattened text, and the spans point into that
/// text (what the page shows). Other kinds are the same as `file`.
pub fn file_flat(bytes: &[u8], file_name: Option<&str>) -> Input {
    if bytes.len() <= MAX_FILE_BYTES && kind_of(bytes, file_name) == Kind::Html {
        let (markup, enc) = decode_html(bytes);
        return with_encoding(html_flat(&markup), enc);
    }
    match file(bytes, file_name) {
        // Recognised as HTML by its content (a .txt holding markup).
        Input::Ready { source, form: Some("html"), encoding } => with_encoding(html_flat(&source.original), encoding),
        other => other,
    }
}

fn with_encoding(input: Input, enc: String) -> Input {
    match input {
        Input::Ready { source, form, .. } => Input::Ready { source, form, encoding: enc },
        other => other,
    }
}

/// An HTML page (a dropped file, or the clipboard's text/html when copying from a portal
/// page), read as the text a person reads: table rows as lines, cells separated by tabs.
pub fn html_flat(markup: &str) -> Input {
    let flat = html::flatten(markup.to_string()).text().to_string();
    ready((plain(flat), Some("html")), "html".into())
}

/// Decode an HTML file: the charset its `<meta>` declares (GBK/GB2312 pages are common),
/// otherwise as text is decoded.
pub fn decode_html(bytes: &[u8]) -> (String, String) {
    if let Some(cs) = html::declared_charset(bytes) {
        // Only the charsets Chinese government pages use; naming encodings by label would link
        // every decoder of encoding_rs into the page's wasm (`whatwg` decodes GB18030 without
        // encoding_rs for the same reason).
        match cs.as_str() {
            // GB2312 and GBK pages often hold GB18030 characters: decode with the superset.
            cs if gb_charset(cs) => {
                let (text, _) = whatwg::decode(bytes, whatwg::Encoding::Gb18030);
                return (text, "GB18030".into());
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
pub fn docx(bytes: &[u8]) -> Input {
    match docx::docx_text(bytes) {
        Ok(text) => docx_text(text),
        Err(e) => unreadable(e.message(), "docx", String::new()),
    }
}

/// Without the `docx` feature (the page's main wasm): the page reads .docx with its files
/// module (examples/files_web.rs) and checks the text with `docx_text`.
#[cfg(not(feature = "docx"))]
pub fn docx(_bytes: &[u8]) -> Input {
    unreadable("这个版本不能直接读取 Word 文档，请另存为 PDF 或复制文字粘贴进来。".into(), "docx", String::new())
}

/// The text of a .docx (`docx::docx_text`).
pub fn docx_text(text: String) -> Input {
    ready((plain(text), Some("docx")), "docx".into())
}

/// A PDF's positioned text items (from PDF.js in the page, or `pdf` in the CLI).
pub fn positioned(doc: &PositionedDoc) -> Input {
    pdf_layout(layout(doc))
}

/// A PDF's text as rebuilt by `positioned::layout` (the page's files module does that step).
pub fn pdf_layout(lay: positioned::Layout) -> Input {
    if lay.chars < MIN_PDF_CHARS {
        return unreadable(scanned_message(lay.pages), "pdf", lay.text);
    }
    ready((Source::positioned(lay), Some("pdf")), "pdf".into())
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
pub fn pdf_error(kind: &str, detail: &str) -> Input {
    let msg = if kind == "encrypted" { encrypted_message() } else { damaged_message(detail) };
    unreadable(msg, "pdf", String::new())
}

/// A PDF, read natively (CLI).
#[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
pub fn pdf(bytes: &[u8]) -> Input {
    match pdf::read_pdf(bytes) {
        Ok(doc) => positioned(&doc),
        Err(pdf::PdfError::Encrypted) => unreadable(encrypted_message(), "pdf", String::new()),
        Err(pdf::PdfError::Damaged(d)) => unreadable(damaged_message(&d), "pdf", String::new()),
    }
}

/// A PDF without native PDF support (the browser build reads PDFs with PDF.js instead).
#[cfg(not(all(feature = "pdf", not(target_arch = "wasm32"))))]
pub fn pdf(_bytes: &[u8]) -> Input {
    unreadable("这是 PDF 文件。这个版本不能直接读取 PDF，请复制 PDF 中的文字粘贴进来。".into(), "pdf", String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_an_owned_page_is_decoding_it() {
        let gbk_page = [&b"<meta charset=\"gbk\">"[..], &encoding_rs::GB18030.encode("年度报告").0].concat();
        let pages: Vec<Vec<u8>> = vec![
            "<html><meta charset=\"utf-8\"><p>年度报告</p>".as_bytes().to_vec(),
            "<p>年度报告</p>".as_bytes().to_vec(),
            "<meta charset=\"gbk\"><p>ascii only</p>".as_bytes().to_vec(),
            gbk_page,
            [&[0xEF, 0xBB, 0xBF][..], "<p>年</p>".as_bytes()].concat(),
            b"<p>\x00\x01 binary-ish</p>".to_vec(),
            vec![b'<', b'p', b'>', 0xC3, 0x28],
        ];
        for b in pages {
            assert_eq!(decode_html_owned(b.clone()), decode_html(&b), "{:?}", b);
        }
    }
}
