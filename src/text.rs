//! Small text helpers shared by the readers: label normalisation and number parsing.

use crate::value::Value;

/// Normalise a label for matching: drop white space and markdown marks, unify half- and
/// full-width punctuation, and treat `、`/`．` after a sub-item number like `.`.
pub fn normalize_label(s: &str) -> String {
    // Most characters are kept as they are: runs of them are copied whole, and only the few
    // bytes that can start a character to change or drop are looked at (this runs on every
    // label of every table).
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut opening, mut closing) = (false, false);
    let mut run = 0; // start of the kept characters not yet copied
    let mut i = 0;
    // After a digit (skipped white space in between), 「、」 and 「．」 read as 「.」.
    let after_digit = |out: &String, run: usize, i: usize| {
        let last = if i > run { b.get(i - 1) } else { out.as_bytes().last() };
        last.is_some_and(|c| c.is_ascii_digit())
    };
    while i < b.len() {
        let x = b[i];
        let (len, with): (usize, Option<&str>) = match x {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'*' | b'#' | b'|' => (1, Some("")),
            b'(' => (1, Some("（")),
            b')' => (1, Some("）")),
            b',' => (1, Some("，")),
            b':' => (1, Some("：")),
            b';' => (1, Some("；")),
            b'"' => (1, Some("“")),
            0x00..=0x7F => (1, None),
            0xC2 => (2, matches!(b.get(i + 1), Some(0x85 | 0xA0)).then_some("")),
            0xE1 => (3, (b.get(i + 1..i + 3) == Some(&[0x9A, 0x80])).then_some("")),
            0xE2 => match b.get(i + 1..i + 3) {
                Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]) | Some([0x81, 0x9F]) => (3, Some("")),
                Some([0x80, 0x9C]) => {
                    opening = true;
                    (3, None)
                }
                Some([0x80, 0x9D]) => {
                    closing = true;
                    (3, None)
                }
                _ => (3, None),
            },
            0xE3 => match b.get(i + 1..i + 3) {
                Some([0x80, 0x80]) => (3, Some("")),
                Some([0x80, 0x81]) if after_digit(&out, run, i) => (3, Some(".")),
                _ => (3, None),
            },
            0xEF => match b.get(i + 1..i + 3) {
                Some([0xBC, 0x82]) => (3, Some("“")),
                Some([0xBC, d @ 0x90..=0x99]) => (3, Some(&"0123456789"[(d - 0x90) as usize..(d - 0x8F) as usize])),
                Some([0xBC, 0x8E]) if after_digit(&out, run, i) => (3, Some(".")),
                _ => (3, None),
            },
            0xC0..=0xDF => (2, None),
            0xE0..=0xEF => (3, None),
            _ => (4, None),
        };
        if let Some(w) = with {
            out.push_str(&s[run..i]);
            out.push_str(w);
            opening |= w == "“";
            run = i + len;
        }
        i += len;
    }
    out.push_str(&s[run..]);
    // Straight quotes become alternating curly ones.
    if opening && !closing {
        let mut open = true;
        out = out
            .chars()
            .map(|c| {
                if c == '“' {
                    let r = if open { '“' } else { '”' };
                    open = !open;
                    r
                } else {
                    c
                }
            })
            .collect();
    }
    out
}

/// A Chinese ideograph (CJK Unified Ideographs and Extension A): what the prose rules count as
/// a character of wording.
pub fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A character of Chinese running text in the wide sense: ideographs, CJK punctuation and
/// radicals, full-width forms and curly quotes. Between two of them a gap on a printed page is
/// not a space in the text (`positioned` joins them).
pub fn is_cjk_text(c: char) -> bool {
    matches!(c as u32, 0x2018..=0x201F | 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Are the characters of `short` found in `long` in the same order (others may stand between)?
pub fn is_subsequence(short: impl IntoIterator<Item = char>, long: impl IntoIterator<Item = char>) -> bool {
    let mut it = long.into_iter();
    short.into_iter().all(|c| it.any(|x| x == c))
}

/// Where `key` stands in `chars` with exactly one stray character inside it (「行政法复议」 for
/// 「行政复议」): (start, end) as char indices. Exact occurrences are not looked for here.
pub fn find_with_one_stray(chars: &[char], key: &str) -> Option<(usize, usize)> {
    let key: Vec<char> = key.chars().collect();
    if key.len() < 2 {
        return None;
    }
    (0..chars.len()).find_map(|s| {
        if chars[s] != key[0] {
            return None;
        }
        let (mut ki, mut ci, mut stray) = (0, s, 0);
        while ki < key.len() && ci < chars.len() {
            if chars[ci] == key[ki] {
                ki += 1;
            } else if stray == 0 && ki > 0 {
                stray = 1;
            } else {
                return None;
            }
            ci += 1;
        }
        (ki == key.len() && stray == 1).then_some((s, ci))
    })
}

/// The kind of item number a line or label starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// 「（一）」「(1)」「（十二）」
    Paren,
    /// 「1.」「1、」「1．」
    Arabic,
    /// 「一、」
    Chinese,
}

/// The item number `s` starts with, if any (white space and markdown marks before it and white
/// space inside it are passed over: PDF text spaces out 「（ 一 ）」).
pub fn starts_item(s: &str) -> Option<Item> {
    let t: Vec<char> = s.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '#').chars().filter(|c| !c.is_whitespace()).take(6).collect();
    let &first = t.first()?;
    if first == '（' || first == '(' {
        let n = t[1..].iter().take_while(|c| is_cjk_numeral(**c) || c.is_ascii_digit()).count();
        return (n > 0 && matches!(t.get(1 + n), Some('）') | Some(')'))).then_some(Item::Paren);
    }
    if first.is_ascii_digit() {
        let n = t.iter().take_while(|c| c.is_ascii_digit()).count();
        return matches!(t.get(n), Some('.') | Some('、') | Some('．')).then_some(Item::Arabic);
    }
    (is_cjk_numeral(first) && t.get(1) == Some(&'、')).then_some(Item::Chinese)
}

