//! The prose against tables 三 and 四: counts of applications (C01), "none received" against
//! the table (C02), counts of 行政复议/行政诉讼 (C03), "all completed" against 结转下年度 (C04).
//!
//! Which statements are read and which are left alone is decided in `claims` (keywords, topic,
//! scope). Here each statement is compared with every value the table can be said to show: the
//! printed total and, where the printed total does not add up (A01/A04 say so), the sum of its
//! parts; 「收到 N 件」 may mean 新收 or 新收 + 上年结转; 「行政诉讼 N 件」 may mean both kinds of
//! suit or only 直接起诉. A statement that matches any of them is fine.

use super::Code;
use super::Context;
use super::{diag, with_cells};
use crate::doc::Doc;
use crate::model::{CellRef, Diagnostic, Span, TableRead, Value};
use crate::prose::claims::{self, Claim, What};
use crate::prose::Prose;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let prose = cx.prose();
    let agency = doc.title.as_ref().and_then(|t| t.agency.as_deref());
    let found = claims::read(&prose, doc.year, agency);
    // The findings over the limit are dropped as they come (a long text can hold thousands).
    let mut limit = super::Limiter::new(out.len(), 30);
    // A table whose digits could be split in several ways (P02) or that was only partly read
    // (P01) is not compared: the prose would be checked against a guess.
    let t3 = sure(&doc.t3);
    let t4 = sure(&doc.t4);
    // How the last 「行政诉讼 N 件」 was meant: both kinds of suit (true) or 直接起诉 only (false);
    // its parts (「其中结果维持…」) are read the same way.
    let mut both_suits: Option<bool> = None;
    for c in &found.counts {
        if c.what.is_dispute() {
            if let Some(t4) = t4 {
                dispute(doc, &prose, t4, c, &mut both_suits, out);
            }
        } else if let Some(t3) = t3 {
            application(doc, &prose, t3, c, out);
        }
        limit.cap(out);
    }
    if let Some(t3) = t3 {
        for &(s, e) in &found.none_received {
            none_received(doc, &prose, t3, (s, e), out);
            limit.cap(out);
        }
        for &(s, e) in &found.all_done {
            all_done(doc, &prose, t3, (s, e), out);
            limit.cap(out);
        }
    }
    limit.finish(out);
}

fn sure(t: &Option<(TableRead, crate::read::TableFacts)>) -> Option<&TableRead> {
    t.as_ref().filter(|(_, f)| f.ambiguous.is_empty() && f.unread.is_empty()).map(|t| &t.0)
}

/// A table value as the set of numbers it can be taken to be, and the cell that shows it.
struct Val {
    values: Vec<i64>,
    cell: Option<(CellRef, Span)>,
}

fn int(c: Option<&crate::model::Cell>) -> Option<i64> {
    c.and_then(|c| match c.value {
        Value::Int(n) => Some(n),
        _ => None,
    })
}

/// Table 三, one row's 总计: the printed total, and the sum of the row when it differs.
fn t3_total(t: &TableRead, row: &'static str) -> Option<Val> {
    let r = t.row(row)?;
    let printed = int(t.cell(row, "total"));
    // The applicant columns' sum, when every one of them holds a number.
    let is_part = |k: &str| !matches!(k, "total" | "legal_subtotal");
    let (mut read, mut sum) = (0, Some(0i64));
    for (_, c) in t.columns.iter().zip(&r.cells).filter(|(k, _)| is_part(k)) {
        read += 1;
        sum = sum.zip(int(Some(c))).map(|(s, v)| s + v);
    }
    let n_parts = t.columns.iter().filter(|k| is_part(k)).count();
    let sum = if read == n_parts { sum } else { None };
    let mut values: Vec<i64> = printed.into_iter().chain(sum).collect();
    values.dedup();
    if values.is_empty() {
        return None;
    }
    let cell = match t.cell(row, "total") {
        Some(c) => c.span.map(|s| (CellRef::new("t3", row, "total", "total"), s)),
        None => r.label_span.map(|s| (CellRef::new("t3", row, "total", "total"), s)),
    };
    Some(Val { values, cell })
}

/// Table 四, one block's column: the printed value, and for 总计 the sum of the block's parts.
fn t4_value(t: &TableRead, block: &'static str, column: &'static str) -> Option<Val> {
    let printed = int(t.cell(block, column));
    let mut values: Vec<i64> = printed.into_iter().collect();
    if column == "total" {
        let parts: Vec<Option<i64>> = ["upheld", "corrected", "other", "pending"].iter().map(|c| int(t.cell(block, c))).collect();
        if parts.iter().all(|p| p.is_some()) {
            values.push(parts.iter().flatten().sum());
        }
    }
    values.dedup();
    if values.is_empty() {
        return None;
    }
    let cell = t.cell(block, column).and_then(|c| c.span).map(|s| (CellRef::new("t4", block, column, "total"), s));
    Some(Val { values, cell })
}

