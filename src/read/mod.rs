//! Reading the three tables out of the report text.
//!
//! Every reader works the same way: tokenize its region (`tokens`), turn tokens into label and
//! value events (`events`), then place values in template rows. Two placements are tried:
//! - by label: each value belongs to the row label before it (tab/markdown/HTML text, layout
//!   text, most PDF text);
//! - by order: the values in reading order fill the template rows in template order (PDF text
//!   where labels and numbers were extracted apart, even column by column).
//!
//! The first placement that fills every row exactly is taken; otherwise what could be placed is
//! kept and the gaps are reported, never filled in. Run-together digits (`801000081`) are split
//! by `runtogether` using the table's own sums.

pub mod events;
pub mod runtogether;
pub mod stated;
pub mod t2;
pub mod t3;
pub mod t4;
pub mod tokens;

use crate::model::same_key;
use events::{Ev, Piece};
use tokens::Tok;

/// What a reader found besides the values: the facts structure rules report on.
#[derive(Debug, Clone, Default)]
pub struct TableFacts {
    /// Row labels found (first occurrence of each row).
    pub labels: Vec<(&'static str, Piece)>,
    /// Template rows whose label was not found and that got no values.
    pub missing_rows: Vec<&'static str>,
    /// Rows that got a different number of values than the table has columns: (row, count).
    pub miscounted: Vec<(&'static str, usize)>,
    /// Columns the header and rows show to be missing (e.g. "total").
    pub missing_columns: Vec<&'static str>,
    /// Rows or parts that could not be read, with where they are and why.
    pub unread: Vec<(String, usize, usize)>,
    /// Ambiguous digit runs: (row, start, end, candidate readings, index used).
    pub ambiguous: Vec<Ambiguity>,
    /// The (六)其他处理 row is a single row (2019 layout).
    pub single_other_row: Option<Piece>,
    /// Rows placed by the template's order between labelled neighbours because their numbers
    /// had no label (their cells are uncertain).
    pub inferred: Vec<&'static str>,
    /// How the values were placed: "label", "order", "run-together".
    pub method: &'static str,
    /// Where the table's region is in the reader text.
    pub region: (usize, usize),
    /// Where its last cell read ends in the reader text (what follows in the region is prose
    /// or another section's text whose heading is missing).
    pub cells_end: usize,
    /// The table is in the 2019 trial format (table 二 columns).
    pub format_2019: bool,
}

#[derive(Debug, Clone)]
pub struct Ambiguity {
    pub row: &'static str,
    pub start: usize,
    pub end: usize,
    pub readings: Vec<Vec<i64>>,
    pub used: Option<usize>,
}

/// A table as placed, before spans are turned into line/column positions.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub table: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<RawRow>,
}

#[derive(Debug, Clone)]
pub struct RawRow {
    pub key: &'static str,
    /// Where the row's label was read (start, end in the reader text).
    pub label: Option<(usize, usize)>,
    /// Value tokens in printed order.
    pub cells: Vec<Tok>,
    /// Cells whose place the reader had to choose: (index in `cells`, why, in words for a
    /// clerk). They come out with `certain: false`; no arithmetic finding rests on them.
    pub uncertain: Vec<(usize, String)>,
}

/// Values of the events, in order, with vertical chunks (one value per line, several lines in
/// a row, as PDF text gives a table column by column) transposed back to rows: `ncols` chunks
/// of equal length n ≥ 2 side by side are n rows read column-wise.
pub(crate) fn ordered_values(evs: &[Ev], ncols: usize, transpose: bool) -> Vec<Tok> {
    // The values in reading order, and segments of them: (vertical, start, end). A vertical
    // chunk is a run of values each alone on its line. (Ranges into one list: this runs several
    // times per table, and a list per value was most of its cost.)
    let mut vals: Vec<&Tok> = Vec::with_capacity(evs.len());
    let mut chunks: Vec<(bool, usize, usize)> = Vec::new();
    let mut vertical_from: Option<usize> = None;
    let close = |from: &mut Option<usize>, chunks: &mut Vec<(bool, usize, usize)>, at: usize| {
        if let Some(s) = from.take() {
            chunks.push((true, s, at));
        }
    };
    for ev in evs {
        match ev {
            Ev::Val(t, true) => {
                vertical_from.get_or_insert(vals.len());
                vals.push(t);
            }
            Ev::Val(t, false) => {
                close(&mut vertical_from, &mut chunks, vals.len());
                chunks.push((false, vals.len(), vals.len() + 1));
                vals.push(t);
            }
            Ev::Blank => close(&mut vertical_from, &mut chunks, vals.len()),
            Ev::Label(_) => {
                close(&mut vertical_from, &mut chunks, vals.len());
                // A label between chunks means they are not side by side.
                chunks.push((false, vals.len(), vals.len()));
            }
        }
    }
    close(&mut vertical_from, &mut chunks, vals.len());
    let mut out = Vec::with_capacity(vals.len());
    let mut i = 0;
    while i < chunks.len() {
        let (vertical, s, e) = chunks[i];
        let n = e - s;
        if transpose && vertical && n >= 2 && i + ncols <= chunks.len() && chunks[i..i + ncols].iter().all(|c| c.0 && c.2 - c.1 == n) {
            for r in 0..n {
                for c in 0..ncols {
                    out.push(vals[chunks[i + c].1 + r].clone());
                }
            }
            i += ncols;
            continue;
        }
        out.extend(vals[s..e].iter().map(|t| (*t).clone()));
        i += 1;
    }
    out
}

/// Empty grid cells between a label and the first value on its line (`None` if they are not on
/// one line or something else stands between them).
fn empty_cells_between(text: &str, a: usize, b: usize) -> Option<usize> {
    let gap = text.get(a..b)?;
    if gap.contains('\n') {
        return None;
    }
    let sep = if gap.contains('\t') { '\t' } else { '|' };
    let parts: Vec<&str> = gap.split(sep).collect();
    if parts.len() < 2 || parts.iter().any(|p| !p.trim().is_empty()) {
        return None;
    }
    Some(parts.len() - 2)
}

/// A blank first value cell in a grid (「1.属于国家秘密\t\t0\t0…」) is skipped by the tokenizer,
/// which cannot tell it from the empty label cells of merged headers. A row one value short
/// whose label is followed by exactly one more empty cell than in the table's complete rows
/// gets that cell back as a blank.
pub(crate) fn restore_leading_blanks(text: &str, rows: &mut [(&'static str, Vec<Tok>)], labels: &[(&'static str, Piece)], want: &dyn Fn(&str) -> usize) {
    let gap_of = |key: &str, vals: &[Tok]| -> Option<usize> {
        let label = labels.iter().find(|l| same_key(l.0, key))?;
        let first = vals.first()?;
        empty_cells_between(text, label.1.end, first.start)
    };
    let mut gaps: Vec<usize> = rows.iter().filter(|(k, v)| v.len() == want(k)).filter_map(|(k, v)| gap_of(k, v)).collect();
    if gaps.is_empty() {
        return;
    }
    gaps.sort_unstable();
    let norm = gaps[gaps.len() / 2];
    for (k, v) in rows.iter_mut() {
        if v.len() + 1 != want(k) {
            continue;
        }
        if gap_of(k, v) == Some(norm + 1) {
            // The empty cell is the one right before the first value.
            let at = text[..v[0].start].rfind(['\t', '|']).unwrap_or(v[0].start);
            v.insert(0, Tok { start: at, end: at, kind: tokens::Kind::Val(crate::model::Value::Blank) });
        }
    }
}
