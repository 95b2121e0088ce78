//! Web text with the report on one line: what a crawler saves (the page's `textContent`) and
//! what "select all, copy" gives on some portals. Section headings stand mid-line after a 。 or
//! a space (「…联系。 一、总体情况 2022年，…」), a table's rows follow each other with no break
//! (「一、本年新收政府信息公开申请数量801000081二、上年结转…」), and a sub-item's number runs
//! into the digits before it (「1.属于国家秘密00000002.其他法律…」: the `2.` starts the next row).
//!
//! The readers work line by line, so such a line is given line breaks where the report's own
//! structure puts them: before and after each section heading, before each row label of the
//! three tables (with its item number), before the title and before the page's footer. The
//! anchors are the format's own words (`format`), looked for in the zone of their table only.
//! Nothing else changes: the reader text is the original with `\n` inserted, and every offset
//! maps back to the original (`Source::mapped`).

use crate::format::{SECTIONS, T3_ROWS};
use crate::text::{is_cjk_numeral, numeral_value};

/// Lines at least this long (bytes) are looked at; a PDF's, a converter's or a table row's
/// lines are far shorter.
const LONG_LINE: usize = 400;

/// Where line breaks go in `text` (byte offsets, increasing), or `None` when it has no long line
/// holding a report's structure.
pub fn breaks(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in crate::find::lines_inclusive(text) {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.len() < LONG_LINE {
            continue;
        }
        let found = line_breaks(line);
        out.extend(found.into_iter().filter(|&b| b > 0 && b < line.len()).map(|b| start + b));
    }
    out.sort_unstable();
    out.dedup();
    (out.len() >= 3).then_some(out)
}

/// The reader text for `text` with line breaks at `breaks`, and the map of its pieces back to
/// `text` (see `Source::mapped`).
pub fn with_breaks(text: &str, breaks: &[usize]) -> (String, Vec<(usize, usize, bool)>) {
    let mut flat = String::with_capacity(text.len() + breaks.len());
    let mut pieces = Vec::with_capacity(2 * breaks.len() + 1);
    let mut from = 0;
    for &b in breaks {
        pieces.push((flat.len(), from, true));
        flat.push_str(&text[from..b]);
        // The inserted break stands for the character it precedes.
        pieces.push((flat.len(), b, false));
        flat.push('\n');
        from = b;
    }
    pieces.push((flat.len(), from, true));
    flat.push_str(&text[from..]);
    (flat, pieces)
}

/// A section heading found in a line.
struct Heading {
    number: u8,
    start: usize,
    /// Where the heading's words end (the body follows).
    end: usize,
}

fn line_breaks(line: &str) -> Vec<usize> {
    // Positions are byte offsets of the line, stepped over character by character where the
    // structure is looked at (no list of the characters: the line can be a whole long page).
    let headings = headings(line);
    if headings.is_empty() && !line.contains("本年新收") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for h in &headings {
        out.push(h.start);
        out.push(h.end);
    }
    // The zone of each table: its section's body, or from its own first words.
    let after = |n: u8| headings.iter().find(|h| h.number == n).map(|h| h.end);
    let next_heading = |from: usize| headings.iter().map(|h| h.start).filter(|&s| s > from).min().unwrap_or(line.len());
    let find = |w: &str, from: usize| line.get(from..).and_then(|l| l.find(w)).map(|p| p + from);
    let t2 = after(2).or_else(|| find("第二十条第", 0));
    let t3 = after(3).or_else(|| ["本列数据的勾稽关系", "申请人情况", "本年新收"].iter().filter_map(|w| find(w, 0)).min());
    let t4 = after(4);
    if let Some(s) = t2 {
        let e = t3.filter(|&e| e > s).unwrap_or_else(|| next_heading(s));
        t2_breaks(line, s, e, &mut out);
    }
    if let Some(s) = t3 {
        let e = t4.filter(|&e| e > s).map(|e| headings.iter().find(|h| h.end == e).map_or(e, |h| h.start)).unwrap_or_else(|| next_heading(s));
        t3_breaks(line, s, e, &mut out);
    }
    title_breaks(line, headings.first().map_or(line.len(), |h| h.start), &mut out);
    if let Some(six) = headings.iter().find(|h| h.number == 6).or(headings.last()) {
        footer_breaks(line, six.end, &mut out);
    }
    out
}

