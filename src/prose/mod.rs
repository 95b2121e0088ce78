//! The prose of a report, as the prose rules (C, W, X03) read it. The readers of what the prose
//! says are beside it: `claims` (the counts it states) and `scope` (whose counts they are);
//! `choose` lets those counts choose among a run-together table's balanced readings.
//!
//! Prose is everything the readers did not take as a table: the preamble, the bodies of 一, 五
//! and 六, and whatever of 二/三/四 lies outside a table region. Title and section heading lines
//! are left out (the structure rules look at those).
//!
//! PDF text breaks lines in the middle of words and numbers (「答\n复 3050 件」) and pads with
//! spaces (「21 件」, 「号 ， 邮 编」). The rules read a joined copy: lines of one paragraph joined,
//! white space dropped (one space kept between two ASCII letters or digits), full-width digits
//! made ASCII, markdown marks (`#`, `*`) dropped, page markers (「-3-」) skipped. A paragraph
//! break is kept as `\n`. Every byte of the joined copy remembers the reader-text characters it
//! came from, so a finding still points at the exact characters of the input.

pub mod choose;
pub mod claims;
pub mod scope;

use crate::doc::Doc;
use crate::model::Span;
use crate::text::is_page_marker;

pub struct Prose {
    /// The joined, normalised prose; `\n` marks a paragraph break.
    pub text: String,
    /// Where the bytes of `text` came from, a piece at a time in joined order (see `Piece`).
    /// Most of the prose is copied as it is, in runs of a line or so: a few pieces per line
    /// instead of a start and an end for every byte (which were 8 bytes per byte of prose).
    pieces: Pieces,
    /// (offset in `text`, section number 0..=6) where each section's prose starts (0 = before
    /// the first heading).
    sections: Vec<(usize, u8)>,
    /// `sentences()`, split once for all the rules that read sentence by sentence.
    sentences: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// The bytes of the joined text from `at` up to the next piece's `at` (or the end): a verbatim
/// copy of the reader text from `from` when `to` is `VERBATIM` (every byte then comes from the
/// reader-text character at the same distance), otherwise one character made from the reader
/// text `from..to` (a full-width digit made ASCII, the one space kept between two words, a
/// paragraph break). Offsets are u32: a report is far below 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    at: u32,
    from: u32,
    to: u32,
}

const VERBATIM: u32 = u32::MAX;

/// The pieces as columns: 9 bytes a piece (as a list of `Piece` it was 12). A piece that is not
/// verbatim stands for one character, or for nothing (a paragraph break): its `to - from` is
/// at most 4, kept in a byte; `VERBATIM_LEN` marks a verbatim piece.
#[derive(Default)]
struct Pieces {
    at: Vec<u32>,
    from: Vec<u32>,
    len: Vec<u8>,
}

const VERBATIM_LEN: u8 = u8::MAX;

impl Pieces {
    fn push(&mut self, p: Piece) {
        self.at.push(p.at);
        self.from.push(p.from);
        self.len.push(if p.to == VERBATIM { VERBATIM_LEN } else { p.to.saturating_sub(p.from).min(VERBATIM_LEN as u32 - 1) as u8 });
    }

    fn get(&self, i: usize) -> Piece {
        let len = self.len[i];
        Piece { at: self.at[i], from: self.from[i], to: if len == VERBATIM_LEN { VERBATIM } else { self.from[i] + len as u32 } }
    }

    fn last(&self) -> Option<Piece> {
        self.at.len().checked_sub(1).map(|i| self.get(i))
    }

    /// The number of pieces that start at or before byte `j` of the joined text.
    fn starting_by(&self, j: usize) -> usize {
        self.at.partition_point(|&a| a as usize <= j)
    }

    fn shrink_to_fit(&mut self) {
        self.at.shrink_to_fit();
        self.from.shrink_to_fit();
        self.len.shrink_to_fit();
    }
}

/// The prose of one section (`Prose::section`): a range of the report's prose, or, where it
/// cannot be cut out, joined alone.
pub enum Section<'a> {
    Cut { all: &'a Prose, from: usize, to: usize },
    Alone(Prose),
}

