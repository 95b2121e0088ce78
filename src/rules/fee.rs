//! Sections 六 and 五: 六 must state the 信息处理费 collected (C06); 五 must say something about
//! problems and improvements (C07).
//!
//! A fee statement is any sentence of 六 about a fee for handling applications: 「未收取信息处理
//! 费」「信息处理费 0 元」「未向申请人收取任何费用」「我单位无政府信息公开收费项目」. 「无」 alone, or
//! only 「无其他需要报告的事项」, is not one.

use super::diag;
use super::Code;
use super::Context;
use crate::doc::Doc;
use crate::find::Find;
use crate::model::{Diagnostic, Value};
use crate::prose::Section;

/// Fewer characters than this in 五 (without punctuation) is "a few characters".
const FIVE_MIN_CHARS: usize = 20;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    six(cx, out);
    five(cx, out);
}

/// Whether some sentence states the fee.
pub fn states_fee(text: &str) -> bool {
    text.split(['。', '；', '\n']).any(|s| {
        s.has("处理费") || s.has("收费") || ((s.contains('费')) && ["收取", "收缴", "缴纳", "免收", "免费", "未收", "不收", "收到"].iter().any(|w| s.has(w)))
    })
}

fn body<'a>(cx: &'a Context, n: u8) -> Option<(Section<'a>, std::ops::Range<usize>)> {
    cx.doc.heading(n)?;
    let p = cx.section_prose(n);
    // Where the trimmed body lies in the prose (a range, not a copy: a section can be long).
    let t = p.text();
    let s = t.len() - t.trim_start_matches(char::is_whitespace).len();
    let e = t.trim_end_matches(char::is_whitespace).len().max(s);
    Some((p, s..e))
}

/// The span of a short body, or the heading when the body is empty or long.
fn place(doc: &Doc, p: &Section, n: u8, short: bool) -> crate::model::Span {
    let t = p.text();
    let s = t.len() - t.trim_start().len();
    let e = t.trim_end().len();
    if short && e > s {
        p.span(doc, s, e)
    } else {
        let h = doc.heading(n).expect("heading checked");
        doc.span(h.start, h.end)
    }
}

fn six(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    // The statement is required since the 2021 format (《政府信息公开信息处理费管理办法》 applies
    // from 2021); a 2019/2020 report with 六 「无」 is in order.
    if doc.year.map_or(doc.format_2019, |y| y < 2021) {
        return;
    }
    let Some((p, r)) = body(cx, 6) else { return };
    let t = &p.text()[r];
    if states_fee(t) {
        return;
    }
    let chars = t.chars().filter(|c| crate::text::is_ideograph(*c)).count();
    let just_none = is_none(t);
    let fee_in_t2 = doc.t2.as_ref().and_then(|(t2, _)| t2.cell("fees", "amount")).and_then(|c| match c.value {
        Value::Int(n) if n > 0 => Some(n as f64),
        Value::Decimal(d) if d > 0.0 => Some(d),
        _ => None,
    });
    let what = if t.is_empty() {
        "第六部分是空的".to_string()
    } else if just_none {
        format!("第六部分只写了「{}」", t)
    } else {
        "第六部分没有提到信息处理费".to_string()
    };
    let extra = match fee_in_t2 {
        Some(f) if just_none || t.is_empty() => {
            format!("（表二「行政事业性收费」为 {} 万元，那是另一项；信息处理费的情况仍需在此说明）", crate::model::format_decimal(f))
        }
        _ => String::new(),
    };
    out.push(diag(
        Code::C06,
        format!(
            "{}{}：年度报告应在「六、其他需要报告的事项」中说明本年度信息处理费的收取情况，如「本年度未收取信息处理费」或「收取信息处理费 N 元」。",
            what, extra
        ),
        vec![place(doc, &p, 6, chars <= 40)],
    ));
}

/// 「无」「无。」「暂无」「本年度无其他需要报告的事项」.
fn is_none(t: &str) -> bool {
    // (The longest of these is 13 characters: a longer body is none of them, and is not copied.)
    let core: String = t.chars().filter(|c| crate::text::is_ideograph(*c)).take(14).collect();
    matches!(core.as_str(), "无" | "暂无" | "没有" | "无其他需要报告的事项" | "本年度无其他需要报告的事项" | "无需要报告的事项" | "本年度无")
}

