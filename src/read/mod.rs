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
pub mod t2y;
pub mod t3;
pub mod t4;
pub mod tokens;
pub mod webrows;

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
    /// Markdown rows whose fields after the label outnumber the columns, blank at both ends, so
    /// that which columns the blank cells are in is not certain (the cells that differ between
    /// the readings are uncertain).
    pub misaligned: Vec<&'static str>,
    /// Digit runs that balance only when their white space is taken for collapsed blank cells
    /// (no split of the run without blanks balances): where, and the one such reading. Every
    /// cell read so is uncertain: a run with a wrong number may balance so by chance.
    pub spaces_as_blanks: Vec<(usize, usize, String)>,
    /// How the values were placed: "label", "order", "run-together".
    pub method: &'static str,
    /// Where the table's region is in the reader text.
    pub region: (usize, usize),
    /// Where its last cell read ends in the reader text (what follows in the region is prose
    /// or another section's text whose heading is missing).
    pub cells_end: usize,
    /// The table is in the 2019 trial format (table 二 columns).
    pub format_2019: bool,
    /// Digit runs with several balanced readings, each group of them with every reading kept:
    /// the counts the prose states may choose one afterwards (`prose::choose`).
    pub readings: Vec<Readings>,
    /// Readings the prose chose (`prose::choose`), for the note that says so.
    pub decided: Vec<Decided>,
}

/// Every balanced reading of some cells of a table whose digit runs split in several ways
/// that balance every sum. The cells outside `cells` read the same in all of them.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// The cells the readings differ on: (row, cell index in the row).
    pub cells: Vec<(&'static str, usize)>,
    /// Each reading: one token per cell of `cells`, in that order. No two are the same.
    pub readings: Vec<Vec<Tok>>,
    /// Where the digit runs they split start (`Ambiguity::start`): their P02 is settled when
    /// one reading is chosen.
    pub runs: Vec<usize>,
}

impl Readings {
    /// The most readings kept: more are not looked through (the cells stay uncertain).
    pub const MAX: usize = 512;

