//! From token lines to a sequence of events: row labels and values, in reading order.
//!
//! Text tokens are joined into runs across line breaks (labels wrap: 「三、本\n年度办\n理结果」)
//! until a value or a blank line; a run is then cut at item numbers (「（一）」「1.」「三、」) into
//! pieces, and each piece is recognised as a row label, a group heading or other text.

use super::tokens::{Kind, Line, Tok};
use crate::text::{is_cjk_numeral, normalize_label};

#[derive(Debug, Clone)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// Normalised text (see `normalize_label`).
    pub norm: String,
}

#[derive(Debug, Clone)]
pub enum Ev {
    Label(Piece),
    /// A value; `alone` when it is the only token on its line (PDF text often gives a table
    /// column by column, one value per line).
    Val(Tok, bool),
    /// A blank line (ends runs; separates vertical chunks).
    Blank,
}

pub fn events(text: &str, lines: &[Line]) -> Vec<Ev> {
    let mut out = Vec::with_capacity(lines.iter().map(|l| l.toks.len() + 1).sum());
    let mut run = Run::default();
    for line in lines {
        if line.blank {
            run.flush(text, &mut out);
            out.push(Ev::Blank);
            continue;
        }
        let alone = line.toks.len() == 1;
        // A note in brackets on a line of its own is a piece of its own (it belongs to the
        // number above it, not to the label below).
        if alone && line.toks[0].kind == Kind::Text && super::tokens::is_note(&text[line.toks[0].start..line.toks[0].end]) {
            run.flush(text, &mut out);
            run.parts.push((line.toks[0].start, line.toks[0].end, true));
            run.flush(text, &mut out);
            continue;
        }
        for (k, t) in line.toks.iter().enumerate() {
            match t.kind {
                Kind::Text if k == 0 && line.margin => {
                    // A piece of a vertically written cell: its own label, never glued to the
                    // label run it happens to share a line with.
                    run.flush(text, &mut out);
                    run.parts.push((t.start, t.end, true));
                    run.flush(text, &mut out);
                }
                Kind::Text => run.parts.push((t.start, t.end, k == 0)),
                Kind::Val(_) => {
                    run.flush(text, &mut out);
                    out.push(Ev::Val(t.clone(), alone));
                }
            }
        }
        // Tab/markdown rows end their labels at the end of the line.
        if line.cells {
            run.flush(text, &mut out);
        }
    }
    run.flush(text, &mut out);
    out
}

/// Text tokens waiting to become label pieces, and the buffers `flush` reuses (a table has
/// hundreds of runs; each used to allocate its own).
#[derive(Default)]
struct Run {
    /// (start, end, starts a line)
    parts: Vec<(usize, usize, bool)>,
    chars: Vec<(char, usize, bool)>,
    cuts: Vec<usize>,
    piece: String,
}

impl Run {
    fn flush(&mut self, text: &str, out: &mut Vec<Ev>) {
        if self.parts.is_empty() {
            return;
        }
        // Characters of the run with their offsets, white space dropped.
        let chars = &mut self.chars;
        chars.clear();
        for &(s, e, line_start) in self.parts.iter() {
            let mut first = true;
            for (i, c) in text[s..e].char_indices() {
                // (No white space lies above U+3000: most characters of a label need no lookup.)
                let skip =
                    if c.is_ascii() { matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '*' | '#') } else { c <= '\u{3000}' && c.is_whitespace() };
                if skip {
                    continue;
                }
                chars.push((c, s + i, line_start && first));
                first = false;
            }
        }
        self.parts.clear();
        let cuts = &mut self.cuts;
        cuts.clear();
        cuts.push(0);
        for i in 1..chars.len() {
            if is_marker(chars, i) {
                cuts.push(i);
            }
        }
        cuts.push(chars.len());
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a >= b {
                continue;
            }
            // The piece's characters, copied from the text a stretch at a time (they are
            // contiguous but where white space was dropped).
            self.piece.clear();
            let mut stretch = chars[a].1;
            for w in chars[a..b].windows(2) {
                let next = w[0].1 + w[0].0.len_utf8();
                if w[1].1 != next {
                    self.piece.push_str(&text[stretch..next]);
                    stretch = w[1].1;
                }
            }
            let last = chars[b - 1];
            self.piece.push_str(&text[stretch..last.1 + last.0.len_utf8()]);
            out.push(Ev::Label(Piece { start: chars[a].1, end: last.1 + last.0.len_utf8(), norm: normalize_label(&self.piece) }));
        }
    }
}

/// Does an item number start at `i`: 「（一）」「(1)」「1.」「1、」 anywhere, 「一、」 at a line start.
fn is_marker(chars: &[(char, usize, bool)], i: usize) -> bool {
    let c = chars[i].0;
    let next = |k: usize| chars.get(i + k).map(|x| x.0);
    if c == '（' || c == '(' {
        let mut k = 1;
        while next(k).map(|c| is_cjk_numeral(c) || c.is_ascii_digit()).unwrap_or(false) {
            k += 1;
        }
        return k > 1 && matches!(next(k), Some('）') | Some(')'));
    }
    if is_cjk_numeral(c) && next(1) == Some('、') {
        let prev = chars[i - 1].0;
        return chars[i].2 || prev == '）' || prev == ')' || prev == '”';
    }
    if c.is_ascii_digit() {
        let prev = chars[i - 1].0;
        if prev.is_ascii_digit() || prev == '.' || prev == '第' {
            return false;
        }
        let mut k = 1;
        while next(k).map(|c| c.is_ascii_digit()).unwrap_or(false) {
            k += 1;
        }
        let after = next(k + 1).unwrap_or(' ');
        return matches!(next(k), Some('.') | Some('、') | Some('．')) && !after.is_ascii_digit();
    }
    false
}
