//! The value of a table cell as printed: a whole number, a decimal, blank, or text. A leaf of
//! the crate (it depends on nothing) so that the low text helpers can parse numbers into it and
//! the result model can serialise it.

use serde::{Serialize, Serializer};

/// The value of one table cell, exactly as printed.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A whole number (counts).
    Int(i64),
    /// A decimal number (the fee in 万元); kept with the text it was read from.
    Decimal(f64),
    /// An empty cell.
    Blank,
    /// A placeholder ("/", "-", "—", "无") or text in a number cell ("22（其中修订16件）").
    Text(String),
}

impl Value {
    /// The number a sum can use: only real numbers count, never placeholders.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Int(n) => Some(*n as f64),
            Value::Decimal(d) => Some(*d),
            _ => None,
        }
    }
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }
    pub fn display(&self) -> String {
        match self {
            Value::Int(n) => n.to_string(),
            Value::Decimal(d) => format_decimal(*d),
            Value::Blank => "（空）".to_string(),
            Value::Text(t) => t.clone(),
        }
    }
}

pub fn format_decimal(d: f64) -> String {
    d.to_string()
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Int(n) => s.serialize_i64(*n),
            Value::Decimal(d) => s.serialize_f64(*d),
            Value::Blank => s.serialize_none(),
            Value::Text(t) => s.serialize_str(t),
        }
    }
}
