//! Fonts: how a shown string's bytes become characters (ToUnicode CMaps, predefined CMaps,
//! simple encodings with Differences) and how far each glyph advances.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::lexer::{Lexer, Operand, Token};

/// How a font's string bytes split into codes and map to text and widths.
#[derive(Debug, Default)]
pub(super) struct Font {
    /// Code space ranges: (byte length, low, high).
    pub(super) codespace: Vec<(usize, u32, u32)>,
    /// ToUnicode: single codes and ranges.
    pub(super) uni: HashMap<u32, String>,
    pub(super) uni_ranges: Vec<(u32, u32, Vec<u16>)>,
    /// A predefined CMap whose codes are Unicode or GBK.
    pub(super) predefined: Predefined,
    /// Simple fonts: the text of each byte from the font's encoding.
    pub(super) simple: Option<Vec<Option<char>>>,
    /// Widths by code (simple fonts) or CID (composite fonts), in glyph space units.
    pub(super) widths: HashMap<u32, f32>,
    pub(super) default_width: f32,
    /// Glyph space → text space (1/1000, or a Type 3 font's matrix).
    pub(super) scale: f32,
    pub(super) composite: bool,
    /// CID of a code for composite fonts with an embedded CMap (`cidrange`), else identity.
    pub(super) cid_ranges: Vec<(u32, u32, u32)>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) enum Predefined {
    #[default]
    None,
    Identity,
    Ucs2,
    Utf16,
    Gbk,
}

impl Font {
    /// Split a string into (code, byte length) pairs.
    pub(super) fn codes(&self, s: &[u8]) -> Vec<(u32, usize)> {
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

    pub(super) fn cid(&self, code: u32) -> u32 {
        for &(lo, hi, start) in &self.cid_ranges {
            if code >= lo && code <= hi {
                return start + (code - lo);
            }
        }
        code
    }

    /// The text of one code.
    pub(super) fn text(&self, code: u32, len: usize) -> Option<String> {
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

    pub(super) fn width(&self, code: u32) -> f32 {
        let key = if self.composite { self.cid(code) } else { code };
        self.widths.get(&key).copied().unwrap_or(self.default_width) * self.scale
    }
}

pub(super) fn obj_f32(doc: &Document, o: &Object) -> Option<f32> {
    doc.dereference(o).ok()?.1.as_float().ok().filter(|v| v.is_finite())
}

pub(super) fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match doc.dereference(o).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(super) fn load_font(doc: &Document, fd: &Dictionary) -> Font {
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
pub(super) fn glyph_char(name: &[u8]) -> Option<char> {
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
    pub(super) const NAMES: &[(&str, char)] = &[
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
pub(super) fn parse_cmap(data: &[u8], f: &mut Font, to_unicode: bool) {
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

pub(super) fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &x| a << 8 | x as u32)
}

pub(super) fn utf16(b: &[u8]) -> Vec<u16> {
    b.chunks(2).map(|c| if c.len() == 2 { (c[0] as u16) << 8 | c[1] as u16 } else { c[0] as u16 }).collect()
}

pub(super) fn dst_text(o: &Operand) -> Option<String> {
    match o {
        Operand::Str(d) => Some(String::from_utf16_lossy(&utf16(d))),
        Operand::Name(n) => glyph_char(n).map(String::from),
        _ => None,
    }
}
