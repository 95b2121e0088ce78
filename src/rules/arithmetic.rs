//! The sums of the format (A01–A05), applied from `format::SUMS` to whatever was read. A sum
//! with a cell the reader was unsure of (`certain: false`) is not checked: a wrong finding costs
//! more than a missed one.
//!
//! Every sum becomes an equation Σ left = Σ right over cells. When one cell is in several
//! failed equations, is in no equation that holds, and the same corrected value would balance
//! all of them, that cell is named as the likely error with the value that would be right.

use super::Context;
use super::{diag, Code};
use crate::format::{cell_name, column_label, row_label, short_t3_label, t3_row, SumShape, SUMS};
use crate::model::{same_key, CellRef, Diagnostic, RowRead, Span, TableRead, Value};

#[derive(Clone)]
struct Term {
    row: &'static str,
    column: &'static str,
    value: i64,
    span: Option<Span>,
    /// The reader was sure of this cell (`Cell::certain`).
    certain: bool,
    /// The cell was left blank (it counts as 0; T05 asks for the 0).
    blank: bool,
}

struct Equation {
    code: Code,
    table: &'static str,
    /// Which row or column, for messages (words made only for a failed sum).
    place: Place,
    left: Vec<Term>,
    right: Vec<Term>,
    shape: u8, // 0 row-wise, 1 column-wise, 2 balance
}

#[derive(Clone, Copy)]
enum Place {
    Row(&'static str),
    Column(&'static str),
}

impl Place {
    fn text(self, table: &str) -> String {
        match self {
            Place::Row(key) if table == "t3" => format!("「{}」行", t3_row(key).map(short_t3_label).unwrap_or_default()),
            Place::Row(key) => row_label(table, key).to_string(),
            Place::Column(c) => format!("{}列", column_label(table, c)),
        }
    }
}

impl Equation {
    fn left_sum(&self) -> i64 {
        sum_of(&self.left)
    }
    fn right_sum(&self) -> i64 {
        sum_of(&self.right)
    }
    fn holds(&self) -> bool {
        self.left_sum() == self.right_sum()
    }
    fn contains(&self, row: &str, column: &str) -> Option<bool> {
        let at = |t: &Term| same_key(t.row, row) && same_key(t.column, column);
        if self.left.iter().any(at) {
            Some(true)
        } else if self.right.iter().any(at) {
            Some(false)
        } else {
            None
        }
    }
}

/// The number a sum uses: placeholders and blanks mean none (0; T05 reports them), a number
/// with a note counts its number, a decimal count is not summed (T07 reports it).
fn number(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        Value::Blank => Some(0),
        Value::Text(t) if crate::text::is_placeholder(t) => Some(0),
        Value::Text(t) => {
            let lead: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            lead.parse().ok()
        }
        Value::Decimal(_) => None,
    }
}

/// The rows of `keys`, or `None` when one is missing.
fn rows_of<'t>(t: &'t TableRead, keys: &[&'static str]) -> Option<Vec<&'t RowRead>> {
    keys.iter().map(|k| t.row(k)).collect()
}

/// `term` for a row already found.
fn term_of(t: &TableRead, r: &RowRead, column: &'static str) -> Option<Term> {
    if r.cells.len() != t.columns_of(r.key).len() {
        // A row of the wrong width: which value is which column cannot be told.
        return None;
    }
    let c = r.cells.get(t.column_index(r.key, column)?)?;
    Some(Term { row: r.key, column, value: number(&c.value)?, span: c.span, certain: c.certain, blank: c.value == Value::Blank })
}

/// `term_of` for a column at a known place in the table's columns (a table whose rows all have
/// the same columns).
fn term_in(t: &TableRead, r: &RowRead, place: usize, column: &'static str) -> Option<Term> {
    if r.cells.len() != t.columns.len() {
        return None;
    }
    let c = r.cells.get(place)?;
    Some(Term { row: r.key, column, value: number(&c.value)?, span: c.span, certain: c.certain, blank: c.value == Value::Blank })
}

/// Fill `buf` with one term per key; false when one is missing (then there is no equation).
fn fill(buf: &mut Vec<Term>, terms: impl Iterator<Item = Option<Term>>) -> bool {
    buf.clear();
    for t in terms {
        match t {
            Some(t) => buf.push(t),
            None => return false,
        }
    }
    true
}

/// Every equation of the format over this table, given to `f` as (code, place, left, right,
/// shape). The terms are lent from two buffers reused for all equations: most reports balance,
/// and then nothing needs to be kept. (`f` is a trait object: one copy of this function, not
/// one per caller, in the page's wasm.)
fn each_equation(t: &TableRead, f: &mut dyn FnMut(Code, Place, &[Term], &[Term], u8)) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for sum in SUMS.iter().filter(|s| s.table == t.table) {
        match &sum.shape {
            SumShape::RowWise { parts, total } => {
                if !t.columns.iter().any(|c| same_key(c, total)) {
                    continue;
                }
                // The parts this table has, worked out once for all its rows.
                let present: Vec<&'static str> = parts.iter().copied().filter(|c| t.columns.iter().any(|k| same_key(k, c))).collect();
                // Where they stand, when every row has the table's columns (not table 二).
                let at = |c: &str| t.columns.iter().position(|k| same_key(k, c));
                let places: Option<(Vec<usize>, usize)> =
                    if t.table == "t2" { None } else { present.iter().map(|c| at(c)).collect::<Option<Vec<_>>>().zip(at(total)) };
                for r in &t.rows {
                    let filled = match &places {
                        Some((p, ti)) => {
                            fill(&mut left, p.iter().zip(&present).map(|(&i, c)| term_in(t, r, i, c)))
                                && fill(&mut right, std::iter::once(term_in(t, r, *ti, total)))
                        }
                        None => fill(&mut left, present.iter().map(|c| term_of(t, r, c))) && fill(&mut right, std::iter::once(term_of(t, r, total))),
                    };
                    if filled {
                        f(sum.code, Place::Row(r.key), &left, &right, 0);
                    }
                }
            }
            SumShape::ColumnWise { parts, total } => {
                let items: Vec<&'static str> = if t.row("other").is_some() {
                    parts.iter().copied().filter(|k| !k.starts_with("other_")).collect()
                } else {
                    parts.iter().copied().filter(|k| *k != "other").collect()
                };
                // The rows looked up once for all columns (a missing row leaves no equation).
                let (Some(items), Some(total)) = (rows_of(t, &items), t.row(total)) else { continue };
                for c in &t.columns {
                    if fill(&mut left, items.iter().map(|r| term_of(t, r, c))) && fill(&mut right, std::iter::once(term_of(t, total, c))) {
                        f(sum.code, Place::Column(c), &left, &right, 1);
                    }
                }
            }
            SumShape::ColumnBalance { lhs, rhs } => {
                let (Some(lhs), Some(rhs)) = (rows_of(t, lhs), rows_of(t, rhs)) else { continue };
                for c in &t.columns {
                    if fill(&mut left, lhs.iter().map(|r| term_of(t, r, c))) && fill(&mut right, rhs.iter().map(|r| term_of(t, r, c))) {
                        f(sum.code, Place::Column(c), &left, &right, 2);
                    }
                }
            }
        }
    }
}

