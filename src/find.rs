//! Substring search for the way the checker searches: short keywords (「申请」「结转下年」) in
//! short to medium texts (a sentence, a line, a few kilobytes), hundreds of times per report.
//!
//! `str::find(&str)` and `str::contains(&str)` set up a Two-Way searcher on every call: several
//! hundred instructions before the first byte of the text is looked at. Here one byte of the
//! needle is searched for with memchr (vectorised: 16 bytes a step natively, and in the page's
//! WebAssembly as far as the target allows), its neighbour is tested beside each hit, and only
//! where both match is the whole needle compared. For a needle that starts with a Chinese
//! character the two bytes are that character's last two, which name it almost alone, and the
//! last byte alone stops the search at about one Chinese character in 64. Results are exactly
//! those of the `str` methods (tests below compare them).

pub trait Find {
    /// Byte offset of the first occurrence of `needle` (as `str::find`).
    fn find_str(&self, needle: &str) -> Option<usize>;
    /// Byte offset of the last occurrence of `needle` (as `str::rfind`).
    fn rfind_str(&self, needle: &str) -> Option<usize>;
    /// Whether `needle` occurs (as `str::contains`).
    fn has(&self, needle: &str) -> bool {
        self.find_str(needle).is_some()
    }
}

/// Where in the needle the two probe bytes are: the last two bytes of its first character when
/// that has several (its lead byte is shared by thousands of characters), else its first two.
#[inline]
fn probe_at(n: &[u8]) -> usize {
    crate::text::utf8_len(n[0]).saturating_sub(2).min(n.len() - 2)
}

#[inline]
fn same(h: &[u8], at: usize, n: &[u8]) -> bool {
    h[at..at + n.len()] == *n
}

/// Where byte `x` occurs in `h`, in order: memchr's SSE2 search called directly on x86-64
/// (where SSE2 is always there), which spares the run-time CPU dispatch of `memchr::memchr_iter`
/// on every call — most haystacks here are a line or a sentence.
#[cfg(target_arch = "x86_64")]
pub(crate) fn each_byte(x: u8, h: &[u8], mut f: impl FnMut(usize) -> bool) -> Option<usize> {
    match memchr::arch::x86_64::sse2::memchr::One::new(x) {
        Some(one) => one.iter(h).find(|&q| f(q)),
        None => memchr::memchr_iter(x, h).find(|&q| f(q)),
    }
}
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn each_byte(x: u8, h: &[u8], mut f: impl FnMut(usize) -> bool) -> Option<usize> {
    memchr::memchr_iter(x, h).find(|&q| f(q))
}

/// First occurrence of `n` (at least two bytes, no longer than `h`) in `h`.
fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let p = probe_at(n);
    let (a, b) = (n[p], n[p + 1]);
    // Starts run from 0 to h.len() - n.len(); the second probe byte is searched for at each
    // start's offset p + 1, the first tested beside it.
    let last = h.len() - n.len();
    each_byte(b, &h[p + 1..last + p + 2], |q| h[q + p] == a && same(h, q, n))
}

/// Last occurrence of `n` (at least two bytes, no longer than `h`) in `h`.
fn rfind_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let p = probe_at(n);
    let (a, b) = (n[p], n[p + 1]);
    let last = h.len() - n.len();
    for q in memchr::memrchr_iter(b, &h[p + 1..last + p + 2]) {
        if h[q + p] == a && same(h, q, n) {
            return Some(q);
        }
    }
    None
}

/// First `x` in `h` at or after `from` (a line's tabs, the next line break).
pub fn find_byte(h: &[u8], from: usize, x: u8) -> Option<usize> {
    each_byte(x, &h[from.min(h.len())..], |_| true).map(|p| p + from)
}

/// The lines of `s` with their line breaks, as `s.split_inclusive('\n')`.
pub fn lines_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= s.len() {
            return None;
        }
        let end = find_byte(s.as_bytes(), pos, b'\n').map_or(s.len(), |p| p + 1);
        let line = &s[pos..end];
        pos = end;
        Some(line)
    })
}

