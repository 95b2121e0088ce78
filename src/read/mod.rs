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

/// Rows of a grid (tab-separated or markdown) with blank cells put back. The tokenizer cannot
/// tell an empty cell before a row's first value from the empty label cells of merged headers,
/// so it drops them; a row whose cells are all blank (2019-format pages leave 0 blank, `&nbsp;`)
/// then has no values at all. For each labelled row of the wrong width, its line's fields after
/// the label are its cells — past as many empty fields as the table's complete rows have between
/// their label and first value — when there are exactly as many as the row has columns and the
/// values among them are the ones the row already has.
pub(crate) fn restore_grid_blanks(text: &str, rows: &mut Vec<(&'static str, Vec<Tok>)>, labels: &[(&'static str, Piece)], want: &dyn Fn(&str) -> usize) {
    let gap_of = |key: &str, vals: &[Tok]| -> Option<usize> {
        let label = labels.iter().find(|l| same_key(l.0, key))?;
        let first = vals.first()?;
        empty_cells_between(text, label.1.end, first.start)
    };
    let mut gaps: Vec<usize> = rows.iter().filter(|(k, v)| v.len() == want(k)).filter_map(|(k, v)| gap_of(k, v)).collect();
    gaps.sort_unstable();
    let norm = gaps.get(gaps.len() / 2).copied().unwrap_or(0);
    for (key, piece) in labels {
        let n = want(key);
        let at = rows.iter().position(|r| same_key(r.0, key));
        let have: &[Tok] = at.map_or(&[], |i| &rows[i].1);
        if have.len() == n || n == 0 {
            continue;
        }
        let Some(cells) = grid_cells_after(text, piece.end, n, norm) else { continue };
        // The values must be the ones the row has: no value taken from elsewhere.
        let values: Vec<usize> = cells.iter().filter(|t| !matches!(t.kind, tokens::Kind::Val(crate::model::Value::Blank))).map(|t| t.start).collect();
        let had: Vec<usize> = have.iter().filter(|t| !matches!(t.kind, tokens::Kind::Val(crate::model::Value::Blank))).map(|t| t.start).collect();
        if values != had {
            continue;
        }
        match at {
            Some(i) => rows[i].1 = cells,
            None => rows.push((key, cells)),
        }
    }
}

/// The `n` cells of a grid line after the field that holds `label_end`, past `skip` empty
/// fields: a number, a placeholder or text, or a blank for an empty field. `None` when the line
/// is not a grid line or has another number of fields there.
pub(crate) fn grid_cells_after(text: &str, label_end: usize, n: usize, skip: usize) -> Option<Vec<Tok>> {
    let line_start = text[..label_end].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[label_end..].find('\n').map_or(text.len(), |p| label_end + p);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let md = line.trim_start().starts_with('|');
    let sep = if line.contains('\t') {
        '\t'
    } else if md {
        '|'
    } else {
        return None;
    };
    // The label's field ends at the next separator (a line with no label: from its start).
    let rel = label_end - line_start;
    let first = if rel == 0 && !md { 0 } else { rel + line[rel..].find(sep)? + 1 };
    let mut fields: Vec<(usize, &str)> = Vec::new();
    let mut pos = first;
    for f in line[first..].split(sep) {
        fields.push((line_start + pos, f));
        pos += f.len() + 1;
    }
    if md && fields.last().is_some_and(|f| f.1.trim().is_empty()) {
        fields.pop();
    }
    let blank = |f: &str| f.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}').is_empty();
    if fields.len() < skip || fields[..skip].iter().any(|f| !blank(f.1)) {
        return None;
    }
    let mut fields = fields.split_off(skip);
    while fields.len() > n && fields.last().is_some_and(|f| blank(f.1)) {
        fields.pop();
    }
    if fields.len() != n {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for (at, f) in fields {
        if blank(f) {
            out.push(Tok { start: at, end: at, kind: tokens::Kind::Val(crate::model::Value::Blank) });
            continue;
        }
        let lead = f.len() - f.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}').len();
        let t = f.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '*');
        let v = tokens::classify(t)?;
        out.push(Tok { start: at + lead, end: at + lead + t.len(), kind: tokens::Kind::Val(v) });
    }
    Some(out)
}