/// The equations whose every cell the reader was sure of (no sum rests on an uncertain cell).
fn equations(t: &TableRead) -> Vec<Equation> {
    let mut out = Vec::new();
    each_equation(t, &mut |code, place, left, right, shape| {
        if all_certain(left, right) && !total_left_blank(t, right, shape) {
            out.push(Equation { code, table: t.table, place, left: left.to_vec(), right: right.to_vec(), shape })
        }
    });
    out
}

fn all_certain(left: &[Term], right: &[Term]) -> bool {
    left.iter().chain(right).all(|t| t.certain)
}

/// A total the report left blank together with every other total of its kind: a whole 总计
/// column (or the whole （七）总计 row) not filled in, as 2019-format pages do. That is T05's
/// finding; the sums are not checked against totals nobody wrote. (One blank total among
/// filled ones counts as 0 like any blank cell; so do blank totals whose parts are all blank
/// or 0 but one: a page that leaves every 0 blank, with one sum that does not hold.)
fn total_left_blank(t: &TableRead, right: &[Term], shape: u8) -> bool {
    if shape == 2 || right.len() != 1 || !right[0].blank {
        return false;
    }
    let blank = |c: &crate::model::Cell| matches!(c.value, Value::Blank);
    let all_blank = match shape {
        0 => t.rows.iter().all(|r| t.column_index(r.key, right[0].column).and_then(|i| r.cells.get(i)).is_none_or(blank)),
        _ => t.row(right[0].row).is_some_and(|r| r.cells.iter().all(blank)),
    };
    if !all_blank {
        return false;
    }
    // Totals nobody wrote stand where numbers were due: at least two of them over parts that
    // are not all 0.
    let mut unwritten = 0;
    each_equation(t, &mut |_, _, l, r, sh| unwritten += usize::from(sh == shape && r.len() == 1 && r[0].blank && sum_of(l) != 0));
    unwritten >= 2
}

/// How many of the table's sums do not hold among those that rest on an uncertain cell (they
/// are not reported as errors; the reading note says so).
pub fn uncertain_failures(t: &TableRead) -> usize {
    let mut n = 0;
    each_equation(t, &mut |_, _, left, right, _| n += usize::from(!all_certain(left, right) && sum_of(left) != sum_of(right)));
    n
}

