//! What a generated report really says, cell by cell: the value the checker's JSON should give
//! for it (keys.md: a number, `null` for a blank cell, a string for text), where it is printed,
//! and whether the text still shows where it belongs.
//!
//! The forms of `Form::ALL` print every cell plainly: their truth follows from `tables` and
//! `spans`. The wild forms (`Form::WILD`) print blanks, placeholders, notes and units, damage
//! tables and run digits together; they build their truth from what they printed.

use super::*;
use crate::value::Value;

/// How much of a cell's place the text still shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// Under its own label, in its own column (a separator-free digit run counts when exactly
    /// one reading of it balances every sum).
    Exact,
    /// Only by order or by context: a row of numbers without a label, a label in one row and
    /// its numbers in the next, a row shifted by a stray label fragment, a label cut to a middle
    /// fragment. A reader may place it, and should say it had to (P04).
    Inferred,
    /// The digits are there but run together, and not exactly one reading balances the sums
    /// (`Generated::runs` says how many): a reader can only say so (P01/P02).
    Ambiguous,
    /// The text no longer shows where it belongs (a value floated out of its table, and the
    /// other values of the row it left): a reader cannot know, only guess.
    Lost,
}

impl Shown {
    pub fn name(self) -> &'static str {
        match self {
            Shown::Exact => "exact",
            Shown::Inferred => "inferred",
            Shown::Ambiguous => "ambiguous",
            Shown::Lost => "lost",
        }
    }
}

/// One cell as the generator printed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Truth {
    pub cell: CellId,
    /// What the checker's JSON should say (keys.md): `Int`, `Decimal`, `Blank` or `Text`.
    pub value: Value,
    /// The cell's text as printed (entities decoded; "" for an empty cell).
    pub printed: String,
    /// Byte span of the printed value in `Generated::text`; for a blank cell the span of the
    /// white space that stands for it when one character does (an HTML `&nbsp;`, a kept U+00A0),
    /// otherwise `None`.
    pub span: Option<(usize, usize)>,
    pub shown: Shown,
    /// Why the place is not `Exact` (damage kind), for messages.
    pub why: Option<&'static str>,
}

/// The JSON value of a cell printed as `printed` (keys.md).
pub fn value_of(printed: &str) -> Value {
    let t = printed.trim_matches(char::is_whitespace);
    if t.is_empty() {
        return Value::Blank;
    }
    if let Ok(n) = t.parse::<i64>() {
        if !t.starts_with('+') {
            return Value::Int(n);
        }
    }
    let b = t.as_bytes();
    let decimal = b[0].is_ascii_digit() && b[b.len() - 1].is_ascii_digit() && t.bytes().filter(|&c| c == b'.').count() == 1;
    if decimal && t.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        if let Ok(d) = t.parse::<f64>() {
            return Value::Decimal(d);
        }
    }
    Value::Text(t.to_string())
}

/// Table 三's row keys as printed: 25 rows, or 23 in the 2019 format (a single `other` row for
/// （六）其他处理).
pub fn t3_rows(format_2019: bool) -> Vec<&'static str> {
    if format_2019 {
        T3_ROWS.iter().copied().filter(|k| !k.starts_with("other_")).flat_map(|k| if k == "total" { vec!["other", "total"] } else { vec![k] }).collect()
    } else {
        T3_ROWS.to_vec()
    }
}

/// Index in `Tables::t3` of a row key; the 2019 `other` row is stored in `other_1`'s place
/// (`other_2`, `other_3` hold 0 in a 2019 report).
pub fn t3_index(row: &str) -> Option<usize> {
    if row == "other" {
        return Some(20);
    }
    T3_ROWS.iter().position(|k| *k == row)
}

/// Every cell of the report's tables in printed order (table 二 of the 2019 format by
/// `T2_2019_ROWS`).
pub fn template_cells(format_2019: bool) -> Vec<CellId> {
    let mut v = Vec::new();
    if format_2019 {
        for (row, _, cols) in T2_2019_ROWS {
            for column in cols.iter() {
                v.push(CellId { table: "t2", row, column });
            }
        }
    } else {
        for row in T2_ROWS {
            for column in t2_columns(row) {
                v.push(CellId { table: "t2", row, column });
            }
        }
    }
    for row in t3_rows(format_2019) {
        for column in T3_COLUMNS {
            v.push(CellId { table: "t3", row, column });
        }
    }
    for row in T4_BLOCKS {
        for column in T4_COLUMNS {
            v.push(CellId { table: "t4", row, column });
        }
    }
    v
}

/// Table 二's columns (keys.md) of a 2021 row.
pub fn t2_columns(row: &str) -> &'static [&'static str] {
    match row {
        "regulations" | "normative_documents" => &["made", "repealed", "valid"],
        "fees" => &["amount"],
        _ => &["decisions"],
    }
}

/// The truth of a report of `Form::ALL`: every cell printed plainly where `spans` says; only
/// run-together tables are `Ambiguous`: those whose digits do not split in exactly one
/// balancing way, and the one with an injected wrong number (no split of it balances, and one
/// that does is not what was printed), unless every cell is a single digit.
pub(crate) fn plain_truth(text: &str, tables: &Tables, spans: &[(CellId, usize, usize)], runs: Option<&RunInfo>, injected: Option<CellId>) -> Vec<Truth> {
    let single_digits = |table: &str| spans.iter().filter(|s| s.0.table == table).all(|s| s.2 - s.1 == 1);
    let unsure = |table: &str, readings: usize| (readings != 1 || injected.map(|c| c.table == table).unwrap_or(false)) && !single_digits(table);
    template_cells(false)
        .into_iter()
        .map(|cell| {
            let span = spans.iter().find(|s| s.0 == cell).map(|s| (s.1, s.2));
            let printed = match cell.table {
                "t3" => tables.t3_cell(cell.row, cell.column).unwrap_or(0).to_string(),
                "t4" => tables.t4_cell(cell.row, cell.column).unwrap_or(0).to_string(),
                _ => span.map(|(s, e)| text[s..e].to_string()).unwrap_or_default(),
            };
            let shown = match (runs, cell.table) {
                (Some(r), "t3") if unsure("t3", r.t3_readings) => Shown::Ambiguous,
                (Some(r), "t4") if unsure("t4", r.t4_readings) => Shown::Ambiguous,
                (Some(r), "t2") if !r.t2_unique && t2_columns(cell.row).len() > 1 => Shown::Ambiguous,
                _ => Shown::Exact,
            };
            let why = (shown != Shown::Exact).then_some("run-together digits");
            Truth { cell, value: value_of(&printed), printed, span, shown, why }
        })
        .collect()
}
