//! Word .docx → the text the readers work on.
//!
//! A .docx is a zip archive; the body is `word/document.xml`. Paragraphs become lines; a table
//! row becomes one line with its cells separated by tabs (as the HTML reader flattens
//! `<table>`), so the tab-cell readers see the real table structure:
//! - a cell spanning several grid columns (`w:gridSpan`) is one cell;
//! - a vertically merged cell (`w:vMerge`) has its text in its first row; the rows it continues
//!   into get an empty cell in its place;
//! - text split across runs (`w:r`), fields, hyperlinks and content controls is joined;
//!   several paragraphs in one cell are joined into the cell;
//! - empty cells stay empty cells; deleted text (tracked changes) and fallback copies of
//!   drawings are left out.
//!
//! The archive is read by a small zip reader of our own with hard limits on entry sizes (a
//! zip bomb is refused, not unpacked), inflating with `miniz_oxide`. Nothing here can panic on
//! hostile input; every failure is a message for the user.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Largest uncompressed `word/document.xml` read (a 200-page report is about 5 MB).
pub const MAX_ENTRY: usize = 64 * 1024 * 1024;
/// Largest compression ratio believed for an entry (Word's XML compresses about 10:1).
pub const MAX_RATIO: usize = 200;
/// Most entries in the archive's directory.
pub const MAX_ENTRIES: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub enum DocxError {
    /// Not a zip archive, or a damaged one.
    Damaged(String),
    /// A zip archive without `word/document.xml` (an .xlsx, .odt, …).
    NotDocx(String),
    /// An entry that would unpack to more than the limits allow.
    TooLarge(String),
    /// Encrypted (password-protected Word files are not zip archives at all) or using a
    /// compression method other than deflate.
    Unsupported(String),
}

impl DocxError {
    /// The message for the user, in Chinese.
    pub fn message(&self) -> String {
        match self {
            DocxError::Damaged(d) => format!("这个 .docx 文件已损坏或不完整（{}），无法读取。请重新保存或下载后再试，或复制文档中的文字粘贴进来。", d),
            DocxError::NotDocx(d) => format!("这个压缩文件不是 Word 文档（.docx）：{}。请拖入 .docx、PDF、网页或文本文件。", d),
            DocxError::TooLarge(d) => format!("这个 .docx 文件解压后过大（{}），可能是恶意构造的压缩包，已停止读取。", d),
            DocxError::Unsupported(d) => format!("这个 .docx 文件无法读取（{}）。请在 Word/WPS 中另存为普通 .docx 或 PDF 后再试。", d),
        }
    }
}

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    csize: usize,
    usize_: usize,
    local: usize,
}