/// Characters after which a heading may start mid-line.
fn may_precede_heading(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || matches!(c, '。' | '！' | '？' | '；' | '：' | '”' | '）' | ')' | '>' | '】' | '|')
}

/// The character at byte `pos` of `line` (`None` at the end).
fn char_at(line: &str, pos: usize) -> Option<char> {
    line.get(pos..).and_then(|r| r.chars().next())
}

/// The character before byte `pos` of `line` and where it starts.
fn char_before(line: &str, pos: usize) -> Option<(usize, char)> {
    line.get(..pos).and_then(|r| r.char_indices().next_back())
}

/// `n` characters on from byte `pos` (or the end of the line).
fn chars_on(line: &str, pos: usize, n: usize) -> usize {
    line.get(pos..).and_then(|r| r.char_indices().nth(n)).map_or(line.len(), |(i, _)| pos + i)
}

/// Section headings: 「一、」… 「六、」 followed by one of the section's words (one stray
/// character inside a word is allowed: 「行政法复议」), each section once, in order.
fn headings(line: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut prev: Option<char> = None;
    for (start, c) in line.char_indices() {
        let before = prev.replace(c);
        if !is_cjk_numeral(c) {
            continue;
        }
        // After any other character only a heading that reads exactly as the template's
        // (「元三、收到和处理政府信息公开申请情况」: a table's last cell ran into it).
        let loose = before.is_some_and(|b| !may_precede_heading(b));
        let Some(number) = numeral_value(c) else { continue };
        if number > 6 || out.iter().any(|h| h.number >= number) {
            continue;
        }
        let mut k = start + c.len_utf8();
        while char_at(line, k) == Some(' ') {
            k += 1;
        }
        let Some(mark) = char_at(line, k).filter(|m| matches!(m, '、' | '．' | '.')) else { continue };
        let body_at = k + mark.len_utf8();
        let spec = &SECTIONS[number as usize - 1];
        // The words must begin within a few characters of the numeral.
        // The 2019 format's 「五、政府信息公开工作存在的主要问题及改进情况」 puts its words
        // after 「政府信息公开工作」.
        let body_from = |at: usize| spec.keys.iter().filter_map(|key| key_at(line, at, key)).min();
        let Some(key_end) = body_from(body_at).or_else(|| title_at(line, body_at, "政府信息公开工作").then(|| body_from(chars_on(line, body_at, 8))).flatten())
        else {
            continue;
        };
        let end = heading_end(line, key_end);
        if loose && !(end.is_some() && title_at(line, body_at, spec.title)) {
            continue;
        }
        out.push(Heading { number, start, end: end.unwrap_or(key_end) });
    }
    out
}

/// Does the section's template title stand at byte `from`?
fn title_at(line: &str, from: usize, title: &str) -> bool {
    line.get(from..).is_some_and(|r| r.starts_with(title))
}

/// Where `key` ends when it starts within 6 characters after byte `from` (with at most one
/// stray character inside a key of four or more), as a byte offset.
fn key_at(line: &str, from: usize, key: &str) -> Option<usize> {
    let key: Vec<char> = key.chars().collect();
    let rest = line.get(from..)?;
    for (s, first) in rest.char_indices().take(7) {
        if first != key[0] {
            continue;
        }
        let mut ki = 0;
        let mut stray = 0;
        let mut end = from + s;
        for (i, c) in rest[s..].char_indices() {
            if ki == key.len() {
                break;
            }
            if c == key[ki] {
                ki += 1;
            } else if key.len() >= 4 && stray == 0 && ki > 0 {
                stray += 1;
            } else {
                break;
            }
            end = from + s + i + c.len_utf8();
        }
        if ki == key.len() {
            return Some(end);
        }
    }
    None
}