/// Every value of a + b.
fn plus(a: &Val, b: &Val) -> Vec<i64> {
    let mut v: Vec<i64> = a.values.iter().flat_map(|x| b.values.iter().map(move |y| x + y)).collect();
    v.sort();
    v.dedup();
    v
}

fn shown(v: &[i64]) -> String {
    v.first().map(|x| x.to_string()).unwrap_or_default()
}

fn finding(doc: &Doc, prose: &Prose, code: Code, c: &Claim, message: String, cells: Vec<&Val>, expected: Option<i64>) -> Diagnostic {
    let mut spans = vec![prose.span(doc, c.num.0, c.num.1)];
    let mut refs = Vec::new();
    for v in cells {
        if let Some((r, s)) = &v.cell {
            spans.push(*s);
            refs.push(r.clone());
        }
    }
    let mut d = with_cells(diag(code, message, spans), refs);
    d.actual = Some(c.value as f64);
    if let Some(e) = expected {
        d.expected = Some(e as f64);
        d.suggestion = Some(e.to_string());
    }
    d
}

fn application(doc: &Doc, prose: &Prose, t3: &TableRead, c: &Claim, out: &mut Vec<Diagnostic>) {
    let (Some(new), co, done, fw) = (t3_total(t3, "new"), t3_total(t3, "carried_over"), t3_total(t3, "total"), t3_total(t3, "carried_forward")) else {
        return;
    };
    let said = &prose.text[c.phrase.0..c.phrase.1];
    let zero_co = co.as_ref().is_none_or(|co| co.values.iter().all(|v| *v == 0));
    // (acceptable values, what the table says, cells to show)
    let (ok, explain, cells): (Vec<i64>, String, Vec<&Val>) = match c.what {
        What::New => (new.values.clone(), format!("表三本年新收政府信息公开申请总计为 {}", shown(&new.values)), vec![&new]),
        What::Received | What::Handled => {
            let mut v = new.values.clone();
            let mut cells = vec![&new];
            let mut explain = format!("表三本年新收政府信息公开申请 {} 件", shown(&new.values));
            if let (Some(co), false) = (&co, zero_co) {
                v.extend(plus(&new, co));
                cells.push(co);
                explain.push_str(&format!("，加上年结转 {} 件共 {} 件", shown(&co.values), shown(&plus(&new, co))));
            }
            if c.what == What::Handled {
                if let Some(d) = &done {
                    v.extend(d.values.iter().copied());
                    cells.push(d);
                    explain.push_str(&format!("，本年度办结 {} 件", shown(&d.values)));
                }
            }
            (v, explain, cells)
        }
        What::CarriedOver => match &co {
            Some(co) => (co.values.clone(), format!("表三「二、上年结转政府信息公开申请数量」总计为 {}", shown(&co.values)), vec![co]),
            None => return,
        },
        What::Done => match &done {
            Some(d) => (d.values.clone(), format!("表三「三、本年度办理结果（七）总计」为 {}", shown(&d.values)), vec![d]),
            None => return,
        },
        What::CarriedForward => match &fw {
            Some(f) => (f.values.clone(), format!("表三「四、结转下年度继续办理」总计为 {}", shown(&f.values)), vec![f]),
            None => return,
        },
        _ => return,
    };
    if ok.contains(&c.value) {
        return;
    }
    let received_kind = matches!(c.what, What::New | What::Received | What::Handled);
    let table_none = new.values.iter().all(|v| *v == 0) && co.as_ref().is_none_or(|co| co.values.iter().all(|v| *v == 0));
    if received_kind && c.value == 0 && new.values.iter().all(|v| *v > 0) {
        out.push(finding(
            doc,
            prose,
            Code::C02,
            c,
            format!("正文说「{}」（没有申请），但表三本年新收政府信息公开申请 {} 件。正文和表格必须一致。", said, shown(&new.values)),
            vec![&new],
            None,
        ));
        return;
    }
    if received_kind && c.value > 0 && table_none {
        out.push(finding(
            doc,
            prose,
            Code::C02,
            c,
            format!("正文说「{}」，但表三本年新收和上年结转都是 0（没有申请）。正文和表格必须一致。", said),
            cells,
            None,
        ));
        return;
    }
    let single = if ok.iter().all(|v| *v == ok[0]) { Some(ok[0]) } else { None };
    let msg = format!("正文「{}」与表三不一致：{}。请核对正文或表格。", said, explain);
    out.push(finding(doc, prose, Code::C01, c, msg, cells, single));
}