fn u16le(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The archive's central directory.
fn entries(zip: &[u8]) -> Result<Vec<Entry>, DocxError> {
    let damaged = |s: &str| DocxError::Damaged(s.to_string());
    // End of central directory: within the last 64 KiB + 22 bytes.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21)).rev().find(|&i| zip[i..].starts_with(b"PK\x05\x06")).ok_or_else(|| damaged("找不到压缩包目录"))?;
    let count = u16le(zip, eocd + 10).ok_or_else(|| damaged("目录不完整"))? as usize;
    let cd_size = u32le(zip, eocd + 12).ok_or_else(|| damaged("目录不完整"))? as usize;
    let cd_off = u32le(zip, eocd + 16).ok_or_else(|| damaged("目录不完整"))? as usize;
    if count == 0xFFFF || cd_off == 0xFFFF_FFFF {
        return Err(DocxError::Unsupported("ZIP64 格式".into()));
    }
    if count > MAX_ENTRIES {
        return Err(DocxError::TooLarge(format!("{} 个文件", count)));
    }
    if cd_off.checked_add(cd_size).map(|e| e > zip.len()).unwrap_or(true) {
        return Err(damaged("目录位置超出文件"));
    }
    let mut out = Vec::with_capacity(count);
    let mut p = cd_off;
    for _ in 0..count {
        if u32le(zip, p) != Some(0x0201_4b50) {
            return Err(damaged("目录项损坏"));
        }
        let flags = u16le(zip, p + 8).ok_or_else(|| damaged("目录项损坏"))?;
        let method = u16le(zip, p + 10).ok_or_else(|| damaged("目录项损坏"))?;
        let csize = u32le(zip, p + 20).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let usize_ = u32le(zip, p + 24).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let nlen = u16le(zip, p + 28).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let xlen = u16le(zip, p + 30).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let clen = u16le(zip, p + 32).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let local = u32le(zip, p + 42).ok_or_else(|| damaged("目录项损坏"))? as usize;
        let name = zip.get(p + 46..p + 46 + nlen).ok_or_else(|| damaged("目录项损坏"))?;
        out.push(Entry { name: String::from_utf8_lossy(name).into_owned(), method, flags, csize, usize_, local });
        p += 46 + nlen + xlen + clen;
    }
    Ok(out)
}

/// Unpack one entry, never more than `MAX_ENTRY` bytes or `MAX_RATIO` times its packed size.
fn unpack(zip: &[u8], e: &Entry) -> Result<Vec<u8>, DocxError> {
    let damaged = |s: &str| DocxError::Damaged(format!("{}：{}", e.name, s));
    if e.flags & 1 != 0 {
        return Err(DocxError::Unsupported("文件已加密".into()));
    }
    if u32le(zip, e.local) != Some(0x0403_4b50) {
        return Err(damaged("文件头损坏"));
    }
    let nlen = u16le(zip, e.local + 26).ok_or_else(|| damaged("文件头损坏"))? as usize;
    let xlen = u16le(zip, e.local + 28).ok_or_else(|| damaged("文件头损坏"))? as usize;
    let start = e.local + 30 + nlen + xlen;
    let data = zip.get(start..start.saturating_add(e.csize)).ok_or_else(|| damaged("数据不完整"))?;
    let limit = MAX_ENTRY.min(e.csize.saturating_mul(MAX_RATIO).max(1 << 20));
    if e.usize_ > limit {
        return Err(DocxError::TooLarge(format!("{} 声称解压后 {} 字节", e.name, e.usize_)));
    }
    match e.method {
        0 => Ok(data.to_vec()),
        8 => match decompress_to_vec_with_limit(data, limit) {
            Ok(v) => Ok(v),
            Err(err) if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) => {
                Err(DocxError::TooLarge(format!("{} 解压超过 {} MB", e.name, limit / (1024 * 1024))))
            }
            Err(_) => Err(damaged("压缩数据损坏")),
        },
        m => Err(DocxError::Unsupported(format!("压缩方式 {}", m))),
    }
}

/// The text of a .docx (see the module comment for its shape).
pub fn docx_text(zip: &[u8]) -> Result<String, DocxError> {
    let list = entries(zip)?;
    let main = list
        .iter()
        .find(|e| e.name == "word/document.xml")
        .or_else(|| list.iter().find(|e| e.name.starts_with("word/document") && e.name.ends_with(".xml")))
        .ok_or_else(|| {
            let hint = if list.iter().any(|e| e.name.starts_with("xl/")) {
                "这是 Excel 表格（.xlsx）"
            } else if list.iter().any(|e| e.name == "content.xml") {
                "这是 OpenDocument 文件（.odt/.ods）"
            } else if list.iter().any(|e| e.name.starts_with("ppt/")) {
                "这是 PowerPoint 演示文稿"
            } else {
                "压缩包中没有 word/document.xml"
            };
            DocxError::NotDocx(hint.into())
        })?;
    let xml = unpack(zip, main)?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(document_text(&xml))
}

// ---------------------------------------------------------------- the document XML

#[derive(Debug, Default)]
struct TCell {
    text: String,
    /// Continues the vertically merged cell above (no text of its own).
    continued: bool,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<TCell>>,
}

/// What we are inside of: a stack of tables, each with its current row and cell.
#[derive(Default)]
struct State {
    out: String,
    tables: Vec<Table>,
    /// In `w:t` (text to keep).
    in_text: bool,
    /// Depth inside elements whose text is dropped (deleted text, field instructions, fallbacks).
    skip: usize,
    /// Current paragraph's text (outside tables: flushed as a line).
    para: String,
    in_para: bool,
    /// In a paragraph's tab stop list (`w:tabs`), whose `w:tab`s are not text.
    in_tabs: bool,
}