impl Section<'_> {
    pub fn text(&self) -> &str {
        match self {
            Section::Cut { all, from, to } => &all.text[*from..*to],
            Section::Alone(p) => &p.text,
        }
    }

    /// The input span of a range of `text()`, as `Prose::span` of the section's own prose.
    pub fn span(&self, doc: &Doc, start: usize, end: usize) -> Span {
        match self {
            Section::Cut { all, from, to } => {
                let (s, e) = all.reader_range_in(*from, *to, start, end);
                doc.span(s, e)
            }
            Section::Alone(p) => p.span(doc, start, end),
        }
    }
}

/// The reader-text ranges that are prose: the whole text without the title, the heading lines
/// and the table regions.
pub fn ranges(doc: &Doc) -> Vec<(usize, usize)> {
    let text = doc.text();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    if let Some(t) = &doc.title {
        // Anything above the title (a page's navigation, a stray line) is not the report's prose.
        cut.push((0, t.end));
    }
    for h in &doc.headings {
        cut.push((h.start, h.line_end));
    }
    for id in ["t2", "t3", "t4"] {
        if let Some((_, facts)) = doc.table(id) {
            cut.push(facts.region);
        }
    }
    subtract((0, text.len()), cut)
}

/// The body of one section as a prose range (minus any table region inside it).
pub fn section_ranges(doc: &Doc, n: u8) -> Vec<(usize, usize)> {
    let Some((s, e)) = doc.section_body(n) else {
        return Vec::new();
    };
    ranges(doc).into_iter().filter_map(|(a, b)| if b <= s || a >= e { None } else { Some((a.max(s), b.min(e))) }).collect()
}

fn subtract(whole: (usize, usize), mut cut: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    cut.sort();
    let mut out = Vec::new();
    let mut pos = whole.0;
    for (s, e) in cut {
        if e <= pos {
            continue;
        }
        if s > pos {
            out.push((pos, s.min(whole.1)));
        }
        pos = pos.max(e);
        if pos >= whole.1 {
            break;
        }
    }
    if pos < whole.1 {
        out.push((pos, whole.1));
    }
    out.retain(|r| r.1 > r.0);
    out
}

/// Characters a paragraph ends with in running text.
fn ends_paragraph(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':')
}

/// A line that starts a new item: 「（二）」「(三)」 at its start.
fn starts_item(line: &str) -> bool {
    crate::text::starts_item(line) == Some(crate::text::Item::Paren)
}

impl Prose {
    /// All of a report's prose (the rules read it once: `rules::Context::prose`).
    pub fn read(doc: &Doc) -> Prose {
        Prose::build(doc, &ranges(doc))
    }

    /// The prose of one section: the same as `of_sections(doc, &[n])`, cut out of the report's
    /// prose `all` instead of joined again (its bytes for the section body are one block, after
    /// the paragraph break that opens it).
    pub fn of_section(doc: &Doc, all: &Prose, n: u8) -> Prose {
        match Prose::section(doc, all, n) {
            Section::Cut { all, from, to } => Prose {
                text: all.text[from..to].to_string(),
                pieces: all.pieces_of(from, to),
                sections: if to > from { vec![(0, n)] } else { Vec::new() },
                sentences: Default::default(),
            },
            Section::Alone(p) => p,
        }
    }