fn sum_of(terms: &[Term]) -> i64 {
    terms.iter().map(|t| t.value).sum()
}

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for id in ["t3", "t4"] {
        let Some((table, _)) = doc.table(id) else {
            continue;
        };
        // Most tables balance: then no equation needs to be kept.
        let mut any_failed = false;
        each_equation(table, &mut |_, _, left, right, shape| {
            any_failed |= all_certain(left, right) && !total_left_blank(table, right, shape) && sum_of(left) != sum_of(right)
        });
        if !any_failed {
            continue;
        }
        let eqs = equations(table);
        let failed: Vec<usize> = (0..eqs.len()).filter(|&i| !eqs[i].holds()).collect();
        // Suspects: (row, column, corrected value, equations explained).
        let mut suspects: Vec<(&'static str, &'static str, i64, Vec<usize>, Option<Span>, i64)> = Vec::new();
        for &fi in &failed {
            for t in eqs[fi].left.iter().chain(eqs[fi].right.iter()) {
                if suspects.iter().any(|s| same_key(s.0, t.row) && same_key(s.1, t.column)) {
                    continue;
                }
                let mut corrected: Option<i64> = None;
                let mut all_fail = true;
                let mut consistent = true;
                let mut mine = Vec::new();
                for (i, e) in eqs.iter().enumerate() {
                    let Some(on_left) = e.contains(t.row, t.column) else {
                        continue;
                    };
                    if e.holds() {
                        all_fail = false;
                        break;
                    }
                    let r = e.left_sum() - e.right_sum();
                    let fix = if on_left { t.value - r } else { t.value + r };
                    match corrected {
                        None => corrected = Some(fix),
                        Some(c) if c != fix => consistent = false,
                        _ => {}
                    }
                    mine.push(i);
                }
                if all_fail && consistent && mine.len() >= 2 {
                    if let Some(c) = corrected.filter(|c| *c >= 0) {
                        suspects.push((t.row, t.column, c, mine, t.span, t.value));
                    }
                }
            }
        }
        for &fi in &failed {
            let e = &eqs[fi];
            let explaining: Vec<_> = suspects.iter().filter(|s| s.3.contains(&fi)).collect();
            let suspect = if explaining.len() == 1 { Some(explaining[0]) } else { None };
            let (expected, actual) = (e.left_sum(), e.right_sum());
            let tname = if id == "t3" { "表三" } else { "表四" };
            let place = e.place.text(e.table);
            // A blank total is said to be blank, not 0.
            let written = if e.right.len() == 1 && e.right[0].blank { "是空白".to_string() } else { format!("填的是 {}", actual) };
            let mut msg = match e.shape {
                0 => format!(
                    "{}{}：{} = {}，但{}{}。",
                    tname,
                    place,
                    terms_text(e.table, &e.left, true),
                    expected,
                    column_label(e.table, e.right[0].column),
                    written
                ),
                1 => format!("{}{}：（一）至（六）各项办理结果之和为 {}，但（七）总计{}。", tname, place, expected, written),
                _ => format!(
                    "{}{}：第一项加第二项（{} = {}）应等于第三项加第四项（{} = {}）。",
                    tname,
                    place,
                    terms_text(e.table, &e.left, false),
                    expected,
                    terms_text(e.table, &e.right, false),
                    actual
                ),
            };
            let mut spans = Vec::new();
            let mut cells = Vec::new();
            if let Some(s) = suspect {
                msg.push_str(&format!(
                    "{}填的是 {}，改为 {} 可同时使{}平衡，很可能是这个数填错了。",
                    cell_name(e.table, s.0, s.1),
                    s.5,
                    s.2,
                    if s.3.len() >= 3 { "所在行和所在列" } else { "这几处合计" }
                ));
                if let Some(sp) = s.4 {
                    spans.push(sp);
                }
                let side = if e.contains(s.0, s.1) == Some(true) { "part" } else { "total" };
                cells.push(CellRef::new(e.table, s.0, s.1, "suspect").with_side(side));
            }
            for t in &e.right {
                if suspect.map(|s| s.0 == t.row && s.1 == t.column).unwrap_or(false) {
                    continue;
                }
                if let Some(sp) = t.span {
                    spans.push(sp);
                }
                cells.push(CellRef::new(e.table, t.row, t.column, "total"));
            }
            for t in &e.left {
                if suspect.map(|s| s.0 == t.row && s.1 == t.column).unwrap_or(false) {
                    continue;
                }
                if let Some(sp) = t.span {
                    spans.push(sp);
                }
                cells.push(CellRef::new(e.table, t.row, t.column, "part"));
            }
            let mut d = diag(e.code, msg, spans);
            d.cells = cells;
            d.expected = Some(expected as f64);
            d.actual = Some(actual as f64);
            d.suggestion = suspect.map(|s| s.2.to_string()).or_else(|| if e.shape != 2 { Some(expected.to_string()) } else { None });
            out.push(d);
        }
    }
}

fn terms_text(table: &str, terms: &[Term], by_column: bool) -> String {
    let show: Vec<String> = terms
        .iter()
        .map(|t| {
            let name = if by_column {
                column_label(table, t.column).to_string()
            } else {
                match t.row {
                    "new" => "本年新收".into(),
                    "carried_over" => "上年结转".into(),
                    "total" => "（七）总计".into(),
                    "carried_forward" => "结转下年度".into(),
                    k => row_label(table, k).to_string(),
                }
            };
            if t.blank {
                format!("{} 空白（按 0 计）", name)
            } else {
                format!("{} {}", name, t.value)
            }
        })
        .collect();
    show.join(" + ")
}