/// The lines of `s` without their line breaks (`\n` or `\r\n`), as `s.lines()`.
pub fn lines(s: &str) -> impl Iterator<Item = &str> {
    lines_inclusive(s).map(|l| match l.strip_suffix('\n') {
        Some(l) => l.strip_suffix('\r').unwrap_or(l),
        None => l,
    })
}

impl Find for str {
    fn find_str(&self, needle: &str) -> Option<usize> {
        let (h, n) = (self.as_bytes(), needle.as_bytes());
        match n.len() {
            0 => Some(0),
            l if l > h.len() => None,
            1 => h.iter().position(|&c| c == n[0]),
            // A whole needle found in valid UTF-8 starts at a character boundary.
            _ => find_bytes(h, n),
        }
    }

    fn rfind_str(&self, needle: &str) -> Option<usize> {
        let (h, n) = (self.as_bytes(), needle.as_bytes());
        match n.len() {
            0 => Some(h.len()),
            l if l > h.len() => None,
            1 => h.iter().rposition(|&c| c == n[0]),
            _ => rfind_bytes(h, n),
        }
    }
}

/// A fixed list of keywords found in one pass over a text, instead of one search per keyword:
/// the prose rules ask "which of these 30 words occur in this window?" for every number and
/// every sentence. Each keyword carries a tag (the group it belongs to, or 0).
pub struct Keywords {
    words: Vec<(&'static str, u16)>,
    /// The distinct first characters, sorted, each with the range of `order` holding the
    /// keywords that start with it.
    firsts: Vec<(char, u16, u16)>,
    /// Indices into `words`, grouped by first character.
    order: Vec<u16>,
    /// A 4096-bit sketch of the first characters (by their low 12 bits: the last two bytes of a
    /// Chinese character in UTF-8): most characters of a text start no keyword and are passed
    /// over with one bit test.
    sketch: Box<[u64; 64]>,
}

/// A `Keywords` set built once per process from a constant list: `keywords!(LIST)`.
#[macro_export]
macro_rules! keywords {
    ($list:expr) => {{
        static SET: std::sync::OnceLock<$crate::find::Keywords> = std::sync::OnceLock::new();
        SET.get_or_init(|| $crate::find::Keywords::untagged($list))
    }};
}

impl Keywords {
    /// Keywords all tagged 0.
    pub fn untagged(words: &[&'static str]) -> Keywords {
        Keywords::new(&words.iter().map(|w| (*w, 0)).collect::<Vec<_>>())
    }

    /// Keywords with their tags. (One tag type for all sets: one copy of the matching code in
    /// the page's WebAssembly.)
    pub fn new(words: &[(&'static str, u16)]) -> Keywords {
        let words: Vec<(&'static str, u16)> = words.iter().copied().filter(|w| !w.0.is_empty()).collect();
        let mut order: Vec<u16> = (0..words.len() as u16).collect();
        let first = |i: u16| words[i as usize].0.chars().next().unwrap_or('\0');
        order.sort_by_key(|&i| (first(i), i));
        let mut firsts: Vec<(char, u16, u16)> = Vec::new();
        let mut sketch = Box::new([0u64; 64]);
        for (k, &i) in order.iter().enumerate() {
            let c = first(i);
            match firsts.last_mut() {
                Some(f) if f.0 == c => f.2 = k as u16 + 1,
                _ => firsts.push((c, k as u16, k as u16 + 1)),
            }
            let b = c as usize & 0xFFF;
            sketch[b >> 6] |= 1 << (b & 63);
        }
        Keywords { words, firsts, order, sketch }
    }

    /// Indices of the keywords that start with `c`. Most characters start none: one bit test of
    /// the sketch says so.
    #[inline]
    fn starting_with(&self, c: char) -> &[u16] {
        let b = c as usize & 0xFFF;
        if self.sketch[b >> 6] & (1 << (b & 63)) == 0 {
            return &[];
        }
        match self.firsts.binary_search_by_key(&c, |f| f.0) {
            Ok(k) => &self.order[self.firsts[k].1 as usize..self.firsts[k].2 as usize],
            Err(_) => &[],
        }
    }

    /// The keywords that occur at byte `i` of `hay`, where character `c` starts, in list order
    /// with their tags. (Inlined: it is asked at every character of a text, and most start no
    /// keyword, which the sketch says at once.)
    #[inline]
    pub fn at<'h>(&'h self, hay: &'h str, i: usize, c: char) -> impl Iterator<Item = (&'static str, u16)> + 'h {
        let rest = &hay[i..];
        self.starting_with(c).iter().map(move |&w| self.words[w as usize]).filter(move |w| rest.starts_with(w.0))
    }

    /// The next character at or after byte `from` that starts some keyword: (offset, the
    /// keywords starting with it). Worked on the bytes: a character's low 12 bits are read
    /// off its last bytes for the sketch, and only characters the sketch lets through are
    /// decoded (the prose rules run this over every character of a report).
    #[inline]
    pub fn next_start(&self, hay: &str, from: usize) -> Option<(usize, &[u16])> {
        let b = hay.as_bytes();
        let mut i = from;
        while i < b.len() {
            let x = b[i];
            let (n, low) = match x {
                0x00..=0x7F => (1, x as usize),
                0xC0..=0xDF if i + 1 < b.len() => (2, ((x as usize & 0x1F) << 6) | (b[i + 1] as usize & 0x3F)),
                0xE0..=0xEF if i + 2 < b.len() => (3, ((b[i + 1] as usize & 0x3F) << 6) | (b[i + 2] as usize & 0x3F)),
                0xF0..=0xFF if i + 3 < b.len() => (4, ((b[i + 2] as usize & 0x3F) << 6) | (b[i + 3] as usize & 0x3F)),
                _ => (1, usize::MAX),
            };
            if low != usize::MAX && self.sketch[low >> 6] & (1 << (low & 63)) != 0 {
                if let Some(c) = hay[i..].chars().next() {
                    let ws = self.starting_with(c);
                    if !ws.is_empty() {
                        return Some((i, ws));
                    }
                }
            }
            i += n;
        }
        None
    }

    /// Every occurrence of every keyword, in text order (for one position, in list order):
    /// (byte offset, keyword, tag).
    pub fn matches<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, &'static str, u16)> + 'h {
        let mut from = 0;
        let mut at = 0;
        let mut cands: &[u16] = &[];
        std::iter::from_fn(move || loop {
            while let Some((&w, rest)) = cands.split_first() {
                cands = rest;
                let word = self.words[w as usize];
                if hay.as_bytes()[at..].starts_with(word.0.as_bytes()) {
                    return Some((at, word.0, word.1));
                }
            }
            let (i, ws) = self.next_start(hay, from)?;
            at = i;
            cands = ws;
            from = i + crate::text::utf8_len(hay.as_bytes()[i]);
        })
    }

    /// Whether any keyword occurs.
    pub fn any_in(&self, hay: &str) -> bool {
        let mut from = 0;
        while let Some((i, ws)) = self.next_start(hay, from) {
            if ws.iter().any(|&w| hay.as_bytes()[i..].starts_with(self.words[w as usize].0.as_bytes())) {
                return true;
            }
            from = i + crate::text::utf8_len(hay.as_bytes()[i]);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAYS: &[&str] = &[
        "",
        "申请",
        "全年共收到政府信息公开申请40件，上年度结转办理3件，其中结转2025年度6件。",
        "申请申请申请人申请",
        "aaaaab",
        "ab",
        "复议后起诉复议复议后",
        "年年年年",
        "x年y",
    ];
    const NEEDLES: &[&str] = &["", "申请", "申请人", "结转", "2025", "aab", "ab", "b", "复议", "复议后", "年年", "年", "。", "不在其中", "申请申请申请人申请x"];

    #[test]
    fn same_as_the_standard_library() {
        for h in HAYS {
            for n in NEEDLES {
                assert_eq!(h.find_str(n), h.find(n), "find {:?} in {:?}", n, h);
                assert_eq!(h.rfind_str(n), h.rfind(n), "rfind {:?} in {:?}", n, h);
                assert_eq!(h.has(n), h.contains(n));
            }
        }
    }

    #[test]
    fn same_as_the_standard_library_on_every_cut_of_a_text() {
        let text = "2024年，我局共收到政府信息公开申请十二件，上年结转两件，已办结十四件。全年因政府信息公开引起行政复议2件、行政诉讼1件。";
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let n = &text[a..b];
                if n.chars().count() > 4 {
                    continue;
                }
                for h in [text, &text[10..], &text[..text.find("全年").unwrap()]] {
                    assert_eq!(h.find_str(n), h.find(n));
                    assert_eq!(h.rfind_str(n), h.rfind(n));
                }
            }
        }
    }

    #[test]
    fn same_as_the_standard_library_on_random_texts() {
        // Few distinct characters, so that probe bytes match often and in every position of a
        // word (including the borrow case: a byte after a match); lengths past several words.
        const ALPHABET: &[&str] = &["申", "请", "甲", "a", "b", "\u{0}", "\u{1}", "\u{ff}", "年", "𠀀"];
        let mut rng = crate::testgen::Rng::new(1);
        for _ in 0..4000 {
            let h = rng.text_of(ALPHABET, 48);
            let n = rng.pick(ALPHABET).to_string() + &rng.text_of(ALPHABET, 4);
            assert_eq!(h.find_str(&n), h.find(&n), "find {:?} in {:?}", n, h);
            assert_eq!(h.rfind_str(&n), h.rfind(&n), "rfind {:?} in {:?}", n, h);
        }
    }

    #[test]
    fn lines_and_bytes_as_the_standard_library() {
        let mut rng = crate::testgen::Rng::new(5);
        for _ in 0..300 {
            let t = rng.text_of(&["\n", "\r\n", "\r", "a", "\t", "年", "\u{8a}"], 60);
            assert_eq!(lines_inclusive(&t).collect::<Vec<_>>(), t.split_inclusive('\n').collect::<Vec<_>>(), "{:?}", t);
            assert_eq!(lines(&t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{:?}", t);
            for from in 0..=t.len() {
                assert_eq!(find_byte(t.as_bytes(), from, b'\t'), t.as_bytes()[from..].iter().position(|&b| b == b'\t').map(|p| p + from));
            }
        }
    }

    #[test]
    fn keywords_find_what_one_search_per_word_finds() {
        const WORDS: &[&str] = &["行政复议", "复议", "诉讼", "行政诉讼", "申请", "申请人", "2024年", "年"];
        let set = Keywords::untagged(WORDS);
        for h in HAYS.iter().chain(["2024年行政复议2件、行政诉讼1件，申请人3人", "复议后起诉"].iter()) {
            let mut want: Vec<(usize, &str)> = WORDS.iter().flat_map(|w| h.match_indices(w).map(move |m| (m.0, *w))).collect();
            // match_indices does not overlap one word with itself; every start is found here.
            want.sort_by_key(|m| (m.0, WORDS.iter().position(|w| *w == m.1)));
            let mut got: Vec<(usize, &str)> = set.matches(h).map(|m| (m.0, m.1)).collect();
            got.sort_by_key(|m| (m.0, WORDS.iter().position(|w| *w == m.1)));
            assert_eq!(got, want, "{:?}", h);
            assert_eq!(set.any_in(h), WORDS.iter().any(|w| h.contains(w)));
        }
    }
}
