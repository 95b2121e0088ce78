//! Wording in the prose: misused words (W01, list in `wordlist.tsv`), unbalanced brackets and
//! quotes (W02), garbled dates (W03), a word repeated back to back (W04).

use super::diag;
use super::Code;
use super::Context;
use crate::doc::Doc;
use crate::find::{Find, Keywords};
use crate::model::Diagnostic;
use crate::prose::Prose;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let prose = cx.prose();
    let from = out.len();
    misused_words(doc, &prose, out);
    brackets(doc, &prose, out);
    dates(doc, &prose, out);
    repeats(doc, &prose, out);
    super::limit(out, from, MAX_PER_RULE);
}

/// Findings of one wording rule listed at most.
const MAX_PER_RULE: usize = 30;

// ---------------------------------------------------------------------------------------------
// W01

/// One entry of `wordlist.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub wrong: &'static str,
    pub right: &'static str,
    pub when: When,
    pub reason: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Always,
    /// At a clause start, before a date or a time word.
    Date,
    /// Not right after one of these characters.
    NotAfter(&'static str),
}

const WORDLIST: &str = include_str!("wordlist.tsv");

/// The curated list of misused words.
pub fn wordlist() -> Vec<Entry> {
    let mut v: Vec<Entry> = WORDLIST
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&'static str> = l.split('\t').collect();
            if f.len() != 4 {
                return None;
            }
            let when = match f[2] {
                "" => When::Always,
                "date" => When::Date,
                w => When::NotAfter(w.strip_prefix("not_after:")?),
            };
            Some(Entry { wrong: f[0], right: f[1], when, reason: f[3] })
        })
        .collect();
    // Longest first: 截止到 before 截止.
    v.sort_by_key(|e| std::cmp::Reverse(e.wrong.chars().count()));
    v
}

/// Words after 截止 that make it a point in time: 截止2024年, 截止目前, 截止年底.
const TIME_WORDS: &[&str] = &[
    "目前",
    "今",
    "当前",
    "现在",
    "本年",
    "年底",
    "年末",
    "本月",
    "上年",
    "去年",
    "报告期",
    "二〇",
    "二零",
    "上半年",
    "下半年",
    "本季度",
    "发稿",
    "统计",
    "本报告",
];

fn clause_start(before: &str) -> bool {
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '\n' | '。' | '，' | '；' | '：' | '！' | '？' | '（' | '(' | ',' | ';' | ':' | '、' | '”' | '）' | ')'),
    }
}

/// The list, and its words as a keyword set (tag = place in the list), parsed once per process.
fn compiled_list() -> &'static (Vec<Entry>, Keywords) {
    static LIST: std::sync::OnceLock<(Vec<Entry>, Keywords)> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let list = wordlist();
        let words: Vec<(&'static str, u16)> = list.iter().enumerate().map(|(k, e)| (e.wrong, k as u16)).collect();
        let set = Keywords::new(&words);
        (list, set)
    })
}

