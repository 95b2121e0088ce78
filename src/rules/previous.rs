//! Against last year's report (X01–X03), when the user gives it too.
//!
//! - X01: this year's 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column.
//! - X02: this year's 现行有效件数 must equal last year's 现行有效件数 + this year's 本年制发件数 −
//!   本年废止件数 (规章, 行政规范性文件).
//! - X03: the prose of 一、五、六 repeats last year's by more than half: the share of its
//!   characters in passages of 16 or more characters that are made of 8-grams of last year's
//!   prose (digits left out, so a text reused with new numbers still counts as repeated; set
//!   phrases shorter than a passage do not count). The repeated passages are pointed at.
//!
//! X01/X02 need two consecutive years: when both titles give a year and they are not
//! consecutive, the tables are not compared (the user has picked the wrong file; X03 still runs).

use super::diag;
use super::Code;
use crate::doc::Doc;
use crate::format::cell_name;
use crate::model::{CellRef, Diagnostic, Report, TableRead, Value};
use crate::prose::Prose;

/// Share of this year's prose characters that may repeat last year's before X03 fires.
pub const X03_THRESHOLD: f64 = 0.5;
/// Length of the character n-grams compared.
const NGRAM: usize = 8;
/// Less prose than this (characters) is too little to judge.
const X03_MIN_CHARS: usize = 100;
/// Repeated passages shorter than this are not pointed at (common phrases).
const X03_MIN_PASSAGE: usize = 16;

/// The X findings for two checked reports. `this_text` and `previous_text` are the texts the
/// reports' spans point into (the input as given for text and HTML). Spans of the findings
/// point into `this_text`.
pub fn check_pair(this: &Report, this_text: &str, previous: &Report, previous_text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let consecutive = match (this.year, previous.year) {
        (Some(a), Some(b)) => b == a - 1,
        _ => true,
    };
    if consecutive {
        carried(this, previous, &mut out);
        documents(this, previous, &mut out);
    }
    repeated(this_text, previous_text, &mut out);
    out
}

fn int(t: &TableRead, row: &str, col: &str) -> Option<i64> {
    t.cell(row, col).and_then(|c| match c.value {
        Value::Int(n) => Some(n),
        _ => None,
    })
}

fn year_of(r: &Report, fallback: &str) -> String {
    r.year.map(|y| format!("{} 年", y)).unwrap_or_else(|| fallback.to_string())
}

/// X01.
fn carried(this: &Report, previous: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(t), Some(p)) = (&this.t3, &previous.t3) else { return };
    let prev_year = year_of(previous, "上年");
    for &col in &t.columns {
        let (Some(now), Some(before)) = (int(t, "carried_over", col), int(p, "carried_forward", col)) else { continue };
        if now == before {
            continue;
        }
        let Some(span) = t.cell("carried_over", col).and_then(|c| c.span) else { continue };
        let name = cell_name("t3", "carried_over", col);
        let mut d = diag(
            Code::X01,
            format!(
                "{}为 {}，而上年（{}）报告表三「四、结转下年度继续办理」{}列为 {}：上年结转到本年的申请，两份报告应写同一个数。",
                name,
                now,
                prev_year,
                crate::format::column_label("t3", col),
                before
            ),
            vec![span],
        );
        d.cells = vec![CellRef::new("t3", "carried_over", col, "suspect")];
        d.expected = Some(before as f64);
        d.actual = Some(now as f64);
        d.suggestion = Some(before.to_string());
        out.push(d);
    }
}

/// X02.
fn documents(this: &Report, previous: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(t), Some(p)) = (&this.t2, &previous.t2) else { return };
    for (row, name) in [("regulations", "规章"), ("normative_documents", "行政规范性文件")] {
        let (Some(valid), Some(made), Some(repealed), Some(before)) =
            (int(t, row, "valid"), int(t, row, "made"), int(t, row, "repealed"), int(p, row, "valid"))
        else {
            continue;
        };
        let want = before + made - repealed;
        if valid == want {
            continue;
        }
        let Some(span) = t.cell(row, "valid").and_then(|c| c.span) else { continue };
        let mut d = diag(
            Code::X02,
            format!(
                "表二{}现行有效件数为 {}，但上年（{}）报告的现行有效 {} + 本年制发 {} − 本年废止 {} = {}。请核对本年或上年的件数（修订、失效的文件也应在制发、废止中体现）。",
                name,
                valid,
                year_of(previous, "上年"),
                before,
                made,
                repealed,
                want
            ),
            vec![span],
        );
        d.cells = vec![
            CellRef::new("t2", static_row(row), "valid", "total"),
            CellRef::new("t2", static_row(row), "made", "part"),
            CellRef::new("t2", static_row(row), "repealed", "part"),
        ];
        d.expected = Some(want as f64);
        d.actual = Some(valid as f64);
        out.push(d);
    }
}

fn static_row(row: &str) -> &'static str {
    if row == "regulations" {
        "regulations"
    } else {
        "normative_documents"
    }
}

/// The prose of 一、五、六 of a text, read the way the checker reads it.
fn prose_of(text: &str, f: &mut dyn FnMut(&Doc, &Prose)) {
    let (src, _) = crate::input::text(text.to_string());
    let doc = Doc::outline(&src);
    let prose = Prose::of_sections(&doc, &[1, 5, 6]);
    f(&doc, &prose);
}