pub fn is_cjk_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

pub fn numeral_value(c: char) -> Option<u8> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Placeholders that stand for "none" in a number cell.
pub fn is_placeholder(s: &str) -> bool {
    matches!(s, "/" | "／" | "\\" | "-" | "－" | "—" | "——" | "–" | "无" | "／／" | "--" | "—-" | "-—")
}

/// Read a number cell: `12`, `1,234`, `7730.28`, `-1`, full-width digits. `None` if the word is
/// not a number at all.
pub fn parse_number(s: &str) -> Option<Value> {
    // The common case, plain ASCII digits, without allocating.
    if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().map(Value::Int);
    }
    if !s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '－' || ('０'..='９').contains(&c)) {
        return None;
    }
    // Full-width digits, point and minus made ASCII. Anything else that is not ASCII cannot be
    // part of a number (「12件」「2024年」): most words that start with a digit end here.
    let mut buf = [0u8; 64];
    let mut n = 0;
    for c in s.chars() {
        let b = match c {
            '０'..='９' => b'0' + (c as u32 - '０' as u32) as u8,
            '．' => b'.',
            '－' => b'-',
            c if c.is_ascii() => c as u8,
            _ => return None,
        };
        if n == buf.len() {
            return None;
        }
        buf[n] = b;
        n += 1;
    }
    let t = &buf[..n];
    let (neg, body) = match t.strip_prefix(b"-") {
        Some(b) => (true, b),
        None => (false, t),
    };
    if body.is_empty() || !body[0].is_ascii_digit() {
        return None;
    }
    if body.contains(&b',') {
        // Thousands separators: every group after the first has exactly three digits.
        let parts: Vec<&[u8]> = body.split(|&b| b == b',').collect();
        let last = parts.len() - 2;
        let groups_ok = parts[1..].iter().enumerate().all(|(i, g)| {
            let int_part = if i == last { g.split(|&b| b == b'.').next().unwrap_or(&[]) } else { g };
            int_part.len() == 3 && int_part.iter().all(|b| b.is_ascii_digit())
        }) && !parts[0].is_empty()
            && parts[0].len() <= 3;
        if !groups_ok {
            return None;
        }
    }
    let mut digits = [0u8; 64];
    let mut d = 0;
    let mut seen_dot = false;
    for &c in body {
        match c {
            b'0'..=b'9' => {}
            b',' => continue,
            b'.' if !seen_dot => seen_dot = true,
            _ => return None,
        }
        digits[d] = c;
        d += 1;
    }
    let digits = std::str::from_utf8(&digits[..d]).ok()?;
    if digits.ends_with('.') {
        return None;
    }
    if seen_dot {
        let v: f64 = digits.parse().ok()?;
        Some(Value::Decimal(if neg { -v } else { v }))
    } else {
        if digits.len() > 15 {
            return None;
        }
        let v: i64 = digits.parse().ok()?;
        Some(Value::Int(if neg { -v } else { v }))
    }
}

