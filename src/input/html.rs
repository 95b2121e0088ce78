//! HTML to reader text: paragraphs and table rows become lines, cells are separated by tabs,
//! `colspan` repeats nothing (a spanned label is one cell), entities are decoded. Scripts,
//! styles and comments are dropped. Every piece keeps its offset in the markup (see `source`).
//!
//! This is not a browser: it is a small, forgiving tokenizer that never fails and never
//! executes anything. Hostile markup is just text to it.

use crate::find::Find;
use crate::input::source::{PieceMap, Source};

/// Does this text look like HTML markup rather than a report pasted as text?
pub fn looks_like_html(text: &str) -> bool {
    // The first tag, compared without regard to case (no copy of the text is made).
    let t = text.trim_start().as_bytes();
    let starts = |tag: &str| t.len() >= tag.len() && t[..tag.len()].eq_ignore_ascii_case(tag.as_bytes());
    ["<!doctype html", "<html", "<meta", "<body", "<div", "<table", "<p"].iter().any(|tag| starts(tag)) || (text.has("<table") && text.has("<td"))
}

/// The charset a page declares in its head (for GBK pages), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let s: String = head.iter().map(|&b| if b < 128 { (b as char).to_ascii_lowercase() } else { ' ' }).collect();
    let i = s.find("charset=")?;
    let rest = &s[i + 8..];
    let rest = rest.trim_start_matches(['"', '\'']);
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

pub fn flatten(html: String) -> Source {
    let mut flat = String::with_capacity(html.len() / 2);
    // (flat offset, markup offset, verbatim): u32, a page has a piece every few bytes.
    let mut pieces = PieceMap::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    let mut in_cell = false;
    // A cell that holds a table: a portal page's layout table around the report. Its
    // paragraphs are lines of the page, not text wrapped inside one cell.
    let mut layout_cell = false;
    // (in_cell, layout_cell) of the cells that enclose nested tables.
    let mut outer: Vec<(bool, bool)> = Vec::new();
    while i < bytes.len() {
        if let Some(end_tag) = skip_until {
            match find_ci(&html[i..], end_tag) {
                Some(p) => {
                    i += p;
                    skip_until = None;
                    continue;
                }
                None => break,
            }
        }
        let b = bytes[i];
        if b == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map(|p| i + p + 3).unwrap_or(bytes.len());
                continue;
            }
            let end = match crate::find::find_byte(bytes, i, b'>') {
                Some(p) => p + 1,
                None => bytes.len(),
            };
            let tag = &html[i..end];
            let mut name_buf = [0u8; 16];
            let name = tag_name(tag, &mut name_buf);
            let closing = tag.starts_with("</");
            match name {
                "script" | "style" | "noscript" | "template" | "head" if !closing => {
                    if name != "head" {
                        skip_until = Some(match name {
                            "script" => "</script",
                            "style" => "</style",
                            "noscript" => "</noscript",
                            _ => "</template",
                        });
                    }
                    // <head> keeps going: <title> is read as a line.
                }
                "td" | "th" if !closing => {
                    let layout = holds_table(&html[end..]);
                    if in_cell && !layout && !layout_cell {
                        push_break(&mut flat, &mut pieces, i, "\t");
                    } else if !flat.ends_with('\n') && !flat.is_empty() {
                        push_break(&mut flat, &mut pieces, i, "\n");
                    }
                    in_cell = true;
                    layout_cell = layout;
                }
                "table" => {
                    if closing {
                        (in_cell, layout_cell) = outer.pop().unwrap_or((false, false));
                    } else {
                        if outer.len() < 64 {
                            outer.push((in_cell, layout_cell));
                        }
                        in_cell = false;
                        layout_cell = false;
                    }
                    if !flat.is_empty() && !flat.ends_with('\n') {
                        push_break(&mut flat, &mut pieces, i, "\n");
                    }
                }
                "td" | "th" if closing => {}
                "tr" | "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" | "section" | "article" | "ul" | "ol" => {
                    if name == "tr" {
                        in_cell = false;
                        layout_cell = false;
                    }
                    if in_cell && !layout_cell {
                        // Word and CMS editors wrap cell text in <p>/<span>/<br>: inside a cell
                        // these are not new lines, or the row would fall apart.
                        if !flat.is_empty() && !flat.ends_with([' ', '\t', '\n']) {
                            pieces.push((flat.len() as u32, i as u32, false));
                            flat.push(' ');
                        }
                    } else if !flat.is_empty() && !flat.ends_with('\n') {
                        push_break(&mut flat, &mut pieces, i, "\n");
                    }
                }
                _ => {}
            }
            i = end;
            continue;
        }
        if b == b'&' {
            if let Some((ch, len)) = entity(&html[i..]) {
                pieces.push((flat.len() as u32, i as u32, false));
                flat.push(ch);
                i += len;
                continue;
            }
        }
        // A run of text up to the next tag or entity (a bare '&' is text: always advance).
        let start = i;
        i = memchr::memchr2(b'<', b'&', &bytes[i + 1..]).map_or(bytes.len(), |p| i + 1 + p);
        let run = &html[start..i];
        // Newlines inside markup are not line breaks on the page.
        let mut seg_start = start;
        for (k, c) in run.char_indices() {
            if c == '\n' || c == '\r' || c == '\t' {
                if seg_start < start + k {
                    pieces.push((flat.len() as u32, seg_start as u32, true));
                    flat.push_str(&html[seg_start..start + k]);
                }
                if !flat.ends_with(' ') && !flat.ends_with('\n') && !flat.ends_with('\t') && !flat.is_empty() {
                    pieces.push((flat.len() as u32, (start + k) as u32, false));
                    flat.push(' ');
                }
                seg_start = start + k + c.len_utf8();
            }
        }
        if seg_start < i {
            pieces.push((flat.len() as u32, seg_start as u32, true));
            flat.push_str(&html[seg_start..i]);
        }
    }
    pieces.shrink_to_fit();
    flat.shrink_to_fit();
    Source::mapped_u32(html, flat, pieces)
}