fn five(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((p, r)) = body(cx, 5) else { return };
    let t = &p.text()[r];
    let chars = t.chars().filter(|c| crate::text::is_ideograph(*c) || c.is_ascii_alphanumeric()).count();
    if chars >= FIVE_MIN_CHARS && !is_none(t) {
        return;
    }
    let what = if t.is_empty() {
        "第五部分是空的".to_string()
    } else if is_none(t) {
        format!("第五部分只写了「{}」", t)
    } else {
        format!("第五部分只有 {} 个字（「{}」）", chars, t)
    };
    out.push(diag(
        Code::C07,
        format!("{}：「五、存在的主要问题及改进情况」应写明本年度工作中存在的主要问题和具体的改进措施。", what),
        vec![place(doc, &p, 5, true)],
    ));
}

#[cfg(test)]
mod tests {

    fn codes(five: &str, six: &str) -> Vec<(String, String)> {
        let text = format!(
            "红旗区科学技术局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局未收到政府信息公开申请。\n五、存在的主要问题及改进情况\n{}\n六、其他需要报告的事项\n{}\n",
            five, six
        );
        let r = crate::check_text(&text);
        r.diagnostics
            .iter()
            .filter(|d| d.code == "C06" || d.code == "C07")
            .map(|d| (d.code.to_string(), text[d.spans[0].start..d.spans[0].end].to_string()))
            .collect()
    }

    const FIVE: &str = "存在问题：目前主要依赖科技局公众号进行信息公开，缺乏多样化的公开渠道和形式。下步将积极探索利用新媒体进行信息公开。";

    #[test]
    fn fee_statements_from_the_fixtures_are_enough() {
        for ok in [
            "在办理依申请公开工作中，未向申请人收取任何费用。",
            "我单位无政府信息公开收费项目。",
            "（二）信息处理费收取情况。2025年，红寺堡区科学技术局在办理政府信息公开申请中，未收取信息处理费。",
            "2023 年，区政府严格落实《政府信息公开信息处理费管理办\n法》，全年收取政府信息公开信息处理费 0 元。",
            "本年度，本机关未收取信息公开处理费。",
            "依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元。",
        ] {
            assert!(codes(FIVE, ok).is_empty(), "{}", ok);
        }
    }

    #[test]
    fn no_fee_statement() {
        assert_eq!(codes(FIVE, "无"), vec![("C06".to_string(), "无".to_string())]);
        assert_eq!(codes(FIVE, "本年度无其他需要报告的事项。"), vec![("C06".to_string(), "本年度无其他需要报告的事项。".to_string())]);
        assert_eq!(codes(FIVE, "积极参加上级组织的政务公开培训，认真落实政务公开工作要点。").len(), 1);
    }

    #[test]
    fn fee_statement_required_from_2021() {
        let text = "上海市人民政府办公厅2019年政府信息公开工作年度报告\n一、总体情况\n2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。\n五、政府信息公开工作存在的主要问题及改进情况\n一是新《条例》实施后，专业领域的理论学习仍需加强，提升对《条例》新内容的准确把握。\n六、其他需要报告的事项\n无。\n";
        assert!(crate::check_text(text).diagnostics.iter().all(|d| d.code != "C06"));
        let text = text.replace("2019", "2021");
        assert_eq!(crate::check_text(&text).diagnostics.iter().filter(|d| d.code == "C06").count(), 1);
    }

    #[test]
    fn five_too_short() {
        assert_eq!(codes("无", "未收取信息处理费。"), vec![("C07".to_string(), "无".to_string())]);
        assert_eq!(codes("暂无。", "未收取信息处理费。").len(), 1);
        assert_eq!(codes("需进一步加强。", "未收取信息处理费。").len(), 1);
        assert!(codes("对照新要求新任务，仍存在以下短板：一是主动公开工作还需进一步规范。", "未收取信息处理费。").is_empty());
    }
}