    /// Readings of `cells` (each reading: one token per cell), duplicates dropped; `None` when
    /// there are fewer than two or more than `MAX`.
    pub fn new(cells: Vec<(&'static str, usize)>, all: impl IntoIterator<Item = Vec<Tok>>, runs: Vec<usize>) -> Option<Readings> {
        let mut readings: Vec<Vec<Tok>> = Vec::new();
        for r in all {
            if !readings.contains(&r) {
                if readings.len() == Self::MAX {
                    return None;
                }
                readings.push(r);
            }
        }
        (readings.len() >= 2 && !cells.is_empty()).then_some(Readings { cells, readings, runs })
    }
}

/// A choice the prose made among a table's balanced readings.
#[derive(Debug, Clone)]
pub struct Decided {
    /// How many balanced readings there were.
    pub readings: usize,
    /// The statements that chose: (reader-text range of the number, the statement as written,
    /// the cell it names in words, the value).
    pub by: Vec<((usize, usize), String, String, i64)>,
    /// The cells the readings differed on: (row, cell index).
    pub cells: Vec<(&'static str, usize)>,
    /// Those still uncertain: the readings left differ only in which of them are blank and
    /// which 0 (their P02 says so).
    pub open: Vec<(&'static str, usize)>,
    /// The digit runs (reader-text ranges) with their row.
    pub runs: Vec<(&'static str, usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Ambiguity {
    pub row: &'static str,
    pub start: usize,
    pub end: usize,
    /// Each reading as its cells printed and joined by `|` (「8|9|8989」).
    pub readings: Vec<String>,
    pub used: Option<usize>,
}

impl Ambiguity {
    pub fn new(row: &'static str, start: usize, end: usize, readings: &[Vec<i64>], used: Option<usize>) -> Ambiguity {
        let readings = readings.iter().map(|r| r.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("|")).collect();
        Ambiguity { row, start, end, readings, used }
    }
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

/// Rows of a grid (tab-separated or markdown) with blank cells put back. The tokenizer cannot
/// tell an empty cell before a row's first value from the empty label cells of merged headers,
/// so it drops them; a row whose cells are all blank (2019-format pages leave 0 blank, `&nbsp;`)
/// then has no values at all. A grid's row lines all have the same number of fields (a group
/// heading spanning rows adds one or two to its first row): a labelled row of the wrong width
/// whose line has as many fields as most labelled lines takes its line's last fields as its
/// cells — when the values among them are the ones the row already has. (A line cut short, as a
/// paste that ends inside a row, has fewer and keeps its row short.)
pub(crate) fn restore_grid_blanks(text: &str, rows: &mut Vec<(&'static str, Vec<Tok>)>, labels: &[(&'static str, Piece)], want: &dyn Fn(&str) -> usize) {
    // The width most labelled rows' lines have (at least five of them, more than half).
    let all: Vec<usize> = labels.iter().filter_map(|(_, p)| grid_fields(text, p.start).map(|f| f.len())).collect();
    let agreeing = |m: usize| all.iter().filter(|&&x| x == m).count();
    let mode = all.iter().copied().max_by_key(|&w| (agreeing(w), w));
    let Some(base) = mode.filter(|&m| agreeing(m) >= 5 && agreeing(m) * 2 > all.len()) else {
        return restore_leading_blanks(text, rows, labels, want);
    };
    // A group heading spanning rows is one more field on its first row's line (two where two
    // groups begin: 「三、本年度办理结果」「（四）无法提供」).
    let widths = [base, base + 1, base + 2];
    for (key, piece) in labels {
        let n = want(key);
        let at = rows.iter().position(|r| same_key(r.0, key));
        let have: &[Tok] = at.map_or(&[], |i| &rows[i].1);
        if have.len() == n || n == 0 {
            continue;
        }
        // (The label's last character: a label wrapped over lines ends on its row's line.)
        let last = text[..piece.end].char_indices().next_back().map_or(piece.start, |(i, _)| i);
        let Some(fields) = grid_fields(text, last) else { continue };
        if !widths.contains(&fields.len()) || fields.len() <= n {
            continue;
        }
        // The label's own field comes before the cells.
        let label_field = fields.iter().position(|f| f.0 <= last && last < f.0 + f.1.len().max(1));
        if label_field.is_none_or(|i| i >= fields.len() - n) {
            continue;
        }
        let Some(cells) = cells_of(&fields[fields.len() - n..]) else { continue };
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

/// Blank cells put back where a grid has too few labelled lines to know its width (table 二:
/// rows of one and of three cells): a row short of cells whose line has, between its label and
/// its first value, one empty field more than the complete rows have there starts with a blank;
/// its line's fields after the label, past that many, are its cells when there are exactly as
/// many as the row has columns (empty fields at the line's end aside).
fn restore_leading_blanks(text: &str, rows: &mut Vec<(&'static str, Vec<Tok>)>, labels: &[(&'static str, Piece)], want: &dyn Fn(&str) -> usize) {
    // Empty fields between a label and the first value on its line.
    let empty_between = |a: usize, b: usize| -> Option<usize> {
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
    };
    let gap_of = |key: &str, vals: &[Tok]| -> Option<usize> {
        let label = labels.iter().find(|l| same_key(l.0, key))?;
        empty_between(label.1.end, vals.first()?.start)
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
        let last = text[..piece.end].char_indices().next_back().map_or(piece.start, |(i, _)| i);
        let Some(fields) = grid_fields(text, last) else { continue };
        let Some(label_field) = fields.iter().position(|f| f.0 <= last && last < f.0 + f.1.len().max(1)) else { continue };
        let mut after = &fields[label_field + 1..];
        if after.len() < norm || after[..norm].iter().any(|f| !is_blank_field(f.1)) {
            continue;
        }
        after = &after[norm..];
        while after.len() > n && after.last().is_some_and(|f| is_blank_field(f.1)) {
            after = &after[..after.len() - 1];
        }
        if after.len() != n {
            continue;
        }
        let Some(cells) = cells_of(after) else { continue };
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

/// The fields of the grid line that holds byte `at`: (start, text), the outer pipes of a
/// markdown row not counted. `None` when the line is not a grid line.
fn grid_fields(text: &str, at: usize) -> Option<Vec<(usize, &str)>> {
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let md = line.trim_start().starts_with('|');
    let sep = if line.contains('\t') {
        '\t'
    } else if md {
        '|'
    } else {
        return None;
    };
    let mut fields: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for f in line.split(sep) {
        fields.push((line_start + pos, f));
        pos += f.len() + 1;
    }
    if md {
        if fields.first().is_some_and(|f| f.1.trim().is_empty()) {
            fields.remove(0);
        }
        if fields.last().is_some_and(|f| f.1.trim().is_empty()) {
            fields.pop();
        }
    }
    Some(fields)
}

fn is_blank_field(f: &str) -> bool {
    f.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}').is_empty()
}

/// Grid fields as cells: a number, a placeholder or text, or a blank for an empty field;
/// `None` when one holds words (it is no cell).
fn cells_of(fields: &[(usize, &str)]) -> Option<Vec<Tok>> {
    let mut out = Vec::with_capacity(fields.len());
    for &(at, f) in fields {
        if is_blank_field(f) {
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

/// Markdown rows between `from` and `to` whose fields are all empty, as `n` blank cells each
/// (a row of `n + 1` empty fields: its label field and `n` cells). Converters write a row whose
/// label floated away, or whose numbers are all blank, this way; no token stands for it.
pub(crate) fn blank_markdown_rows(text: &str, from: usize, to: usize, n: usize) -> Vec<Vec<Tok>> {
    let mut out = Vec::new();
    let mut at = from.min(text.len());
    while at < to.min(text.len()) {
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line = text[at..line_end].trim();
        if line.starts_with('|') && line.len() > 1 && line.ends_with('|') {
            if let Some(mut fields) = grid_fields(text, at) {
                if fields.len() == n + 1 {
                    fields.remove(0);
                }
                if fields.len() == n && fields.iter().all(|f| is_blank_field(f.1)) {
                    if let Some(cells) = cells_of(&fields) {
                        out.push(cells);
                    }
                }
            }
        }
        at = line_end + 1;
    }
    out
}

/// The cells of the markdown row on the line at `at`: its fields after the last one that holds
/// words (a label or a stray fragment of one), blank fields included — the tokens of a line
/// leave out the blank cells before its first value. `None` for a line that is no markdown row.
pub(crate) fn markdown_row_cells(text: &str, at: usize) -> Option<Vec<Tok>> {
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    if !text[line_start..].trim_start().starts_with('|') {
        return None;
    }
    let fields = grid_fields(text, at)?;
    let first = fields.iter().rposition(|f| cells_of(std::slice::from_ref(f)).is_none()).map_or(0, |i| i + 1);
    cells_of(&fields[first..])
}

/// A grid line's fields as `n` cells, when it has exactly `n` fields (empty ones past them at
/// its end aside): table 四's row of fifteen values.
pub(crate) fn grid_line_cells(text: &str, at: usize, n: usize) -> Option<Vec<Tok>> {
    let mut fields = grid_fields(text, at)?;
    while fields.len() > n && fields.last().is_some_and(|f| is_blank_field(f.1)) {
        fields.pop();
    }
    if fields.len() != n {
        return None;
    }
    cells_of(&fields)
}

/// Markdown rows put in their columns by their fields. A converter's markdown keeps every field
/// of a row, blank ones too, but a row may have more fields after its label than the table has
/// columns: empty label columns before the values (a clean grid) or an empty field after them
/// (a row shifted by a stray label fragment in another row of the same piece). The row's cells
/// are `n` consecutive fields after its label with every other field blank; the values among
/// them must be the ones the row already has. One such window: its cells. Several (blank at
/// both ends): the window whose cells satisfy `balances` when exactly one does; otherwise the
/// first, and the cells that differ between the windows are returned as uncertain.
pub(crate) fn align_markdown_rows(
    text: &str,
    rows: &mut Vec<(&'static str, Vec<Tok>)>,
    labels: &[(&'static str, Piece)],
    want: &dyn Fn(&str) -> usize,
    balances: &dyn Fn(&[Tok]) -> bool,
) -> Vec<(&'static str, usize)> {
    let mut doubt = Vec::new();
    let blank = |t: &Tok| matches!(t.kind, tokens::Kind::Val(crate::model::Value::Blank));
    for (key, piece) in labels {
        let n = want(key);
        let at = rows.iter().position(|r| same_key(r.0, key));
        let have: &[Tok] = at.map_or(&[], |i| &rows[i].1);
        if n == 0 {
            continue;
        }
        // (A row with as many cells as columns may still have lost a leading blank cell and
        // gained a trailing one.)
        let last = text[..piece.end].char_indices().next_back().map_or(piece.start, |(i, _)| i);
        let line_start = text[..last].rfind('\n').map_or(0, |p| p + 1);
        if !text[line_start..].trim_start().starts_with('|') {
            continue;
        }
        let Some(fields) = grid_fields(text, last) else { continue };
        // A whole row of its table (a line cut short, as a paste that ends inside a row, is
        // not: its blank label columns would pass for cells).
        let line_end = text[last..].find('\n');
        let whole = line_end.is_some_and(|e| text[last..last + e].trim_end().ends_with('|'));
        if !whole {
            continue;
        }
        let Some(label_field) = fields.iter().position(|f| f.0 <= last && last < f.0 + f.1.len().max(1)) else { continue };
        let after = &fields[label_field + 1..];
        if after.len() < n {
            continue;
        }
        // Only the cells on the label's line (a row of numbers below it is another row).
        let line_end = text[last..].find('\n').map_or(text.len(), |p| last + p);
        let on_line = |t: &Tok| t.start >= line_start && t.start <= line_end;
        let had: Vec<usize> = have.iter().filter(|t| on_line(t) && !blank(t)).map(|t| t.start).collect();
        let mut windows: Vec<Vec<Tok>> = Vec::new();
        for o in 0..=after.len() - n {
            if after[..o].iter().chain(&after[o + n..]).any(|f| !is_blank_field(f.1)) {
                continue;
            }
            let Some(cells) = cells_of(&after[o..o + n]) else { continue };
            let values: Vec<usize> = cells.iter().filter(|t| !blank(t)).map(|t| t.start).collect();
            if values == had {
                windows.push(cells);
            }
        }
        let same_cell = |a: &Tok, b: &Tok| a.kind == b.kind;
        let chosen = match windows.len() {
            0 => continue,
            1 => windows.swap_remove(0),
            _ => {
                let ok: Vec<usize> = (0..windows.len()).filter(|&i| balances(&windows[i])).collect();
                if ok.len() == 1 {
                    windows.swap_remove(ok[0])
                } else {
                    for c in 0..n {
                        if windows.iter().any(|w| !same_cell(&w[c], &windows[0][c])) {
                            doubt.push((*key, c));
                        }
                    }
                    windows.swap_remove(0)
                }
            }
        };
        let mut cells: Vec<Tok> = have.iter().filter(|t| !on_line(t)).cloned().collect();
        cells.extend(chosen);
        cells.sort_by_key(|t| t.start);
        match at {
            Some(i) => rows[i].1 = cells,
            None => rows.push((key, cells)),
        }
    }
    doubt
}