/// `s.trim()`, answered from the two end bytes when neither can belong to a white-space
/// character (most lines and cells of a table): the tokenizer trims every line and cell.
#[inline]
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return s };
    // White space starts with an ASCII space byte or C2, E1, E2, E3 (U+0085, U+00A0, U+1680,
    // U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000), and ends with an ASCII space byte or
    // one of 80–8A, 9F, A0, A8, A9, AF.
    let first_plain = !matches!(first, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE1 | 0xE2 | 0xE3);
    let last_plain = !matches!(last, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF);
    if first_plain && last_plain {
        return s;
    }
    // Otherwise the white-space characters are stepped over on the bytes (`str::trim` decodes
    // every character and asks the Unicode tables: a hundred instructions for a line's end).
    // (Runs of ASCII spaces, the indentation of layout text, in a tight loop of their own.)
    let (mut i, mut j) = (0, b.len());
    loop {
        // Eight spaces at a time, then byte by byte.
        while i + 8 <= j && u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default()) == u64::from_le_bytes([b' '; 8]) {
            i += 8;
        }
        while i < j && matches!(b[i], b' ' | 0x09..=0x0D) {
            i += 1;
        }
        let n = if i < j && matches!(b[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) { space_at_start(&b[i..j]) } else { 0 };
        if n == 0 {
            break;
        }
        i += n;
    }
    loop {
        while i + 8 <= j && u64::from_le_bytes(b[j - 8..j].try_into().unwrap_or_default()) == u64::from_le_bytes([b' '; 8]) {
            j -= 8;
        }
        while i < j && matches!(b[j - 1], b' ' | 0x09..=0x0D) {
            j -= 1;
        }
        let n = if i < j && matches!(b[j - 1], 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) { space_at_end(&b[i..j]) } else { 0 };
        if n == 0 {
            break;
        }
        j -= n;
    }
    &s[i..j]
}

