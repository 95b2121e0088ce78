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
//! Hostile files: every step is bounded (stream sizes, operators per page, form nesting),
//! nothing here panics on bad input by design, and `read_pdf` also catches a panic from below
//! and reports the file as damaged.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::positioned::{PageSize, PositionedDoc, TextItem};

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

// ---------------------------------------------------------------- geometry

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// self then other (PDF's row-vector convention: [x y 1] × self × other).
    fn then(self, o: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od, e * oa + f * oc + oe, e * ob + f * od + of])
    }
    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
    fn vec(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.0;
        (x * a + y * c, x * b + y * d)
    }
    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
    fn finite(self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

struct PageGeom {
    width: f32,
    height: f32,
    /// User space → display space (top left origin, y down, rotated).
    view: Matrix,
}

impl PageGeom {
    fn of(doc: &Document, page: &Dictionary) -> PageGeom {
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let o = inherited(doc, page, key)?;
            let a = doc.dereference(o).ok()?.1.as_array().ok()?;
            if a.len() != 4 {
                return None;
            }
            let mut v = [0f32; 4];
            for (i, x) in a.iter().enumerate() {
                v[i] = doc.dereference(x).ok()?.1.as_float().ok()?;
            }
            let r = [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
            (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0 && r.iter().all(|x| x.is_finite())).then_some(r)
        };
        let media = rect(b"MediaBox").unwrap_or([0.0, 0.0, 612.0, 792.0]);
        // PDF.js uses the crop box clipped to the media box, when that is a real box.
        let view = match rect(b"CropBox") {
            Some(c) => {
                let i = [c[0].max(media[0]), c[1].max(media[1]), c[2].min(media[2]), c[3].min(media[3])];
                if i[2] - i[0] > 1.0 && i[3] - i[1] > 1.0 {
                    i
                } else {
                    media
                }
            }
            None => media,
        };
        let rotate = inherited(doc, page, b"Rotate").and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_i64().ok()).unwrap_or(0);
        let rotate = ((rotate % 360) + 360) % 360;
        let (w, h) = (view[2] - view[0], view[3] - view[1]);
        let base = Matrix([1.0, 0.0, 0.0, -1.0, -view[0], view[3]]);
        let (rot, width, height) = match rotate {
            90 => (Matrix([0.0, 1.0, -1.0, 0.0, h, 0.0]), h, w),
            180 => (Matrix([-1.0, 0.0, 0.0, -1.0, w, h]), w, h),
            270 => (Matrix([0.0, -1.0, 1.0, 0.0, 0.0, w]), h, w),
            _ => (Matrix::IDENTITY, w, h),
        };
        PageGeom { width, height, view: base.then(rot) }
    }
}

// ---------------------------------------------------------------- content streams

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Num(f32),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}
fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A tokenizer over a content stream, yielding (operands, operator) pairs.
struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
}

enum Token {
    Operand(Operand),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Op(Vec<u8>),
}

