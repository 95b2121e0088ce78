//! The text the readers work on, and the way back to the characters the user gave.
//!
//! For plain text the two are the same. For HTML the readers see a flattened text (cells
//! separated by tabs, rows by newlines) and every piece of it remembers where it came from
//! in the original markup, so a finding still points at the `<td>`'s characters.

use crate::model::Span;

pub struct Source {
    /// What the user gave (decoded to UTF-8). Empty while `inserted` stands for it.
    pub original: String,
    /// For text given line breaks (`with_breaks`): where they were inserted, as offsets of the
    /// original (each before the character there). The original is then not kept beside the
    /// reader text: it is the reader text without these breaks (a one-line web text can be
    /// tens of megabytes). `into_original` gives it back.
    inserted: Option<Vec<u32>>,
    /// What the readers see. Same as `original` unless the input was HTML.
    flat: Option<String>,
    /// For HTML: sorted (flat offset, original offset, verbatim) pieces. (Offsets are u32
    /// here and below: a text is far below 4 GiB, and a long page has many pieces and lines.)
    map: PieceMap,
    /// The text was web text with the whole report on one line, given its line breaks by
    /// `input::one_line`: its table cells lost their separators.
    pub one_line: bool,
    /// Byte offset of every line start in `original`.
    line_starts: Vec<u32>,
    /// Characters before every 512-byte block of `original`, so a column is found in constant
    /// time even on a page that is one long line (HTML often is). Worked out on first use: text
    /// with ordinary lines never needs it.
    char_blocks: std::cell::OnceCell<Vec<usize>>,
    /// For a PDF: where the characters of `original` are printed, sorted by offset
    /// (see `positioned`). Empty otherwise.
    positions: Vec<(usize, crate::input::positioned::Pos)>,
    /// The last column worked out: (line index, byte offset, characters from the line start).
    /// Spans are mostly asked for in text order, many on one line (a table row's cells, a
    /// span's start and end): the next column is counted on from here.
    last_col: std::cell::Cell<(usize, usize, usize)>,
}

/// (reader offset, original offset, verbatim) pieces in increasing reader order, kept as
/// columns: 8 bytes and a bit a piece (as a list of tuples they were 12, the flag padded to 4;
/// an HTML page has a piece every few bytes).
#[derive(Default)]
pub struct PieceMap {
    flat: Vec<u32>,
    orig: Vec<u32>,
    /// Bit `i % 64` of word `i / 64`: piece `i` is verbatim.
    verbatim: Vec<u64>,
}

impl PieceMap {
    pub fn push(&mut self, (f, o, verbatim): (u32, u32, bool)) {
        let i = self.flat.len();
        if i % 64 == 0 {
            self.verbatim.push(0);
        }
        if verbatim {
            self.verbatim[i / 64] |= 1 << (i % 64);
        }
        self.flat.push(f);
        self.orig.push(o);
    }

    fn get(&self, i: usize) -> (u32, u32, bool) {
        (self.flat[i], self.orig[i], self.verbatim[i / 64] >> (i % 64) & 1 == 1)
    }

    pub fn shrink_to_fit(&mut self) {
        self.flat.shrink_to_fit();
        self.orig.shrink_to_fit();
        self.verbatim.shrink_to_fit();
    }
}

const NO_COLUMN_YET: (usize, usize, usize) = (usize::MAX, 0, 0);

const BLOCK: usize = 512;

/// Characters that start in these bytes (UTF-8 lead bytes).
fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xC0 != 0x80).count()
}

fn char_blocks(text: &str) -> Vec<usize> {
    let mut v = Vec::with_capacity(text.len() / BLOCK + 1);
    let mut n = 0;
    for chunk in text.as_bytes().chunks(BLOCK) {
        v.push(n);
        n += count_chars(chunk);
    }
    v.push(n);
    v
}

impl Source {
    pub fn plain(text: String) -> Source {
        let line_starts = line_starts(&text);
        Source {
            original: text,
            inserted: None,
            flat: None,
            map: PieceMap::default(),
            one_line: false,
            line_starts,
            char_blocks: Default::default(),
            positions: Vec::new(),
            last_col: std::cell::Cell::new(NO_COLUMN_YET),
        }
    }

    /// `pieces`: (flat offset, original offset, verbatim) in increasing flat order.
    pub fn mapped(original: String, flat: String, pieces: Vec<(usize, usize, bool)>) -> Source {
        let line_starts = line_starts(&original);
        Source {
            original,
            inserted: None,
            flat: Some(flat),
            map: {
                let mut map = PieceMap::default();
                for (f, o, verbatim) in pieces {
                    map.push((f as u32, o as u32, verbatim));
                }
                map
            },
            one_line: false,
            line_starts,
            char_blocks: Default::default(),
            positions: Vec::new(),
            last_col: std::cell::Cell::new(NO_COLUMN_YET),
        }
    }