/// The end of a heading whose words end at byte `from`: after the 「情况」 or 「事项」 that
/// closes it, when one comes before any punctuation, digit or space.
fn heading_end(line: &str, from: usize) -> Option<usize> {
    // From two characters before `from` to 24 after it.
    let mut i = from;
    let mut steps = 0i32;
    for _ in 0..2 {
        if let Some((p, _)) = char_before(line, i) {
            i = p;
            steps -= 1;
        }
    }
    let mut chars = line.get(i..)?.char_indices().map(|(k, c)| (i + k, c)).peekable();
    while let Some((at, a)) = chars.next() {
        if steps >= 24 {
            break;
        }
        let Some(&(b_at, b)) = chars.peek() else { break };
        if (a == '情' && b == '况') || (a == '事' && b == '项') {
            return Some(b_at + b.len_utf8());
        }
        if at >= from && (a.is_whitespace() || a.is_ascii_digit() || "，。；：,;:（(".contains(a)) {
            return None;
        }
        steps += 1;
    }
    None
}

/// Row labels of table 二 in [s, e): before each block heading (第二十条第（…）项) and each row.
fn t2_breaks(line: &str, s: usize, e: usize, out: &mut Vec<usize>) {
    let zone = &line[s..e];
    let mut at = |w: &str, skip_inside: Option<&str>| {
        let mut from = 0;
        while let Some(p) = zone[from..].find(w) {
            let p = from + p;
            from = p + w.len();
            // 「规范性文件」 inside 「行政规范性文件」 is that row's label.
            if let Some(outer) = skip_inside {
                if zone[..p].ends_with(outer) {
                    continue;
                }
            }
            out.push(s + p);
        }
    };
    at("第二十条第", None);
    for w in ["规章", "行政规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"]
    {
        at(w, None);
    }
    at("规范性文件", Some("行政"));
}

/// Row labels of table 三 in [s, e), each with the item number before it.
fn t3_breaks(line: &str, s: usize, e: usize, out: &mut Vec<usize>) {
    let zone = &line[s..e];
    // The words each row label starts with after its item number (the group headings too).
    let mut words: Vec<&str> = T3_ROWS.iter().filter_map(|r| label_words(r.label)).collect();
    words.extend(["本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"]);
    for w in words {
        let mut from = 0;
        while let Some(p) = zone[from..].find(w) {
            let p = from + p;
            from = p + w.len();
            let abs = s + p;
            match item_number_before(line, abs) {
                Some(m) => out.push(m),
                // Without an item number only the long, unmistakable labels break.
                None if w.chars().count() >= 6 => out.push(abs),
                None => {}
            }
        }
    }
    // Rows whose label is too short to look for alone: 「3.其他」, 「（七）总计」.
    for (w, marker) in [("其他", "3"), ("总计", "（七）")] {
        let mut from = 0;
        while let Some(p) = zone[from..].find(w) {
            let p = from + p;
            from = p + w.len();
            if let Some(m) = item_number_before(line, s + p) {
                if line[m..s + p].trim_end().trim_end_matches(['.', '、', '．']).trim() == marker {
                    // 「3.其他」 only as a row of its own: digits (its cells) follow.
                    if marker == "3" && !line[s + p + w.len()..].starts_with(|c: char| c.is_ascii_digit() || c == ' ') {
                        continue;
                    }
                    out.push(m);
                }
            }
        }
    }
}

/// The words a row label starts with after its item number (「1.属于国家秘密」 → 「属于国家秘密」):
/// its leading ideographs, at most six; `None` for labels too short to look for alone.
fn label_words(label: &str) -> Option<&str> {
    let t = label.trim_start_matches(|c: char| c.is_ascii_digit() || is_cjk_numeral(c) || "（）().、．".contains(c));
    let end = t.char_indices().take(6).take_while(|x| crate::text::is_ideograph(x.1)).last().map(|x| x.0 + x.1.len_utf8())?;
    (t[..end].chars().count() >= 2).then_some(&t[..end])
}