fn dispute(doc: &Doc, prose: &Prose, t4: &TableRead, c: &Claim, both_suits: &mut Option<bool>, out: &mut Vec<Diagnostic>) {
    let said = &prose.text[c.phrase.0..c.phrase.1];
    let (ok, name, cells): (Vec<i64>, &str, Vec<Val>) = match c.what {
        What::Review => match t4_value(t4, "review", "total") {
            Some(v) => (v.values.clone(), "行政复议总计", vec![v]),
            None => return,
        },
        What::LitigationDirect => match t4_value(t4, "litigation_direct", "total") {
            Some(v) => (v.values.clone(), "行政诉讼（未经复议直接起诉）总计", vec![v]),
            None => return,
        },
        What::LitigationAfterReview => match t4_value(t4, "litigation_after_review", "total") {
            Some(v) => (v.values.clone(), "行政诉讼（复议后起诉）总计", vec![v]),
            None => return,
        },
        What::Litigation | What::LitigationPart(_) => {
            let col = if let What::LitigationPart(col) = c.what { col } else { "total" };
            let (Some(d), Some(a)) = (t4_value(t4, "litigation_direct", col), t4_value(t4, "litigation_after_review", col)) else {
                return;
            };
            let both = plus(&d, &a);
            let mut v = Vec::new();
            if c.what == What::Litigation {
                *both_suits = if both.contains(&c.value) {
                    Some(true)
                } else if d.values.contains(&c.value) {
                    Some(false)
                } else {
                    None
                };
            }
            if *both_suits != Some(false) {
                v.extend(both.iter().copied());
            }
            if *both_suits != Some(true) {
                v.extend(d.values.iter().copied());
            }
            let name = if col == "total" { "行政诉讼（直接起诉与复议后起诉）总计" } else { column_of_both(col) };
            (v, name, vec![d, a])
        }
        What::ReviewPart(col) => match t4_value(t4, "review", col) {
            Some(v) => (v.values.clone(), column_of_review(col), vec![v]),
            None => return,
        },
        _ => return,
    };
    if ok.contains(&c.value) {
        return;
    }
    let first = ok[0];
    let msg = if c.value == 0 && c.num == c.phrase {
        format!("正文说「{}」，但表四{}为 {}。正文和表格必须一致。", said, name, first)
    } else {
        format!("正文「{}」与表四不一致：表四{}为 {}。请核对正文或表格。", said, name, first)
    };
    let single = if ok.iter().all(|v| *v == first) && c.num != c.phrase { Some(first) } else { None };
    out.push(finding(doc, prose, Code::C03, c, msg, cells.iter().collect(), single));
}

fn column_of_review(col: &str) -> &'static str {
    match col {
        "upheld" => "行政复议「结果维持」",
        "corrected" => "行政复议「结果纠正」",
        "other" => "行政复议「其他结果」",
        _ => "行政复议「尚未审结」",
    }
}

fn column_of_both(col: &str) -> &'static str {
    match col {
        "upheld" => "行政诉讼「结果维持」（两类起诉合计）",
        "corrected" => "行政诉讼「结果纠正」（两类起诉合计）",
        "other" => "行政诉讼「其他结果」（两类起诉合计）",
        _ => "行政诉讼「尚未审结」（两类起诉合计）",
    }
}

fn none_received(doc: &Doc, prose: &Prose, t3: &TableRead, (s, e): (usize, usize), out: &mut Vec<Diagnostic>) {
    let Some(new) = t3_total(t3, "new") else { return };
    if new.values.iter().any(|v| *v == 0) {
        return;
    }
    let said = &prose.text[s..e];
    let mut spans = vec![prose.span(doc, s, e)];
    let mut cells = Vec::new();
    if let Some((r, sp)) = &new.cell {
        spans.push(*sp);
        cells.push(r.clone());
    }
    let mut d = with_cells(
        diag(Code::C02, format!("正文说「{}」（没有收到申请），但表三本年新收政府信息公开申请 {} 件。正文和表格必须一致。", said, shown(&new.values)), spans),
        cells,
    );
    d.expected = Some(new.values[0] as f64);
    d.actual = Some(0.0);
    out.push(d);
}

fn all_done(doc: &Doc, prose: &Prose, t3: &TableRead, (s, e): (usize, usize), out: &mut Vec<Diagnostic>) {
    let Some(fw) = t3_total(t3, "carried_forward") else { return };
    if fw.values.iter().any(|v| *v == 0) {
        return;
    }
    let said = &prose.text[s..e];
    let mut spans = vec![prose.span(doc, s, e)];
    let mut cells = Vec::new();
    if let Some((r, sp)) = &fw.cell {
        spans.push(*sp);
        cells.push(r.clone());
    }
    out.push(with_cells(
        diag(
            Code::C04,
            format!("正文说申请「{}」，但表三「四、结转下年度继续办理」为 {} 件：还有申请没有办结。请核对正文或表格。", said, shown(&fw.values)),
            spans,
        ),
        cells,
    ));
}