    /// `text` with line breaks inserted before the characters at `breaks` (increasing
    /// offsets of `text`, none at its start or end), read as `mapped` reads
    /// `one_line::with_breaks(text, breaks)`, but without a copy of `text` kept beside the reader
    /// text. Its line starts and character counts are worked out here, before it is dropped.
    pub fn with_breaks(text: String, breaks: &[usize]) -> Source {
        let line_starts = line_starts(&text);
        let blocks = char_blocks(&text);
        let (flat, pieces) = crate::input::one_line::with_breaks(&text, breaks);
        drop(text);
        let mut src = Source::mapped(String::new(), flat, pieces);
        src.line_starts = line_starts;
        src.char_blocks = std::cell::OnceCell::from(blocks);
        src.inserted = Some(breaks.iter().map(|&b| b as u32).collect());
        src
    }

    /// What the user gave (the spans point into it); the source is given up.
    pub fn into_original(self) -> String {
        if self.breaks_only().is_none() {
            return self.original;
        }
        let (Some(inserted), Some(flat)) = (self.inserted, self.flat) else {
            return self.original;
        };
        // The reader text without the inserted breaks, moved down in place: the i-th break
        // stands at reader offset `inserted[i] + i`.
        let mut bytes = flat.into_bytes();
        let mut to = 0;
        let mut from = 0;
        for (i, &b) in inserted.iter().enumerate() {
            let at = b as usize + i;
            if at < from || at >= bytes.len() {
                continue;
            }
            bytes.copy_within(from..at, to);
            to += at - from;
            from = at + 1;
        }
        let n = bytes.len();
        bytes.copy_within(from..n, to);
        bytes.truncate(to + (n - from));
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// The inserted breaks and the reader text, when the original is not kept. (Only the CLI
    /// reads texts large enough for it to matter: the page keeps both, and leaves this code out.)
    #[cfg(not(target_arch = "wasm32"))]
    fn breaks_only(&self) -> Option<(&[u32], &str)> {
        match (&self.inserted, &self.flat) {
            (Some(inserted), Some(flat)) => Some((inserted, flat)),
            _ => None,
        }
    }

    #[cfg(target_arch = "wasm32")]
    fn breaks_only(&self) -> Option<(&[u32], &str)> {
        None
    }

    /// The original's length.
    fn original_len(&self) -> usize {
        match self.breaks_only() {
            Some((inserted, flat)) => flat.len() - inserted.len(),
            _ => self.original.len(),
        }
    }

    /// Where byte `o` of the original is in the reader text, when the original is not kept.
    fn kept_at(&self, o: usize) -> usize {
        match self.breaks_only() {
            Some((inserted, _)) => o + inserted.partition_point(|&b| b as usize <= o),
            None => o,
        }
    }

    /// Does a character of the original start at byte `o` (`o` < its length)?
    fn original_boundary(&self, o: usize) -> bool {
        match self.breaks_only() {
            Some((_, flat)) => flat.is_char_boundary(self.kept_at(o)),
            _ => self.original.is_char_boundary(o),
        }
    }

    /// Characters that start in bytes `a..b` of the original.
    fn original_chars(&self, a: usize, b: usize) -> usize {
        match self.breaks_only() {
            Some((inserted, flat)) => {
                let (fa, fb) = (self.kept_at(a), self.kept_at(b));
                // Less the inserted breaks among them (those before characters in a + 1..=b).
                let breaks = inserted.partition_point(|&x| x as usize <= b) - inserted.partition_point(|&x| x as usize <= a);
                count_chars(&flat.as_bytes()[fa..fb]) - breaks
            }
            _ => count_chars(&self.original.as_bytes()[a..b]),
        }
    }

    /// `mapped` with the pieces' offsets as u32 (HTML: a piece every few bytes).
    pub fn mapped_u32(original: String, flat: String, map: PieceMap) -> Source {
        let line_starts = line_starts(&original);
        Source {
            original,
            inserted: None,
            flat: Some(flat),
            map,
            one_line: false,
            line_starts,
            char_blocks: Default::default(),
            positions: Vec::new(),
            last_col: std::cell::Cell::new(NO_COLUMN_YET),
        }
    }

    /// Text rebuilt from a PDF page layout, with where every character is printed.
    pub fn positioned(layout: crate::input::positioned::Layout) -> Source {
        let mut src = Source::plain(layout.text);
        src.positions = layout.positions;
        src
    }

    /// Where the character at an offset of the original is printed (PDF input only).
    pub fn position(&self, off: usize) -> Option<crate::input::positioned::Pos> {
        let i = match self.positions.binary_search_by(|p| p.0.cmp(&off)) {
            Ok(i) => i,
            // A separator (tab, newline) belongs to the character after it.
            Err(i) if i < self.positions.len() => i,
            Err(i) => i.checked_sub(1)?,
        };
        self.positions.get(i).map(|p| p.1)
    }

    /// Replace look-alike radicals and compatibility ideographs in the reader text by the
    /// ideographs they stand for (`glyphs::same_length`), keeping every offset, so spans need
    /// no new map.
    pub fn unify_lookalikes(&mut self) {
        if let Some(out) = crate::input::glyphs::same_length(self.text()) {
            // The original is no longer the reader text without its breaks: kept beside it.
            if let Some(original) = self.breaks_only().map(|(inserted, flat)| without_breaks(flat, inserted, 0, flat.len())) {
                self.original = original;
                self.inserted = None;
            }
            if self.flat.is_none() {
                self.map = PieceMap::default();
                self.map.push((0, 0, true));
            }
            self.flat = Some(out);
        }
    }

    /// The text readers work on.
    pub fn text(&self) -> &str {
        self.flat.as_deref().unwrap_or(&self.original)
    }

    /// Where a reader offset lies in the original.
    pub fn to_original(&self, off: usize) -> usize {
        if self.flat.is_none() {
            return off;
        }
        match self.map.flat.binary_search_by(|&f| (f as usize).cmp(&off)) {
            Ok(i) => self.map.orig[i] as usize,
            Err(0) => 0,
            Err(i) => {
                let (f, o, verbatim) = self.map.get(i - 1);
                let (f, o) = (f as usize, o as usize);
                if verbatim {
                    o + (off - f)
                } else {
                    o
                }
            }
        }
    }

    /// A span of the original for a range of the reader text.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (s, mut e) = if self.flat.is_none() {
            (start, end)
        } else {
            let s = self.to_original(start);
            let e = if end > start { self.to_original(end - 1) + 1 } else { s };
            (s, e)
        };
        // Never end inside a UTF-8 character.
        let len = self.original_len();
        e = e.min(len);
        while e < len && !self.original_boundary(e) {
            e += 1;
        }
        let s = s.min(e);
        let (line, col) = self.line_col(s);
        // Most spans (a cell, a word) end on the line they start on: the end column is counted
        // on from the start's.
        let line_end = self.line_starts.get(line as usize).map_or(usize::MAX, |&x| x as usize);
        let (end_line, end_col) = if e < line_end {
            let n = self.original_chars(s, e);
            self.last_col.set((line as usize - 1, e, (col as usize - 1) + n));
            (line, col + n as u32)
        } else {
            self.line_col(e)
        };
        let pos = self.position(s);
        let round = |v: f32| (v * 10.0).round() / 10.0;
        Span { start: s, end: e, line, col, end_line, end_col, page: pos.map(|p| p.page), x: pos.map(|p| round(p.x)), y: pos.map(|p| round(p.y)) }
    }

    /// 1-based line and character column of a byte offset of the original.
    pub fn line_col(&self, off: usize) -> (u32, u32) {
        let (memo_line, memo_off, memo_chars) = self.last_col.get();
        // Most offsets are on the line of the last one: no search then.
        let on_memo_line =
            memo_line != usize::MAX && self.line_start(memo_line) <= off && self.line_starts.get(memo_line + 1).is_none_or(|&next| off < next as usize);
        let line = if on_memo_line {
            memo_line
        } else if memo_line != usize::MAX && self.line_start(memo_line) <= off && self.line_starts.get(memo_line + 4).is_none_or(|&far| off < far as usize) {
            // A few lines further on (a table's next row): stepped to.
            let mut l = memo_line;
            while self.line_starts.get(l + 1).is_some_and(|&next| next as usize <= off) {
                l += 1;
            }
            l
        } else {
            // The last line start at or before `off` (the first is 0).
            self.line_starts.partition_point(|&s| s as usize <= off) - 1
        };
        let start = self.line_start(line);
        let o = off.min(self.original_len()).max(start);
        // Short distances (every ordinary line) are counted directly; only a very long line
        // (a one-line HTML page) goes through the per-block counts.
        let chars = if memo_line == line && memo_off <= o && o - memo_off <= BLOCK {
            memo_chars + self.original_chars(memo_off, o)
        } else if o - start <= BLOCK {
            self.original_chars(start, o)
        } else {
            self.char_index(o) - self.char_index(start)
        };
        self.last_col.set((line, o, chars));
        (line as u32 + 1, chars as u32 + 1)
    }

    /// How many characters start before byte `off`.
    fn char_index(&self, off: usize) -> usize {
        let b = off / BLOCK;
        let base = self.char_blocks.get_or_init(|| char_blocks(&self.original))[b];
        base + self.original_chars(b * BLOCK, off)
    }

    fn line_start(&self, line: usize) -> usize {
        self.line_starts[line] as usize
    }

    /// The original line (without its newline) that holds a byte offset.
    pub fn line_text(&self, line: u32) -> std::borrow::Cow<'_, str> {
        let i = (line as usize).saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_start(i);
        let end = self.line_starts.get(i + 1).map_or(self.original_len(), |&x| x as usize);
        match self.breaks_only() {
            Some((inserted, flat)) => {
                let line = without_breaks(flat, inserted, self.kept_at(start), self.kept_at(end));
                std::borrow::Cow::Owned(line.trim_end_matches(['\n', '\r']).to_string())
            }
            _ => std::borrow::Cow::Borrowed(self.original[start..end].trim_end_matches(['\n', '\r'])),
        }
    }
}