/// The start of the item number (「1.」「（一）」「一、」, spaces allowed) right before byte `at`.
fn item_number_before(line: &str, at: usize) -> Option<usize> {
    let mut back = line.get(..at)?.char_indices().rev().skip_while(|x| x.1 == ' ');
    let (_, c) = back.next()?;
    let d = back.next();
    if matches!(c, '.' | '、' | '．') {
        // One digit: the item numbers go to 8 at most, so a digit before it is the previous
        // row's last cell.
        if let Some((dp, _)) = d.filter(|x| x.1.is_ascii_digit() || is_cjk_numeral(x.1)) {
            return Some(dp);
        }
    }
    if matches!(c, '）' | ')') && d.is_some_and(|x| is_cjk_numeral(x.1)) {
        if let Some((op, _)) = back.next().filter(|x| matches!(x.1, '（' | '(')) {
            return Some(op);
        }
    }
    None
}

/// The title 「…年度政府信息公开工作年度报告」 inside the line, before the first heading: a
/// break before the agency's name that leads it and after 「报告」.
fn title_breaks(line: &str, before: usize, out: &mut Vec<usize>) {
    let head = &line[..before];
    let Some(p) = head.find("年度报告").or_else(|| head.find("工作报告")) else { return };
    let end = p + "年度报告".len();
    // Back over the title's own characters (ideographs, digits, 〇), at most 40.
    let start =
        line[..p].char_indices().rev().take(40).take_while(|x| crate::text::is_ideograph(x.1) || x.1.is_ascii_digit() || x.1 == '〇').last().map_or(p, |x| x.0);
    out.push(start);
    out.push(end);
}

/// Words that start a web page's footer.
const FOOTER: &[&str] = &[
    "网站地图",
    "联系我们",
    "版权所有",
    "主办单位",
    "承办单位",
    "网站标识码",
    "ICP备",
    "公网安备",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "扫一扫",
    "分享到",
    "上一篇",
    "下一篇",
    "责任编辑",
];

fn footer_breaks(line: &str, from: usize, out: &mut Vec<usize>) {
    for w in FOOTER {
        if let Some(p) = line[from..].find(w) {
            out.push(from + p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relined(text: &str) -> String {
        match breaks(text) {
            Some(b) => with_breaks(text, &b).0,
            None => text.to_string(),
        }
    }

    #[test]
    fn rows_and_headings_get_their_own_lines() {
        let pad = "政府信息公开工作稳步推进。".repeat(40);
        let text = format!(
            "平潭2022年度政府信息公开工作年度报告 本报告根据条例编制。 一、总体情况 {}二、主动公开政府信息情况 第二十条第（一）项 信息内容 规章000行政规范性文件8855698 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000（七）总计 723000075四、结转下年度继续办理 0000000 四、政府信息公开行政法复议、行政诉讼情况行政复议 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0五、政府信息公开工作存在的主要问题及改进情况 问题。 六、其他需要报告的事项 无。 网站地图 联系我们",
            pad
        );
        let r = relined(&text);
        let lines: Vec<&str> = r.lines().map(|l| l.trim()).collect();
        for want in [
            "平潭2022年度政府信息公开工作年度报告",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "规章000",
            "行政规范性文件8855698",
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量 713000074",
            "1.属于国家秘密0000000",
            "2.其他法律行政法规禁止公开 0000000",
            "（七）总计 723000075",
            "四、结转下年度继续办理 0000000",
            "四、政府信息公开行政法复议、行政诉讼情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ] {
            assert!(lines.contains(&want), "no line {:?} in\n{}", want, r);
        }
        assert!(lines.iter().any(|l| l.starts_with("网站地图")));
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let text = "一、总体情况\n2024年，我局…\n二、主动公开政府信息情况\n规章 0 0 0\n";
        assert_eq!(breaks(text), None);
        let prose = format!("{}一、二、三、", "一是加强领导，二是完善制度。".repeat(60));
        assert_eq!(breaks(&prose), None);
    }

    #[test]
    fn offsets_map_back() {
        let text = "甲乙丙丁";
        let (flat, pieces) = with_breaks(text, &[3, 6]);
        assert_eq!(flat, "甲\n乙\n丙丁");
        let src = crate::input::Source::mapped(text.to_string(), flat.clone(), pieces);
        let p = flat.find('丙').unwrap();
        assert_eq!(src.to_original(p), text.find('丙').unwrap());
        assert_eq!(src.span(p, p + 3).col, 3);
    }
}
