//! Native PDF reading for the CLI: a PDF's text as positioned items (`positioned::TextItem`),
//! the same items the page gets from PDF.js, so both read a PDF the same way.
//!
//! `lopdf` reads the file's structure (cross references, object streams, filters, decryption
//! with the empty password, repair of damaged cross references). The text itself is read here:
//! a small content-stream interpreter follows the graphics and text state (`cm`, `q`/`Q`,
//! `BT`…`ET`, `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`, `Td`/`TD`/`Tm`/`T*`, `Tj`/`TJ`/`'`/`"`, form
//! XObjects with `Do`) and decodes strings with the font's ToUnicode CMap (the reports' WPS- and
//! Word-made CID fonts all have one), or its predefined CMap (UCS-2/UTF-16/GBK), or its simple
//! encoding (WinAnsi, MacRoman, Differences). Glyph advances come from the font's widths.
//! Consecutive glyphs that follow each other on the page form one item.
//!
//! Coordinates are turned into display space exactly as PDF.js's viewport does: the crop box
//! (or media box) with its origin at the top left, y down, the page's /Rotate applied.
//!
//! The parts: `lexer` (content-stream tokens and operands), `font` (fonts, CMaps, encodings and
//! glyph widths), `geom` (matrices and the page's display space), `interp` (the content-stream
//! interpreter that turns text-showing operators into positioned items).
//!
//! Hostile files: every step is bounded (stream sizes, operators per page, form nesting),
//! nothing here panics on bad input by design, and `read_pdf` also catches a panic from below
//! and reports the file as damaged.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::input::positioned::{PageSize, PositionedDoc};

mod font;
mod geom;
mod interp;
mod lexer;

use font::Font;
use geom::{Matrix, PageGeom};
use interp::Interp;

#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// Needs a password to open.
    Encrypted,
    /// Not a PDF that can be read; the detail is for the message.
    Damaged(String),
}

/// Largest decompressed stream (content, font, object stream).
const MAX_STREAM: usize = 64 * 1024 * 1024;
/// Most content operators interpreted per page (forms included).
const MAX_OPS_PER_PAGE: usize = 2_000_000;
/// Deepest nesting of form XObjects.
const MAX_FORM_DEPTH: usize = 12;
/// Most pages read.
const MAX_PAGES: usize = 2_000;

/// Read a PDF's text as positioned items.
pub fn read_pdf(bytes: &[u8]) -> Result<PositionedDoc, PdfError> {
    match std::panic::catch_unwind(|| read_inner(bytes)) {
        Ok(r) => r,
        Err(_) => Err(PdfError::Damaged("文件结构无法解析".into())),
    }
}

fn read_inner(bytes: &[u8]) -> Result<PositionedDoc, PdfError> {
    let opts = LoadOptions { max_decompressed_size: Some(MAX_STREAM), ..Default::default() };
    let doc = Document::load_mem_with_options(bytes, opts).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Encrypted,
        e => PdfError::Damaged(short(&e.to_string())),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        // Declares encryption but could not be opened with the empty password.
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::Damaged("找不到任何页面".into()));
    }
    let mut out = PositionedDoc::default();
    let mut fonts: HashMap<ObjectId, std::rc::Rc<Font>> = HashMap::new();
    let mut broken = 0;
    for (n, (_, &page_id)) in pages.iter().enumerate().take(MAX_PAGES) {
        let page_no = n as u32 + 1;
        let Ok(page) = doc.get_dictionary(page_id) else {
            out.pages.push(PageSize { width: 595.0, height: 842.0 });
            continue;
        };
        let geom = PageGeom::of(&doc, page);
        out.pages.push(PageSize { width: geom.width, height: geom.height });
        let (content, ok) = page_content(&doc, page);
        broken += usize::from(!ok);
        let resources = inherited(&doc, page, b"Resources").and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok());
        let mut interp = Interp { doc: &doc, page: page_no, view: geom.view, items: Vec::new(), ops: 0, fonts: &mut fonts, forms: Vec::new() };
        interp.run(&content, resources, Matrix::IDENTITY, 0);
        out.items.extend(interp.items);
    }
    // No text and pages whose content is missing: damaged, not a scan.
    let chars: usize = out.items.iter().map(|i| i.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
    if chars < 20 && (broken > 0 || doc.xref_recovery.is_some()) {
        return Err(PdfError::Damaged("页面内容缺失".into()));
    }
    Ok(out)
}

fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// A page attribute, inherited from the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut d = page;
    for _ in 0..32 {
        if let Ok(v) = d.get(key) {
            return Some(v);
        }
        let parent = d.get(b"Parent").ok()?;
        d = doc.dereference(parent).ok()?.1.as_dict().ok()?;
    }
    None
}

/// A page's content streams, concatenated; `false` when some could not be read (missing
/// objects, broken compression): the file is damaged.
fn page_content(doc: &Document, page: &Dictionary) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let mut ok = true;
    let Ok(c) = page.get(b"Contents") else { return (out, true) };
    let list: Vec<&Object> = match doc.dereference(c) {
        Ok((_, Object::Array(a))) => a.iter().collect(),
        Ok((_, o)) => vec![o],
        Err(_) => return (out, false),
    };
    for o in list {
        match doc.dereference(o) {
            Ok((_, Object::Stream(s))) => match s.get_plain_content_with_limit(MAX_STREAM) {
                Ok(data) => {
                    out.extend_from_slice(&data);
                    out.push(b'\n');
                }
                Err(_) => ok = false,
            },
            _ => ok = false,
        }
        if out.len() > MAX_STREAM {
            break;
        }
    }
    (out, ok)
}

#[cfg(test)]
mod tests {
    use super::font::{parse_cmap, Font};
    use super::lexer::{Lexer, Operand};
    use super::*;

    #[test]
    fn lexer_reads_operands_and_skips_inline_images() {
        let s = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (a\\)b\\101) Tj [<0041> -250 (c)] TJ ET BI /W 2 /H 2 ID \x00\xff EI q";
        let mut lx = Lexer { b: s, i: 0 };
        let mut ops = Vec::new();
        while let Some((args, op)) = lx.next_op() {
            ops.push((String::from_utf8_lossy(&op).to_string(), args));
        }
        let names: Vec<&str> = ops.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, vec!["BT", "Tf", "Tm", "Tj", "TJ", "ET", "BI", "q"]);
        assert_eq!(ops[3].1, vec![Operand::Str(b"a)bA".to_vec())]);
        assert_eq!(ops[4].1, vec![Operand::Array(vec![Operand::Str(vec![0, 0x41]), Operand::Num(-250.0), Operand::Str(b"c".to_vec())])]);
    }

    #[test]
    fn to_unicode_cmaps() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange \
            2 beginbfchar <0003> <0020> <0010> <4E00> endbfchar 2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0031> <D83DDE00>] endbfrange endcmap";
        let mut f = Font { composite: true, ..Default::default() };
        parse_cmap(cmap, &mut f, true);
        let text: Vec<String> = f.codes(&[0, 0x10, 0, 0x21, 0, 0x31, 0, 3]).into_iter().map(|(c, l)| f.text(c, l).unwrap_or_default()).collect();
        assert_eq!(text, vec!["一", "B", "😀", " "]);
    }

    #[test]
    fn damaged_and_empty_input_is_an_error_not_a_panic() {
        assert!(matches!(read_pdf(b"%PDF-1.4\n garbage"), Err(PdfError::Damaged(_))));
        assert!(matches!(read_pdf(b""), Err(PdfError::Damaged(_))));
    }
}
