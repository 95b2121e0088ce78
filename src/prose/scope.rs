//! Whose numbers a prose sentence gives: the agency's own (then they must equal its tables) or
//! someone else's (全市 in a bureau's report, 各部门, 区政府办代表区政府, 累计 …; then they are
//! not compared).
//!
//! Scope words only mean something relative to who the agency is: 「全区」 in a 区人民政府's
//! report is its own scope (its tables are the whole district's), in a 区科技局's report it is
//! wider. When the words before a count are unclear the answer is "not own", so nothing fires.

use crate::find::Find;
use crate::keywords;

/// Words naming the agency itself.
const SELF: &[&str] = &[
    "我局",
    "我委",
    "我办",
    "我院",
    "我厅",
    "我区",
    "我市",
    "我县",
    "我镇",
    "我乡",
    "我旗",
    "我街道",
    "我单位",
    "本单位",
    "本机关",
    "我机关",
    "本局",
    "本委",
    "本办",
    "本院",
    "我部门",
    "本部门",
    "我中心",
    "本中心",
    "我所",
    "本所",
    "全局",
    "全委",
];

/// Words that put a count outside the agency's own scope (unless the agency's name contains them:
/// 「办公室」 in a 人民政府办公室's report is itself).
const OTHER: &[&str] = &[
    "代表",
    "各部门",
    "各单位",
    "各地",
    "各级",
    "各县",
    "各区",
    "各乡",
    "各镇",
    "各街道",
    "各委办局",
    "下属",
    "所属",
    "直属",
    "系统",
    "累计",
    "全省",
    "全国",
    "本级",
    "部门",
    "街道",
    "乡镇",
    "政府办",
    "办公室",
    "区直",
    "市直",
    "县直",
    "两级",
    "三级",
    "中心",
    "窗口",
    "分局",
];

/// Levels a 「全X」 can name.
const LEVELS: &str = "市区县镇乡旗州盟";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The agency's own numbers (or no subject at all: the agency is implied).
    Own,
    /// Someone else's or unclear: do not compare.
    Other,
    /// No subject words in this text: look at the sentence before.
    Silent,
}

/// The scope of the words before a count (`prefix`: the sentence up to the count's keyword).
pub fn scope_of(prefix: &str, agency: Option<&str>) -> Scope {
    scope_with(prefix, agency, true)
}

/// The scope words of a neighbouring sentence: only the explicit markers count there (an organ
/// name in the sentence before is most often the agency's own short name).
pub fn markers_of(text: &str, agency: Option<&str>) -> Scope {
    scope_with(text, agency, false)
}

fn scope_with(prefix: &str, agency: Option<&str>, with_organs: bool) -> Scope {
    let agency = agency.unwrap_or("");
    // Book titles and quotes name documents, not subjects.
    let prefix = strip_titles(prefix);
    let p: &str = &prefix;
    let own_words = keywords!(SELF).any_in(p);
    // 「本部门」 names the agency; the 「部门」 in it is not another scope. (Most texts hold none
    // of these words: then nothing is copied.)
    let mut without_self = std::borrow::Cow::Borrowed(p);
    if own_words {
        // As removing every listed word in list order, each where it occurs: the next word to
        // remove is the first (from the last one on) that the text now holds, found in one pass.
        static LISTED: std::sync::OnceLock<crate::find::Keywords> = std::sync::OnceLock::new();
        let listed = LISTED.get_or_init(|| crate::find::Keywords::new(&SELF.iter().enumerate().map(|(k, w)| (*w, k as u16)).collect::<Vec<_>>()));
        let mut from = 0;
        while let Some(k) = listed.matches(&without_self).map(|m| m.2 as usize).filter(|&k| k >= from).min() {
            without_self = std::borrow::Cow::Owned(without_self.replace(SELF[k], ""));
            from = k + 1;
        }
    }
    if keywords!(OTHER).matches(&without_self).any(|(_, w, _)| !agency.has(w)) {
        return Scope::Other;
    }
    let mut own = own_words;
    // 「全区」: own only for that level's government.
    for (i, _) in p.match_indices('全') {
        let Some(x) = p[i + '全'.len_utf8()..].chars().next() else { continue };
        if !LEVELS.contains(x) {
            continue;
        }
        if is_government_of(agency, x) {
            own = true;
        } else {
            return Scope::Other;
        }
    }
    // An organ named before the count: 「区科技局」 is the agency's own name shortened,
    // 「区教育局」 in a 区政府 report is not.
    for organ in if with_organs { organs(p) } else { Vec::new() } {
        if own_name(&organ, agency) {
            own = true;
        } else {
            return Scope::Other;
        }
    }
    if own {
        Scope::Own
    } else {
        Scope::Silent
    }
}

