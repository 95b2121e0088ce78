//! Rewriting a text while keeping the spans of its cells: every byte of the old text is copied,
//! dropped or replaced, new text can be put in between, and each span follows its characters.
//! The web forms use it to change an HTML page (spacing between cells, stray spaces) and to
//! flatten it to text as a crawler does.

use super::*;

/// One pass over `src`: the caller walks it with `copy`, `drop`, `replace` and `emit`.
pub(crate) struct Rw<'a> {
    pub(crate) src: &'a str,
    pub(crate) i: usize,
    pub(crate) out: String,
    /// Where byte `k` of `src` went in `out` (a dropped or replaced byte: where its
    /// replacement starts).
    at: Vec<usize>,
    /// How long `out` was when the walk reached byte `k`, before anything was emitted there:
    /// the end of a span that ends at `k`.
    before: Vec<usize>,
}

impl<'a> Rw<'a> {
    pub(crate) fn new(src: &'a str) -> Rw<'a> {
        Rw { src, i: 0, out: String::with_capacity(src.len()), at: vec![0; src.len() + 1], before: vec![0; src.len() + 1] }
    }
    pub(crate) fn done(&self) -> bool {
        self.i >= self.src.len()
    }
    pub(crate) fn rest(&self) -> &'a str {
        &self.src[self.i..]
    }
    /// Copy the next `n` bytes.
    pub(crate) fn copy(&mut self, n: usize) {
        let n = n.min(self.src.len() - self.i);
        for k in 0..n {
            self.at[self.i + k] = self.out.len() + k;
            if k > 0 {
                self.before[self.i + k] = self.out.len() + k;
            }
        }
        self.out.push_str(&self.src[self.i..self.i + n]);
        self.advance(n);
    }
    /// Copy the next character.
    pub(crate) fn copy_char(&mut self) {
        let n = self.rest().chars().next().map(char::len_utf8).unwrap_or(1);
        self.copy(n);
    }
    /// Replace the next `n` bytes by `with` (drop them when it is empty).
    pub(crate) fn replace(&mut self, n: usize, with: &str) {
        let n = n.min(self.src.len() - self.i);
        for k in 0..n {
            self.at[self.i + k] = self.out.len();
            if k > 0 {
                self.before[self.i + k] = self.out.len();
            }
        }
        self.out.push_str(with);
        self.advance(n);
    }
    pub(crate) fn drop(&mut self, n: usize) {
        self.replace(n, "");
    }
    /// New text at the current place.
    pub(crate) fn emit(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn advance(&mut self, n: usize) {
        self.i += n;
        self.before[self.i] = self.out.len();
    }
    /// The rewritten text, and the spans moved onto it.
    pub(crate) fn finish(mut self, spans: &mut [(CellId, usize, usize)]) -> String {
        while !self.done() {
            self.copy_char();
        }
        self.at[self.src.len()] = self.out.len();
        self.before[self.src.len()] = self.out.len();
        for s in spans.iter_mut() {
            let start = self.at[s.1];
            let end = self.before[s.2].max(start);
            *s = (s.0, start, end);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_their_characters() {
        let cell = CellId { table: "t3", row: "new", column: "natural" };
        let src = "<td>23</td><td>&nbsp;</td>";
        let mut spans = vec![(cell, 4, 6), (cell, 15, 21)];
        // Insert at a span's start (before it) and at its end (after it).
        let mut rw = Rw::new(src);
        rw.emit("X");
        rw.copy(4);
        rw.emit(" ");
        rw.copy(2);
        rw.emit("\n");
        let out = rw.finish(&mut spans);
        assert_eq!(&out[spans[0].1..spans[0].2], "23");
        assert_eq!(&out[spans[1].1..spans[1].2], "&nbsp;");
        // Drop the tags, decode the entity.
        let mut rw = Rw::new(&out);
        while !rw.done() {
            if rw.rest().starts_with('<') {
                let n = rw.rest().find('>').unwrap() + 1;
                rw.drop(n);
            } else if rw.rest().starts_with("&nbsp;") {
                rw.replace(6, "\u{a0}");
            } else {
                rw.copy_char();
            }
        }
        let text = rw.finish(&mut spans);
        assert_eq!(text, "X 23\n\u{a0}");
        assert_eq!(&text[spans[0].1..spans[0].2], "23");
        assert_eq!(&text[spans[1].1..spans[1].2], "\u{a0}");
    }
}
