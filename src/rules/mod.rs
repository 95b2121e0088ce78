//! The rules: each module turns what the readers found into findings.
//! `codes` is the registry every finding's code and default severity come from.

pub mod arithmetic;
pub mod cells;
pub mod claims;
pub mod codes;
pub mod counts;
pub mod fee;
pub mod previous;
pub mod prose;
pub mod scope;
pub mod structure;
pub mod wording;
pub mod year;

use crate::model::{CellRef, Diagnostic, Span};

/// A finding with the registry's severity for `code`.
pub fn diag(code: &'static str, message: String, spans: Vec<Span>) -> Diagnostic {
    let severity = codes::rule(code).map(|r| r.severity).unwrap_or(crate::model::Severity::Warning);
    Diagnostic { code, severity, message, spans, cells: Vec::new(), expected: None, actual: None, suggestion: None }
}

pub fn with_cells(mut d: Diagnostic, cells: Vec<CellRef>) -> Diagnostic {
    d.cells = cells;
    d
}
