//! The counts the prose states choosing among a table's balanced readings (issue 12). Web text
//! whose cells ran together (「一、本年新收政府信息公开申请数量801000081」) may split in several
//! ways that balance every sum; the readers keep them all (`TableFacts::readings`). When the
//! report's own prose states a count of one of the cells they differ on (「本年度共收到政府信息
//! 公开申请81件」), the readings that disagree with it are not what the page showed.
//!
//! Only ever a choice among readings that already balance every sum: the prose never makes a
//! value, so no sum can fail because of it. The statements are `claims::read`'s (keywords,
//! topic, the agency's own scope); one that may mean several cells (「收到」: 新收, or 新收 +
//! 上年结转) is used only where its meanings come to the same cells' value. A reading is kept
//! when it agrees with every statement naming a cell of the table; exactly one kept is taken,
//! its cells certain, and the table's notes say which statement decided it (P03). None kept
//! (the prose may be wrong, or of another scope) or several: nothing changes — the cells stay
//! uncertain with every reading listed (P02), and C01/C03 compare nothing against a guess.

use super::claims::{self, Claim, What};
use super::Prose;
use crate::doc::Doc;
use crate::model::{same_key, TableRead, Value};
use crate::read::tokens::{Kind, Tok};
use crate::read::{Decided, Readings, TableFacts};

/// A statement as a table's cells: the sum of `cells` (row, column) is `claim.value`.
struct Stated<'a> {
    claim: &'a Claim,
    cells: Vec<(&'static str, &'static str)>,
    /// The cells in words, for the note.
    name: &'static str,
}