/// The length of the white-space character `b` starts with, or 0.
#[inline]
fn space_at_start(b: &[u8]) -> usize {
    match b {
        [b' ' | 0x09..=0x0D, ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The length of the white-space character `b` ends with, or 0. (C2, E1, E2 and E3 are lead
/// bytes: where one stands, a character starts.)
#[inline]
fn space_at_end(b: &[u8]) -> usize {
    match b {
        [.., b' ' | 0x09..=0x0D] => 1,
        [.., 0xC2, 0x85 | 0xA0] => 2,
        [.., 0xE1, 0x9A, 0x80] | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [.., 0xE2, 0x81, 0x9F] | [.., 0xE3, 0x80, 0x80] => 3,
        _ => 0,
    }
}

/// A page number or footer line left in PDF text ("-3-", "— 3 —", "第 3 页", "3/5").
pub fn is_page_marker(line: &str) -> bool {
    // Every marker is a few characters; most lines are not (and this runs on every line).
    let core = trim(line);
    if core.is_empty() || core.len() > 40 {
        return false;
    }
    // Every marker starts with a dash, 第 or a digit (told first by the lead byte: - and the
    // digits, E2 for — –, EF for －, E7 for 第).
    if !matches!(core.as_bytes()[0], b'-' | b'0'..=b'9' | 0xE2 | 0xE7 | 0xEF)
        || !core.starts_with(|c: char| matches!(c, '-' | '—' | '－' | '–' | '第') || c.is_ascii_digit())
    {
        return false;
    }
    // A line starting with a digit can only be 「3/5」 (the dashed forms start with a dash): a
    // table's value lines are told apart at once.
    if core.as_bytes()[0].is_ascii_digit() && !core.as_bytes().contains(&b'/') {
        return false;
    }
    // Without white space (at most 40 bytes: no allocation).
    let mut buf = [0u8; 40];
    let mut n = 0;
    for c in core.chars().filter(|c| !c.is_whitespace()) {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let Ok(t) = std::str::from_utf8(&buf[..n]) else { return false };
    if t.is_empty() {
        return false;
    }
    let trimmed = t.trim_matches(|c| c == '-' || c == '—' || c == '－' || c == '–');
    if trimmed.len() < t.len()
        && !trimmed.is_empty()
        && trimmed.chars().all(|c| c.is_ascii_digit())
        && t.starts_with(|c| c == '-' || c == '—' || c == '－' || c == '–')
        && t.ends_with(|c| c == '-' || c == '—' || c == '－' || c == '–')
    {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        if rest.contains('页') && rest.chars().all(|c| c.is_ascii_digit() || c == '页' || c == '共' || c == '第') {
            return true;
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        if !a.is_empty() && !b.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

/// Byte ranges of the words of `s` split at white space: the same words as
/// `str::split_whitespace`, found without decoding every character. Only a few lead bytes
/// (C2, E1, E2, E3) can start a non-ASCII white-space character (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000); other characters are skipped by length.
pub fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip white space, then take the word.
        while i < b.len() {
            let (ws, len) = space_at(s, i);
            if !ws {
                break;
            }
            i += len;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() {
            let (ws, len) = space_at(s, i);
            if ws {
                break;
            }
            i += len;
        }
        Some((start, i))
    })
}

/// The length of the UTF-8 character whose first byte is `lead`. (The byte scans step over
/// characters by it without decoding them.)
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Whether a white-space character starts at byte `i` (a character boundary), and the length of
/// the character there.
#[inline]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    let x = s.as_bytes()[i];
    if x < 0x80 {
        return (matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1);
    }
    let len = utf8_len(x);
    if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        (s[i..].chars().next().is_some_and(char::is_whitespace), len)
    } else {
        (false, len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character statement of `normalize_label`, to check the byte version on.
    fn normalize_label_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut prev_digit = false;
        for c in s.chars() {
            let c = match c {
                '(' => '（',
                ')' => '）',
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '"' | '＂' => '“',
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
                _ => c,
            };
            if c.is_whitespace() || c == '*' || c == '#' || c == '|' || c == '\u{3000}' {
                continue;
            }
            let c = if prev_digit && (c == '、' || c == '．') { '.' } else { c };
            prev_digit = c.is_ascii_digit();
            out.push(c);
        }
        if out.contains('“') && !out.contains('”') {
            let mut open = true;
            out = out
                .chars()
                .map(|c| {
                    if c == '“' {
                        open = !open;
                        if open {
                            '”'
                        } else {
                            '“'
                        }
                    } else {
                        c
                    }
                })
                .collect();
        }
        out
    }

    #[test]
    fn trim_as_the_standard_library() {
        let spaces: Vec<char> = (0..0x3100u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert_eq!(spaces.len(), 25, "the White_Space characters trim knows");
        let pieces: Vec<String> = spaces
            .iter()
            .map(|c| c.to_string())
            .chain(
                [
                    "a", "年", "。", "\u{3001}", "\u{2010}", "\u{2030}", "\u{1c}", "é", "\u{a1}", "𠀀", "\u{86}", "\u{200b}", "\u{2060}", "\u{205e}",
                    "\u{1681}", "\u{3002}", "\u{e1}", "\u{2b}",
                ]
                .map(String::from),
            )
            .collect();
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut rng = crate::testgen::Rng::new(9);
        for _ in 0..20000 {
            let t = rng.text_of(&pieces, 6);
            assert_eq!(trim(&t), t.trim(), "{:?}", t);
        }
    }

    #[test]
    fn labels_normalised_as_character_by_character() {
        const PIECES: &[&str] = &[
            "（", "(", ")", "）", "一", "1", "２", "、", "．", ".", " ", "\u{3000}", "\u{a0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{205f}",
            "\u{202f}", "\t", "\n", "*", "#", "|", "\"", "＂", "“", "”", "，", ",", ":", ";", "属于", "é", "𠀀", "\u{b}", "\u{c}", "\u{1c}", "\u{2010}",
            "\u{ff10}", "\u{ff19}", "\u{ff0f}", "\u{3001}", "\u{3002}",
        ];
        let mut rng = crate::testgen::Rng::new(3);
        for _ in 0..5000 {
            let label = rng.text_of(PIECES, 12);
            assert_eq!(normalize_label(&label), normalize_label_by_chars(&label), "{:?}", label);
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("12"), Some(Value::Int(12)));
        assert_eq!(parse_number("3,119"), Some(Value::Int(3119)));
        assert_eq!(parse_number("7730.28"), Some(Value::Decimal(7730.28)));
        assert_eq!(parse_number("-1"), Some(Value::Int(-1)));
        assert_eq!(parse_number("１２"), Some(Value::Int(12)));
        assert_eq!(parse_number("1.属于"), None);
        assert_eq!(parse_number("12,34"), None);
        assert_eq!(parse_number("-"), None);
    }

    #[test]
    fn page_markers() {
        assert!(is_page_marker("-3-"));
        assert!(is_page_marker("— 3 —"));
        assert!(is_page_marker("第 3 页"));
        assert!(!is_page_marker("3"));
        assert!(!is_page_marker("-1"));
    }

    #[test]
    fn labels() {
        assert_eq!(normalize_label("1、属于 国家秘密"), "1.属于国家秘密");
        assert_eq!(normalize_label("(二) 部分公开"), "（二）部分公开");
    }

    #[test]
    fn words_are_those_of_split_whitespace() {
        let samples = [
            "",
            "   ",
            "规章 0 0 12",
            "\u{3000}本年新收\u{a0}21\t3 \u{2003}件\u{85}x\u{1680}y\u{205f}z\u{2028}\u{202f}",
            "（一）予以公开　　12　 3 ／ —— 0.5万元",
            "a\u{0b}b\u{0c}c\rd\u{1c}e",
            "€ 𝄞 é ā ‐ ’ ",
        ];
        for t in samples {
            let got: Vec<&str> = words(t).map(|(a, b)| &t[a..b]).collect();
            let want: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(got, want, "{:?}", t);
        }
        // Every white-space character there is.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            let t = format!("甲{}乙", c);
            assert_eq!(words(&t).count(), 2, "U+{:04X}", c as u32);
        }
    }
}