/// A 人民政府 (or just the place, 「测试市」) of level `x` (市, 区, 县 …).
fn is_government_of(agency: &str, x: char) -> bool {
    let a = agency.trim();
    let a = a.strip_suffix("人民政府").or_else(|| a.strip_suffix("政府")).unwrap_or(a);
    a.ends_with(x) && !a.ends_with(&format!("{}{}", x, x))
}

fn strip_titles(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('《') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Organ names ending in 局/厅/委员会 (not 我局/本局/全局, not 格局/布局/结局/当局/大局).
fn organs(p: &str) -> Vec<String> {
    if !p.contains(['局', '厅', '会']) {
        return Vec::new();
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let end = if c == '局' || c == '厅' {
            i + 1
        } else if c == '会' && i >= 2 && chars[i - 2] == '委' && chars[i - 1] == '员' {
            i + 1
        } else {
            continue;
        };
        let prev = if c == '会' { chars.get(i.wrapping_sub(3)) } else { chars.get(i.wrapping_sub(1)) };
        if i == 0
            || matches!(
                prev,
                Some('我' | '本' | '全' | '格' | '布' | '结' | '当' | '大' | '开' | '残' | '终' | '变' | '胜' | '饭' | '赌' | '棋' | '该' | '此' | '两')
            )
        {
            continue;
        }
        let mut s = end - 1;
        while s > 0 && end - s < 12 && crate::text::is_ideograph(chars[s - 1]) && !"，。；：、的在由经向和与及".contains(chars[s - 1]) {
            s -= 1;
        }
        let word: String = chars[s..end].iter().collect();
        if word.chars().count() >= 2 {
            out.push(word);
        }
    }
    out
}

/// Whether an organ name (「2024年红旗区科技局」 read back from 局) ends in the agency's name or
/// a shortening of it (「红旗区科技局」 for 红旗区科学技术局): some ending of three or more
/// characters is a subsequence of the agency's name.
fn own_name(organ: &str, agency: &str) -> bool {
    let chars: Vec<char> = organ.chars().collect();
    (0..chars.len().saturating_sub(2)).any(|k| {
        let tail: String = chars[k..].iter().collect();
        agency.has(tail.as_str()) || crate::text::is_subsequence(tail.chars(), agency.chars())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_relative_to_the_agency() {
        // hongzequ_2023: 全区 in a 区人民政府 report is its own.
        assert_eq!(scope_of("2023年全区", Some("洪泽区人民政府")), Scope::Own);
        assert_eq!(scope_of("2024年，全市共", Some("淮安市人民政府")), Scope::Own);
        assert_eq!(scope_of("2025年全市", Some("测试市")), Scope::Own);
        // 全区 in a bureau's report is wider than the bureau.
        assert_eq!(scope_of("2024年，全区", Some("红旗区科学技术局")), Scope::Other);
        // hongzequ_2024: 区政府办代表区政府.
        assert_eq!(scope_of("2024年，区政府办代表区政府", Some("淮安市洪泽区人民政府")), Scope::Other);
        assert_eq!(scope_of("全区各部门共", Some("洪泽区人民政府")), Scope::Other);
        assert_eq!(scope_of("自2019年以来累计", Some("红旗区科学技术局")), Scope::Other);
        assert_eq!(scope_of("2024年，我局共", Some("红旗区科学技术局")), Scope::Own);
        assert_eq!(scope_of("2024年，", Some("红旗区科学技术局")), Scope::Silent);
        // The agency's name, shortened.
        assert_eq!(scope_of("2024年红旗区科技局全年", Some("红旗区科学技术局")), Scope::Own);
        assert_eq!(scope_of("区教育局", Some("洪泽区人民政府")), Scope::Other);
        assert_eq!(scope_of("区政府办公室", Some("某某区人民政府办公室")), Scope::Silent);
        assert_eq!(scope_of("我部门", Some("某某区教育局")), Scope::Own);
        // Titles are not subjects.
        assert_eq!(scope_of("根据《某某市统计局关于…》", Some("某某区人民政府")), Scope::Silent);
    }
}