    /// `of_section` without a copy where the section can be cut out of `all`: the range of
    /// `all` it is (a section can be most of a long report).
    pub fn section<'a>(doc: &Doc, all: &'a Prose, n: u8) -> Section<'a> {
        let Some((bs, be)) = doc.section_body(n) else { return Section::Alone(Prose::build(doc, &[])) };
        // Joined bytes come in reader order: the block is where their reader offsets are
        // inside the body.
        let from = all.first_from(bs);
        let to = all.first_from(be);
        let from = if all.text.as_bytes().get(from) == Some(&b'\n') && from < to { from + 1 } else { from };
        let (from, to) = (from.min(to), to);
        if !all.text.is_char_boundary(from) || !all.text.is_char_boundary(to) {
            return Section::Alone(Prose::of_sections(doc, &[n]));
        }
        Section::Cut { all, from, to }
    }

    /// The prose of some sections only.
    pub fn of_sections(doc: &Doc, numbers: &[u8]) -> Prose {
        let mut r: Vec<(usize, usize)> = numbers.iter().flat_map(|&n| section_ranges(doc, n)).collect();
        r.sort();
        Prose::build(doc, &r)
    }

    pub fn build(doc: &Doc, ranges: &[(usize, usize)]) -> Prose {
        let text = doc.text();
        let total: usize = ranges.iter().map(|r| r.1 - r.0).sum();
        let mut p = Prose { text: String::with_capacity(total), pieces: Pieces::default(), sections: Vec::new(), sentences: Default::default() };
        let section_at = |off: usize| doc.headings.iter().filter(|h| h.start <= off).max_by_key(|h| h.start).map(|h| h.number).unwrap_or(0);
        for &(rs, re) in ranges {
            let sec = section_at(rs);
            if p.sections.last().map(|s| s.1) != Some(sec) {
                p.sections.push((p.text.len(), sec));
            }
            p.paragraph_break(rs);
            let mut prev_line_end: Option<char> = None;
            let mut prev_heading = false;
            let mut pos = rs;
            for raw in crate::find::lines_inclusive(&text[rs..re]) {
                let ls = pos;
                pos += raw.len();
                let line = raw.trim_end_matches(['\n', '\r']);
                let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{c}');
                if trimmed.is_empty() || is_page_marker(trimmed) {
                    continue;
                }
                let md_heading = line.trim_start().starts_with('#');
                if let Some(c) = prev_line_end {
                    if ends_paragraph(c) || prev_heading || md_heading || starts_item(line) {
                        p.paragraph_break(ls);
                    }
                }
                p.push_line(text, ls, line);
                prev_line_end = trimmed.chars().rev().find(|c| *c != '*').or(prev_line_end);
                // A short line that starts with an item number and does not run on
                // (「（二）依申请公开」) is a sub-heading: the next line is a new paragraph.
                prev_heading = md_heading || (starts_item(line) && trimmed.chars().count() <= 20 && !trimmed.ends_with(['，', ',', '、']));
            }
        }
        p.pieces.shrink_to_fit();
        p
    }

    fn paragraph_break(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push('\n', at, at);
        }
    }

    fn push(&mut self, c: char, s: usize, e: usize) {
        self.pieces.push(Piece { at: self.text.len() as u32, from: s as u32, to: e as u32 });
        self.text.push(c);
    }

    fn push_line(&mut self, text: &str, ls: usize, line: &str) {
        let _ = text;
        let mut pending_space: Option<usize> = None;
        // Characters kept as they are, not yet copied: line[run..i]. They are copied in one
        // piece (most of a line is such characters), with the per-byte offsets filled after.
        let mut run = 0;
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            // Most characters are plain Chinese: only a few lead bytes can start white space
            // (C2, E1, E2, E3) or a full-width digit (EF); those are decoded and looked at.
            let n = crate::text::utf8_len(x);
            let maybe_special = match x {
                0x00..=0x7F => matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'*' | b'#') || (pending_space.is_some() && x.is_ascii_alphanumeric()),
                0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => true,
                _ => false,
            };
            if !maybe_special {
                pending_space = None;
                i += n;
                continue;
            }
            let c = line[i..].chars().next().unwrap_or(' ');
            let at = ls + i;
            let space = c.is_whitespace() || c == '\u{3000}' || c == '\u{c}';
            let mark = c == '*' || c == '#';
            let digit = ('０'..='９').contains(&c);
            // Keep one space between two ASCII words or numbers on a line. A line break between
            // digits is a number wrapped by the PDF (「2024年1\n2月31日」): joined.
            let spaced = pending_space.is_some() && c.is_ascii_alphanumeric();
            if !(space || mark || digit || spaced) {
                pending_space = None;
                i += n;
                continue;
            }
            self.copy(ls + run, &line[run..i]);
            run = i + n;
            i += n;
            if space {
                pending_space.get_or_insert(at);
                continue;
            }
            if c == '*' || (c == '#' && (self.text.ends_with('\n') || self.text.is_empty())) {
                continue;
            }
            let c = if digit { char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c) } else { c };
            // (The last byte decides: a character that is not ASCII ends in a byte above 0x7F.)
            let last = self.text.as_bytes().last().copied();
            // The kept space and a character kept as it is are verbatim copies (the space's one
            // byte from the first white space character, as if it were one byte): each has the
            // origin its own piece gave it, and a table's cells read as prose (「0 0 0」) are
            // one piece instead of two for each cell.
            if let (Some(l), Some(sp)) = (last, pending_space) {
                if l.is_ascii_alphanumeric() && c.is_ascii_alphanumeric() {
                    self.copy(sp, " ");
                }
            }
            pending_space = None;
            if digit {
                self.push(c, at, at + n);
            } else {
                self.copy(at, &line[at - ls..at - ls + n]);
            }
        }
        self.copy(ls + run, &line[run..]);
    }

    /// Characters kept as they are, `piece` starting at reader offset `at`: every byte gets the
    /// start and end of its character.
    fn copy(&mut self, at: usize, piece: &str) {
        if piece.is_empty() {
            return;
        }
        // Right after a verbatim piece that ends where this one starts in the reader text: the
        // same piece goes on.
        let len = self.text.len();
        let goes_on = self.pieces.last().is_some_and(|p| p.to == VERBATIM && p.from as usize + (len - p.at as usize) == at);
        if !goes_on {
            self.pieces.push(Piece { at: len as u32, from: at as u32, to: VERBATIM });
        }
        self.text.push_str(piece);
    }

    /// The piece that holds byte `j` of the joined text (`j < text.len()`).
    fn piece(&self, j: usize) -> Piece {
        self.pieces.get(self.pieces.starting_by(j) - 1)
    }

    /// Start and end of the reader-text character that byte `j` of the joined text came from.
    fn origin(&self, j: usize) -> (usize, usize) {
        let p = self.piece(j);
        if p.to != VERBATIM {
            return (p.from as usize, p.to as usize);
        }
        // A verbatim copy holds whole characters: the one around `j` starts at the last lead
        // byte up to `j`.
        let b = self.text.as_bytes();
        let mut c = j;
        while c > p.at as usize && b[c] & 0xC0 == 0x80 {
            c -= 1;
        }
        let s = p.from as usize + (c - p.at as usize);
        (s, s + crate::text::utf8_len(b[c]))
    }

    /// The first byte of the joined text that comes from reader offset `off` or later (bytes
    /// come in reader order), or the length.
    fn first_from(&self, off: usize) -> usize {
        let (mut lo, mut hi) = (0, self.text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.origin(mid).0 < off {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The pieces of bytes `from..to` of the joined text, as offsets from `from` (both on
    /// character boundaries).
    fn pieces_of(&self, from: usize, to: usize) -> Pieces {
        let mut out = Pieces::default();
        if from >= to {
            return out;
        }
        let first = self.pieces.starting_by(from) - 1;
        let last = self.pieces.at.partition_point(|&a| (a as usize) < to);
        for i in first..last {
            let p = self.pieces.get(i);
            let at = (p.at as usize).max(from);
            let skipped = (at - p.at as usize) as u32;
            let from_reader = if p.to == VERBATIM { p.from + skipped } else { p.from };
            out.push(Piece { at: (at - from) as u32, from: from_reader, to: p.to });
        }
        out
    }

    /// For every byte of the joined text, the reader-text character it came from (tests).
    #[cfg(test)]
    pub(crate) fn origins(&self) -> Vec<(usize, usize)> {
        (0..self.text.len()).map(|j| self.origin(j)).collect()
    }

    /// The input span of a range of the joined text.
    pub fn span(&self, doc: &Doc, start: usize, end: usize) -> Span {
        let (s, e) = self.reader_range(start, end);
        doc.span(s, e)
    }

    /// The reader-text range of a range of the joined text.
    pub fn reader_range(&self, start: usize, end: usize) -> (usize, usize) {
        self.reader_range_in(0, self.text.len(), start, end)
    }

    /// `reader_range` of the prose that is bytes `from..to` of this one, as if cut out.
    fn reader_range_in(&self, from: usize, to: usize, start: usize, end: usize) -> (usize, usize) {
        let len = to - from;
        if len == 0 {
            return (0, 0);
        }
        let s = self.origin(from + start.min(len - 1)).0;
        let e = if end > start { self.origin(from + (end - 1).min(len - 1)).1 } else { s };
        (s, e.max(s))
    }

    /// The section (1..=6, 0 before the first heading) a joined-text offset belongs to.
    pub fn section_at(&self, off: usize) -> u8 {
        self.sections.iter().rev().find(|s| s.0 <= off).map(|s| s.1).unwrap_or(0)
    }

    /// The joined text split at section changes: (start, end, section).
    pub fn section_parts(&self) -> Vec<(usize, usize, u8)> {
        let mut out = Vec::new();
        for (i, &(s, n)) in self.sections.iter().enumerate() {
            let e = self.sections.get(i + 1).map(|x| x.0).unwrap_or(self.text.len());
            if e > s {
                out.push((s, e, n));
            }
        }
        out
    }

    /// Sentences: (start, end) of the joined text, split after 。！？；!?; and at paragraph breaks.
    pub fn sentences(&self) -> &[(usize, usize)] {
        self.sentences.get_or_init(|| self.split_sentences())
    }

    fn split_sentences(&self) -> Vec<(usize, usize)> {
        sentence_ranges(&self.text)
    }
}

/// The sentences of `text`: each ends with its terminator (。！？； ! ? ; or a line break).
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    // Sentences end at 。！？； ! ? ; and line breaks, found on the bytes: the full-width
    // ones are E3 80 82 (。) and EF BC 81/9F/9B (！？；), and no other character holds
    // those three bytes.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let len = match b[i] {
            b'!' | b'?' | b';' | b'\n' => 1,
            0xE3 if b[i + 1..].starts_with(&[0x80, 0x82]) => 3,
            0xEF if b[i + 1..].starts_with(&[0xBC, 0x81]) || b[i + 1..].starts_with(&[0xBC, 0x9F]) || b[i + 1..].starts_with(&[0xBC, 0x9B]) => 3,
            _ => 0,
        };
        if len == 0 {
            i += crate::text::utf8_len(b[i]);
            continue;
        }
        let end = i + len;
        if end > s {
            out.push((s, end));
        }
        s = end;
        i = end;
    }
    if s < text.len() {
        out.push((s, text.len()));
    }
    out
}

