//! Splitting a table region into lines of tokens: numbers (and placeholders) and text.
//!
//! Lines with tabs or markdown pipes are cell lines: each cell is one token and an empty cell
//! after the first value is a blank value. Other lines are split at white space, and adjacent
//! words of text are joined again (labels often contain spaces after PDF extraction).

use crate::model::Value;
use crate::text::{is_page_marker, is_placeholder, parse_number, trim, words};

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A value cell: a number, a placeholder, a blank, or a number with a note.
    Val(Value),
    Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn is_val(&self) -> bool {
        matches!(self.kind, Kind::Val(_))
    }
}

#[derive(Debug, Clone)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub toks: Vec<Tok>,
    /// Empty (or white space only) line.
    pub blank: bool,
    /// Split at tabs or pipes rather than spaces.
    pub cells: bool,
    /// The first token is a fragment of a label written down the left margin, one or two
    /// characters a line (`pdftotext -layout` of 「三、本年度办理结果」): it shares the line
    /// only because it is printed at the same height, and belongs to neither the label nor
    /// the values beside it.
    pub margin: bool,
}

pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Line> {
    let region = &text[start..end];
    // Table lines are some tens of bytes: room for most regions' lines from the start.
    let mut out = Vec::with_capacity(region.len() / 24 + 4);
    let mut pos = start;
    // Markdown row lines seen in a row just before this line (the second line of a table is
    // its rule line).
    let mut md_rows = 0usize;
    for raw in crate::find::lines_inclusive(region) {
        let ls = pos;
        pos += raw.len();
        let le = ls + raw.trim_end_matches(['\n', '\r']).len();
        let line = &text[ls..le];
        // Trimmed once: the page-marker and markdown tests look at the line without its
        // margins (layout text indents most lines by dozens of spaces).
        let core = trim(line);
        if is_page_marker(core) {
            // A page number between two halves of a table is not content.
            continue;
        }
        if core.is_empty() {
            md_rows = 0;
            out.push(Line { start: ls, end: le, toks: Vec::new(), blank: true, cells: false, margin: false });
            continue;
        }
        let md = is_markdown_row(core);
        let second_md_line = md && md_rows == 1;
        md_rows = if md { md_rows + 1 } else { 0 };
        let cells = crate::find::find_byte(line.as_bytes(), 0, b'\t').is_some() || md;
        let toks = if cells {
            cell_tokens(line, ls)
        } else if is_note(core) {
            // A note in brackets on a line of its own (「（其中修订 16 件）」, a cell's second
            // line) is text, numbers and all.
            let at = ls + (core.as_ptr() as usize - line.as_ptr() as usize);
            vec![Tok { start: at, end: at + core.len(), kind: Kind::Text }]
        } else {
            word_tokens(line, ls)
        };
        // A line with a rule line under it is a table's header, however few fields it has.
        let header = md && {
            let next = &text[pos..end];
            let next = next.split('\n').next().unwrap_or("");
            is_markdown_rule(trim(next), true)
        };
        if is_markdown_rule(core, second_md_line) || (cells && is_placeholder_header(core, if header { 1 } else { 3 })) {
            continue;
        }
        let margin = !cells && margin_fragment(line, ls, &toks);
        out.push(Line { start: ls, end: le, toks, blank: false, cells, margin });
    }
    out
}

/// One or two CJK characters at the very start of a line, then a wide gap, then more: a piece
/// of a vertically written cell (see `Line::margin`).
fn margin_fragment(line: &str, base: usize, toks: &[Tok]) -> bool {
    let (Some(first), Some(next)) = (toks.first(), toks.get(1)) else {
        return false;
    };
    if first.start != base || first.kind != Kind::Text {
        return false;
    }
    let w = &line[..first.end - base];
    let n = w.chars().count();
    let gap = &line[first.end - base..next.start - base];
    (1..=2).contains(&n) && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '、') && gap.len() >= 4 && gap.trim().is_empty()
}

/// A whole line in brackets holding words: 「（其中修订 16 件）」 (`t` trimmed).
pub fn is_note(t: &str) -> bool {
    (t.starts_with('（') || t.starts_with('(')) && (t.ends_with('）') || t.ends_with(')')) && t.chars().any(crate::text::is_ideograph)
}

/// (`t`: the line trimmed.)
fn is_markdown_row(t: &str) -> bool {
    t.starts_with('|') && t.bytes().filter(|&b| b == b'|').count() >= 2
}

/// The rule line under a markdown table's first row (`|---|:---:|`). A row of `-` placeholders
/// (`| - | - | … |`, a row whose cells are all 0 written as dashes) looks the same: a line of
/// dashes is a rule when it is its table's second line or every field has three dashes or more.
fn is_markdown_rule(t: &str, second_line: bool) -> bool {
    if !(t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))) {
        return false;
    }
    second_line || t.split('|').map(str::trim).filter(|f| !f.is_empty()).all(|f| f.matches('-').count() >= 3)
}

