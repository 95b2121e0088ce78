//! Substring search for the way the checker searches: short keywords (「申请」「结转下年」) in
//! short to medium texts (a sentence, a line, a few kilobytes), hundreds of times per report.
//!
//! `str::find(&str)` and `str::contains(&str)` set up a Two-Way searcher on every call: several
//! hundred instructions before the first byte of the text is looked at. That set-up was the
//! single largest cost of the prose rules. Here the needle's first character is found with the
//! standard library's memchr-based character search, and the rest of the needle is compared in
//! place. Results are exactly those of the `str` methods (tests below compare them).

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

impl Find for str {
    fn find_str(&self, needle: &str) -> Option<usize> {
        let Some(first) = needle.chars().next() else { return Some(0) };
        if needle.len() > self.len() {
            return None;
        }
        let rest = &needle.as_bytes()[first.len_utf8()..];
        let bytes = self.as_bytes();
        let mut from = 0;
        while let Some(p) = self[from..].find(first) {
            let at = from + p;
            let after = at + first.len_utf8();
            if bytes[after..].starts_with(rest) {
                return Some(at);
            }
            from = after;
        }
        None
    }

    fn rfind_str(&self, needle: &str) -> Option<usize> {
        let Some(first) = needle.chars().next() else { return Some(self.len()) };
        if needle.len() > self.len() {
            return None;
        }
        let rest = &needle.as_bytes()[first.len_utf8()..];
        let bytes = self.as_bytes();
        // A match starts no later than len - needle.len().
        let mut until = self.len() - needle.len() + first.len_utf8();
        while !self.is_char_boundary(until) {
            until -= 1;
        }
        while let Some(at) = self[..until].rfind(first) {
            if bytes[at + first.len_utf8()..].starts_with(rest) {
                return Some(at);
            }
            until = at;
        }
        None
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
    /// A 256-bit sketch of the first characters (by low byte): most characters of a text start
    /// no keyword and are passed over with one bit test.
    sketch: [u64; 4],
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
        let mut sketch = [0u64; 4];
        for (k, &i) in order.iter().enumerate() {
            let c = first(i);
            match firsts.last_mut() {
                Some(f) if f.0 == c => f.2 = k as u16 + 1,
                _ => firsts.push((c, k as u16, k as u16 + 1)),
            }
            let b = c as usize & 0xFF;
            sketch[b >> 6] |= 1 << (b & 63);
        }
        Keywords { words, firsts, order, sketch }
    }

    /// Indices of the keywords that start with `c`. Most characters start none: one bit test of
    /// the sketch says so.
    #[inline]
    fn starting_with(&self, c: char) -> &[u16] {
        let b = c as usize & 0xFF;
        if self.sketch[b >> 6] & (1 << (b & 63)) == 0 {
            return &[];
        }
        match self.firsts.binary_search_by_key(&c, |f| f.0) {
            Ok(k) => &self.order[self.firsts[k].1 as usize..self.firsts[k].2 as usize],
            Err(_) => &[],
        }
    }

    /// The keywords that occur at byte `i` of `hay`, where character `c` starts, in list order
    /// with their tags.
    pub fn at<'h>(&'h self, hay: &'h str, i: usize, c: char) -> impl Iterator<Item = (&'static str, u16)> + 'h {
        let rest = &hay[i..];
        self.starting_with(c).iter().map(move |&w| self.words[w as usize]).filter(move |w| rest.starts_with(w.0))
    }

    /// Every occurrence of every keyword, in text order (for one position, in list order):
    /// (byte offset, keyword, tag).
    pub fn matches<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, &'static str, u16)> + 'h {
        hay.char_indices().filter(move |&(_, c)| !self.starting_with(c).is_empty()).flat_map(move |(i, c)| self.at(hay, i, c).map(move |w| (i, w.0, w.1)))
    }

    /// Whether any keyword occurs.
    pub fn any_in(&self, hay: &str) -> bool {
        hay.char_indices().any(|(i, c)| self.starting_with(c).iter().any(|&w| hay[i..].starts_with(self.words[w as usize].0)))
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