impl<'a> Lexer<'a> {
    fn skip_ws(&mut self) {
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if is_ws(c) {
                self.i += 1;
            } else if c == b'%' {
                while self.i < self.b.len() && self.b[self.i] != b'\n' && self.b[self.i] != b'\r' {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self) -> Option<Token> {
        self.skip_ws();
        let b = self.b;
        let c = *b.get(self.i)?;
        match c {
            b'[' => {
                self.i += 1;
                Some(Token::ArrayStart)
            }
            b']' => {
                self.i += 1;
                Some(Token::ArrayEnd)
            }
            b'<' if b.get(self.i + 1) == Some(&b'<') => {
                self.i += 2;
                Some(Token::DictStart)
            }
            b'>' if b.get(self.i + 1) == Some(&b'>') => {
                self.i += 2;
                Some(Token::DictEnd)
            }
            b'<' => {
                self.i += 1;
                let mut out = Vec::new();
                let mut hi: Option<u8> = None;
                while self.i < b.len() && b[self.i] != b'>' {
                    let d = b[self.i];
                    self.i += 1;
                    let v = match d {
                        b'0'..=b'9' => d - b'0',
                        b'a'..=b'f' => d - b'a' + 10,
                        b'A'..=b'F' => d - b'A' + 10,
                        _ => continue,
                    };
                    match hi.take() {
                        Some(h) => out.push(h << 4 | v),
                        None => hi = Some(v),
                    }
                }
                if let Some(h) = hi {
                    out.push(h << 4);
                }
                self.i += 1;
                Some(Token::Operand(Operand::Str(out)))
            }
            b'(' => {
                self.i += 1;
                let mut out = Vec::new();
                let mut depth = 1;
                while self.i < b.len() {
                    let d = b[self.i];
                    self.i += 1;
                    match d {
                        b'\\' => {
                            let Some(&e) = b.get(self.i) else { break };
                            self.i += 1;
                            match e {
                                b'n' => out.push(b'\n'),
                                b'r' => out.push(b'\r'),
                                b't' => out.push(b'\t'),
                                b'b' => out.push(8),
                                b'f' => out.push(12),
                                b'\r' => {
                                    if b.get(self.i) == Some(&b'\n') {
                                        self.i += 1;
                                    }
                                }
                                b'\n' => {}
                                b'0'..=b'7' => {
                                    let mut v = (e - b'0') as u32;
                                    for _ in 0..2 {
                                        match b.get(self.i) {
                                            Some(&o @ b'0'..=b'7') => {
                                                v = v * 8 + (o - b'0') as u32;
                                                self.i += 1;
                                            }
                                            _ => break,
                                        }
                                    }
                                    out.push(v as u8);
                                }
                                other => out.push(other),
                            }
                        }
                        b'(' => {
                            depth += 1;
                            out.push(d);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            out.push(d);
                        }
                        _ => out.push(d),
                    }
                }
                Some(Token::Operand(Operand::Str(out)))
            }
            b'/' => {
                self.i += 1;
                let s = self.i;
                while self.i < b.len() && !is_ws(b[self.i]) && !is_delim(b[self.i]) {
                    self.i += 1;
                }
                Some(Token::Operand(Operand::Name(b[s..self.i].to_vec())))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let s = self.i;
                self.i += 1;
                while self.i < b.len() && matches!(b[self.i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E') {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&b[s..self.i]).unwrap_or("0");
                Some(Token::Operand(Operand::Num(t.parse::<f32>().unwrap_or(0.0))))
            }
            b')' | b'>' | b'{' | b'}' => {
                self.i += 1;
                Some(Token::Operand(Operand::Other))
            }
            _ => {
                let s = self.i;
                while self.i < b.len() && !is_ws(b[self.i]) && !is_delim(b[self.i]) {
                    self.i += 1;
                }
                if self.i == s {
                    self.i += 1;
                }
                Some(Token::Op(b[s..self.i].to_vec()))
            }
        }
    }

    /// After `ID`: skip inline image data up to `EI` between white space.
    fn skip_inline_image(&mut self) {
        let b = self.b;
        self.i += 1;
        while self.i + 1 < b.len() {
            if b[self.i] == b'E' && b[self.i + 1] == b'I' && self.i > 0 && is_ws(b[self.i - 1]) && b.get(self.i + 2).map(|&c| is_ws(c)).unwrap_or(true) {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
        self.i = b.len();
    }

    /// The next operator with its operands.
    fn next_op(&mut self) -> Option<(Vec<Operand>, Vec<u8>)> {
        let mut stack: Vec<Vec<Operand>> = vec![Vec::new()];
        let mut dict_depth = 0usize;
        loop {
            let t = self.token()?;
            match t {
                Token::Operand(o) => {
                    if dict_depth == 0 {
                        stack.last_mut().unwrap().push(o);
                    }
                }
                Token::ArrayStart => stack.push(Vec::new()),
                Token::ArrayEnd => {
                    if stack.len() > 1 {
                        let a = stack.pop().unwrap();
                        if dict_depth == 0 {
                            stack.last_mut().unwrap().push(Operand::Array(a));
                        }
                    }
                }
                Token::DictStart => dict_depth += 1,
                Token::DictEnd => dict_depth = dict_depth.saturating_sub(1),
                Token::Op(op) => {
                    if dict_depth > 0 || stack.len() > 1 {
                        // `true`/`false`/`null` inside a dictionary or array.
                        continue;
                    }
                    if op == b"ID" {
                        self.skip_inline_image();
                        stack[0].clear();
                        continue;
                    }
                    if op == b"true" || op == b"false" || op == b"null" {
                        stack[0].push(Operand::Other);
                        continue;
                    }
                    return Some((stack.pop().unwrap(), op));
                }
            }
        }
    }
}

// ---------------------------------------------------------------- fonts

/// How a font's string bytes split into codes and map to text and widths.
#[derive(Debug, Default)]
struct Font {
    /// Code space ranges: (byte length, low, high).
    codespace: Vec<(usize, u32, u32)>,
    /// ToUnicode: single codes and ranges.
    uni: HashMap<u32, String>,
    uni_ranges: Vec<(u32, u32, Vec<u16>)>,
    /// A predefined CMap whose codes are Unicode or GBK.
    predefined: Predefined,
    /// Simple fonts: the text of each byte from the font's encoding.
    simple: Option<Vec<Option<char>>>,
    /// Widths by code (simple fonts) or CID (composite fonts), in glyph space units.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph space → text space (1/1000, or a Type 3 font's matrix).
    scale: f32,
    composite: bool,
    /// CID of a code for composite fonts with an embedded CMap (`cidrange`), else identity.
    cid_ranges: Vec<(u32, u32, u32)>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Predefined {
    #[default]
    None,
    Identity,
    Ucs2,
    Utf16,
    Gbk,
}

impl Font {
    /// Split a string into (code, byte length) pairs.
    fn codes(&self, s: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            let mut taken = 0;
            if !self.codespace.is_empty() {
                for n in 1..=4usize {
                    if i + n > s.len() {
                        break;
                    }
                    let v = s[i..i + n].iter().fold(0u32, |a, &b| a << 8 | b as u32);
                    if self.codespace.iter().any(|&(len, lo, hi)| len == n && v >= lo && v <= hi) {
                        out.push((v, n));
                        taken = n;
                        break;
                    }
                }
            }
            if taken == 0 {
                let n = if self.composite {
                    match self.predefined {
                        Predefined::Gbk if s[i] < 0x81 => 1,
                        Predefined::Utf16 if (0xD8..0xDC).contains(&s[i]) && i + 4 <= s.len() => 4,
                        _ => 2,
                    }
                } else {
                    1
                };
                let n = n.min(s.len() - i);
                let v = s[i..i + n].iter().fold(0u32, |a, &b| a << 8 | b as u32);
                out.push((v, n));
                taken = n;
            }
            i += taken;
        }
        out
    }

    fn cid(&self, code: u32) -> u32 {
        for &(lo, hi, start) in &self.cid_ranges {
            if code >= lo && code <= hi {
                return start + (code - lo);
            }
        }
        code
    }

    /// The text of one code.
    fn text(&self, code: u32, len: usize) -> Option<String> {
        if let Some(t) = self.uni.get(&code) {
            return Some(t.clone());
        }
        for (lo, hi, dst) in &self.uni_ranges {
            if code >= *lo && code <= *hi {
                let mut d = dst.clone();
                if let Some(last) = d.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                return Some(String::from_utf16_lossy(&d));
            }
        }
        match self.predefined {
            Predefined::Ucs2 => return char::from_u32(code).map(String::from),
            Predefined::Utf16 => {
                let units: Vec<u16> = if len == 4 { vec![(code >> 16) as u16, code as u16] } else { vec![code as u16] };
                return Some(String::from_utf16_lossy(&units));
            }
            Predefined::Gbk => {
                let bytes: Vec<u8> = if len == 1 { vec![code as u8] } else { vec![(code >> 8) as u8, code as u8] };
                let (t, _, bad) = encoding_rs::GBK.decode(&bytes);
                return (!bad).then(|| t.into_owned());
            }
            _ => {}
        }
        if let Some(enc) = &self.simple {
            return enc.get(code as usize).copied().flatten().map(String::from);
        }
        None
    }

    fn width(&self, code: u32) -> f32 {
        let key = if self.composite { self.cid(code) } else { code };
        self.widths.get(&key).copied().unwrap_or(self.default_width) * self.scale
    }
}

fn obj_f32(doc: &Document, o: &Object) -> Option<f32> {
    doc.dereference(o).ok()?.1.as_float().ok().filter(|v| v.is_finite())
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match doc.dereference(o).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn load_font(doc: &Document, fd: &Dictionary) -> Font {
    let mut f = Font { default_width: 0.0, scale: 0.001, ..Default::default() };
    let subtype = fd.get(b"Subtype").ok().and_then(|o| o.as_name().ok()).unwrap_or(b"");
    // ToUnicode.
    if let Some(Object::Stream(s)) = fd.get(b"ToUnicode").ok().and_then(|o| doc.dereference(o).ok()).map(|x| x.1) {
        if let Ok(data) = s.get_plain_content_with_limit(8 * 1024 * 1024) {
            parse_cmap(&data, &mut f, true);
        }
    }
    if subtype == b"Type0" {
        f.composite = true;
        f.default_width = 1000.0;
        match fd.get(b"Encoding").ok().and_then(|o| doc.dereference(o).ok()).map(|x| x.1) {
            Some(Object::Name(n)) => {
                let n = String::from_utf8_lossy(n);
                f.predefined = if n.starts_with("Identity") {
                    Predefined::Identity
                } else if n.contains("UCS2") {
                    Predefined::Ucs2
                } else if n.contains("UTF16") {
                    Predefined::Utf16
                } else if n.starts_with("GB") {
                    Predefined::Gbk
                } else {
                    Predefined::Identity
                };
            }
            Some(Object::Stream(s)) => {
                if let Ok(data) = s.get_plain_content_with_limit(8 * 1024 * 1024) {
                    let mut tmp = Font::default();
                    parse_cmap(&data, &mut tmp, false);
                    f.cid_ranges = tmp.cid_ranges;
                    if f.codespace.is_empty() {
                        f.codespace = tmp.codespace;
                    }
                }
            }
            _ => {}
        }
        if f.codespace.is_empty() && matches!(f.predefined, Predefined::Identity | Predefined::Ucs2) {
            f.codespace.push((2, 0, 0xFFFF));
        }
        let desc = fd
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|x| x.1.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref_dict(doc, o));
        if let Some(cid) = desc {
            if let Some(dw) = cid.get(b"DW").ok().and_then(|o| obj_f32(doc, o)) {
                f.default_width = dw;
            }
            if let Some(w) = cid.get(b"W").ok().and_then(|o| doc.dereference(o).ok()).and_then(|x| x.1.as_array().ok()) {
                let mut i = 0;
                while i < w.len() && f.widths.len() < 200_000 {
                    let Some(first) = obj_f32(doc, &w[i]) else { break };
                    match w.get(i + 1).and_then(|o| doc.dereference(o).ok()).map(|x| x.1) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                if let Some(v) = obj_f32(doc, v) {
                                    f.widths.insert(first as u32 + k as u32, v);
                                }
                            }
                            i += 2;
                        }
                        Some(_) => {
                            let last = w.get(i + 1).and_then(|o| obj_f32(doc, o)).unwrap_or(first);
                            let v = w.get(i + 2).and_then(|o| obj_f32(doc, o)).unwrap_or(f.default_width);
                            let (a, b) = (first as u32, (last as u32).min(first as u32 + 65_536));
                            for c in a..=b {
                                f.widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
        return f;
    }
    // Simple fonts.
    if subtype == b"Type3" {
        if let Some(m) = fd.get(b"FontMatrix").ok().and_then(|o| doc.dereference(o).ok()).and_then(|x| x.1.as_array().ok()) {
            if let Some(a) = m.first().and_then(|o| obj_f32(doc, o)) {
                f.scale = a;
            }
        }
    }
    let first = fd.get(b"FirstChar").ok().and_then(|o| obj_f32(doc, o)).unwrap_or(0.0) as u32;
    if let Some(ws) = fd.get(b"Widths").ok().and_then(|o| doc.dereference(o).ok()).and_then(|x| x.1.as_array().ok()) {
        for (k, w) in ws.iter().enumerate().take(256) {
            if let Some(w) = obj_f32(doc, w) {
                f.widths.insert(first + k as u32, w);
            }
        }
    }
    let desc = fd.get(b"FontDescriptor").ok().and_then(|o| deref_dict(doc, o));
    f.default_width = desc.and_then(|d| d.get(b"MissingWidth").ok()).and_then(|o| obj_f32(doc, o)).unwrap_or(if f.widths.is_empty() { 500.0 } else { 0.0 });
    // Encoding.
    let mut table: Vec<Option<char>> = (0u8..=255).map(|b| if (0x20..0x7F).contains(&b) { Some(b as char) } else { None }).collect();
    let enc = fd.get(b"Encoding").ok().and_then(|o| doc.dereference(o).ok()).map(|x| x.1);
    let base = match enc {
        Some(Object::Name(n)) => Some(n.as_slice()),
        Some(Object::Dictionary(d)) => d.get(b"BaseEncoding").ok().and_then(|o| o.as_name().ok()),
        _ => None,
    };
    let base_enc = match base {
        Some(b"MacRomanEncoding") => Some(encoding_rs::MACINTOSH),
        Some(b"StandardEncoding") => None,
        _ => Some(encoding_rs::WINDOWS_1252),
    };
    if let Some(e) = base_enc {
        for b in 0x80u16..=0xFF {
            let byte = [b as u8];
            let (t, _, bad) = e.decode(&byte);
            if !bad {
                table[b as usize] = t.chars().next();
            }
        }
    }
    if let Some(Object::Dictionary(d)) = enc {
        if let Ok(diffs) = d.get(b"Differences").and_then(|o| o.as_array()) {
            let mut code = 0usize;
            for o in diffs {
                match doc.dereference(o).map(|x| x.1) {
                    Ok(Object::Integer(n)) => code = (*n).clamp(0, 255) as usize,
                    Ok(Object::Name(name)) => {
                        if code < 256 {
                            table[code] = glyph_char(name);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    f.simple = Some(table);
    f
}

/// Unicode for common glyph names (Differences arrays).
fn glyph_char(name: &[u8]) -> Option<char> {
    let n = std::str::from_utf8(name).ok()?;
    if let Some(h) = n.strip_prefix("uni").filter(|h| h.len() >= 4) {
        return u32::from_str_radix(&h[..4], 16).ok().and_then(char::from_u32);
    }
    if let Some(h) = n.strip_prefix('u').filter(|h| (4..=6).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit())) {
        return u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    }
    if n.len() == 1 {
        return n.chars().next();
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("period", '.'),
        ("comma", ','),
        ("colon", ':'),
        ("semicolon", ';'),
        ("hyphen", '-'),
        ("minus", '-'),
        ("endash", '–'),
        ("emdash", '—'),
        ("slash", '/'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("bracketleft", '['),
        ("bracketright", ']'),
        ("percent", '%'),
        ("plus", '+'),
        ("equal", '='),
        ("quotedbl", '"'),
        ("quotesingle", '\''),
        ("quoteleft", '‘'),
        ("quoteright", '’'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("underscore", '_'),
        ("at", '@'),
        ("ampersand", '&'),
        ("numbersign", '#'),
        ("asterisk", '*'),
        ("bullet", '•'),
        ("periodcentered", '·'),
    ];
    NAMES.iter().find(|(k, _)| *k == n).map(|(_, c)| *c)
}

/// Parse a CMap (ToUnicode, or an embedded encoding CMap when `to_unicode` is false).
fn parse_cmap(data: &[u8], f: &mut Font, to_unicode: bool) {
    let mut lx = Lexer { b: data, i: 0 };
    let mut operands: Vec<Operand> = Vec::new();
    let mut mode: &[u8] = b"";
    let mut budget = 1_000_000usize;
    while let Some(t) = lx.token() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match t {
            Token::Operand(o) => operands.push(o),
            Token::ArrayStart => {
                // bfrange destination arrays: collect strings up to ']'.
                let mut arr = Vec::new();
                while let Some(t) = lx.token() {
                    match t {
                        Token::Operand(o) => arr.push(o),
                        _ => break,
                    }
                }
                operands.push(Operand::Array(arr));
            }
            Token::Op(op) => {
                match op.as_slice() {
                    b"begincodespacerange" => mode = b"cs",
                    b"beginbfchar" => mode = b"bfchar",
                    b"beginbfrange" => mode = b"bfrange",
                    b"begincidrange" => mode = b"cidrange",
                    b"begincidchar" => mode = b"cidchar",
                    b"endcodespacerange" => {
                        for p in operands.chunks(2) {
                            if let [Operand::Str(lo), Operand::Str(hi)] = p {
                                if !lo.is_empty() && lo.len() <= 4 && lo.len() == hi.len() {
                                    f.codespace.push((lo.len(), be(lo), be(hi)));
                                }
                            }
                        }
                        mode = b"";
                    }
                    b"endbfchar" if to_unicode => {
                        for p in operands.chunks(2) {
                            if let [Operand::Str(src), dst] = p {
                                if let Some(t) = dst_text(dst) {
                                    f.uni.insert(be(src), t);
                                }
                            }
                        }
                        mode = b"";
                    }
                    b"endbfrange" if to_unicode => {
                        for p in operands.chunks(3) {
                            if let [Operand::Str(lo), Operand::Str(hi), dst] = p {
                                let (lo, hi) = (be(lo), be(hi));
                                if hi < lo {
                                    continue;
                                }
                                match dst {
                                    Operand::Str(d) => f.uni_ranges.push((lo, hi, utf16(d))),
                                    Operand::Array(list) => {
                                        for (k, d) in list.iter().enumerate().take(65_536) {
                                            if let Some(t) = dst_text(d) {
                                                f.uni.insert(lo + k as u32, t);
                                            }
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        mode = b"";
                    }
                    b"endcidrange" if !to_unicode => {
                        for p in operands.chunks(3) {
                            if let [Operand::Str(lo), Operand::Str(hi), Operand::Num(cid)] = p {
                                f.cid_ranges.push((be(lo), be(hi), *cid as u32));
                            }
                        }
                        mode = b"";
                    }
                    b"endcidchar" if !to_unicode => {
                        for p in operands.chunks(2) {
                            if let [Operand::Str(c), Operand::Num(cid)] = p {
                                let c = be(c);
                                f.cid_ranges.push((c, c, *cid as u32));
                            }
                        }
                        mode = b"";
                    }
                    _ => {}
                }
                let _ = mode;
                operands.clear();
            }
            _ => {}
        }
    }
}

fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &x| a << 8 | x as u32)
}

fn utf16(b: &[u8]) -> Vec<u16> {
    b.chunks(2).map(|c| if c.len() == 2 { (c[0] as u16) << 8 | c[1] as u16 } else { c[0] as u16 }).collect()
}

fn dst_text(o: &Operand) -> Option<String> {
    match o {
        Operand::Str(d) => Some(String::from_utf16_lossy(&utf16(d))),
        Operand::Name(n) => glyph_char(n).map(String::from),
        _ => None,
    }
}

// ---------------------------------------------------------------- the interpreter

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<std::rc::Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
}

/// A run of glyphs that follow each other: becomes one item.
struct Run {
    x: f32,
    y: f32,
    end: (f32, f32),
    size: f32,
    dir: u16,
    text: String,
}

struct Interp<'a> {
    doc: &'a Document,
    page: u32,
    view: Matrix,
    items: Vec<TextItem>,
    ops: usize,
    fonts: &'a mut HashMap<ObjectId, std::rc::Rc<Font>>,
    /// Forms being run (to refuse cycles).
    forms: Vec<ObjectId>,
}

impl<'a> Interp<'a> {
    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<std::rc::Rc<Font>> {
        let doc = self.doc;
        let fonts = deref_dict(doc, resources?.get(b"Font").ok()?)?;
        let o = fonts.get(name).ok()?;
        let id = o.as_reference().ok();
        if let Some(id) = id {
            if let Some(f) = self.fonts.get(&id) {
                return Some(f.clone());
            }
        }
        let fd = deref_dict(doc, o)?;
        let f = std::rc::Rc::new(load_font(doc, fd));
        if let Some(id) = id {
            self.fonts.insert(id, f.clone());
        }
        Some(f)
    }

    fn flush(&mut self, run: &mut Option<Run>) {
        if let Some(r) = run.take() {
            if !r.text.trim().is_empty() {
                let w = ((r.end.0 - r.x).powi(2) + (r.end.1 - r.y).powi(2)).sqrt();
                let r2 = |v: f32| (v * 100.0).round() / 100.0;
                self.items.push(TextItem { page: self.page, x: r2(r.x), y: r2(r.y), w: r2(w), h: r2(r.size), dir: r.dir, text: r.text });
            }
        }
    }

    /// Run a content stream with its resources and the matrix it starts with.
    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, ctm: Matrix, depth: usize) {
        let mut gs = GState { ctm, font: None, size: 0.0, char_spacing: 0.0, word_spacing: 0.0, hscale: 1.0, leading: 0.0, rise: 0.0 };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut run: Option<Run> = None;
        let mut lx = Lexer { b: content, i: 0 };
        while let Some((args, op)) = lx.next_op() {
            self.ops += 1;
            if self.ops > MAX_OPS_PER_PAGE {
                break;
            }
            let n = |i: usize| args.get(i).and_then(|o| o.num());
            match op.as_slice() {
                b"q" => {
                    if stack.len() < 256 {
                        stack.push(gs.clone());
                    }
                }
                b"Q" => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                    }
                }
                b"cm" => {
                    if let (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) = (n(0), n(1), n(2), n(3), n(4), n(5)) {
                        let m = Matrix([a, b, c, d, e, f]).then(gs.ctm);
                        if m.finite() {
                            gs.ctm = m;
                        }
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"ET" => self.flush(&mut run),
                b"Tf" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        gs.font = self.font(resources, name);
                    }
                    if let Some(s) = n(1) {
                        gs.size = s;
                    }
                }
                b"Tc" => gs.char_spacing = n(0).unwrap_or(0.0),
                b"Tw" => gs.word_spacing = n(0).unwrap_or(0.0),
                b"Tz" => gs.hscale = n(0).unwrap_or(100.0) / 100.0,
                b"TL" => gs.leading = n(0).unwrap_or(0.0),
                b"Ts" => gs.rise = n(0).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    let (x, y) = (n(0).unwrap_or(0.0), n(1).unwrap_or(0.0));
                    if op == b"TD" {
                        gs.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) = (n(0), n(1), n(2), n(3), n(4), n(5)) {
                        let m = Matrix([a, b, c, d, e, f]);
                        if m.finite() {
                            tlm = m;
                            tm = m;
                        }
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"'" || op == b"\"" {
                        if op == b"\"" {
                            gs.word_spacing = n(0).unwrap_or(gs.word_spacing);
                            gs.char_spacing = n(1).unwrap_or(gs.char_spacing);
                        }
                        tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                        tm = tlm;
                    }
                    let parts: Vec<Operand> = match args.last() {
                        Some(Operand::Array(a)) if op == b"TJ" => a.clone(),
                        Some(s @ Operand::Str(_)) => vec![s.clone()],
                        _ => vec![],
                    };
                    for p in parts {
                        match p {
                            Operand::Num(k) if k.is_finite() => {
                                let tx = -k / 1000.0 * gs.size * gs.hscale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                            Operand::Str(s) => self.show(&s, &gs, &mut tm, &mut run),
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if depth < MAX_FORM_DEPTH {
                        if let Some(Operand::Name(name)) = args.first() {
                            self.flush(&mut run);
                            self.form(resources, name, gs.ctm, depth);
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut run);
    }

    fn form(&mut self, resources: Option<&'a Dictionary>, name: &[u8], ctm: Matrix, depth: usize) {
        let doc = self.doc;
        let Some(xobjects) = resources.and_then(|r| r.get(b"XObject").ok()).and_then(|o| deref_dict(doc, o)) else { return };
        let Ok(o) = xobjects.get(name) else { return };
        let Ok((id, Object::Stream(s))) = doc.dereference(o) else { return };
        if s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) != Some(b"Form") {
            return;
        }
        if let Some(id) = id {
            if self.forms.contains(&id) {
                return;
            }
            self.forms.push(id);
        }
        let m = s
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|x| x.1.as_array().ok())
            .and_then(|a| {
                let v: Vec<f32> = a.iter().filter_map(|o| obj_f32(doc, o)).collect();
                (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
            })
            .unwrap_or(Matrix::IDENTITY);
        let res = s.dict.get(b"Resources").ok().and_then(|o| deref_dict(doc, o)).or(resources);
        if let Ok(data) = s.get_plain_content_with_limit(MAX_STREAM) {
            self.run(&data, res, m.then(ctm), depth + 1);
        }
        if id.is_some() {
            self.forms.pop();
        }
    }

    /// Show a string: glyph by glyph, extending or starting runs.
    fn show(&mut self, s: &[u8], gs: &GState, tm: &mut Matrix, run: &mut Option<Run>) {
        let Some(font) = gs.font.clone() else { return };
        for (code, len) in font.codes(s) {
            let trm = Matrix([gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise]).then(*tm).then(gs.ctm);
            let disp = trm.then(self.view);
            let (x, y) = disp.apply(0.0, 0.0);
            let (ux, uy) = disp.vec(1.0, 0.0);
            let (vx, vy) = disp.vec(0.0, 1.0);
            let size = (vx * vx + vy * vy).sqrt();
            let dir = {
                let a = uy.atan2(ux).to_degrees();
                ((((a / 90.0).round() as i32 * 90) % 360 + 360) % 360) as u16
            };
            let text = font.text(code, len);
            let w0 = font.width(code);
            let is_space = len == 1 && code == 32;
            let tx = (w0 * gs.size + gs.char_spacing + if is_space { gs.word_spacing } else { 0.0 }) * gs.hscale;
            *tm = Matrix::translate(tx, 0.0).then(*tm);
            let (ex, ey) = tm.then(gs.ctm).then(self.view).apply(0.0, gs.rise);
            let _ = (ex, ey);
            let end = {
                let t2 = Matrix([gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise]).then(*tm).then(gs.ctm).then(self.view);
                t2.apply(0.0, 0.0)
            };
            if !(x.is_finite() && y.is_finite() && size.is_finite()) {
                continue;
            }
            let Some(text) = text else { continue };
            let text: String = text.chars().filter(|c| !c.is_control() && *c != '\u{FFFD}').collect();
            if text.is_empty() {
                continue;
            }
            let continues = match run.as_ref() {
                Some(r) => {
                    r.dir == dir
                        && (r.size - size).abs() <= 0.05 * size.max(0.1)
                        && ((r.end.0 - x).powi(2) + (r.end.1 - y).powi(2)).sqrt() <= 0.15 * size.max(0.1)
                }
                None => false,
            };
            if !continues {
                self.flush(run);
                *run = Some(Run { x, y, end: end, size, dir, text: String::new() });
            }
            let r = run.as_mut().unwrap();
            r.text.push_str(&text);
            r.end = end;
        }
    }
}

#[cfg(test)]
mod tests {
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