/// A header row a converter made up because the table it cut had none: every field a name and
/// its number, counting up (`| 数据1 | 数据2 | … |`, `| 列1 | 列2 |`, `| Column1 | Column2 |`).
/// It names no column of the table; its numbers are not values.
/// (`min_fields`: fewer fields pass only for a line known to be a header: a markdown table's first
/// line, over its rule line.)
fn is_placeholder_header(t: &str, min_fields: usize) -> bool {
    let fields: Vec<&str> = t.trim_matches('|').split(['|', '\t']).map(trim).filter(|f| !f.is_empty()).collect();
    if fields.len() < min_fields.max(1) {
        return false;
    }
    let mut prefix: Option<&str> = None;
    for (i, f) in fields.iter().enumerate() {
        let head = f.trim_end_matches(|c: char| c.is_ascii_digit());
        let Ok(n) = f[head.len()..].parse::<usize>() else { return false };
        let head = head.trim_end_matches([' ', '_', ':', '-']);
        if head.is_empty() || head.chars().any(|c| c.is_ascii_digit()) || *prefix.get_or_insert(head) != head {
            return false;
        }
        // Counting up from 0 or 1, one by one.
        let first = n - i.min(n);
        if n != first + i || first > 1 {
            return false;
        }
    }
    true
}

/// A markdown row whose fields are all values or blank, with at least one value or five fields
/// (a row of numbers whose label the converter put elsewhere: `|  |  | 1 | 1 |  |  | 2 |`).
fn numbers_only_row(line: &str) -> bool {
    let t = trim(line);
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut fields = 0;
    let mut values = 0;
    for f in inner.split('|') {
        fields += 1;
        let f = trim(f.trim_matches('*'));
        if f.is_empty() {
            continue;
        }
        if classify(f).is_none() {
            return false;
        }
        values += 1;
    }
    values > 0 || fields >= 5
}

fn cell_tokens(line: &str, base: usize) -> Vec<Tok> {
    // The separator is one ASCII byte: the line is split on its bytes (a `char` pattern would
    // set up a memchr search for every cell).
    let sep = if crate::find::find_byte(line.as_bytes(), 0, b'\t').is_some() { b'\t' } else { b'|' };
    let mut toks = Vec::with_capacity(8);
    let mut seen_value = false;
    let mut pos = 0;
    let trimmed_md = sep == b'|';
    // "| a | b |": the outer pipes do not delimit cells (a blank first and last part are not
    // cells). The separator is one byte, so a part's offset is the sum of those before it.
    let n_parts = line.bytes().filter(|&b| b == sep).count() + 1;
    let last_blank = trimmed_md && trim(&line[line.bytes().rposition(|b| b == sep).map_or(0, |p| p + 1)..]).is_empty();
    if trimmed_md && numbers_only_row(line) {
        // A markdown row with no text at all: every field is a cell, the blank ones before its
        // first value too (its label is elsewhere or lost; there are no label columns to skip).
        seen_value = true;
    }
    for (k, part) in line.as_bytes().split(|&b| b == sep).enumerate() {
        let off = pos;
        // Cut at an ASCII byte: a whole number of characters.
        let part = &line[off..off + part.len()];
        pos += part.len() + 1;
        if trimmed_md && ((k == 0 && trim(part).is_empty()) || (k == n_parts - 1 && last_blank)) {
            continue;
        }
        let t = trim(part);
        if t.is_empty() {
            if seen_value {
                let at = base + off;
                toks.push(Tok { start: at, end: at, kind: Kind::Val(Value::Blank) });
            }
            continue;
        }
        // Markdown bold marks around a cell are not content; offsets follow what is kept.
        let kept = trim(t.trim_matches('*'));
        if kept.is_empty() {
            continue;
        }
        let lead = part.len() - part.trim_start().len()
            + (t.len() - t.trim_start_matches('*').len())
            + (t.trim_start_matches('*').len() - t.trim_start_matches('*').trim_start().len());
        let t = kept;
        let s = base + off + lead;
        let e = s + t.len();
        match classify(t) {
            Some(v) => {
                seen_value = true;
                toks.push(Tok { start: s, end: e, kind: Kind::Val(v) });
            }
            None => {
                // A cell may still end in a run-together number ("数量801000081").
                let before = toks.len();
                split_word(t, s, &mut toks);
                if toks[before..].iter().any(|t| t.is_val()) {
                    seen_value = true;
                }
            }
        }
    }
    merge_text(toks)
}

fn word_tokens(line: &str, base: usize) -> Vec<Tok> {
    // A label and seven values fit without growing.
    let mut toks = Vec::with_capacity(8);
    // Whether the line holds a number: only asked when a 「无」 stands on it (rare).
    let has_number_word = || words(line).any(|(s, e)| parse_number(&line[s..e]).is_some());
    for (s, i) in words(line) {
        let w = &line[s..i];
        if w == "无" && !has_number_word() {
            toks.push(Tok { start: base + s, end: base + i, kind: Kind::Text });
            continue;
        }
        match classify(w) {
            Some(v) => toks.push(Tok { start: base + s, end: base + i, kind: Kind::Val(v) }),
            None => split_word(w, base + s, &mut toks),
        }
    }
    if margin_fragment(line, base, &toks) {
        // Keep the margin fragment a token of its own.
        let rest = merge_text(toks.split_off(1));
        toks.extend(rest);
        return toks;
    }
    merge_text(toks)
}