impl State {
    fn cell_mut(&mut self) -> Option<&mut TCell> {
        self.tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.last_mut())
    }
    fn push_text(&mut self, s: &str) {
        if self.skip > 0 {
            return;
        }
        self.para.push_str(s);
    }
    /// A paragraph ends: into the current cell, or as a line of the document.
    fn end_para(&mut self) {
        let text = std::mem::take(&mut self.para);
        self.in_para = false;
        if let Some(cell) = self.cell_mut() {
            let t = text.trim();
            if !t.is_empty() {
                let last = cell.text.chars().last();
                let first = t.chars().next();
                if matches!((last, first), (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()) {
                    cell.text.push(' ');
                }
                cell.text.push_str(t);
            }
        } else if !self.tables.is_empty() {
            // A paragraph in a table outside any cell (malformed): keep its text.
            self.out.push_str(text.trim_end());
            self.out.push('\n');
        } else {
            self.out.push_str(text.trim_end_matches([' ', '\t']));
            self.out.push('\n');
        }
    }
    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        let mut lines = String::new();
        for row in &t.rows {
            let cells: Vec<&str> = row.iter().map(|c| if c.continued { "" } else { c.text.as_str() }).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            lines.push_str(&cells.join("\t"));
            lines.push('\n');
        }
        if let Some(cell) = self.cell_mut() {
            // A table inside a cell: its text joins the cell.
            let flat = lines.replace(['\t', '\n'], " ");
            cell.text.push_str(flat.trim());
        } else {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            self.out.push_str(&lines);
        }
    }
}

/// Local name of a tag (`w:tc` → `tc`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    // Attributes as `w:val="2"` or `val='2'`.
    let mut rest = tag;
    while let Some(p) = rest.find('=') {
        let key = rest[..p].trim_end();
        let key = key.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let after = rest[p + 1..].trim_start();
        let q = after.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let end = after[1..].find(q)?;
        let value = &after[1..1 + end];
        if local(key) == name {
            return Some(value);
        }
        rest = &after[1 + end + 1..];
    }
    None
}

fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = match rest[..rest.len().min(12)].find(';') {
            Some(e) => e,
            None => {
                out.push('&');
                rest = &rest[1..];
                continue;
            }
        };
        let ent = &rest[1..end];
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent.strip_prefix('#').and_then(|n| {
                let v = if let Some(h) = n.strip_prefix(['x', 'X']) { u32::from_str_radix(h, 16).ok() } else { n.parse().ok() };
                v.and_then(char::from_u32)
            }),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Text of `word/document.xml`.