fn misused_words(doc: &Doc, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let (list, set) = compiled_list();
    let t = &prose.text;
    let mut i = 0;
    // From one character that starts a listed word to the next (most characters start none).
    while let Some((at, _)) = set.next_start(t, i) {
        i = at;
        let rest = &t[i..];
        let first = rest.chars().next().unwrap_or(' ');
        // The listed words written here, longest first (the list's order); the first whose
        // condition holds.
        let hit = set.at(t, i, first).map(|(_, k)| &list[k as usize]).find(|e| match &e.when {
            When::Always => true,
            When::NotAfter(chars) => !t[..i].chars().next_back().is_some_and(|c| chars.contains(c)),
            When::Date => {
                let after = &rest[e.wrong.len()..];
                clause_start(&t[..i]) && (after.starts_with(|c: char| c.is_ascii_digit()) || TIME_WORDS.iter().any(|w| after.starts_with(w)))
            }
        });
        match hit {
            Some(e) => {
                let end = i + e.wrong.len();
                let mut d = diag(Code::W01, format!("「{}」应为「{}」：{}。", e.wrong, e.right, e.reason), vec![prose.span(doc, i, end)]);
                d.suggestion = Some(e.right.to_string());
                out.push(d);
                i = end;
            }
            None => i += first.len_utf8(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// W02

/// (opening, closing, name of the pair) — half-width forms count as the full-width ones.
const PAIRS: &[(&[char], &[char], &str)] =
    &[(&['（', '('], &['）', ')'], "括号"), (&['〔', '['], &['〕', ']'], "六角括号"), (&['《'], &['》'], "书名号"), (&['“'], &['”'], "引号")];

fn brackets(doc: &Doc, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let t = &prose.text;
    // Closing brackets that stand alone after an item number at a paragraph or sentence start:
    // 「二）依申请公开」. Several of them (「1）」「2）」) are a numbering style, not a slip.
    let mut lone_items: Vec<(usize, usize, usize)> = Vec::new(); // (number start, bracket start, bracket end)
    let mut lone_other: Vec<(usize, usize, usize)> = Vec::new(); // (pair, start, end)
    let mut unclosed: Vec<(usize, usize)> = Vec::new(); // (pair, start)
    for (ps, pe, _) in prose.section_parts() {
        let mut stacks: Vec<Vec<usize>> = vec![Vec::new(); PAIRS.len()];
        let part = &t[ps..pe];
        let pb = part.as_bytes();
        let mut k = 0;
        while k < pb.len() {
            // Most characters are no bracket at all: only ( ) [ ] and the lead bytes E2 (“”),
            // E3 (《》〔〕) and EF (（）) can start one, and the others are stepped over by length.
            let x = pb[k];
            let here = k;
            k += crate::text::utf8_len(x);
            if !matches!(x, b'(' | b')' | b'[' | b']' | 0xE2 | 0xE3 | 0xEF) {
                continue;
            }
            let Some(c) = part[here..].chars().next() else { continue };
            if !(matches!(c, '(' | ')' | '[' | ']') || matches!(c, '“' | '”' | '《' | '》' | '〔' | '〕' | '（' | '）')) {
                continue;
            }
            let at = ps + here;
            for (p, (open, close, _)) in PAIRS.iter().enumerate() {
                if open.contains(&c) {
                    stacks[p].push(at);
                } else if close.contains(&c) && stacks[p].pop().is_none() {
                    match item_number_before(t, ps, at) {
                        Some(ns) if p == 0 => lone_items.push((ns, at, at + c.len_utf8())),
                        _ => lone_other.push((p, at, at + c.len_utf8())),
                    }
                }
            }
        }
        for (p, st) in stacks.into_iter().enumerate() {
            unclosed.extend(st.into_iter().map(|s| (p, s)));
        }
    }
    // Slips among bracketed item numbers (「（一）… 二）… （三）」) are flagged; item numbers
    // that mostly stand with a closing bracket only are the report's numbering style.
    let paired_items = paired_item_numbers(t);
    if !lone_items.is_empty() && (lone_items.len() == 1 || paired_items > lone_items.len()) {
        for &(ns, bs, be) in &lone_items {
            let number = &t[ns..bs];
            let mut d = diag(
                Code::W02,
                format!("「{}{}」缺少左括号，应为「（{}）」：前后的序号都带一对括号。", number, &t[bs..be], number),
                vec![prose.span(doc, ns, be)],
            );
            d.suggestion = Some(format!("（{}）", number));
            out.push(d);
        }
    }
    // Unmatched brackets in text order; a text full of them gets the first few (`limit` adds
    // how many there are), without a finding built for each of thousands.
    let mut rest: Vec<(usize, usize, bool)> = lone_other.iter().map(|&(p, s, _)| (s, p, true)).chain(unclosed.iter().map(|&(p, s)| (s, p, false))).collect();
    rest.sort();
    let shown = MAX_PER_RULE.saturating_sub(out.iter().filter(|d| d.code == "W02").count());
    let total = rest.len();
    for (k, &(s, p, closing)) in rest.iter().enumerate().take(shown) {
        let (open, close, name) = PAIRS[p];
        let e = s + t[s..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
        let mut msg = if closing {
            format!("「{}」前面没有对应的「{}」：{}不成对。{}", &t[s..e], open[0], name, context(t, s, e))
        } else {
            format!("「{}」后面没有对应的「{}」：{}不成对。{}", &t[s..e], close[0], name, context(t, s, e))
        };
        if k + 1 == shown && total > shown {
            msg.push_str(&format!("（不成对的括号、引号共 {} 处，这里只列出前 {} 处。）", total + (MAX_PER_RULE - shown), MAX_PER_RULE));
        }
        out.push(diag(Code::W02, msg, vec![prose.span(doc, s, e)]));
    }
}

/// Item numbers with both brackets at a paragraph or sentence start: 「（一）」「(2)」.
fn paired_item_numbers(t: &str) -> usize {
    let mut n = 0;
    // From one opening bracket to the next: 「（」 and 「(」 found by search, not by decoding
    // every character.
    let (mut full, mut half) = (t.find_str("（"), crate::find::find_byte(t.as_bytes(), 0, b'('));
    while let Some(i) = match (full, half) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    } {
        let c = if full == Some(i) {
            full = t[i + 3..].find_str("（").map(|p| p + i + 3);
            '（'
        } else {
            half = crate::find::find_byte(t.as_bytes(), i + 1, b'(');
            '('
        };
        if !matches!(t[..i].chars().next_back(), None | Some('\n' | '。' | '；' | '：' | ';' | ':')) {
            continue;
        }
        let rest = &t[i + c.len_utf8()..];
        let num: usize = rest.chars().take_while(|c| crate::text::is_cjk_numeral(*c) || c.is_ascii_digit()).map(|c| c.len_utf8()).sum();
        if num > 0 && rest[num..].starts_with(['）', ')']) {
            n += 1;
        }
    }
    n
}

/// An item number (一…十 or digits) right before `at`, itself at a paragraph or sentence start.
fn item_number_before(t: &str, floor: usize, at: usize) -> Option<usize> {
    let before = &t[floor..at];
    let num: usize = before.chars().rev().take_while(|c| crate::text::is_cjk_numeral(*c) || c.is_ascii_digit()).map(|c| c.len_utf8()).sum();
    if num == 0 || num > 6 {
        return None;
    }
    let ns = at - num;
    match t[floor..ns].chars().next_back() {
        None | Some('\n' | '。' | '；' | '：' | '！' | '？' | ';' | ':') => Some(ns),
        _ => None,
    }
}

/// 「…前后文字…」 around a place, to help find it.
fn context(t: &str, s: usize, e: usize) -> String {
    let before: String = t[..s].chars().rev().take_while(|c| *c != '\n').take(12).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = t[e..].chars().take_while(|c| *c != '\n').take(12).collect();
    format!("位置：「{}{}{}」。", before, &t[s..e], after)
}

// ---------------------------------------------------------------------------------------------
// W03

/// Characters that may follow 「M月D」 without 日: ranges, lists, and measure words (「1-12月15个」
/// counts, it is not a date).
const AFTER_DAY_OK: &str =
    "日号至到和及或与、起止前后个件条次项人家名篇期场份万千百亿余多天批户元所支处座台套类组位周年月版册卷页张本宗笔例部只株亩吨米岁届轮段";

fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits_before(t: &str, at: usize) -> (usize, Option<u32>) {
    let n = t[..at].bytes().rev().take(5).take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 4 {
        return (at, None);
    }
    (at - n, t[at - n..at].parse().ok())
}

fn dates(doc: &Doc, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let t = &prose.text;
    for (m_at, _) in t.match_indices('月') {
        let (ms, month) = digits_before(t, m_at);
        let Some(month) = month else { continue };
        if m_at - ms > 2 {
            continue;
        }
        // A year right before: 「2024年」.
        let (year, start) = if t[..ms].ends_with('年') {
            let y_at = ms - '年'.len_utf8();
            match digits_before(t, y_at) {
                (ys, Some(y)) if y_at - ys == 4 => (Some(y), ys),
                _ => (None, ms),
            }
        } else {
            (None, ms)
        };
        // Not a date at all: 「1-12月」 as a range of months is fine, 「第13月」 is not ours.
        let after = &t[m_at + '月'.len_utf8()..];
        let dn = after.bytes().take_while(|b| b.is_ascii_digit()).count();
        let day: Option<u32> = if (1..=2).contains(&dn) { after[..dn].parse().ok() } else { None };
        let next = after[dn..].chars().next();
        let d_end = m_at + '月'.len_utf8() + dn;
        if !(1..=12).contains(&month) {
            // Only with a year before or a day after is it surely meant as a date.
            if year.is_some() || (day.is_some() && matches!(next, Some('日' | '号'))) {
                let end = if day.is_some() && matches!(next, Some('日' | '号')) { d_end + 3 } else { m_at + '月'.len_utf8() };
                out.push(diag(Code::W03, format!("日期「{}」有误：没有 {} 月。", &t[start..end], month), vec![prose.span(doc, start, end)]));
            }
            continue;
        }
        let Some(day) = day else { continue };
        match next {
            Some('日' | '号') => {
                if day == 0 || day > days_in(month, year) {
                    let end = d_end + 3;
                    let what = if let (2, Some(y)) = (month, year) {
                        format!("{} 年 2 月只有 {} 天", y, days_in(2, Some(y)))
                    } else {
                        format!("{} 月没有 {} 日", month, day)
                    };
                    out.push(diag(Code::W03, format!("日期「{}」不存在：{}。", &t[start..end], what), vec![prose.span(doc, start, end)]));
                }
            }
            Some(c) if crate::text::is_ideograph(c) && !AFTER_DAY_OK.contains(c) && (1..=days_in(month, year)).contains(&day) => {
                let end = d_end + c.len_utf8();
                let right = match year {
                    Some(y) => format!("{}年{}月{}日", y, month, day),
                    None => format!("{}月{}日", month, day),
                };
                let mut d =
                    diag(Code::W03, format!("日期「{}」写错了：「{}」应为「日」，即「{}」。", &t[start..end], c, right), vec![prose.span(doc, start, end)]);
                d.suggestion = Some(right);
                out.push(d);
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// W04

/// First characters of a repeated pair that is a normal reduplication: 「一个一个」「一步一步」
/// 「每天每天」 — never a slip worth a note.
const REDUP_OK_FIRST: &str = "一两几每";

fn repeats(doc: &Doc, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let t = &prose.text;
    let mut found = repeated_words(t);
    let phrases: Vec<_> = repeated_phrases(t).into_iter().filter(|p| !found.iter().any(|w| w.0 < p.2 && p.0 < w.2)).collect();
    found.extend(phrases);
    found.extend(doubled_de(t));
    found.sort_unstable();
    for (s, mid, e) in found {
        let word = &t[s..mid];
        let mut d = diag(Code::W04, format!("「{}」连续出现两次（「{}」），可能多打了一遍。", word, &t[s..e]), vec![prose.span(doc, s, e)]);
        d.suggestion = Some(word.to_string());
        out.push(d);
    }
}

/// Words of 2–6 ideographs written twice in a row: (start, middle, end) byte offsets, longest
/// word first at each place, scanning on after each one found.
fn repeated_words(t: &str) -> Vec<(usize, usize, usize)> {
    // A repeated word is all CJK ideographs, three bytes each in UTF-8. Each character gets a
    // key (its three bytes; any other character a key of its own that matches nothing), and
    // for every distance 2..=6 one pass over the keys marks where a character comes again that
    // far on (passes the compiler vectorises). Only marked places are looked at closely.
    // The keys are made a block of characters at a time, with the 12 characters after the
    // block that a word starting in it can reach: the scan needs no more, and a long text no
    // key for every character at once.
    const BLOCK: usize = 1 << 16;
    const REACH: usize = 2 * 6;
    let b = t.as_bytes();
    let mut offs: Vec<usize> = Vec::with_capacity((b.len() / 3 + 1).min(BLOCK + REACH + 1));
    let mut keys: Vec<u32> = Vec::with_capacity((b.len() / 3 + 1).min(BLOCK + REACH));
    let mut marks: Vec<u8> = Vec::new();
    let mut out = Vec::new();
    // Byte offset of the block's first character.
    let mut i = 0;
    loop {
        offs.clear();
        keys.clear();
        while i < b.len() && keys.len() < BLOCK + REACH {
            let len = crate::text::utf8_len(b[i]);
            let key = if len == 3 && i + 2 < b.len() { (b[i] as u32) << 16 | (b[i + 1] as u32) << 8 | b[i + 2] as u32 } else { u32::MAX - keys.len() as u32 };
            offs.push(i);
            keys.push(key);
            i += len;
        }
        let at_end = i >= b.len();
        offs.push(i.min(b.len()));
        let n = keys.len();
        marks.clear();
        marks.resize(n, 0);
        for dist in 2..=6usize {
            if n > dist {
                for (m, (a, c)) in marks.iter_mut().zip(keys.iter().zip(&keys[dist..])) {
                    *m |= ((a == c) as u8) << dist;
                }
            }
        }
        // Words starting in the block; the next block starts where the scan stopped.
        let limit = if at_end { n } else { BLOCK };
        let mut c = 0;
        while c < limit {
            if marks[c] == 0 {
                c += 1;
                continue;
            }
            let found = (2..=6usize).rev().find(|&len| {
                if marks[c] & (1 << len) == 0 || c + 2 * len > n || keys[c..c + len] != keys[c + len..c + 2 * len] {
                    return false;
                }
                let a = &t[offs[c]..offs[c + len]];
                let first = a.chars().next().unwrap_or(' ');
                a.len() == 3 * len && a.chars().all(crate::text::is_ideograph) && !a.chars().all(|ch| ch == first) && !REDUP_OK_FIRST.contains(first)
            });
            match found {
                Some(len) => {
                    out.push((offs[c], offs[c + len], offs[c + 2 * len]));
                    c += 2 * len;
                }
                None => c += 1,
            }
        }
        if at_end {
            return out;
        }
        i = offs[c];
    }
}

/// Longer passages written twice in a row (「聚焦新中国成立70周年平潭专场新闻发布会」 twice): 7 to
/// 40 characters, at least four of them ideographs, within one paragraph. Nobody writes such a
/// passage twice on purpose. (start, middle, end) byte offsets.
fn repeated_phrases(t: &str) -> Vec<(usize, usize, usize)> {
    const MIN: usize = 7;
    const MAX: usize = 40;
    // The characters a passage from character `c` can reach (c .. c + 2·MAX), in a window
    // that moves on with `c`: `win[k]` is character `base + k` (offset, character).
    let mut win: Vec<(usize, char)> = Vec::with_capacity(4096 + 2 * MAX + 1);
    let mut rest = t.char_indices();
    let mut base = 0;
    let mut all_read = false;
    let mut out = Vec::new();
    let mut c = 0;
    loop {
        if c - base >= 4096 {
            win.drain(..c - base);
            base = c;
        }
        while !all_read && base + win.len() < c + 2 * MAX + 1 {
            match rest.next() {
                Some(x) => win.push(x),
                None => all_read = true,
            }
        }
        // Characters from `c` on: all of them once the text is read to its end, otherwise
        // more than a passage can reach.
        let left = base + win.len() - c;
        if left < 2 * MIN {
            break;
        }
        let chars = &win[c - base..];
        // Where the character comes again MIN..=MAX on: only there can a passage repeat.
        let found = (MIN..=MAX.min(left / 2)).rev().find(|&len| {
            chars[0].1 == chars[len].1
                && (0..len).all(|k| chars[k].1 == chars[len + k].1 && chars[k].1 != '\n')
                && chars[..len].iter().filter(|x| crate::text::is_ideograph(x.1)).count() >= 4
        });
        match found {
            Some(len) => {
                let end = chars.get(2 * len).map_or(t.len(), |x| x.0);
                out.push((chars[0].0, chars[len].0, end));
                c += 2 * len;
            }
            None => c += 1,
        }
    }
    out
}

/// 「的的」, except in 「的的确确」 and after 目/有/别 (「目的的」 is 目的 + 的).
fn doubled_de(t: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = t[from..].find("的的").map(|p| p + from) {
        from = p + "的".len();
        let before = t[..p].chars().next_back();
        let after = t[p + "的的".len()..].chars().next();
        if after == Some('确') || matches!(before, Some('目' | '有' | '别' | '的')) {
            continue;
        }
        out.push((p, p + "的".len(), p + "的的".len()));
        from = p + "的的".len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_passages_and_a_doubled_de() {
        let t = "召开聚焦新中国成立70周年平潭专场新闻发布会聚焦新中国成立70周年平潭专场新闻发布会；打造统一的的网站界面。";
        let got: Vec<&str> = repeated_phrases(t).iter().map(|r| &t[r.0..r.1]).collect();
        assert_eq!(got, vec!["聚焦新中国成立70周年平潭专场新闻发布会"]);
        let got: Vec<&str> = doubled_de(t).iter().map(|r| &t[r.0..r.2]).collect();
        assert_eq!(got, vec!["的的"]);
        assert!(doubled_de("的的确确，实现公开目的的途径").is_empty());
        // Not repeated, or too short: nothing.
        assert!(repeated_phrases("加强领导，加强领导。主动公开、主动公开").is_empty());
    }

    /// The first statement of `repeated_words`, byte by byte, to check the keyed one on.
    /// Words of 2–6 ideographs written twice in a row: (start, middle, end) byte offsets, longest
    /// word first at each place, scanning on after each one found.
    fn repeated_words_by_bytes(t: &str) -> Vec<(usize, usize, usize)> {
        // Worked on the bytes: a repeated word is all CJK ideographs, three bytes each in UTF-8, so
        // a word of `len` characters is 3·len bytes and equal words are equal bytes.
        let b = t.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let char_len = match b[i] {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let mut found = None;
            if char_len == 3 {
                for len in (2..=6).rev() {
                    let w = 3 * len;
                    // The cheap test first: the character `len` ahead must repeat this one (its last
                    // byte first: the lead byte is shared by thousands of characters).
                    if i + 2 * w > b.len() || b[i + 2] != b[i + w + 2] || b[i + 1] != b[i + w + 1] || b[i] != b[i + w] {
                        continue;
                    }
                    let Some(a) = t.get(i..i + w) else { continue };
                    let first = a.chars().next().unwrap_or(' ');
                    if a.as_bytes() == &b[i + w..i + 2 * w]
                        && a.chars().all(crate::text::is_ideograph)
                        && !a.chars().all(|c| c == first)
                        && !REDUP_OK_FIRST.contains(first)
                    {
                        found = Some(w);
                        break;
                    }
                }
            }
            match found {
                Some(w) => {
                    out.push((i, i + w, i + 2 * w));
                    i += 2 * w;
                }
                None => i += char_len,
            }
        }
        out
    }

    #[test]
    fn repeated_words_as_found_byte_by_byte() {
        const PIECES: &[&str] = &["申请", "申", "请", "公开", "一", "两", "政府", "信息", "，", "1", "a", " ", "é", "𠀀", "㐀", "\n"];
        let mut rng = crate::testgen::Rng::new(21);
        for _ in 0..20000 {
            let t = rng.text_of(PIECES, 30);
            assert_eq!(repeated_words(&t), repeated_words_by_bytes(&t), "{:?}", t);
        }
    }

    /// The first statement of `repeated_phrases`, over a list of all the characters, to check
    /// the windowed one on.
    fn repeated_phrases_by_chars(t: &str) -> Vec<(usize, usize, usize)> {
        const MIN: usize = 7;
        const MAX: usize = 40;
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        let n = chars.len();
        let mut out = Vec::new();
        let mut c = 0;
        while c + 2 * MIN <= n {
            let found = (MIN..=MAX.min((n - c) / 2)).rev().find(|&len| {
                chars[c].1 == chars[c + len].1
                    && (0..len).all(|k| chars[c + k].1 == chars[c + len + k].1 && chars[c + k].1 != '\n')
                    && chars[c..c + len].iter().filter(|x| crate::text::is_ideograph(x.1)).count() >= 4
            });
            match found {
                Some(len) => {
                    let end = chars.get(c + 2 * len).map_or(t.len(), |x| x.0);
                    out.push((chars[c].0, chars[c + len].0, end));
                    c += 2 * len;
                }
                None => c += 1,
            }
        }
        out
    }

    /// Long texts, so that words and passages fall across the blocks of keys and the moves
    /// of the window.
    #[test]
    fn repeats_in_long_texts_as_in_one_pass() {
        const PIECES: &[&str] = &["申请", "申", "请", "公开", "一", "政府", "信息", "，", "1", "a", "\n", "依申请公开政府信息", "加强领导", "é"];
        let mut rng = crate::testgen::Rng::new(5);
        for round in 0..6 {
            let mut t = String::new();
            while t.chars().count() < 70_000 + round * 30_000 {
                t.push_str(&rng.text_of(PIECES, 40));
            }
            assert_eq!(repeated_words(&t), repeated_words_by_bytes(&t), "round {}", round);
            let got = repeated_phrases(&t);
            assert!(!got.is_empty());
            assert_eq!(got, repeated_phrases_by_chars(&t), "round {}", round);
        }
        for t in ["", "申请", "聚焦新中国成立70周年聚焦新中国成立70周年"] {
            assert_eq!(repeated_phrases(t), repeated_phrases_by_chars(t), "{:?}", t);
        }
    }

    fn codes(text: &str, code: &str) -> Vec<(String, Option<String>)> {
        let r = crate::check_text(text);
        r.diagnostics.iter().filter(|d| d.code == code).map(|d| (text[d.spans[0].start..d.spans[0].end].to_string(), d.suggestion.clone())).collect()
    }

    fn report(body1: &str) -> String {
        format!("某某区某某局2024年政府信息公开工作年度报告\n一、总体情况\n{}\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n存在问题：信息公开的主动性还不够强，公开内容不够全面。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n", body1)
    }

    #[test]
    fn wordlist_is_well_formed() {
        let list = wordlist();
        assert!(list.len() >= 20);
        for e in &list {
            assert_ne!(e.wrong, e.right, "{:?}", e);
            assert!(!e.reason.is_empty() && !e.reason.contains('\t'));
            assert_eq!(list.iter().filter(|x| x.wrong == e.wrong).count(), 1, "duplicate {}", e.wrong);
        }
        assert_eq!(list.iter().filter(|e| e.wrong == "截止").count(), 1);
        assert!(list.iter().any(|e| e.wrong == "健立建全" && e.right == "建立健全"));
    }

    #[test]
    fn w01_jiezhi_before_a_date_only() {
        let t = report("截止 2024年 12月 31日，我局未收到政府信息公开申请。");
        assert_eq!(codes(&t, "W01"), vec![("截止".to_string(), Some("截至".to_string()))]);
        let t = report("截止到目前，我局共发布信息 88 条。");
        assert_eq!(codes(&t, "W01"), vec![("截止到".to_string(), Some("截至".to_string()))]);
        for ok in ["申报截止日期为2024年3月1日。", "截至2024年12月31日，共发布信息12条。", "报名截止时间延后。", "我局明确了截止期限。"]
        {
            assert!(codes(&report(ok), "W01").is_empty(), "{}", ok);
        }
    }

    #[test]
    fn w01_not_after_guard() {
        assert_eq!(codes(&report("及时做好工作布署，层层压实责任。"), "W01").len(), 1);
        assert!(codes(&report("在区政府网站发布署名文章3篇。"), "W01").is_empty());
    }

    #[test]
    fn w02_lone_and_unclosed() {
        let t = report("（一）主动公开。坚持公开为常态。\n二）依申请公开。未收到申请。\n（三）政府信息管理。加强审核。");
        assert_eq!(codes(&t, "W02"), vec![("二）".to_string(), Some("（二）".to_string()))]);
        let t = report("严格落实《中华人民共和国政府信息公开条例的要求，做好公开工作。");
        assert_eq!(codes(&t, "W02"), vec![("《".to_string(), None)]);
        let t = report("落实“三审三校制度，确保信息准确。");
        assert_eq!(codes(&t, "W02").len(), 1);
        // Balanced across a PDF line break and a blank line.
        let t = report("严格按照《中华人民共和国政府信息公开条\n\n例》的要求，落实“三审\n三校”制度（试行）。");
        assert!(codes(&t, "W02").is_empty());
        // A numbering style 1）2） is not a slip.
        let t = report("主要做法：\n1）加强领导。\n2）完善制度。");
        assert!(codes(&t, "W02").is_empty());
        // Two slips among bracketed numbers are two slips.
        let t = report(
            "（一）主动公开。公开为常态。\n二）依申请公开。未收到申请。\n（三）政府信息管理。加强审核。\n四）平台建设。完善网站。\n（五）监督保障。加强考核。",
        );
        assert_eq!(codes(&t, "W02").iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), vec!["二）", "四）"]);
    }

    #[test]
    fn w03_garbled_dates() {
        let t = report("截至 2024年 12月 31诶，我局未收到政府信息公开申请。");
        assert_eq!(codes(&t, "W03"), vec![("2024年 12月 31诶".to_string(), Some("2024年12月31日".to_string()))]);
        assert_eq!(codes(&report("2024年13月，我局开展自查。"), "W03").len(), 1);
        assert_eq!(codes(&report("于2023年2月30日印发。"), "W03").len(), 1);
        assert_eq!(codes(&report("于2023年2月29日印发。"), "W03").len(), 1);
        for ok in [
            "于2024年2月29日印发。",
            "统计期限自2024年1月1日起至2024年12月31日止。",
            "1-12月15个部门完成自查。",
            "全年共12个月，每月15日前报送。",
            "12月1至5日开展培训。",
            "6月份开展检查。",
        ] {
            assert!(codes(&report(ok), "W03").is_empty(), "{}", ok);
        }
    }

    #[test]
    fn w04_repeats() {
        assert_eq!(codes(&report("加强资金资金保障。"), "W04"), vec![("资金资金".to_string(), Some("资金".to_string()))]);
        assert_eq!(codes(&report("做好政府信息公开公开工作。"), "W04").len(), 1);
        for ok in ["常常深入基层，人人参与，看看成效。", "一个一个落实，一步一步推进。", "认认真真、扎扎实实做好工作。", "2024年2024年"]
        {
            assert!(codes(&report(ok), "W04").is_empty(), "{}", ok);
        }
    }

    /// The first implementation, character by character: the byte scan must find the same.
    fn repeated_words_by_chars(t: &str) -> Vec<(usize, usize, usize)> {
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        let n = chars.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let mut found = None;
            for len in (2..=6).rev() {
                if i + 2 * len > n {
                    continue;
                }
                let (a, b) = (&chars[i..i + len], &chars[i + len..i + 2 * len]);
                if a.iter().zip(b).all(|(x, y)| x.1 == y.1)
                    && a.iter().all(|c| crate::text::is_ideograph(c.1))
                    && !a.iter().all(|c| c.1 == a[0].1)
                    && !REDUP_OK_FIRST.contains(a[0].1)
                {
                    found = Some(len);
                    break;
                }
            }
            match found {
                Some(len) => {
                    let e = chars.get(i + 2 * len).map(|c| c.0).unwrap_or(t.len());
                    out.push((chars[i].0, chars[i + len].0, e));
                    i += 2 * len;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn repeated_words_same_as_character_by_character() {
        // Texts from a small alphabet (ideographs, 一/两, an extension-A ideograph, ASCII, a
        // four-byte character, punctuation), so repeats of every length happen often.
        let alphabet: Vec<char> = "政府公开申请一两每\u{3400}a1，𝄞é".chars().collect();
        let mut rng = crate::testgen::Rng::new(7);
        for _ in 0..3000 {
            let n = rng.usize(0, 40);
            let mut t = String::new();
            while t.chars().count() < n {
                if rng.chance(0.3) && !t.is_empty() {
                    // Repeat a recent stretch.
                    let cs: Vec<char> = t.chars().collect();
                    let k = rng.usize(1, cs.len().min(7));
                    let tail: String = cs[cs.len() - k..].iter().collect();
                    t.push_str(&tail);
                } else {
                    t.push(*rng.pick(&alphabet));
                }
            }
            assert_eq!(repeated_words(&t), repeated_words_by_chars(&t), "{:?}", t);
        }
    }
}
