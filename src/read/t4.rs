//! Table 四 (行政复议、行政诉讼): one printed row of 15 values in three blocks of five.

use super::events::{events, Ev};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, runtogether, RawRow, RawTable, TableFacts};
use crate::format::T4_BLOCKS;
use crate::model::Value;

pub fn read(text: &str, start: usize, end: usize) -> Option<(RawTable, TableFacts)> {
    let lines = tokenize(text, start, end);
    let evs = events(text, &lines);
    let mut facts = TableFacts { region: (start, end), method: "order", ..Default::default() };
    let header: String = evs.iter().filter_map(|e| if let Ev::Label(p) = e { Some(p.norm.as_str()) } else { None }).collect();
    let mut vals: Vec<Tok> = ordered_values(&evs, 1, false);
    if vals.is_empty() && !(header.contains("维持") || header.contains("纠正")) {
        return None;
    }
    // Blank cells count in a grid (HTML, tabs) only between values; leading ones are labels.
    while vals.len() > 15 && matches!(vals.last().map(|t| &t.kind), Some(Kind::Val(Value::Blank))) {
        vals.pop();
    }
    if vals.len() < 15 {
        if let Some((split, amb)) = runtogether::t4(text, &vals) {
            facts.method = "run-together";
            vals = split;
            if let Some(a) = amb {
                facts.ambiguous.push(a);
            }
        }
    }
    // Numbers after the fifteen cells (a note under the table) are not cells.
    vals.truncate(15);
    let mut rows = Vec::new();
    for (i, b) in T4_BLOCKS.iter().enumerate() {
        let cells: Vec<Tok> = vals.iter().skip(i * 5).take(5).cloned().collect();
        if cells.len() < 5 {
            facts.miscounted.push((b.key, cells.len()));
        }
        if !cells.is_empty() {
            rows.push(RawRow { key: b.key, label: None, cells });
        }
    }
    Some((RawTable { table: "t4", columns: vec!["upheld", "corrected", "other", "pending", "total"], rows }, facts))
}