/// Does the cell starting here hold a table before it ends (a layout cell)? Looks at the tags
/// up to the cell's end, the next cell or row, or a table, whichever comes first.
fn holds_table(rest: &str) -> bool {
    let b = rest.as_bytes();
    let limit = b.len().min(256 * 1024);
    for i in memchr::memchr_iter(b'<', &b[..limit]) {
        let closing = b.get(i + 1) == Some(&b'/');
        let from = (i + 1 + usize::from(closing)).min(b.len());
        // The name's first six characters, lowercased (no longer name is one of these).
        let mut name = [0u8; 6];
        let mut n = 0;
        for &c in b[from..].iter().take(6).take_while(|c| c.is_ascii_alphanumeric()) {
            name[n] = c.to_ascii_lowercase();
            n += 1;
        }
        match &name[..n] {
            b"table" if !closing => return true,
            b"td" | b"th" | b"tr" | b"table" => return false,
            _ => {}
        }
    }
    false
}

fn push_break(flat: &mut String, pieces: &mut PieceMap, at: usize, s: &str) {
    // Trailing spaces before a break are layout, not content.
    while flat.ends_with(' ') {
        flat.pop();
    }
    pieces.push((flat.len() as u32, at as u32, false));
    flat.push_str(s);
}

/// A tag's name, lowercased into `buf` (every tag gets one: no allocation). A name too long
/// for `buf` is no tag this reader knows, and comes back empty.
fn tag_name<'b>(tag: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let rest = tag.trim_start_matches('<').trim_start_matches('/').as_bytes();
    let n = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if n > buf.len() {
        return "";
    }
    for (d, c) in buf.iter_mut().zip(&rest[..n]) {
        *d = c.to_ascii_lowercase();
    }
    // ASCII letters and digits only.
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn entity(s: &str) -> Option<(char, usize)> {
    // Entities are ASCII: look for the ';' in the first bytes without slicing a character.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let ch = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "mdash" => '—',
        "middot" => '·',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = if let Some(h) = num.strip_prefix(['x', 'X']) { u32::from_str_radix(h, 16).ok()? } else { num.parse().ok()? };
            match char::from_u32(code) {
                Some('\u{a0}') => ' ',
                Some(c) if c != '\0' => c,
                _ => '\u{FFFD}',
            }
        }
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_tabs_and_map_back() {
        let html = "<table><tr><td>规章</td><td>3</td><td></td></tr></table>".to_string();
        let src = flatten(html);
        assert_eq!(src.text().trim_matches('\n'), "规章\t3\t");
        let p = src.text().find('3').unwrap();
        let sp = src.span(p, p + 1);
        assert_eq!(&src.original[sp.start..sp.end], "3");
    }

    #[test]
    fn paragraphs_inside_cells_stay_in_the_row() {
        let src = flatten("<table><tr><td><p><span>规</span><span>章</span></p></td><td><p>3</p></td><td><p>&nbsp;</p></td></tr></table>".to_string());
        let line = src.text().lines().find(|l| l.contains("规章")).unwrap();
        assert_eq!(line.split('\t').map(str::trim).collect::<Vec<_>>(), vec!["规章", "3", ""]);
    }

    #[test]
    fn a_bare_ampersand_is_text() {
        let src = flatten("<p>A & B &unknown; &</p>".to_string());
        assert_eq!(src.text().trim_end(), "A & B &unknown; &");
    }

    #[test]
    fn a_layout_table_around_the_report_keeps_its_paragraphs_as_lines() {
        // A portal page: the report sits in a cell of a layout table, next to a side menu.
        let html = "<table><tr><td><table><tr><td>指南</td></tr></table></td><td><h1>某区2024年年度报告</h1><p>一、总体情况</p><p>正文。</p>\
            <table><tr><td>规章</td><td><p>1</p></td><td>0</td></tr></table><p>五、存在的主要问题</p></td></tr></table>"
            .to_string();
        let src = flatten(html);
        let lines: Vec<&str> = src.text().lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, vec!["指南", "某区2024年年度报告", "一、总体情况", "正文。", "规章\t1\t0", "五、存在的主要问题"]);
    }

    #[test]
    fn scripts_are_dropped() {
        let src = flatten("<p>a<script>alert(1)</script>b</p>".to_string());
        assert_eq!(src.text().trim_end(), "ab");
    }
}