/// Bytes `from..to` of a reader text with line breaks inserted at `inserted` (offsets of the
/// original: the i-th break is at reader offset `inserted[i] + i`), without those breaks.
fn without_breaks(flat: &str, inserted: &[u32], from: usize, to: usize) -> String {
    let mut out = String::with_capacity(to - from);
    let mut pos = from;
    let first = inserted.iter().enumerate().position(|(i, &b)| b as usize + i >= from).unwrap_or(inserted.len());
    for (i, &b) in inserted.iter().enumerate().skip(first) {
        let at = b as usize + i;
        if at >= to {
            break;
        }
        out.push_str(&flat[pos..at]);
        pos = at + 1;
    }
    out.push_str(&flat[pos..to]);
    out
}

fn line_starts(text: &str) -> Vec<u32> {
    // memchr's vectorised search: most bytes of a text are not newlines (lines are tens of bytes).
    let b = text.as_bytes();
    // Counted first, so the list is made at its size (growing it by doubling left up to half
    // of it unused: a long text has millions of lines).
    let mut n = 1;
    crate::find::each_byte(b'\n', b, |_| {
        n += 1;
        false
    });
    let mut v = Vec::with_capacity(n);
    v.push(0);
    crate::find::each_byte(b'\n', b, |i| {
        v.push((i + 1) as u32);
        false
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalike_radicals_read_as_ideographs_with_the_same_offsets() {
        let mut src = Source::plain("\u{2F00}、总体情况\n第\u{2F00}项".to_string());
        src.unify_lookalikes();
        assert_eq!(src.text(), "一、总体情况\n第一项");
        let p = src.text().find("第").unwrap();
        assert_eq!(src.to_original(p), p);
        assert_eq!(src.span(p, p + 6).line, 2);
    }

    #[test]
    fn line_starts_are_those_of_a_plain_scan() {
        let naive = |t: &str| std::iter::once(0).chain(t.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1)).collect::<Vec<_>>();
        let mut rng = crate::testgen::Rng::new(7);
        for _ in 0..200 {
            let t = rng.text_of(&["\n", "a", "\u{b}", "\u{8a}", "年", "\t"], 200);
            assert_eq!(line_starts(&t), naive(&t), "{:?}", t);
        }
    }

    #[test]
    fn text_with_breaks_reads_as_its_copy_with_breaks() {
        let mut rng = crate::testgen::Rng::new(11);
        for round in 0..300 {
            let t = rng.text_of(&["\n", "a", "年", "𠀀", " ", "\t", "é", "1"], 120);
            let starts: Vec<usize> = (1..t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let mut breaks: Vec<usize> = starts.iter().copied().filter(|&i| (i * 7 + round) % 5 == 0).collect();
            breaks.dedup();
            let (flat, pieces) = crate::input::one_line::with_breaks(&t, &breaks);
            let kept = Source::mapped(t.clone(), flat.clone(), pieces);
            let derived = Source::with_breaks(t.clone(), &breaks);
            assert_eq!(derived.text(), flat);
            for a in 0..=flat.len() {
                for b in a..=flat.len().min(a + 40) {
                    assert_eq!(kept.span(a, b), derived.span(a, b), "{:?} {:?} {}..{}", t, breaks, a, b);
                }
            }
            for line in 1..=kept.line_starts.len() as u32 + 1 {
                assert_eq!(kept.line_text(line), derived.line_text(line));
            }
            assert_eq!(derived.into_original(), t);
        }
    }

    #[test]
    fn columns_count_characters() {
        let long = format!("{}\n末尾", "年".repeat(10_000));
        let src = Source::plain(long.clone());
        let off = "年".len() * 5000;
        assert_eq!(src.line_col(off), (1, 5001));
        let last = long.find("尾").unwrap();
        assert_eq!(src.line_col(last), (2, 2));
        assert_eq!(src.line_col(long.len()), (2, 3));
    }
}