/// Choose among the readings of tables 三 and 四 what the prose states, where it decides.
pub fn settle(doc: &mut Doc) {
    let kept = |t: &Option<(TableRead, TableFacts)>| t.as_ref().is_some_and(|t| !t.1.readings.is_empty());
    if !kept(&doc.t3) && !kept(&doc.t4) {
        return;
    }
    let prose = Prose::read(doc);
    let agency = doc.title.as_ref().and_then(|t| t.agency.clone());
    let found = claims::read(&prose, doc.year, agency.as_deref());
    // Counts only: a "none" statement (「未发生…行政复议」) has no number to point at.
    let counts: Vec<&Claim> = found.counts.iter().filter(|c| c.num != c.phrase).collect();
    if counts.is_empty() {
        return;
    }
    let src = doc.src;
    for (id, table) in [("t3", &mut doc.t3), ("t4", &mut doc.t4)] {
        let Some((t, facts)) = table.as_mut() else { continue };
        if facts.readings.is_empty() {
            continue;
        }
        let stated: Vec<Stated> = counts.iter().filter_map(|c| cells_of(id, c, t, &facts.readings)).collect();
        let mut settled: Vec<usize> = Vec::new();
        for (entry, left, by) in choose(t, &facts.readings, &stated) {
            let r = &facts.readings[entry];
            // The cells the readings left agree on are certain; where they still differ (only
            // in which cells are blank and which 0: the numbers are the same), they are not.
            let mut open: Vec<(&'static str, usize)> = Vec::new();
            for (k, &(row, ci)) in r.cells.iter().enumerate() {
                let tok = &r.readings[left[0]][k];
                let same = left.iter().all(|&i| same_cell(&r.readings[i][k], tok));
                let Some(cell) = t.rows.iter_mut().find(|x| same_key(x.key, row)).and_then(|x| x.cells.get_mut(ci)) else { continue };
                if let Kind::Val(v) = &tok.kind {
                    cell.value = v.clone();
                }
                cell.span = Some(src.span(tok.start, tok.end));
                if same {
                    cell.certain = true;
                    cell.reason = None;
                } else {
                    open.push((row, ci));
                }
            }
            // Each run's P02 goes, or, where blank cells are still open, says only that.
            let mut runs = Vec::new();
            for a in facts.ambiguous.iter_mut().filter(|a| r.runs.contains(&a.start)) {
                runs.push((a.row, a.start, a.end));
                let rows: Vec<&str> = if id == "t4" { vec!["review", "litigation_direct", "litigation_after_review"] } else { vec![a.row] };
                if open.iter().any(|o| rows.contains(&o.0)) {
                    let values: Vec<i64> = rows
                        .iter()
                        .filter_map(|k| t.rows.iter().find(|x| same_key(x.key, k)))
                        .flat_map(|x| x.cells.iter().map(|c| number(&c.value).unwrap_or(0)))
                        .collect();
                    *a = crate::read::Ambiguity::new(a.row, a.start, a.end, &[values], Some(0));
                } else {
                    a.readings.clear();
                }
            }
            facts.ambiguous.retain(|a| !a.readings.is_empty());
            let by = by
                .iter()
                .map(|s| {
                    (
                        prose.reader_range(s.claim.num.0, s.claim.num.1),
                        prose.text[s.claim.phrase.0..s.claim.phrase.1].to_string(),
                        s.name.to_string(),
                        s.claim.value,
                    )
                })
                .collect();
            facts.decided.push(Decided { readings: values_of(r).len(), by, cells: r.cells.clone(), open, runs });
            settled.push(entry);
        }
        // (What was chosen is settled; what was not stays as the reader left it.)
        let mut e = 0;
        facts.readings.retain(|_| {
            e += 1;
            !settled.contains(&(e - 1))
        });
    }
}

/// Two readings of a cell are the same: the same value at the same place (a blank cell's place
/// is no place).
fn same_cell(a: &Tok, b: &Tok) -> bool {
    a.kind == b.kind && (a.start == b.start || a.kind == Kind::Val(Value::Blank))
}

/// The numbers of each reading (blank as 0), each once: the readings as the sums see them.
fn values_of(r: &Readings) -> Vec<Vec<Option<i64>>> {
    let mut out: Vec<Vec<Option<i64>>> = Vec::new();
    for x in &r.readings {
        let v: Vec<Option<i64>> = x.iter().map(|t| if let Kind::Val(v) = &t.kind { number(v) } else { None }).collect();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The readings to take: (entry of `readings`, the readings left — all with the same numbers,
/// the statements that excluded some other reading). Nothing when some statement agrees with
/// no reading of the table.
fn choose<'a>(t: &TableRead, readings: &[Readings], stated: &'a [Stated<'a>]) -> Vec<(usize, Vec<usize>, Vec<&'a Stated<'a>>)> {
    // Per entry: the statements naming its cells (a statement tying two entries is not used).
    let mut on: Vec<Vec<&Stated>> = vec![Vec::new(); readings.len()];
    for s in stated {
        // A cell the table shows uncertain for another reason: the statement is not used.
        let outside = |&(row, col): &(&str, &str)| entry_of(t, readings, row, col).is_none();
        if s.cells.iter().filter(|c| outside(c)).any(|&(row, col)| cell_value(t, readings, None, row, col).is_none()) {
            continue;
        }
        let mut entries: Vec<usize> = s.cells.iter().filter_map(|&(row, col)| entry_of(t, readings, row, col).map(|e| e.0)).collect();
        entries.sort_unstable();
        entries.dedup();
        match entries.len() {
            // Cells every reading agrees on: a statement that contradicts them says the prose
            // is not to be relied on here.
            0 if value(t, readings, None, s) != Some(s.claim.value) => return Vec::new(),
            1 => on[entries[0]].push(s),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (e, r) in readings.iter().enumerate() {
        if on[e].is_empty() {
            continue;
        }
        let agrees = |i: usize, s: &Stated| value(t, readings, Some((e, i)), s) == Some(s.claim.value);
        let left: Vec<usize> = (0..r.readings.len()).filter(|&i| on[e].iter().all(|s| agrees(i, s))).collect();
        if left.is_empty() {
            return Vec::new();
        }
        // One set of numbers left, out of several.
        let numbers = |i: usize| -> Vec<Option<i64>> { r.readings[i].iter().map(|t| if let Kind::Val(v) = &t.kind { number(v) } else { None }).collect() };
        if values_of(r).len() >= 2 && left.iter().all(|&i| numbers(i) == numbers(left[0])) {
            let by = on[e].iter().copied().filter(|s| (0..r.readings.len()).any(|i| !agrees(i, s))).collect();
            out.push((e, left, by));
        }
    }
    out
}

/// Where a cell is among the readings: (entry, index in its `cells`).
fn entry_of(t: &TableRead, readings: &[Readings], row: &str, col: &str) -> Option<(usize, usize)> {
    let ci = t.column_index(row, col)?;
    readings.iter().enumerate().find_map(|(e, r)| r.cells.iter().position(|c| same_key(c.0, row) && c.1 == ci).map(|k| (e, k)))
}

fn number(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        // (A blank cell counts as 0 in every sum.)
        Value::Blank => Some(0),
        _ => None,
    }
}

/// The sum of a statement's cells in reading `at` (entry, reading) — cells outside it as the
/// table shows them, when they are certain.
fn value(t: &TableRead, readings: &[Readings], at: Option<(usize, usize)>, s: &Stated) -> Option<i64> {
    s.cells.iter().map(|&(row, col)| cell_value(t, readings, at, row, col)).sum()
}

fn cell_value(t: &TableRead, readings: &[Readings], at: Option<(usize, usize)>, row: &str, col: &str) -> Option<i64> {
    if let (Some((e, i)), Some((e2, k))) = (at, entry_of(t, readings, row, col)) {
        if e == e2 {
            return match &readings[e].readings[i][k].kind {
                Kind::Val(v) => number(v),
                Kind::Text => None,
            };
        }
    }
    let c = t.cell(row, col)?;
    if !c.certain {
        return None;
    }
    number(&c.value)
}

/// Every value a cell has in the readings (or the one the table shows).
fn possible(t: &TableRead, readings: &[Readings], row: &str, col: &str) -> Vec<Option<i64>> {
    match entry_of(t, readings, row, col) {
        Some((e, k)) => readings[e].readings.iter().map(|r: &Vec<Tok>| if let Kind::Val(v) = &r[k].kind { number(v) } else { None }).collect(),
        None => vec![t.cell(row, col).filter(|c| c.certain).and_then(|c| number(&c.value))],
    }
}

/// The cells of table `id` a statement names, when it names them for certain.
fn cells_of<'a>(id: &str, c: &'a Claim, t: &TableRead, readings: &[Readings]) -> Option<Stated<'a>> {
    let zero = |row: &str, col: &str| possible(t, readings, row, col).iter().all(|v| *v == Some(0));
    let (cells, name): (Vec<(&'static str, &'static str)>, &'static str) = match (id, c.what) {
        ("t3", What::New) => (vec![("new", "total")], "本年新收申请总计"),
        // 「收到 N 件」 is 新收, or 新收 + 上年结转: the same when nothing was carried over.
        ("t3", What::Received) if zero("carried_over", "total") => (vec![("new", "total")], "本年新收申请总计"),
        ("t3", What::CarriedOver) => (vec![("carried_over", "total")], "上年结转申请总计"),
        ("t3", What::Done) => (vec![("total", "total")], "办理结果总计"),
        ("t3", What::CarriedForward) => (vec![("carried_forward", "total")], "结转下年度继续办理总计"),
        ("t4", What::Review) => (vec![("review", "total")], "行政复议总计"),
        ("t4", What::LitigationDirect) => (vec![("litigation_direct", "total")], "行政诉讼（未经复议直接起诉）总计"),
        ("t4", What::LitigationAfterReview) => (vec![("litigation_after_review", "total")], "行政诉讼（复议后起诉）总计"),
        ("t4", What::ReviewPart(col)) => (vec![("review", col)], review_part(col)),
        // 「行政诉讼 N 件」 is both kinds of suit, or 直接起诉 alone: the same when there was no
        // suit after a review.
        ("t4", What::Litigation) if zero("litigation_after_review", "total") => {
            (vec![("litigation_direct", "total"), ("litigation_after_review", "total")], "行政诉讼总计")
        }
        ("t4", What::LitigationPart(col)) if zero("litigation_after_review", col) => {
            (vec![("litigation_direct", col), ("litigation_after_review", col)], litigation_part(col))
        }
        _ => return None,
    };
    // Only cells the table has (table 三 without its 总计 column has none of these).
    cells.iter().all(|&(row, col)| t.column_index(row, col).is_some() && t.row(row).is_some()).then_some(Stated { claim: c, cells, name })
}

fn review_part(col: &str) -> &'static str {
    match col {
        "upheld" => "行政复议结果维持",
        "corrected" => "行政复议结果纠正",
        "other" => "行政复议其他结果",
        _ => "行政复议尚未审结",
    }
}

fn litigation_part(col: &str) -> &'static str {
    match col {
        "upheld" => "行政诉讼结果维持",
        "corrected" => "行政诉讼结果纠正",
        "other" => "行政诉讼其他结果",
        _ => "行政诉讼尚未审结",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, RowRead};

    /// Table 三's four rows the prose counts, 总计 column only (the others 0), with `open`
    /// cells given by the readings instead.
    fn t3(totals: [(&'static str, i64, bool); 4]) -> TableRead {
        let columns = vec!["natural", "commercial", "research", "social", "legal", "other", "total"];
        let rows = totals
            .iter()
            .map(|&(key, total, certain)| {
                let mut cells: Vec<Cell> = (0..6).map(|_| Cell::new(Value::Int(0), None)).collect();
                let mut c = Cell::new(Value::Int(total), None);
                c.certain = certain;
                cells.push(c);
                RowRead { key, label_span: None, label_text: None, cells }
            })
            .collect();
        TableRead { table: "t3", columns, rows, span: None }
    }

    fn tok(v: i64) -> Tok {
        Tok { start: v as usize, end: v as usize + 1, kind: Kind::Val(Value::Int(v)) }
    }

    fn claim(what: What, value: i64) -> Claim {
        Claim { what, value, num: (0, 1), phrase: (0, 2) }
    }

    /// 新收 总计 read as 11 or 1 (and 办结 总计 with it).
    fn readings() -> Vec<Readings> {
        vec![Readings { cells: vec![("new", 6), ("total", 6)], readings: vec![vec![tok(11), tok(11)], vec![tok(1), tok(1)]], runs: vec![0] }]
    }

    fn chosen(t: &TableRead, claims: &[Claim]) -> Vec<(usize, Vec<usize>)> {
        let r = readings();
        let stated: Vec<Stated> = claims.iter().filter_map(|c| cells_of("t3", c, t, &r)).collect();
        choose(t, &r, &stated).into_iter().map(|(e, left, _)| (e, left)).collect()
    }

    #[test]
    fn counts_of_table_3_choose_where_they_name_one_cell() {
        let nothing_carried = t3([("new", 11, false), ("carried_over", 0, true), ("total", 11, false), ("carried_forward", 0, true)]);
        assert_eq!(chosen(&nothing_carried, &[claim(What::New, 1)]), vec![(0, vec![1])]);
        assert_eq!(chosen(&nothing_carried, &[claim(What::Done, 11)]), vec![(0, vec![0])]);
        // 「收到 11 件」: 新收 when nothing was carried over.
        assert_eq!(chosen(&nothing_carried, &[claim(What::Received, 11)]), vec![(0, vec![0])]);
        // Agreeing with neither, or two statements each agreeing with another: nothing.
        assert!(chosen(&nothing_carried, &[claim(What::New, 5)]).is_empty());
        assert!(chosen(&nothing_carried, &[claim(What::New, 11), claim(What::Done, 1)]).is_empty());
        // A statement contradicting a cell all readings share: the prose is not relied on.
        assert!(chosen(&nothing_carried, &[claim(What::New, 11), claim(What::CarriedOver, 2)]).is_empty());
        // 办理 may mean several cells: never used.
        assert!(chosen(&nothing_carried, &[claim(What::Handled, 11)]).is_empty());
    }

    #[test]
    fn received_is_not_used_when_it_may_mean_two_cells() {
        // Something carried over: 「收到 N 件」 may be 新收 or 新收 + 上年结转.
        let carried = t3([("new", 11, false), ("carried_over", 2, true), ("total", 11, false), ("carried_forward", 2, true)]);
        assert!(chosen(&carried, &[claim(What::Received, 11)]).is_empty());
        assert_eq!(chosen(&carried, &[claim(What::New, 11)]), vec![(0, vec![0])]);
        // 上年结转 itself uncertain for another reason: not known to be 0.
        let unsure = t3([("new", 11, false), ("carried_over", 0, false), ("total", 11, false), ("carried_forward", 0, true)]);
        assert!(chosen(&unsure, &[claim(What::Received, 11)]).is_empty());
        // Nor is a statement about a cell that is uncertain for another reason.
        assert!(chosen(&unsure, &[claim(What::CarriedOver, 0)]).is_empty());
    }
}