pub fn document_text(xml: &str) -> String {
    let mut st = State::default();
    let b = xml.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = xml[i..].find('<').map(|p| i + p).unwrap_or(b.len());
            if st.in_text && st.skip == 0 {
                let mut t = String::new();
                unescape(&xml[i..end], &mut t);
                st.push_text(&t);
            }
            i = end;
            continue;
        }
        if xml[i..].starts_with("<!--") {
            i = xml[i..].find("-->").map(|p| i + p + 3).unwrap_or(b.len());
            continue;
        }
        if xml[i..].starts_with("<![CDATA[") {
            let end = xml[i..].find("]]>").map(|p| i + p).unwrap_or(b.len());
            if st.in_text {
                let t = xml[i + 9..end].to_string();
                st.push_text(&t);
            }
            i = (end + 3).min(b.len());
            continue;
        }
        let end = match xml[i..].find('>') {
            Some(p) => i + p,
            None => break,
        };
        let tag = &xml[i + 1..end];
        i = end + 1;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name_full = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        let name = local(name_full);
        let prefix_w = name_full.starts_with("w:") || !name_full.contains(':');
        // Elements whose content is not document text.
        let dropped = matches!(name_full, "w:delText" | "w:instrText" | "w:del" | "mc:Fallback" | "w:moveFrom");
        if dropped {
            if closing {
                st.skip = st.skip.saturating_sub(1);
            } else if !self_closing {
                st.skip += 1;
            }
            continue;
        }
        if !prefix_w {
            continue;
        }
        match (name, closing) {
            ("t", false) => st.in_text = !self_closing,
            ("t", true) => st.in_text = false,
            ("tabs", false) => st.in_tabs = !self_closing,
            ("tabs", true) => st.in_tabs = false,
            ("tab", false) if st.skip == 0 && st.in_para && !st.in_tabs => {
                let inside = st.cell_mut().is_some();
                st.push_text(if inside { " " } else { "\t" });
            }
            ("br" | "cr", false) if st.skip == 0 && st.in_para => {
                let inside = !st.tables.is_empty();
                if inside {
                    // A line break inside a cell is a wrap, not a new row.
                } else {
                    st.end_para();
                    st.in_para = true;
                }
            }
            ("noBreakHyphen", false) => st.push_text("-"),
            ("p", false) if !self_closing => {
                if st.in_para && !st.para.is_empty() {
                    // A paragraph inside a paragraph (a text box): end the outer one's line.
                    st.end_para();
                }
                st.in_para = true;
            }
            ("p", false) => {
                // An empty paragraph `<w:p/>`.
                if st.tables.is_empty() {
                    st.out.push('\n');
                }
            }
            ("p", true) => st.end_para(),
            ("tbl", false) if !self_closing => {
                if st.in_para && !st.para.is_empty() {
                    st.end_para();
                }
                st.tables.push(Table::default());
            }
            ("tbl", true) => st.end_table(),
            ("tr", false) if !self_closing => {
                if let Some(t) = st.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            ("tc", false) if !self_closing => {
                if let Some(r) = st.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    r.push(TCell::default());
                }
            }
            ("vMerge", false) => {
                // `<w:vMerge/>` or val="continue" continues the cell above; "restart" starts one.
                let restart = attr(tag, "val").map(|v| v == "restart").unwrap_or(false);
                if !restart {
                    if let Some(c) = st.cell_mut() {
                        c.continued = true;
                    }
                }
            }
            _ => {}
        }
    }
    if st.in_para {
        st.end_para();
    }
    while !st.tables.is_empty() {
        st.end_table();
    }
    st.out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {}><w:body>{}</w:body></w:document>"#, W, body)
    }

    #[test]
    fn paragraphs_runs_and_tables() {
        let xml = doc(concat!(
            r#"<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">情况</w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>"#,
            r#"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>（三）不</w:t></w:r></w:p><w:p><w:r><w:t>予公开</w:t></w:r></w:p></w:tc>"#,
            r#"<w:tc><w:p><w:r><w:t>1.属于国家秘密</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2.其他</w:t></w:r><w:r><w:delText>删</w:delText></w:r><w:r><w:t>法律行政法规禁止公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"</w:tbl><w:p><w:r><w:t>A &amp; B &#x4E00;</w:t></w:r></w:p>"#
        ));
        let t = document_text(&xml);
        assert_eq!(t, "一、总体情况\n规章\t1\t\t3\n（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律行政法规禁止公开\t5\nA & B 一\n");
    }

    fn stored_zip(name: &str, data: &[u8], method: u16, claimed: u32) -> Vec<u8> {
        let mut z = Vec::new();
        let local = z.len() as u32;
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0]);
        z.extend_from_slice(&method.to_le_bytes());
        z.extend_from_slice(&[0; 8]);
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&claimed.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(data);
        let cd = z.len() as u32;
        z.extend_from_slice(b"PK\x01\x02");
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        z.extend_from_slice(&method.to_le_bytes());
        z.extend_from_slice(&[0; 8]);
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&claimed.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&local.to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        let cd_len = z.len() as u32 - cd;
        z.extend_from_slice(b"PK\x05\x06");
        z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&cd_len.to_le_bytes());
        z.extend_from_slice(&cd.to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn reads_a_stored_archive() {
        let xml = doc(r#"<w:p><w:r><w:t>你好</w:t></w:r></w:p>"#);
        let z = stored_zip("word/document.xml", xml.as_bytes(), 0, xml.len() as u32);
        assert_eq!(docx_text(&z).unwrap(), "你好\n");
    }

    #[test]
    fn refuses_bombs_damage_and_other_zips() {
        // An entry that claims to unpack to 4 GB.
        let z = stored_zip("word/document.xml", b"x", 8, u32::MAX - 1);
        assert!(matches!(docx_text(&z), Err(DocxError::TooLarge(_))));
        // Deflate data that really unpacks far beyond its ratio limit: 1.5 MB of zeros.
        let big = vec![b'a'; 3 << 20];
        let packed = miniz_oxide::deflate::compress_to_vec(&big, 9);
        let z = stored_zip("word/document.xml", &packed, 8, 1000);
        assert!(matches!(docx_text(&z), Err(DocxError::TooLarge(_))), "{:?}", docx_text(&z));
        let z = stored_zip("xl/workbook.xml", b"<x/>", 0, 4);
        assert!(matches!(docx_text(&z), Err(DocxError::NotDocx(_))));
        assert!(matches!(docx_text(b"PK\x03\x04garbage"), Err(DocxError::Damaged(_))));
        let z = stored_zip("word/document.xml", b"x", 8, 1);
        assert!(matches!(docx_text(&z[..40]), Err(DocxError::Damaged(_))));
    }
}