/// A whole word or cell as a value, if it is one.
pub(crate) fn classify(w: &str) -> Option<Value> {
    if let Some(v) = parse_number(w) {
        return Some(v);
    }
    if is_placeholder(w) {
        return Some(Value::Text(w.to_string()));
    }
    // A long digit run (run-together web text) is kept as text for the splitter.
    if w.len() > 15 && w.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Value::Text(w.to_string()));
    }
    // "22（其中修订16件）": a number with a note.
    let digits: usize = w.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        let rest = &w[digits..];
        if (rest.starts_with('（') || rest.starts_with('(')) && (rest.ends_with('）') || rest.ends_with(')')) {
            return Some(Value::Text(w.to_string()));
        }
    }
    // "0万元", "12件": a number with its unit in the cell (T06 says to drop the unit).
    let num_len = w.char_indices().find(|(_, c)| !(c.is_ascii_digit() || *c == '.')).map(|(i, _)| i).unwrap_or(w.len());
    if num_len > 0 && parse_number(&w[..num_len]).is_some() && UNITS.contains(&&w[num_len..]) {
        return Some(Value::Text(w.to_string()));
    }
    None
}

/// Units that are sometimes written into number cells.
const UNITS: &[&str] = &["万元", "元", "件", "条", "个", "项", "起", "次", "份"];

/// Split a word that is text with a number run on at its end ("数量801000081", "规章0").
fn split_word(w: &str, base: usize, out: &mut Vec<Tok>) {
    let b = w.as_bytes();
    let mut k = b.len() - b.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    // A decimal runs on the same way: 「行政事业性收费83615.6」.
    if k < b.len() && k >= 2 && b[k - 1] == b'.' && b[k - 2].is_ascii_digit() {
        k -= 1;
        while k > 0 && b[k - 1].is_ascii_digit() {
            k -= 1;
        }
    }
    let trailing = b.len() - k;
    if trailing > 0 && trailing < w.len() {
        let cut = w.len() - trailing;
        let head = &w[..cut];
        let last = head.chars().last().unwrap_or(' ');
        // Only after CJK text or a closing bracket: "第3" or "1.2" are not run-on values.
        let cjk = ('\u{4e00}'..='\u{9fff}').contains(&last) || last == '）' || last == ')' || last == '”';
        if cjk && last != '第' {
            out.push(Tok { start: base, end: base + cut, kind: Kind::Text });
            let v = parse_number(&w[cut..]).unwrap_or_else(|| Value::Text(w[cut..].to_string()));
            out.push(Tok { start: base + cut, end: base + w.len(), kind: Kind::Val(v) });
            return;
        }
    }
    out.push(Tok { start: base, end: base + w.len(), kind: Kind::Text });
}

/// Adjacent text tokens joined into one (in place: this runs on every line).
fn merge_text(mut toks: Vec<Tok>) -> Vec<Tok> {
    let mut kept = 0;
    for i in 0..toks.len() {
        if kept > 0 && toks[kept - 1].kind == Kind::Text && toks[i].kind == Kind::Text {
            toks[kept - 1].end = toks[i].end;
            continue;
        }
        toks.swap(kept, i);
        kept += 1;
    }
    toks.truncate(kept);
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        tokenize(s, 0, s.len())
            .iter()
            .flat_map(|l| {
                l.toks.iter().map(|t| match &t.kind {
                    Kind::Val(v) => format!("V:{}", v.display()),
                    Kind::Text => format!("T:{}", &s[t.start..t.end]),
                })
            })
            .collect()
    }

    #[test]
    fn words_and_values() {
        assert_eq!(kinds("规章 0 0 12"), vec!["T:规章", "V:0", "V:0", "V:12"]);
        assert_eq!(kinds("只计这一情 形，不 4"), vec!["T:只计这一情 形，不", "V:4"]);
        assert_eq!(kinds("数量801000081"), vec!["T:数量", "V:801000081"]);
        assert_eq!(kinds("行政事业性收费83615.6"), vec!["T:行政事业性收费", "V:83615.6"]);
        assert_eq!(kinds("规章 22（其中修订16件） /"), vec!["T:规章", "V:22（其中修订16件）", "V:/"]);
        assert_eq!(kinds("-3-"), Vec::<String>::new());
        assert_eq!(kinds("本            2.其他法律 0"), vec!["T:本", "T:2.其他法律", "V:0"]);
        assert_eq!(kinds("本 年度"), vec!["T:本 年度"]);
        assert_eq!(kinds("行政事业性收费 0.5万元"), vec!["T:行政事业性收费", "V:0.5万元"]);
    }

    #[test]
    fn cells() {
        assert_eq!(kinds("\t\t1.属于国家秘密\t0\t\t3\t"), vec!["T:1.属于国家秘密", "V:0", "V:（空）", "V:3", "V:（空）"]);
    }
}