/// A number written in words or digits at the start of `s`: 「12」「十二」「两」「一百零五」「3,119」.
/// Returns the value and its length in bytes.
pub fn leading_number(s: &str) -> Option<(i64, usize)> {
    let digits: usize = s.bytes().take_while(|b| b.is_ascii_digit() || *b == b',').count();
    if digits > 0 {
        let t = s[..digits].trim_end_matches(',');
        if s.as_bytes()[0] == b',' {
            return None;
        }
        // A decimal is not a count.
        if s[t.len()..].starts_with('.') && s[t.len() + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let v: i64 = t.replace(',', "").parse().ok()?;
        return Some((v, t.len()));
    }
    let mut total: i64 = 0;
    let mut section: i64 = 0;
    let mut digit: Option<i64> = None;
    let mut len = 0;
    for (i, c) in s.char_indices() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            if digit.map_or(false, |x| x != 0) {
                // 「一二」 is not a number.
                return None;
            }
            digit = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10000,
                _ => break,
            };
            if unit == 10000 {
                section += digit.take().unwrap_or(0);
                total += section.max(1) * unit;
                section = 0;
            } else {
                section += digit.take().unwrap_or(1) * unit;
            }
        }
        len = i + c.len_utf8();
    }
    // 「零件」 is a word, not a count.
    if len == 0 || s[..len].chars().all(|c| c == '零' || c == '〇') {
        return None;
    }
    Some((total + section + digit.unwrap_or(0), len))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The character-by-character statement of `sentence_ranges`, to check the byte version on.
    fn sentence_ranges_by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
                if end > s {
                    out.push((s, end));
                }
                s = end;
            }
        }
        if s < text.len() {
            out.push((s, text.len()));
        }
        out
    }

    #[test]
    fn sentences_split_as_character_by_character() {
        // The terminators, characters sharing their first two bytes (、〃「 （ ） ＂ ！…), and others.
        let pieces = ["。", "！", "？", "；", "!", "?", ";", "\n", "、", "〃", "「", "（", "）", "＂", "，", "：", "年", "a", " ", "é", "𠀀", "\u{3000}"];
        let mut rng = crate::testgen::Rng::new(17);
        for _ in 0..20000 {
            let t = rng.text_of(&pieces, 12);
            assert_eq!(sentence_ranges(&t), sentence_ranges_by_chars(&t), "{:?}", t);
        }
    }

    /// A `Doc` for prose tests: headings and title, no tables.
    pub fn with_doc<R>(text: &str, f: impl FnOnce(&Doc) -> R) -> R {
        let src = crate::input::source::Source::plain(text.to_string());
        f(&Doc::outline(&src))
    }

    #[test]
    fn a_section_cut_out_of_the_report_prose_is_the_section_joined_alone() {
        use crate::testgen::{generate, Form};
        for form in Form::ALL {
            for seed in 0..40 {
                let text = generate(seed * 7 + 1, form).text;
                // Also with blank lines, page markers and markdown marks where sections meet.
                let noisy = text.replace("五、", "\n-3-\n\n## 五、").replace("六、", "**六、");
                for t in [&text, &noisy] {
                    with_doc(t, |doc| {
                        for n in 1..=6 {
                            let all = Prose::read(doc);
                            let cut = Prose::of_section(doc, &all, n);
                            let alone = Prose::of_sections(doc, &[n]);
                            // The section as a range of the report's prose reads the same.
                            let section = Prose::section(doc, &all, n);
                            assert_eq!(section.text(), cut.text);
                            let len = cut.text.len();
                            for (s, e) in [(0, len), (0, 1), (len / 3, len / 2), (len / 2, len), (len, len)] {
                                if s <= e && e <= len && cut.text.is_char_boundary(s) && cut.text.is_char_boundary(e) {
                                    assert_eq!(section.span(doc, s, e), cut.span(doc, s, e), "section {} {}..{}", n, s, e);
                                }
                            }
                            assert_eq!((&cut.text, cut.origins()), (&alone.text, alone.origins()), "section {} of {:?} seed {}", n, form, seed);
                        }
                    });
                }
            }
        }
    }

    #[test]
    fn numbers_in_words_and_digits() {
        assert_eq!(leading_number("21 件"), Some((21, 2)));
        assert_eq!(leading_number("3,119件"), Some((3119, 5)));
        assert_eq!(leading_number("十二件"), Some((12, 6)));
        assert_eq!(leading_number("两起"), Some((2, 3)));
        assert_eq!(leading_number("二十件"), Some((20, 6)));
        assert_eq!(leading_number("一百零五件"), Some((105, 12)));
        assert_eq!(leading_number("零件"), None);
        assert_eq!(leading_number("7730.28万元"), None);
        assert_eq!(leading_number("件"), None);
        assert_eq!(leading_number("一二"), None);
    }

    #[test]
    fn subtracting_ranges() {
        assert_eq!(subtract((0, 100), vec![(10, 20), (15, 30), (50, 60)]), vec![(0, 10), (30, 50), (60, 100)]);
        assert_eq!(subtract((0, 10), vec![(0, 10)]), vec![]);
    }
}