/// The compared characters of a report's prose (一、五、六).
pub fn prose_letters(text: &str) -> Vec<char> {
    let mut v = Vec::new();
    prose_of(text, &mut |_, p| v = letters(p).into_iter().map(|x| x.1).collect());
    v
}

/// The characters compared (CJK and letters, not digits, spaces or punctuation), with their
/// offsets in the prose text.
fn letters(p: &Prose) -> Vec<(usize, char)> {
    p.text.char_indices().filter(|(_, c)| crate::text::is_ideograph(*c) || c.is_ascii_alphabetic()).collect()
}

/// Share of `this` covered by n-grams that also occur in `previous`, and the covered runs
/// (indices into `this`).
pub fn overlap(this: &[char], previous: &[char]) -> (f64, Vec<(usize, usize)>) {
    overlap_n(this, previous, NGRAM)
}

pub fn overlap_n(this: &[char], previous: &[char], n: usize) -> (f64, Vec<(usize, usize)>) {
    if this.len() < n || previous.len() < n {
        return (0.0, Vec::new());
    }
    let grams: std::collections::HashSet<&[char]> = previous.windows(n).collect();
    let mut covered = vec![false; this.len()];
    for (i, w) in this.windows(n).enumerate() {
        if grams.contains(w) {
            covered[i..i + n].iter_mut().for_each(|c| *c = true);
        }
    }
    let share = covered.iter().filter(|c| **c).count() as f64 / this.len() as f64;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < covered.len() {
        if covered[i] {
            let s = i;
            while i < covered.len() && covered[i] {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    (share, runs)
}

/// The passages of `this` (index ranges) that repeat `previous` — runs of shared n-grams at
/// least `X03_MIN_PASSAGE` characters long, so that set phrases every report uses
/// (「政府信息公开工作」) do not count — and the share of `this` they cover.
pub fn repeated_passages(this: &[char], previous: &[char]) -> (Vec<(usize, usize)>, f64) {
    let (_, runs) = overlap(this, previous);
    let passages: Vec<(usize, usize)> = runs.into_iter().filter(|(s, e)| e - s >= X03_MIN_PASSAGE).collect();
    let covered: usize = passages.iter().map(|(s, e)| e - s).sum();
    let share = if this.is_empty() { 0.0 } else { covered as f64 / this.len() as f64 };
    (passages, share)
}

/// X03.
fn repeated(this_text: &str, previous_text: &str, out: &mut Vec<Diagnostic>) {
    let mut prev_chars: Vec<char> = Vec::new();
    prose_of(previous_text, &mut |_, p| prev_chars = letters(p).into_iter().map(|x| x.1).collect());
    prose_of(this_text, &mut |doc, p| {
        let mine = letters(p);
        if mine.len() < X03_MIN_CHARS {
            return;
        }
        let chars: Vec<char> = mine.iter().map(|x| x.1).collect();
        let (passages, share) = repeated_passages(&chars, &prev_chars);
        if share <= X03_THRESHOLD {
            return;
        }
        // Point at each paragraph of a passage separately: a passage never spans a heading or
        // a table between two sections.
        let mut passages: Vec<(usize, usize)> = passages
            .into_iter()
            .flat_map(|(s, e)| {
                let mut parts = Vec::new();
                let mut start = s;
                for k in s + 1..e {
                    if p.text[mine[k - 1].0..mine[k].0].contains('\n') {
                        parts.push((start, k));
                        start = k;
                    }
                }
                parts.push((start, e));
                parts
            })
            .collect();
        let longest: Vec<String> = {
            let mut by_len = passages.clone();
            by_len.sort_by_key(|(s, e)| std::cmp::Reverse(e - s));
            by_len.iter().take(2).map(|(s, e)| chars[*s..(*e).min(*s + 24)].iter().collect::<String>() + if e - s > 24 { "…" } else { "" }).collect()
        };
        passages.truncate(200);
        let spans: Vec<_> = passages
            .iter()
            .map(|&(s, e)| {
                let start = mine[s].0;
                let end = mine[e - 1].0 + mine[e - 1].1.len_utf8();
                p.span(doc, start, end)
            })
            .collect();
        if spans.is_empty() {
            return;
        }
        let covered = (share * chars.len() as f64).round() as usize;
        out.push(diag(
            Code::X03,
            format!(
                "第一、五、六部分的文字约 {:.0}% 与上年报告相同（{} 字中约 {} 字，数字不计）。标出的是与上年相同的段落，如「{}」。有的地区考核对照搬上年报告扣分，请按本年实际情况重写。",
                share * 100.0,
                chars.len(),
                covered,
                longest.join("」「")
            ),
            spans,
        ));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_shared_ngrams() {
        let a: Vec<char> = "我局认真贯彻落实政府信息公开条例要求不断完善公开制度".chars().collect();
        let (share, runs) = overlap(&a, &a);
        assert_eq!(share, 1.0);
        assert_eq!(runs, vec![(0, a.len())]);
        let b: Vec<char> = "今年重点围绕优化营商环境开展专题公开工作成效明显".chars().collect();
        assert_eq!(overlap(&a, &b).0, 0.0);
        let mut c = a.clone();
        c.extend(b.iter());
        let (share, runs) = overlap(&c, &a);
        assert!((share - a.len() as f64 / c.len() as f64).abs() < 1e-9);
        assert_eq!(runs, vec![(0, a.len())]);
    }
}
