//! Measuring what the checker read against what the generator printed (examples/quality.rs,
//! tests/real_forms.rs): each cell exact, marked uncertain, wrong or missing; arithmetic
//! findings a correct reading would not give; and whether an injected wrong number was caught
//! at its cell, only flagged by a reading note for its table, or missed.

use super::*;
use crate::model::{Report, TableRead};
use crate::value::Value;

/// What became of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Read with certainty, the value (and, where the generator knows it, the span) right.
    Exact,
    /// Marked `certain: false`, whatever its value.
    Uncertain,
    /// Read with certainty but wrong: another value, or the right value at other characters.
    Wrong,
    /// Not in the output.
    Missing,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Exact, Outcome::Uncertain, Outcome::Wrong, Outcome::Missing];
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where an injected wrong number ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caught {
    /// An A-finding names the injected cell.
    AtCell,
    /// No A-finding names it, but a P01/P02/P04 says the table could not be read surely.
    Flagged,
    Missed,
}

/// One cell's result.
#[derive(Clone, Debug)]
pub struct CellResult {
    pub cell: CellId,
    pub outcome: Outcome,
    /// How much of its place the text shows (generator's truth).
    pub shown: Shown,
    pub want: Value,
    /// What was read (`None`: missing).
    pub got: Option<Value>,
    /// The right value at other characters.
    pub span_only: bool,
    /// 2019 table 二 (its own keys, t2_2019.*: counted apart).
    pub t2_2019: bool,
}

/// One report measured.
#[derive(Clone, Debug)]
pub struct Measure {
    pub cells: Vec<CellResult>,
    /// A-findings a correct reading would not give: any on a report without an injected error,
    /// or one whose cells leave out the injected cell.
    pub false_a: Vec<String>,
    /// A-findings with a cell the reader marked uncertain among their cells.
    pub a_on_uncertain: Vec<String>,
    /// Uncertain cells in a table without a P01/P02/P04 finding.
    pub uncertain_without_p: Vec<String>,
    /// Tables with a P01/P02/P04 finding.
    pub p_tables: Vec<&'static str>,
    /// Findings whose first span lies outside the report (in the page's header, menus or
    /// footer: `Generated::body`).
    pub outside: Vec<String>,
    /// The injected cell and where it ended up.
    pub injection: Option<(CellId, Caught)>,
    /// The generator printed every cell of the injected cell's table so that its place shows
    /// (`Shown::Exact`): a reader can be asked to catch it at its cell.
    pub injected_table_exact: bool,
}

impl Measure {
    pub fn count(&self, o: Outcome, t2_2019: bool) -> usize {
        self.cells.iter().filter(|c| c.outcome == o && c.t2_2019 == t2_2019).count()
    }
}

/// The table a finding concerns: its cells' table, or the first table its message names.
pub fn table_of(d: &crate::model::Diagnostic) -> Option<&'static str> {
    if let Some(c) = d.cells.first() {
        return Some(c.table);
    }
    let m = &d.message;
    [("表二", "t2"), ("表三", "t3"), ("表四", "t4")].iter().filter_map(|(n, id)| m.find(n).map(|p| (p, *id))).min().map(|x| x.1)
}

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The same cell value in the JSON's sense (a number equal as a number, text equal but for
/// white space).
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => no_ws(x) == no_ws(y),
        (Value::Blank, Value::Blank) => true,
        _ => matches!((a.number(), b.number()), (Some(x), Some(y)) if x == y),
    }
}

fn table<'r>(r: &'r Report, id: &str) -> Option<&'r TableRead> {
    match id {
        "t2" => r.t2.as_ref(),
        "t2_2019" => r.t2_2019.as_ref(),
        "t3" => r.t3.as_ref(),
        _ => r.t4.as_ref(),
    }
}

