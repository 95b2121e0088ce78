//! The result model: what a check returns, serialisable to JSON (CLI `--format json`, the page).
//!
//! Table values follow `../shared/spec/keys.md`: a cell is a number, `null` (blank) or a
//! string (placeholder or text as printed). In this output every cell is an object
//! `{"value": …, "span": …}` so that tools and the page can point at the characters it came from.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

pub use crate::code::Code;
pub use crate::value::{format_decimal, Value};

/// A range of the checked text: byte offsets (UTF-8, end exclusive) and 1-based line/column
/// (column counted in characters, as editors do).
///
/// For a PDF the checked text is the one rebuilt from the page (`positioned`), and `page`, `x`
/// and `y` also say where the first character is printed: 1-based page, top left in points
/// (1/72 inch) from the page's top left corner. They are absent for other inputs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<f32>,
}

/// One cell as read: its value and where in the text it came from (absent for a cell that
/// was implied by the layout, e.g. an empty HTML `<td>` has a span, a missing one has none).
///
/// `certain` is false when the reader had to choose where the value belongs (a digit run with
/// several balanced splits, a row shifted against its label, a value floated out of its table):
/// the page shows such a cell as "please check", `reason` says why in words a clerk understands,
/// and no arithmetic finding rests on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "is_true")]
    pub certain: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Cell {
    /// A cell read with certainty.
    pub fn new(value: Value, span: Option<Span>) -> Cell {
        Cell { value, span, certain: true, reason: None }
    }
}

/// A table as read: rows in template order, each with its cells in printed order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRead {
    pub table: &'static str,
    /// Column keys as printed (table 三 may have 6, 7 or 8).
    pub columns: Vec<&'static str>,
    pub rows: Vec<RowRead>,
    /// Where the table's region starts and ends in the text.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowRead {
    pub key: &'static str,
    /// Where the row label was read (None if the row was placed by order alone).
    pub label_span: Option<Span>,
    pub label_text: Option<String>,
    pub cells: Vec<Cell>,
}

impl TableRead {
    pub fn row(&self, key: &str) -> Option<&RowRead> {
        self.rows.iter().find(|r| same_key(r.key, key))
    }
    /// The cell of `row` in `column`, if the row was read with a value for that column.
    /// (Not inlined: the sums look cells up in many places, and the page's wasm is small.)
    #[inline(never)]
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        let r = self.row(row)?;
        let i = self.column_index(row, column)?;
        r.cells.get(i)
    }
    pub fn column_index(&self, row: &str, column: &str) -> Option<usize> {
        let cols = self.columns_of(row);
        cols.iter().position(|c| same_key(c, column))
    }
    /// The column keys of one row: table 二 rows (2021 and 2019 format) each have their own
    /// columns.
    pub fn columns_of(&self, row: &str) -> &[&'static str] {
        match self.table {
            "t2" | "t2_2019" => crate::format::row_columns(self.table, row),
            _ => &self.columns,
        }
    }
}

/// Key equality: the keys are the same static strings of `format` almost always, so the
/// pointers decide before any bytes are compared (the sums and the readers look up thousands
/// of cells and rows). Different keys of one length mostly differ in their last byte
/// (denied_1 … denied_8), which is compared before the rest.
#[inline]
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.as_ptr() == b.as_ptr() || (a.as_bytes().last() == b.as_bytes().last() && a == b))
}

struct CellMap<'a>(&'a [&'static str], &'a [Cell]);
impl Serialize for CellMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len().min(self.1.len())))?;
        for (k, c) in self.0.iter().zip(self.1.iter()) {
            m.serialize_entry(k, c)?;
        }
        m.end()
    }
}

struct RowMap<'a>(&'a TableRead);
impl Serialize for RowMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(Some(t.rows.len()))?;
        for r in &t.rows {
            m.serialize_entry(r.key, &r.cells)?;
        }
        m.end()
    }
}

/// keys.md shapes: t2 and t4 as objects of objects, t3 as `{columns, rows}`.
impl Serialize for TableRead {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.table == "t3" {
            let mut st = s.serialize_struct("t3", 2)?;
            st.serialize_field("columns", &self.columns)?;
            st.serialize_field("rows", &RowMap(self))?;
            st.end()
        } else {
            let mut m = s.serialize_map(Some(self.rows.len()))?;
            for r in &self.rows {
                let cols = self.columns_of(r.key);
                m.serialize_entry(r.key, &CellMap(cols, &r.cells))?;
            }
            m.end()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A table cell a finding concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellRef {
    pub table: &'static str,
    pub row: &'static str,
    pub column: &'static str,
    /// How the cell takes part: "suspect" (the one wrong cell, when it can be told),
    /// "total" (the printed total of a failed sum) or "part" (a term of a failed sum).
    pub role: &'static str,
    /// Which side of the failed sum the cell stands on: "total" (the printed total; for A03
    /// the right-hand side 三 + 四) or "part" (a term; for A03 the left-hand side 一 + 二).
    /// The value that would balance the sum with only this cell changed follows from it and
    /// the finding's `expected` and `actual`. Absent when the cell is in no sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<&'static str>,
}

impl CellRef {
    /// A cell with the side its role implies: a total or a part of a sum; a suspect cell's
    /// side is set by the rule that knows the sum (`with_side`).
    pub fn new(table: &'static str, row: &'static str, column: &'static str, role: &'static str) -> CellRef {
        let side = match role {
            "total" | "part" => Some(role),
            _ => None,
        };
        CellRef { table, row, column, role, side }
    }
    pub fn with_side(mut self, side: &'static str) -> CellRef {
        self.side = Some(side);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// In Chinese, for a clerk.
    pub message: String,
    /// The exact characters concerned; the first is the primary one.
    pub spans: Vec<Span>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<CellRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// What would be right, when it can be said ("截至", "20").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionInfo {
    /// 1..=6
    pub number: u8,
    pub heading: String,
    pub span: Span,
    /// The body, from after the heading to the next section heading.
    pub body_start: usize,
    pub body_end: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// How many findings of each severity.
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        Summary { errors: count(Severity::Error), warnings: count(Severity::Warning), infos: count(Severity::Info) }
    }
}

/// Everything a check of one report returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// "pdf-text", "pdf-layout", "markdown", "tsv", "html", "run-together", "text".
    pub input_form: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// "gb2021", "gb2019" or "unknown".
    pub format: &'static str,
    pub sections: Vec<SectionInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t2: Option<TableRead>,
    /// Table 二 in the 2019 trial format (its own rows and columns: `format::T2_2019_ROWS`,
    /// `t2_2019.<row>.<column>`; README 「JSON 输出」). A report has `t2` or `t2_2019`, not both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t2_2019: Option<TableRead>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t3: Option<TableRead>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t4: Option<TableRead>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}
