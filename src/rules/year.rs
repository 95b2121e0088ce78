//! C05: the prose tells the year's work under another year — most often last year's text
//! reused with its year left in (「2023年，我局主动公开…」 in the report for 2024).
//!
//! Only a year that opens a clause and is followed by the agency as subject (「2023年，我局…」
//! 「2023年度，全年共…」「2023年红旗区科技局…」) counts. Not counted: plans and later years
//! (「2025年将…」), dates (「2023年12月」), spans and comparisons (「2019年以来」「较2023年」
//! 「与2023年相比」, a sentence that also names the report year), years inside 《》〔〕“”（）
//! (document titles and numbers), the statistical period (「自2024年1月1日起」), and years more
//! than two years back (history, not reuse).

use super::diag;
use super::Code;
use super::Context;
use crate::find::Find;
use crate::keywords;
use crate::model::Diagnostic;

/// Words after 「2023年，」 that make the agency the subject of the clause.
const SUBJECT: &[&str] = &[
    "我",
    "本机关",
    "本单位",
    "本局",
    "本委",
    "本办",
    "全年",
    "共",
    "主动公开",
    "收到",
    "受理",
    "新收",
    "办结",
    "围绕",
    "坚持",
    "按照",
    "认真",
    "积极",
    "持续",
    "进一步",
    "严格",
    "通过",
    "全面",
    "扎实",
    "深入",
    "不断",
];

/// Words in a sentence that make a second year a comparison.
const COMPARISON: &[&str] = &["同比", "较上年", "比上年", "相比", "增长", "下降", "增加", "减少", "持平"];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some(year) = doc.year else { return };
    let prose = cx.prose();
    let t = &prose.text;
    let agency = doc.title.as_ref().and_then(|x| x.agency.clone()).unwrap_or_default();
    let agency_head: String = agency.chars().take(2).collect();
    let own_all = own_scope_word(&agency);
    let from = out.len();
    let this_year = format!("{}年", year);
    for &(s, e) in prose.sentences() {
        let st = &t[s..e];
        if !st.contains('年') || st.has(&this_year) || keywords!(COMPARISON).any_in(st) {
            continue;
        }
        // Worked out only for sentences that name another year.
        let mut depth: Option<Vec<u32>> = None;
        for (i, _) in st.match_indices('年') {
            let Some(y) = year_before(st, i) else { continue };
            let ys = i - 4;
            if !(year - 2..year).contains(&y) || depth.get_or_insert_with(|| bracket_depths(st))[ys] > 0 {
                continue;
            }
            // A clause start: the sentence's start, or after 「：」.
            let before = st[..ys].chars().next_back();
            if !matches!(before, None | Some('：' | ':' | '\n')) {
                continue;
            }
            let mut after = &st[i + '年'.len_utf8()..];
            after = after.strip_prefix('度').unwrap_or(after);
            let after = after.strip_prefix(['，', ',']).unwrap_or(after);
            let subject = SUBJECT.iter().any(|w| after.starts_with(w))
                || (agency_head.chars().count() == 2 && after.starts_with(agency_head.as_str()))
                || own_all.as_ref().is_some_and(|w| after.starts_with(w.as_str()));
            if !subject {
                continue;
            }
            let end = i + '年'.len_utf8();
            let mut d = diag(
                Code::C05,
                format!("本报告是 {} 年度报告，这里却写「{}年」叙述工作。若是沿用了上年的文字，应改为「{}年」，相应的数字也请一并核对。", year, y, year),
                vec![prose.span(doc, s + ys, s + end)],
            );
            d.suggestion = Some(format!("{}年", year));
            out.push(d);
        }
    }
    super::limit(out, from, 30);
}

/// 「全区」 for a 区人民政府, 「全市」 for a 市人民政府: the agency's own scope word.
fn own_scope_word(agency: &str) -> Option<String> {
    let a = agency.strip_suffix("人民政府").or_else(|| agency.strip_suffix("政府"))?;
    let level = a.chars().last()?;
    "市区县镇乡旗州".contains(level).then(|| format!("全{}", level))
}

/// The four-digit year right before 年 at `i`.
fn year_before(st: &str, i: usize) -> Option<i32> {
    if i < 4 || !st.is_char_boundary(i - 4) {
        return None;
    }
    let d = &st[i - 4..i];
    if !d.bytes().all(|b| b.is_ascii_digit()) || st[..i - 4].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    d.parse().ok()
}

/// Bracket depth at every byte: years inside 《》〔〕“”（） name documents and periods.
fn bracket_depths(st: &str) -> Vec<u32> {
    let mut v = vec![0u32; st.len() + 1];
    let mut depth: u32 = 0;
    for (i, c) in st.char_indices() {
        if matches!(c, '《' | '〔' | '“' | '（' | '(' | '[') {
            depth += 1;
        }
        for b in i..i + c.len_utf8() {
            v[b] = depth;
        }
        if matches!(c, '》' | '〕' | '”' | '）' | ')' | ']') {
            depth = depth.saturating_sub(1);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    fn c05(body: &str) -> Vec<(String, Option<String>)> {
        let text = format!(
            "红旗区科学技术局2024年政府信息公开工作年度报告\n一、总体情况\n{}\n五、存在的主要问题及改进情况\n信息公开工作仍有不足，下一步将加强培训。\n六、其他需要报告的事项\n未收取信息处理费。\n",
            body
        );
        let r = crate::check_text(&text);
        r.diagnostics.iter().filter(|d| d.code == "C05").map(|d| (text[d.spans[0].start..d.spans[0].end].to_string(), d.suggestion.clone())).collect()
    }

    #[test]
    fn last_years_text() {
        assert_eq!(c05("2023年，我局主动公开政府信息 98 条。"), vec![("2023年".to_string(), Some("2024年".to_string()))]);
        assert_eq!(c05("（一）主动公开。2023 年，红旗区科技局全年通过区政府信息公开平台发布信息 105 条。").len(), 1);
        assert_eq!(c05("2023年度，共收到政府信息公开申请 2 件。").len(), 1);
    }

    #[test]
    fn not_last_years_text() {
        for ok in [
            "2024年，我局主动公开政府信息 105 条。",
            "2025年，我局将进一步加强政务公开工作。",
            "自2023年以来，我局持续完善公开制度。",
            "2023年12月，区政府印发了实施方案。",
            "与2023年相比，公开信息数量有所增加。",
            "2023年，我局共收到申请 3 件，同比增长 50%。",
            "根据《红旗区2023年政务公开工作要点》，我局细化了任务。",
            "本报告统计期限自2024年1月1日起至2024年12月31日止。",
            "2019年，国务院修订了《中华人民共和国政府信息公开条例》。",
            "2021年，我局被评为先进单位。",
            "上年度结转依申请公开数量为 0，2024年度办结数量为 0。",
        ] {
            assert!(c05(ok).is_empty(), "{}", ok);
        }
    }
}