/// Measure the checker's report `r` of the generated `g`.
pub fn measure(g: &Generated, r: &Report) -> Measure {
    let p_tables: Vec<&'static str> = {
        let mut v: Vec<&'static str> = r.diagnostics.iter().filter(|d| matches!(d.code.as_str(), "P01" | "P02" | "P04")).filter_map(table_of).collect();
        v.sort();
        v.dedup();
        v
    };
    let cells: Vec<CellResult> = g
        .cells
        .iter()
        .map(|t| {
            let t2_2019 = g.format_2019 && t.cell.table == "t2";
            let got = table(r, if t2_2019 { "t2_2019" } else { t.cell.table }).and_then(|tb| tb.cell(t.cell.row, t.cell.column));
            let span_ok = |c: &crate::model::Cell| match (t.span, c.span, &t.value) {
                (_, _, Value::Blank) | (None, _, _) => true,
                (Some(want), Some(s), _) if (s.start, s.end) == want => true,
                // A 0 the reader knows is 0 but not which of a stretch of alike zeros it is
                // (blanks collapsed among them): it points at the stretch.
                (Some(want), Some(s), Value::Int(0)) => {
                    s.start <= want.0 && want.1 <= s.end && g.text.get(s.start..s.end).is_some_and(|x| x.chars().all(|c| c == '0' || c.is_whitespace()))
                }
                (Some(_), Some(_), _) => false,
                (Some(_), None, _) => false,
            };
            let (outcome, span_only) = match got {
                None => (Outcome::Missing, false),
                Some(c) if !c.certain => (Outcome::Uncertain, false),
                Some(c) if same_value(&c.value, &t.value) && span_ok(c) => (Outcome::Exact, false),
                Some(c) => (Outcome::Wrong, same_value(&c.value, &t.value)),
            };
            CellResult { cell: t.cell, outcome, shown: t.shown, want: t.value.clone(), got: got.map(|c| c.value.clone()), span_only, t2_2019 }
        })
        .collect();
    let uncertain =
        |table_id: &str, row: &str, column: &str| -> bool { table(r, table_id).and_then(|tb| tb.cell(row, column)).map(|c| !c.certain).unwrap_or(false) };
    let mut false_a = Vec::new();
    let mut a_on_uncertain = Vec::new();
    let inj = g.injection.as_ref().map(|i| i.cell);
    let mut at_cell = false;
    for d in r.diagnostics.iter().filter(|d| d.code.as_str().starts_with('A')) {
        let names = |c: &CellId| d.cells.iter().any(|x| x.table == c.table && x.row == c.row && x.column == c.column);
        let what = format!(
            "{} {} [{}]",
            d.code.as_str(),
            d.message,
            d.cells.iter().map(|c| format!("{}.{}.{}", c.table, c.row, c.column)).collect::<Vec<_>>().join(" ")
        );
        match inj {
            Some(c) if names(&c) => at_cell = true,
            _ => false_a.push(what.clone()),
        }
        if d.cells.iter().any(|c| uncertain(c.table, c.row, c.column)) {
            a_on_uncertain.push(what);
        }
    }
    let mut uncertain_without_p = Vec::new();
    for tb in [&r.t2, &r.t2_2019, &r.t3, &r.t4].into_iter().flatten() {
        if p_tables.contains(&if tb.table == "t2_2019" { "t2" } else { tb.table }) {
            continue;
        }
        for row in &tb.rows {
            for (i, c) in row.cells.iter().enumerate() {
                if !c.certain {
                    let col = tb.columns_of(row.key).get(i).copied().unwrap_or("?");
                    uncertain_without_p.push(format!("{}.{}.{}", tb.table, row.key, col));
                }
            }
        }
    }
    let injection = inj.map(|c| {
        let caught = if at_cell {
            Caught::AtCell
        } else if p_tables.contains(&c.table) {
            Caught::Flagged
        } else {
            Caught::Missed
        };
        (c, caught)
    });
    let outside = match g.body {
        Some((s, e)) => r
            .diagnostics
            .iter()
            .filter(|d| d.spans.first().map(|sp| sp.start < s || sp.start > e).unwrap_or(false))
            .map(|d| format!("{} «{}» {}", d.code.as_str(), d.spans.first().and_then(|sp| g.text.get(sp.start..sp.end)).unwrap_or(""), d.message))
            .collect(),
        None => Vec::new(),
    };
    let injected_table_exact = inj.map(|c| g.cells.iter().filter(|t| t.cell.table == c.table).all(|t| t.shown == Shown::Exact)).unwrap_or(false);
    Measure { cells, false_a, a_on_uncertain, uncertain_without_p, p_tables, outside, injection, injected_table_exact }
}

/// What went wrong with a cell, in a few words (for the most common patterns).
pub fn pattern(g: &Generated, c: &CellResult) -> String {
    let table = if c.t2_2019 { "t2(2019)" } else { c.cell.table };
    let kind = match (&c.outcome, &c.got, &c.want) {
        (Outcome::Missing, _, _) => "missing".to_string(),
        (_, _, _) if c.span_only => "right value, other characters".to_string(),
        (_, Some(Value::Int(0)), Value::Blank) => "blank read as 0".to_string(),
        (_, Some(Value::Blank), _) => "read as blank".to_string(),
        (_, Some(got), _) => {
            // The value of a neighbouring cell of the same row: a shift.
            let row: Vec<&Truth> = g.cells.iter().filter(|t| t.cell.table == c.cell.table && t.cell.row == c.cell.row).collect();
            let k = row.iter().position(|t| t.cell == c.cell).unwrap_or(0);
            let is = |j: Option<usize>| j.and_then(|j| row.get(j)).map(|t| same_value(&t.value, got)).unwrap_or(false);
            if is(k.checked_sub(1)) || is(Some(k + 1)) {
                "a neighbour's value (shifted)".to_string()
            } else {
                "another value".to_string()
            }
        }
        _ => "?".to_string(),
    };
    format!("{} {} [{}]", table, kind, c.shown.name())
}
