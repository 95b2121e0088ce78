//! PDF text with positions → the text the readers work on.
//!
//! A PDF has no lines, rows or cells: only pieces of text placed on pages. Both the page
//! (PDF.js, `static/pdf-loader.js`) and the CLI (`crate::input::pdf`, natively) produce the same
//! positioned items; this module rebuilds from their coordinates what a person sees:
//!
//! - lines: items whose vertical extents overlap, ordered by x; text runs are joined, a wide
//!   horizontal gap starts a new cell (separated by a tab, so the tab-cell readers apply);
//! - table rows: a label wrapped over several lines inside its cell (「（二）部分公开（区分处理
//!   的，只计这一情 / 形，不计其他情形）」) is joined into the row whose numbers it belongs to,
//!   however the numbers sit between, above or below its lines;
//! - columns: the values of a row keep their printed order by x; a missing value between two
//!   printed ones stays an empty cell when the table's other rows show a column there;
//! - pages: a table continues across a page break; running headers and footers (page
//!   numbers, a repeated title line) are dropped;
//! - rotated pages: a page whose text mostly runs top to bottom (a landscape table printed
//!   sideways) is turned so that it reads left to right.
//!
//! Every character of the rebuilt text remembers the item it came from, so a finding can
//! point at the page and the place on it (`Span::page`, `x`, `y`).

use serde::Deserialize;

use crate::text::{is_page_marker, is_placeholder, parse_number};

/// One piece of text on a page, in display coordinates: origin at the top left of the page,
/// y downwards, in PDF points (1/72 inch), the page's rotation already applied.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TextItem {
    /// 1-based page number.
    pub page: u32,
    /// Left end of the baseline.
    pub x: f32,
    /// The baseline's distance from the top of the page.
    pub y: f32,
    /// Advance width along the text direction.
    pub w: f32,
    /// Font size (height of the text).
    pub h: f32,
    /// Text direction in degrees, clockwise: 0 left to right, 90 top to bottom, 180, 270.
    #[serde(default)]
    pub dir: u16,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Default)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

/// A PDF's text as positioned items (what `static/pdf-loader.js` and `crate::input::pdf` produce).
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct PositionedDoc {
    pub pages: Vec<PageSize>,
    pub items: Vec<TextItem>,
}

/// Where a character of the rebuilt text is on its page: the top left of its place, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pos {
    pub page: u32,
    pub x: f32,
    pub y: f32,
}

/// The rebuilt text and, for every run of it, where on which page it came from.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub text: String,
    /// (offset in `text`, position of the character there), sorted by offset; a run of text
    /// from one item has one entry per character.
    pub positions: Vec<(usize, Pos)>,
    /// Characters of text found (white space not counted).
    pub chars: usize,
    pub pages: usize,
}

/// An item after clean-up, in the page's reading orientation.
#[derive(Debug, Clone)]
struct It {
    page: u32,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    text: String,
}

impl It {
    fn top(&self) -> f32 {
        self.y - 0.8 * self.h
    }
    fn bottom(&self) -> f32 {
        self.y + 0.2 * self.h
    }
    fn right(&self) -> f32 {
        self.x + self.w
    }
}

/// A cell: neighbouring items of one line with no wide gap between them.
#[derive(Debug, Clone)]
struct Cell {
    items: Vec<usize>,
    x0: f32,
    x1: f32,
    numeric: bool,
}

#[derive(Debug, Clone)]
struct Line {
    /// Items in x order.
    items: Vec<usize>,
    top: f32,
    bottom: f32,
    /// Baseline of the first item.
    y: f32,
    h: f32,
    cells: Vec<Cell>,
}

impl Line {
    fn is_anchor(&self) -> bool {
        self.cells.iter().any(|c| c.numeric)
    }
    /// Left end of the first value cell.
    fn values_x(&self) -> Option<f32> {
        self.cells.iter().find(|c| c.numeric).map(|c| c.x0)
    }
}

/// Rebuild lines, rows and cells from positioned items.
pub fn layout(doc: &PositionedDoc) -> Layout {
    let npages = doc.pages.len().max(doc.items.iter().map(|i| i.page as usize).max().unwrap_or(0));
    let mut by_page: Vec<Vec<It>> = vec![Vec::new(); npages];
    for it in &doc.items {
        let ok = it.x.is_finite() && it.y.is_finite() && it.w.is_finite() && it.h.is_finite() && it.page >= 1;
        if !ok || it.text.trim().is_empty() {
            continue;
        }
        let text = squeeze(&crate::input::glyphs::unify(&it.text));
        by_page[it.page as usize - 1].push(It { page: it.page, x: it.x, y: it.y, w: it.w.max(0.0), h: it.h.abs().max(0.1), text });
    }
    // Turn pages that read sideways.
    for (i, items) in by_page.iter_mut().enumerate() {
        let size = doc.pages.get(i).copied().unwrap_or_default();
        let raw: Vec<&TextItem> = doc.items.iter().filter(|t| t.page as usize == i + 1 && !t.text.trim().is_empty()).collect();
        turn_page(items, &raw, size);
    }
    let mut pages: Vec<Vec<Line>> = Vec::with_capacity(npages);
    let mut all: Vec<Vec<It>> = Vec::with_capacity(npages);
    for items in by_page {
        let items = dedupe(items);
        let lines = lines_of(&items);
        pages.push(lines);
        all.push(items);
    }
    drop_running_lines(&mut pages, &all, &doc.pages);
    drop_repeated_headers(&mut pages, &all);

    let mut out = Out::default();
    let mut chars = 0;
    let mut page_rows: Vec<Vec<Row>> = Vec::with_capacity(pages.len());
    for (p, lines) in pages.iter().enumerate() {
        let items = &all[p];
        chars += lines.iter().flat_map(|l| l.items.iter()).map(|&i| items[i].text.chars().filter(|c| !c.is_whitespace()).count()).sum::<usize>();
        page_rows.push(rows_of(p, lines, items));
    }
    continue_rows_over_pages(&mut page_rows, &all);
    for rows in page_rows.iter_mut() {
        join_wrapped_numbers(rows, &all);
        keep_blank_columns(rows);
    }
    if let Some(first) = page_rows.first_mut() {
        join_wrapped_title(first, body_size(&all));
    }
    for rows in page_rows {
        let mut prev_bottom: Option<(f32, f32)> = None;
        for row in rows {
            if let Some((b, h)) = prev_bottom {
                // A visible gap (more than a line's height) becomes a blank line.
                if row.top - b > 1.2 * h.max(row.h) {
                    out.push_sep("\n");
                }
            }
            row.write(&all, &mut out);
            out.push_sep("\n");
            prev_bottom = Some((row.bottom, row.h));
        }
    }
    Layout { text: out.text, positions: out.positions, chars, pages: npages }
}

/// The size of the body text: the font size most characters are printed in.
fn body_size(all: &[Vec<It>]) -> f32 {
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for it in all.iter().flatten() {
        let n = it.text.chars().filter(|c| !c.is_whitespace()).count();
        match sizes.iter_mut().find(|s| (s.0 - it.h).abs() <= 0.05 * it.h) {
            Some(s) => s.1 += n,
            None => sizes.push((it.h, n)),
        }
    }
    sizes.iter().max_by_key(|s| s.1).map(|s| s.0).unwrap_or(0.0)
}

/// The title printed larger than the body text and wrapped over two or more lines
/// (「某某区发展和改革委员会2021」「年政府信息公开工作年度报告」 on a narrow page): among the
/// first lines of the first page, a line larger than the body text and the lines after it in
/// the same size, one text each, close below each other and centred alike or starting alike,
/// are one line.
fn join_wrapped_title(rows: &mut Vec<Row>, body: f32) {
    let single = |r: &Row| r.cells.len() == 1 && !r.has_values();
    let Some(i) = rows.iter().take(5).position(|r| single(r) && body > 0.0 && r.h >= 1.2 * body) else { return };
    while i + 1 < rows.len() {
        let (a, b) = (&rows[i], &rows[i + 1]);
        let h = a.h;
        let close = b.top - a.bottom <= 0.8 * h && b.top > a.top;
        let (ea, eb) = (a.extents[0], b.extents[0]);
        let aligned = ((ea.0 + ea.1) / 2.0 - (eb.0 + eb.1) / 2.0).abs() <= h || (ea.0 - eb.0).abs() <= 0.3 * h;
        if !(single(b) && (b.h - h).abs() <= 0.05 * h && close && aligned) {
            break;
        }
        let next = rows.remove(i + 1);
        let a = &mut rows[i];
        a.cells[0].extend(next.cells.into_iter().flatten());
        a.extents[0] = (ea.0.min(eb.0), ea.1.max(eb.1), false);
        a.bottom = next.bottom;
    }
}

/// Numbers wrapped inside narrow cells: Word and LibreOffice break a number that does not fit
/// its column (「1711」 as 「1」 over 「711」), and the row's other values stand on a line of
/// their own, level with the middle, the first or the last line of the wrapped ones. Two to
/// three rows a line apart or less (closer than any two table rows) whose values, once the
/// pieces stacked in one column on consecutive lines are joined, fill distinct columns, are one
/// row: the upper piece is digits not starting with 0 (a number cannot), the lower digits, in
/// one size; the rows below the first have no label of their own (only the rest of a wrapped
/// one, never an item number). Only in tables of five columns or more (三, 四).
fn join_wrapped_numbers(rows: &mut Vec<Row>, all: &[Vec<It>]) {
    let text = |cell: &[(usize, usize)]| -> String { cell.iter().map(|&(q, i)| all[q][i].text.as_str()).collect::<String>().trim().to_string() };
    // Baseline and size of a row's first value.
    let value_y = |r: &Row| -> Option<(f32, f32)> {
        let k = r.extents.iter().position(|e| e.2)?;
        let &(q, i) = r.cells[k].first()?;
        Some((all[q][i].y, all[q][i].h))
    };
    let widest = rows.iter().map(|r| r.extents.iter().filter(|e| e.2).count()).max().unwrap_or(0);
    if widest < 5 {
        return;
    }
    let mut i = 0;
    while i + 1 < rows.len() {
        let mut done = false;
        for j in i + 1..(i + 3).min(rows.len()) {
            let w = &rows[i..=j];
            let Some(ys) = w.iter().map(value_y).collect::<Option<Vec<(f32, f32)>>>() else { break };
            let h = ys[0].1;
            if ys.iter().any(|y| (y.1 - h).abs() > 0.1 * h) || ys[j - i].0 - ys[0].0 > 1.6 * h {
                continue;
            }

            // Value cells of the window: (row, cell).
            let vals: Vec<(usize, usize)> =
                w.iter().enumerate().flat_map(|(r, row)| (0..row.cells.len()).filter(move |&k| row.extents[k].2).map(move |k| (r, k))).collect();
            let ext = |v: (usize, usize)| w[v.0].extents[v.1];
            let piece_y = |v: (usize, usize)| w[v.0].cells[v.1].first().map(|&(q, i)| all[q][i].y).unwrap_or(0.0);
            let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
            // Stacked pieces: (upper, lower).
            let mut pairs: Vec<((usize, usize), (usize, usize))> = Vec::new();
            for &d in &vals {
                let dt = text(&w[d.0].cells[d.1]);
                if !digits(&dt) {
                    continue;
                }
                let up = vals.iter().copied().filter(|u| u.0 < d.0).find(|&u| {
                    let ut = text(&w[u.0].cells[u.1]);
                    let (ue, de) = (ext(u), ext(d));
                    let step = piece_y(d) - piece_y(u);
                    digits(&ut) && !ut.starts_with('0') && overlap(ue.0, ue.1, de.0, de.1) > 0.0 && step >= 0.8 * h && step <= 1.6 * h
                });
                if let Some(u) = up {
                    if !pairs.iter().any(|p| p.0 == u || p.1 == u) {
                        pairs.push((u, d));
                    }
                }
            }
            if pairs.is_empty() {
                continue;
            }
            // The cells of the joined row's values: each a piece alone or a stacked pair.
            let mut cells: Vec<(f32, f32, Vec<(usize, usize)>)> = Vec::new();
            for &v in &vals {
                if pairs.iter().any(|p| p.1 == v) {
                    continue;
                }
                let (x0, x1, _) = ext(v);
                let mut items = w[v.0].cells[v.1].clone();
                let (mut a, mut b) = (x0, x1);
                if let Some(p) = pairs.iter().find(|p| p.0 == v) {
                    items.extend(w[p.1 .0].cells[p.1 .1].iter().copied());
                    a = a.min(ext(p.1).0);
                    b = b.max(ext(p.1).1);
                }
                cells.push((a, b, items));
            }
            let o = order_by(&cells.iter().map(|c| (c.0, 0.0)).collect::<Vec<_>>());
            let cells = apply_order(cells, &o);
            if cells.len() < 5 || cells.windows(2).any(|c| c[1].0 < c[0].1) {
                continue;
            }
            // Labels: by column, top to bottom; one label a column (only its first piece may
            // start with an item number).
            let mut label: Vec<(f32, f32, Vec<(usize, usize)>)> = Vec::new();
            let mut one_label = true;
            for row in w {
                for k in (0..row.cells.len()).filter(|&k| !row.extents[k].2) {
                    let (x0, x1, _) = row.extents[k];
                    match label.iter_mut().find(|c| overlap(c.0, c.1, x0, x1) > 0.3 * (x1 - x0).min(c.1 - c.0).max(0.1)) {
                        Some(c) => {
                            one_label &= crate::text::starts_item(&text(&row.cells[k])).is_none();
                            c.0 = c.0.min(x0);
                            c.1 = c.1.max(x1);
                            c.2.extend(row.cells[k].iter().copied());
                        }
                        None => label.push((x0, x1, row.cells[k].clone())),
                    }
                }
            }
            if !one_label {
                continue;
            }
            let o = order_by(&label.iter().map(|c| (c.0, 0.0)).collect::<Vec<_>>());
            let label = apply_order(label, &o);
            let joined = Row {
                top: w.iter().map(|r| r.top).fold(f32::INFINITY, f32::min),
                bottom: w.iter().map(|r| r.bottom).fold(f32::NEG_INFINITY, f32::max),
                h: w[0].h,
                extents: label.iter().map(|c| (c.0, c.1, false)).chain(cells.iter().map(|c| (c.0, c.1, true))).collect(),
                cells: label.into_iter().map(|c| c.2).chain(cells.into_iter().map(|c| c.2)).collect(),
            };
            rows.splice(i..=j, std::iter::once(joined));
            done = true;
            break;
        }
        if !done {
            i += 1;
        }
    }
}

/// Blank cells of a wide table (table 三, 四): a row with fewer values than the rows around it
/// gets an empty cell where a column has no value, found by the x positions of the full rows'
/// values, so the values after a blank keep their columns. Only in blocks of rows whose full
/// rows have at least 5 values (table 二's one-value rows span their columns on purpose), and
/// only when each of the row's values sits in a distinct column.
fn keep_blank_columns(rows: &mut [Row]) {
    let values = |r: &Row| -> Vec<usize> { (0..r.cells.len()).filter(|&k| r.extents[k].2).collect() };
    // Blocks of rows with values, interrupted by at most three rows without.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut gap = 0;
    for (i, r) in rows.iter().enumerate() {
        if r.has_values() {
            if gap > 3 || blocks.is_empty() {
                blocks.push(Vec::new());
            }
            blocks.last_mut().unwrap().push(i);
            gap = 0;
        } else {
            gap += 1;
        }
    }
    for block in blocks {
        let counts: Vec<usize> = block.iter().map(|&i| values(&rows[i]).len()).collect();
        let full = counts.iter().copied().max().unwrap_or(0);
        if full < 5 {
            continue;
        }
        // Column centres from the full rows.
        let full_rows: Vec<usize> = block.iter().copied().filter(|&i| values(&rows[i]).len() == full).collect();
        let mut slots = vec![0f32; full];
        for &i in &full_rows {
            for (k, &c) in values(&rows[i]).iter().enumerate() {
                slots[k] += (rows[i].extents[c].0 + rows[i].extents[c].1) / 2.0 / full_rows.len() as f32;
            }
        }
        let min_gap = slots.windows(2).map(|w| w[1] - w[0]).fold(f32::INFINITY, f32::min);
        if !(min_gap.is_finite() && min_gap > 0.0) {
            continue;
        }
        for &i in &block {
            let vals = values(&rows[i]);
            if vals.len() >= full || vals.len() * 2 < full {
                continue;
            }
            // Each value's column.
            let mut cols = Vec::with_capacity(vals.len());
            for &c in &vals {
                let centre = (rows[i].extents[c].0 + rows[i].extents[c].1) / 2.0;
                let (k, d) = slots.iter().enumerate().map(|(k, s)| (k, (s - centre).abs())).fold((0, f32::INFINITY), |a, b| if b.1 < a.1 { b } else { a });
                cols.push((k, d));
            }
            let distinct = cols.windows(2).all(|w| w[0].0 < w[1].0);
            if !distinct || cols.iter().any(|c| c.1 > 0.4 * min_gap) {
                continue;
            }
            // Not when text stands between the values (it would be lost).
            if vals.windows(2).any(|w| w[1] != w[0] + 1) {
                continue;
            }
            // Rebuild the row: its label cells, then one cell per column.
            let r = &mut rows[i];
            let first_value = vals[0];
            let mut cells: Vec<Vec<(usize, usize)>> = r.cells[..first_value].to_vec();
            let mut extents: Vec<(f32, f32, bool)> = r.extents[..first_value].to_vec();
            for (k, slot) in slots.iter().enumerate() {
                match cols.iter().position(|c| c.0 == k) {
                    Some(j) => {
                        cells.push(r.cells[vals[j]].clone());
                        extents.push(r.extents[vals[j]]);
                    }
                    None => {
                        cells.push(Vec::new());
                        extents.push((*slot, *slot, true));
                    }
                }
            }
            // Text after the last value (a note) stays at the end.
            let last = *vals.last().unwrap();
            cells.extend(r.cells[last + 1..].iter().cloned());
            extents.extend(r.extents[last + 1..].iter().copied());
            r.cells = cells;
            r.extents = extents;
        }
    }
}

/// A table row cut by a page break, its cells' lines printed partly at the foot of one page
/// and partly at the top of the next:
/// - the rest of its label at the top of the next page (rows with no values, before the page's
///   first row with values, each cell in a label column of the row that ends the previous
///   page, not starting with an item number) is joined to that row;
/// - the start of its label at the foot of the previous page (rows with no values after the
///   last row with values there, each cell in a label column of the next page's first row,
///   whose label does not start with an item number and so goes on a label begun before) is
///   joined to the next page's first row.
fn continue_rows_over_pages(pages: &mut [Vec<Row>], all: &[Vec<It>]) {
    let text_of = |cell: &[(usize, usize)]| -> String { cell.iter().map(|&(q, i)| all[q][i].text.as_str()).collect() };
    let height = |cell: &[(usize, usize)]| -> f32 { cell.iter().map(|&(q, i)| all[q][i].h).fold(0.0, f32::max) };
    // The label cell of `row` (index) a cell (x0, x1) lies in.
    // (Not a line much wider than the cell: text under the table, not a label's next line.)
    let column = |row: &Row, x0: f32, x1: f32, slack: f32| -> Option<usize> {
        let first_value = row.extents.iter().position(|e| e.2).unwrap_or(row.extents.len());
        (0..first_value).find(|&k| {
            let (a, b, _) = row.extents[k];
            overlap(a, b, x0, x1) > 0.5 * (x1 - x0).min(b - a).max(0.1) && x1 - x0 <= slack * (b - a) + 3.0 * row.h
        })
    };
    let plain_label = |text: &str| crate::text::starts_item(text).is_none() && crate::sections::heading_of(text).is_none();
    for p in 1..pages.len() {
        let (before, after) = pages.split_at_mut(p);
        let prev = &mut before[p - 1];
        let next = &mut after[0];
        if prev.last().map(|r| r.has_values()).unwrap_or(false) {
            let last = prev.last_mut().unwrap();
            // (row on the new page, [(cell, label cell of `last` it continues)])
            let mut moves: Vec<Vec<(usize, usize)>> = Vec::new();
            for row in next.iter() {
                if row.has_values() {
                    break;
                }
                let mapped: Vec<(usize, usize)> = (0..row.cells.len())
                    .filter_map(|c| {
                        let k = column(last, row.extents[c].0, row.extents[c].1, 1.0)?;
                        let h = height(&row.cells[c]);
                        let fits = (h - last.h).abs() <= 0.25 * h.max(last.h) && plain_label(&text_of(&row.cells[c]));
                        fits.then_some((c, k))
                    })
                    .collect();
                if mapped.is_empty() || mapped.len() != row.cells.len() {
                    break;
                }
                moves.push(mapped);
            }
            // Only when the table goes on below them (other labels may come first: a group
            // label beside the next rows).
            let goes_on = next[moves.len()..]
                .iter()
                .take(8)
                .take_while(|r| r.has_values() || r.cells.iter().all(|c| crate::sections::heading_of(&text_of(c)).is_none()))
                .any(|r| r.has_values());
            if moves.is_empty() || !goes_on {
                continue;
            }
            for (r, mapped) in moves.iter().enumerate() {
                for &(c, k) in mapped {
                    let items = next[r].cells[c].clone();
                    last.cells[k].extend(items);
                }
            }
            next.drain(..moves.len());
        } else {
            // The rows after the previous page's last row with values.
            let Some(last_values) = prev.iter().rposition(|r| r.has_values()) else { continue };
            let Some(first) = next.first_mut() else { continue };
            if !first.has_values() {
                continue;
            }
            let first_value = first.extents.iter().position(|e| e.2).unwrap_or(0);
            if first_value == 0 {
                continue;
            }
            let tail = &prev[last_values + 1..];
            if tail.is_empty() || tail.len() > 6 {
                continue;
            }
            let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (tail row, cell, label cell of `first`)
            let mut ok = true;
            for (r, row) in tail.iter().enumerate() {
                for c in 0..row.cells.len() {
                    let text = text_of(&row.cells[c]);
                    let h = height(&row.cells[c]);
                    let k = column(first, row.extents[c].0, row.extents[c].1, 2.0);
                    // Only the first piece of a column may start with an item number.
                    let starts_label = moves.iter().all(|m| m.2 != k.unwrap_or(usize::MAX));
                    let fits = (h - first.h).abs() <= 0.25 * h.max(first.h)
                        && crate::sections::heading_of(&text).is_none()
                        && (starts_label || crate::text::starts_item(&text).is_none());
                    match k {
                        Some(k) if fits => moves.push((r, c, k)),
                        _ => ok = false,
                    }
                }
            }
            // Each label cell joined to goes on a label begun before.
            if !ok || moves.is_empty() || moves.iter().any(|m| !plain_label(&text_of(&first.cells[m.2]))) {
                continue;
            }
            let mut heads: Vec<Vec<(usize, usize)>> = vec![Vec::new(); first_value];
            for &(r, c, k) in &moves {
                heads[k].extend(tail[r].cells[c].iter().copied());
            }
            for (k, head) in heads.into_iter().enumerate() {
                if !head.is_empty() {
                    let rest = std::mem::take(&mut first.cells[k]);
                    first.cells[k] = head.into_iter().chain(rest).collect();
                }
            }
            prev.truncate(last_values + 1);
        }
    }
}

/// The output text with its positions.
#[derive(Default)]
struct Out {
    text: String,
    positions: Vec<(usize, Pos)>,
}

impl Out {
    fn push_sep(&mut self, s: &str) {
        self.text.push_str(s);
    }
    fn push_item(&mut self, it: &It, s: &str) {
        let n = it.text.chars().count().max(1) as f32;
        let top = it.top().max(0.0);
        for (k, (i, c)) in s.char_indices().enumerate() {
            let x = it.x + it.w * (k as f32) / n;
            self.positions.push((self.text.len() + i, Pos { page: it.page, x, y: top }));
            let _ = c;
        }
        self.text.push_str(s);
    }
}

/// Pages whose text runs mostly top to bottom (or upside down) are turned to read normally.
fn turn_page(items: &mut [It], raw: &[&TextItem], size: PageSize) {
    let mut weight = [0usize; 4];
    for t in raw {
        let d = ((t.dir as usize + 45) / 90) % 4;
        weight[d] += t.text.chars().count();
    }
    let dir = (0..4).max_by_key(|&d| (weight[d], d == 0)).unwrap_or(0);
    if dir == 0 {
        return;
    }
    let (w, h) = (size.width, size.height);
    for it in items.iter_mut() {
        let (x, y) = (it.x, it.y);
        let (nx, ny) = match dir {
            1 => (y, w - x),
            2 => (w - x, h - y),
            _ => (h - y, x),
        };
        it.x = nx;
        it.y = ny;
    }
}

/// Drop text drawn twice at (almost) the same place (a common way of making text bold).
fn dedupe(items: Vec<It>) -> Vec<It> {
    let order = order_by(&items.iter().map(|i| (i.y, i.x)).collect::<Vec<_>>());
    let items = apply_order(items, &order);
    let mut out: Vec<It> = Vec::with_capacity(items.len());
    for it in items {
        let dup = out.iter().rev().take(8).any(|o| o.text == it.text && (o.x - it.x).abs() < 0.3 * it.h && (o.y - it.y).abs() < 0.3 * it.h);
        if !dup {
            out.push(it);
        }
    }
    out
}

/// An item's text without the spaces between Chinese characters (letter-spaced labels,
/// 「商 业 企」; extractors differ in whether they put them in), without control characters.
fn squeeze(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(|c| if c.is_control() || c == '\u{3000}' || c == '\u{a0}' { ' ' } else { c }).collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = chars[..i].iter().rev().find(|c| **c != ' ');
            let next = chars[i + 1..].iter().find(|c| **c != ' ');
            let cjk_both = matches!((prev, next), (Some(a), Some(b)) if crate::text::is_cjk_text(*a) && crate::text::is_cjk_text(*b));
            if cjk_both || out.ends_with(' ') {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Indices of `keys` in order of (first, second) key, ties in index order. The one sorting
/// routine of this module: every distinct `sort_by` closure would add its own copy of the sort
/// to the page's wasm.
fn order_by(keys: &[(f32, f32)]) -> Vec<usize> {
    let mut idx: Vec<(f32, f32, usize)> = keys.iter().enumerate().map(|(i, k)| (k.0, k.1, i)).collect();
    idx.sort_unstable_by(cmp_keys);
    idx.into_iter().map(|t| t.2).collect()
}

fn cmp_keys(a: &(f32, f32, usize), b: &(f32, f32, usize)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
}

/// `v` rearranged into `order` (a permutation of its indices).
fn apply_order<T>(v: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect()
}

fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

fn is_value_text(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    !t.is_empty() && (parse_number(&t).is_some() || is_placeholder(&t))
}

/// Items grouped into lines (by vertical overlap), each split into cells.
fn lines_of(items: &[It]) -> Vec<Line> {
    let order = order_by(&items.iter().map(|i| (i.y, i.x)).collect::<Vec<_>>());
    let mut lines: Vec<Line> = Vec::new();
    for i in order {
        let it = &items[i];
        // The line this item overlaps most with (measured against the item of the line it
        // overlaps most, relative to the smaller of the two), among the last few lines.
        let mut best: Option<(usize, f32)> = None;
        for (k, l) in lines.iter().enumerate().rev().take(8) {
            let score = l.items.iter().map(|&j| overlap(it.top(), it.bottom(), items[j].top(), items[j].bottom()) / it.h.min(items[j].h)).fold(0.0, f32::max);
            if score >= 0.5 && best.map(|b| score > b.1).unwrap_or(true) {
                // Not if it would sit on top of text already in that line.
                let clash = l.items.iter().any(|&j| overlap(it.x, it.right(), items[j].x, items[j].right()) > 0.5 * it.w.min(items[j].w).max(0.1));
                if !clash {
                    best = Some((k, score));
                }
            }
        }
        match best {
            Some((k, _)) => {
                let l = &mut lines[k];
                l.items.push(i);
                if l.h < it.h {
                    l.h = it.h;
                }
            }
            None => lines.push(Line { items: vec![i], top: it.top(), bottom: it.bottom(), y: it.y, h: it.h, cells: Vec::new() }),
        }
    }
    for l in lines.iter_mut() {
        let o = order_by(&l.items.iter().map(|&i| (items[i].x, 0.0)).collect::<Vec<_>>());
        l.items = o.iter().map(|&k| l.items[k]).collect();
        l.top = l.items.iter().map(|&i| items[i].top()).fold(f32::INFINITY, f32::min);
        l.bottom = l.items.iter().map(|&i| items[i].bottom()).fold(f32::NEG_INFINITY, f32::max);
    }
    // Left edges: where three or more lines of the page start (a margin, a left-aligned
    // column's cells).
    let starts: Vec<f32> = lines.iter().filter_map(|l| l.items.first().map(|&i| items[i].x)).collect();
    let edges: Vec<f32> = starts.iter().copied().filter(|&x| starts.iter().filter(|&&y| (x - y).abs() <= 0.5).count() >= 3).collect();
    for l in lines.iter_mut() {
        l.cells = cells_of(&l.items, items, &edges);
    }
    join_spread_pairs(&mut lines, items);
    let o = order_by(&lines.iter().map(|l| (l.y, 0.0)).collect::<Vec<_>>());
    let lines = apply_order(lines, &o);
    lines
}

/// Split a line's items (in x order) into cells at wide gaps.
fn cells_of(line: &[usize], items: &[It], edges: &[f32]) -> Vec<Cell> {
    let spread = letter_spaced(line, items);
    let mut cells: Vec<Cell> = Vec::new();
    for (k, &i) in line.iter().enumerate() {
        let it = &items[i];
        let new_cell = match cells.last() {
            None => true,
            Some(_) if spread[k - 1] => false,
            Some(c) => {
                let prev = &items[*c.items.last().unwrap()];
                let gap = it.x - c.x1;
                let em = prev.h.min(it.h);
                // A value next to text, or two values, are separate cells at a smaller gap; so
                // is text that starts with an item number after a gap (a group label and the
                // label of its first item in narrow, tightly padded columns: 「（六）其他处」
                // 「1.申请人无正」).
                let v = is_value_text(&it.text) || is_value_text(&prev.text);
                // (The item number may be cut into several items: 「(」「二」「) 部分公开」.)
                let ahead: String = line[k..line.len().min(k + 3)].iter().map(|&j| items[j].text.as_str()).collect();
                let item = crate::text::starts_item(&it.text).is_some() || crate::text::starts_item(&ahead).is_some();
                // Text starting at a left edge where other lines start (a left-aligned column
                // beside a group label that fills its own) is a new cell at a narrow gap too.
                let edge = gap > 0.3 * em && edges.iter().any(|&e| (e - it.x).abs() <= 0.5);
                edge || gap > if v || item { 0.6 * em } else { 1.0 * em }
            }
        };
        if new_cell {
            cells.push(Cell { items: vec![i], x0: it.x, x1: it.right(), numeric: false });
        } else {
            let c = cells.last_mut().unwrap();
            c.items.push(i);
            c.x1 = c.x1.max(it.right());
        }
    }
    for c in cells.iter_mut() {
        let text: String = c.items.iter().map(|&i| items[i].text.as_str()).collect();
        c.numeric = is_value_text(&text);
    }
    cells
}

/// Text spread over its cell's width (分散对齐, `text-align: justify` on every line): one
/// character an item, wide and equal gaps between them. `out[k]` says that item k and k + 1
/// of the line are such neighbours: in a run of three or more one-character items with equal
/// gaps, most of them Chinese (not a row of one-digit values in equal columns), or the first
/// two items of a line with values, each one Chinese character (「规 章」).
fn letter_spaced(line: &[usize], items: &[It]) -> Vec<bool> {
    let mut out = vec![false; line.len()];
    let one = |k: usize| -> Option<char> {
        let t = items[line[k]].text.trim();
        let mut cs = t.chars();
        let c = cs.next()?;
        cs.next().is_none().then_some(c)
    };
    let gap = |k: usize| items[line[k + 1]].x - items[line[k]].right();
    // (A value may only begin a run: the 「1」 of 「1 、 属 于 …」, not a value beside the label;
    // but 「无」 is also a character of labels.)
    let next_ok = |k: usize| one(k).map(|c| c == '无' || !is_value_text(&items[line[k]].text)).unwrap_or(false);
    let mut k = 0;
    while k + 1 < line.len() {
        if one(k).is_none() || !next_ok(k + 1) || gap(k) <= 0.3 * items[line[k]].h {
            k += 1;
            continue;
        }
        let g = gap(k);
        let mut e = k + 1;
        while e + 1 < line.len() && next_ok(e + 1) && (gap(e) - g).abs() <= 0.6f32.max(0.05 * g) {
            e += 1;
        }
        let n = e - k + 1;
        let cjk = (k..=e).filter(|&j| one(j).map(crate::text::is_cjk_text).unwrap_or(false)).count();
        if n >= 3 && 3 * cjk >= 2 * n {
            out[k..e].iter_mut().for_each(|o| *o = true);
        }
        k = e;
    }
    out
}

/// Two characters spread over their cell (「规 章」, the last line 「申 请」 of a label spread
/// over every line): two cells of one Chinese character each, the first starting where a cell
/// of a line close above or below starts and the second ending where it ends, are one cell.
fn join_spread_pairs(lines: &mut [Line], items: &[It]) {
    let ideograph = |c: &Cell| -> bool {
        let t: Vec<char> = c.items.iter().flat_map(|&i| items[i].text.trim().chars()).collect();
        t.len() == 1 && ('\u{4e00}'..='\u{9fff}').contains(&t[0])
    };
    for l in 0..lines.len() {
        let mut k = 0;
        while k + 1 < lines[l].cells.len() {
            let (a, b) = (&lines[l].cells[k], &lines[l].cells[k + 1]);
            let h = lines[l].h;
            let framed = ideograph(a)
                && ideograph(b)
                && lines.iter().enumerate().any(|(m, o)| {
                    m != l && (o.y - lines[l].y).abs() <= 2.5 * h && o.cells.iter().any(|c| (c.x0 - a.x0).abs() <= 0.5 && (c.x1 - b.x1).abs() <= 0.5)
                });
            if framed {
                let b = lines[l].cells.remove(k + 1);
                let a = &mut lines[l].cells[k];
                a.items.extend(b.items);
                a.x1 = b.x1;
                // 「无」 alone is a value (none); 「无 法」 is a label.
                let text: String = a.items.iter().map(|&i| items[i].text.as_str()).collect();
                a.numeric = is_value_text(&text);
            }
            k += 1;
        }
    }
}

/// Drop running headers and footers: the first or last line of a page that is a page number,
/// or whose text (digits aside) is also the first or last line of another page.
fn drop_running_lines(pages: &mut [Vec<Line>], items: &[Vec<It>], sizes: &[PageSize]) {
    let text_of = |p: usize, l: &Line| -> String { l.items.iter().map(|&i| items[p][i].text.as_str()).collect::<String>() };
    let key = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect() };
    // (page, line index, key) of every page's top and bottom lines.
    let mut edges: Vec<(usize, usize, String, bool)> = Vec::new();
    for (p, lines) in pages.iter().enumerate() {
        let height = sizes.get(p).map(|s| s.height).filter(|h| *h > 0.0).unwrap_or_else(|| lines.iter().map(|l| l.bottom).fold(0.0, f32::max));
        if let Some(first) = lines.first() {
            if first.top < 0.15 * height {
                edges.push((p, 0, key(&text_of(p, first)), true));
            }
        }
        if lines.len() > 1 {
            let last = lines.last().unwrap();
            if last.bottom > 0.85 * height {
                edges.push((p, lines.len() - 1, key(&text_of(p, last)), false));
            }
        }
    }
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for (p, li, k, top) in &edges {
        let text = text_of(*p, &pages[*p][*li]);
        let marker = is_page_marker(&text) || (k.chars().all(|c| c == '#') && k.len() <= 4 && !top);
        let repeated = edges.iter().any(|(q, _, k2, t2)| q != p && k2 == k && t2 == top);
        if marker || repeated {
            drop.push((*p, *li));
        }
    }
    let o = order_by(&drop.iter().map(|d| (d.0 as f32, d.1 as f32)).collect::<Vec<_>>());
    let drop = apply_order(drop, &o);
    for (p, li) in drop.into_iter().rev() {
        pages[p].remove(li);
    }
}

/// A table's header rows repeated at the top of each page the table runs onto (an HTML
/// `<thead>` as browsers print it, Word's "repeat as header row"): the lines at the top of a
/// page, before its first line with values, that print the same texts at the same places as
/// lines standing right above a table's values on an earlier page (the same x, the same steps
/// between them) are dropped, so that the table reads on as one. At least two lines must
/// repeat so: a table's header has two rows or more, and a page that opens with a block of
/// table 二 (「信息内容 本年处理决定数量」, a line that also heads the block before) keeps it.
fn drop_repeated_headers(pages: &mut [Vec<Line>], items: &[Vec<It>]) {
    // Does page q have the item `it` of page p, moved down by dy?
    let has = |q: usize, it: &It, dy: f32| -> bool {
        let tol = 0.15 * it.h;
        items[q].iter().any(|o| (o.x - it.x).abs() <= tol && (o.y - it.y - dy).abs() <= tol && (o.h - it.h).abs() <= tol && o.text == it.text)
    };
    for p in 1..pages.len() {
        let lines = &pages[p];
        let Some(first_values) = lines.iter().position(|l| l.is_anchor()) else { continue };
        if first_values < 2 {
            continue;
        }
        let Some(&a) = lines[0].items.first() else { continue };
        let anchor = &items[p][a];
        let mut best = 0usize;
        for q in (0..p).rev() {
            for cand in &items[q] {
                if cand.text != anchor.text || (cand.x - anchor.x).abs() > 0.15 * anchor.h || (cand.h - anchor.h).abs() > 0.15 * anchor.h {
                    continue;
                }
                let dy = cand.y - anchor.y;
                let n = (0..first_values).take_while(|&k| lines[k].items.iter().all(|&i| has(q, &items[p][i], dy))).count();
                if n < 2 || n <= best {
                    continue;
                }
                // On page q those lines stood above a table's values.
                let below = lines[n - 1].bottom + dy;
                if pages[q].iter().filter(|l| l.top >= below - 0.3 * anchor.h).take(3).any(|l| l.is_anchor()) {
                    best = n;
                }
            }
            if best > 0 {
                break;
            }
        }
        let chars: usize = pages[p][..best].iter().flat_map(|l| l.items.iter()).map(|&i| items[p][i].text.chars().filter(|c| !c.is_whitespace()).count()).sum();
        if best >= 2 && chars >= 4 {
            pages[p].drain(..best);
        }
    }
}

/// A row of output: a line, possibly with label fragments of its table row joined in.
struct Row {
    top: f32,
    bottom: f32,
    h: f32,
    /// Cells in order; each cell is a list of (page index, item) (a joined label may come from
    /// several lines, even from the top of the next page).
    cells: Vec<Vec<(usize, usize)>>,
    /// Each cell's horizontal extent and whether it is a value.
    extents: Vec<(f32, f32, bool)>,
}

impl Row {
    fn has_values(&self) -> bool {
        self.extents.iter().any(|e| e.2)
    }
}

impl Row {
    fn write(&self, all: &[Vec<It>], out: &mut Out) {
        for (k, cell) in self.cells.iter().enumerate() {
            if k > 0 {
                out.push_sep("\t");
            }
            let mut prev: Option<&It> = None;
            for &(p, i) in cell {
                let it = &all[p][i];
                let text = it.text.trim();
                if let Some(p) = prev {
                    if needs_space(p, it) {
                        out.push_sep(" ");
                    }
                }
                // Keep the item's own inner spacing but not tabs or line breaks.
                let clean: String = text.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect();
                out.push_item(it, &clean);
                prev = Some(it);
            }
        }
    }
}

/// A space between two items of one cell: when they are on one line with a visible gap, or
/// when a wrapped line break falls between two Latin words.
fn needs_space(a: &It, b: &It) -> bool {
    let last = a.text.trim_end().chars().last().unwrap_or(' ');
    let first = b.text.trim_start().chars().next().unwrap_or(' ');
    let same_line = overlap(a.top(), a.bottom(), b.top(), b.bottom()) > 0.3 * a.h.min(b.h);
    if !same_line {
        // (A number wrapped in a narrow cell is one number.)
        return last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() && !(last.is_ascii_digit() && first.is_ascii_digit());
    }
    let gap = b.x - a.right();
    let em = a.h.min(b.h);
    let cjk_punct = |c: char| ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff01}'..='\u{ff0f}').contains(&c) || ('\u{ff1a}'..='\u{ff20}').contains(&c);
    if (crate::text::is_cjk_text(last) && crate::text::is_cjk_text(first)) || cjk_punct(last) || cjk_punct(first) {
        // Chinese has no spaces between characters, nor beside its punctuation; a gap is
        // letter spacing or justification (「4 、无正当理由…」 spread over its cell).
        false
    } else {
        gap > 0.15 * em
    }
}

/// An item number cut by the end of its line in a narrow column: 「（三」 over 「）不予公开」.
/// No line of a wrapped label is only that.
fn cut_item(s: &str) -> bool {
    let t: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 2 && t.len() <= 3 && matches!(t[0], '（' | '(') && t[1..].iter().all(|&c| crate::text::is_cjk_numeral(c) || c.is_ascii_digit())
}

/// Lines of one page, with wrapped row labels joined into their table rows.
///
/// Label pieces (text left of a row's values, and lines with no values at all) stacked in one
/// column a wrapped line's step apart form a cell's text, until a piece that starts with an
/// item number begins the next cell. A cell's text with the label of exactly one row with
/// values is that row's label; a cell's text with no values of its own belongs to the row
/// whose values lie beside it (a label wrapped over two lines has its values between them).
/// A section heading is never part of a row.
fn rows_of(page: usize, lines: &[Line], items: &[It]) -> Vec<Row> {
    #[derive(Clone, Copy)]
    struct Piece {
        line: usize,
        cell: usize,
        x0: f32,
        x1: f32,
        y: f32,
        h: f32,
        item: bool,
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        let text: String = l.items.iter().map(|&i| items[i].text.as_str()).collect();
        if !l.is_anchor() && crate::sections::heading_of(&text).is_some() {
            continue;
        }
        let vx = l.values_x();
        for (ci, c) in l.cells.iter().enumerate() {
            if c.numeric || vx.map(|v| c.x0 >= v).unwrap_or(false) {
                continue;
            }
            let ctext: String = c.items.iter().map(|&i| items[i].text.as_str()).collect();
            let h = c.items.iter().map(|&i| items[i].h).fold(0.0, f32::max);
            let y = c.items.first().map(|&i| items[i].y).unwrap_or(l.y);
            pieces.push(Piece { line: li, cell: ci, x0: c.x0, x1: c.x1, y, h, item: crate::text::starts_item(&ctext).is_some() || cut_item(&ctext) });
        }
    }
    // Cells: chains of pieces in one column, split where an item number starts a label.
    let order = order_by(&pieces.iter().map(|p| (p.y, p.x0)).collect::<Vec<_>>());
    let mut next: Vec<Option<usize>> = vec![None; pieces.len()];
    let mut has_prev = vec![false; pieces.len()];
    for (k, &a) in order.iter().enumerate() {
        let pa = pieces[a];
        for &b in order[k + 1..].iter() {
            let pb = pieces[b];
            let step = pb.y - pa.y;
            if step <= 0.3 * pa.h {
                continue;
            }
            if step > 2.3 * pa.h.max(pb.h) {
                break;
            }
            let ov = overlap(pa.x0, pa.x1, pb.x0, pb.x1);
            if ov > 0.5 * (pa.x1 - pa.x0).min(pb.x1 - pb.x0).max(0.1) {
                let same_size = (pa.h - pb.h).abs() <= 0.2 * pa.h.max(pb.h);
                if same_size && !pb.item && !has_prev[b] && pb.line != pa.line {
                    next[a] = Some(b);
                    has_prev[b] = true;
                }
                break;
            }
        }
    }
    // (line, cell) of a text-only line -> the anchor line whose label it continues.
    let mut attach: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for &start in order.iter().filter(|&&i| !has_prev[i]) {
        let mut cell = vec![start];
        while let Some(n) = next[*cell.last().unwrap()] {
            cell.push(n);
        }
        let loose: Vec<usize> = cell.iter().copied().filter(|&i| !lines[pieces[i].line].is_anchor()).collect();
        if loose.is_empty() {
            continue;
        }
        let mut anchors: Vec<usize> = cell.iter().map(|&i| pieces[i].line).filter(|&l| lines[l].is_anchor()).collect();
        anchors.dedup();
        let h = pieces[start].h;
        let x1 = cell.iter().map(|&i| pieces[i].x1).fold(f32::NEG_INFINITY, f32::max);
        if anchors.is_empty() {
            // Values beside the cell's text, with no label of their own.
            let y0 = pieces[start].y - 0.6 * h;
            let y1 = pieces[*cell.last().unwrap()].y + 0.6 * h;
            let mid = (y0 + y1) / 2.0;
            let cands: Vec<usize> = (0..lines.len())
                .filter(|&l| {
                    let ln = &lines[l];
                    let Some(vx) = ln.values_x() else { return false };
                    let label_free = ln.cells.iter().all(|c| c.numeric || c.x0 >= vx || c.x1 < pieces[start].x0);
                    ln.y >= y0 && ln.y <= y1 && vx >= x1 - 0.3 * h && label_free
                })
                .collect();
            let o = order_by(&cands.iter().map(|&a| ((lines[a].y - mid).abs(), 0.0)).collect::<Vec<_>>());
            let cands: Vec<usize> = o.iter().map(|&k| cands[k]).collect();
            anchors = cands.into_iter().take(1).collect();
        }
        if anchors.len() != 1 {
            continue;
        }
        let a = anchors[0];
        let vx = lines[a].values_x().unwrap_or(f32::INFINITY);
        for &i in &loose {
            let (l, c) = (pieces[i].line, pieces[i].cell);
            if lines[l].cells[c].x1 <= vx + 0.3 * h {
                attach.entry((l, c)).or_insert(a);
            }
        }
    }
    // Build the rows.
    let mut rows = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        // The cells of this line that are not part of another row's label.
        let own: Vec<usize> = (0..l.cells.len()).filter(|&c| !attach.contains_key(&(li, c))).collect();
        let mut joined_cells: Vec<(usize, usize)> = attach.iter().filter(|(_, &a)| a == li).map(|(&k, _)| k).collect();
        joined_cells.sort_unstable();
        if own.is_empty() {
            continue;
        }
        if joined_cells.is_empty() {
            let cells = own.iter().map(|&c| l.cells[c].items.iter().map(|&i| (page, i)).collect()).collect();
            let extents = own.iter().map(|&c| (l.cells[c].x0, l.cells[c].x1, l.cells[c].numeric)).collect();
            rows.push(Row { top: l.top, bottom: l.bottom, h: l.h, cells, extents });
            continue;
        }
        let joined: Vec<usize> = {
            let mut v: Vec<usize> = joined_cells.iter().map(|k| k.0).collect();
            v.dedup();
            v
        };
        // Label cells of the row: this line's label cells and the joined lines' cells, grouped
        // into columns by horizontal overlap, each column read top to bottom.
        let vx = l.values_x().unwrap_or(f32::INFINITY);
        let mut label: Vec<(f32, f32, f32, Vec<usize>)> = Vec::new(); // (x0, x1, y, items)
        for c in l.cells.iter().filter(|c| !c.numeric && c.x0 < vx) {
            label.push((c.x0, c.x1, l.y, c.items.clone()));
        }
        for &(k, ci) in &joined_cells {
            let c = &lines[k].cells[ci];
            label.push((c.x0, c.x1, lines[k].y, c.items.clone()));
        }
        let o = order_by(&label.iter().map(|l| (l.0, 0.0)).collect::<Vec<_>>());
        let label = apply_order(label, &o);
        let mut cols: Vec<(f32, f32, Vec<(f32, Vec<usize>)>)> = Vec::new();
        for (x0, x1, y, its) in label {
            match cols.iter_mut().find(|c| overlap(c.0, c.1, x0, x1) > 0.3 * (x1 - x0).min(c.1 - c.0).max(0.1)) {
                Some(c) => {
                    c.0 = c.0.min(x0);
                    c.1 = c.1.max(x1);
                    c.2.push((y, its));
                }
                None => cols.push((x0, x1, vec![(y, its)])),
            }
        }
        let o = order_by(&cols.iter().map(|c| (c.0, 0.0)).collect::<Vec<_>>());
        let cols = apply_order(cols, &o);
        let mut cells: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut extents = Vec::new();
        for (x0, x1, parts) in cols {
            let o = order_by(&parts.iter().map(|p| (p.0, 0.0)).collect::<Vec<_>>());
            let parts = apply_order(parts, &o);
            cells.push(parts.into_iter().flat_map(|p| p.1).map(|i| (page, i)).collect());
            extents.push((x0, x1, false));
        }
        for c in l.cells.iter().filter(|c| c.numeric || c.x0 >= vx) {
            cells.push(c.items.iter().map(|&i| (page, i)).collect());
            extents.push((c.x0, c.x1, c.numeric));
        }
        let top = joined.iter().map(|&k| lines[k].top).fold(l.top, f32::min);
        let bottom = joined.iter().map(|&k| lines[k].bottom).fold(l.bottom, f32::max);
        rows.push(Row { top, bottom, h: l.h, cells, extents });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(page: u32, x: f32, y: f32, text: &str) -> TextItem {
        let n = text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum::<f32>();
        TextItem { page, x, y, w: n * 10.0, h: 10.0, dir: 0, text: text.to_string() }
    }

    fn doc(items: Vec<TextItem>) -> PositionedDoc {
        let pages = items.iter().map(|i| i.page).max().unwrap_or(1);
        PositionedDoc { pages: vec![PageSize { width: 600.0, height: 800.0 }; pages as usize], items }
    }

    #[test]
    fn cells_and_wrapped_labels() {
        let d = doc(vec![
            item(1, 50.0, 100.0, "（一）予以公开"),
            item(1, 300.0, 101.0, "12"),
            item(1, 350.0, 101.0, "0"),
            item(1, 50.0, 130.0, "（二）部分公开（区分处理的，只计这一情"),
            item(1, 300.0, 137.0, "4"),
            item(1, 350.0, 137.0, "1"),
            item(1, 50.0, 144.0, "形，不计其他情形）"),
        ]);
        let l = layout(&d);
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        assert_eq!(lines, vec!["（一）予以公开\t12\t0", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4\t1"]);
        // Every character maps back to its page and place.
        let p = l.text.find('4').unwrap();
        let pos = l.positions.iter().find(|e| e.0 == p).unwrap().1;
        assert_eq!((pos.page, pos.x), (1, 300.0));
    }

    #[test]
    fn page_numbers_and_running_headers_are_dropped() {
        let d = doc(vec![
            item(1, 200.0, 30.0, "某某区人民政府"),
            item(1, 50.0, 200.0, "一、总体情况"),
            item(1, 280.0, 780.0, "- 1 -"),
            item(2, 200.0, 30.0, "某某区人民政府"),
            item(2, 50.0, 200.0, "二、主动公开政府信息情况"),
            item(2, 280.0, 780.0, "- 2 -"),
        ]);
        let l = layout(&d);
        assert_eq!(l.text.split_whitespace().collect::<Vec<_>>(), vec!["一、总体情况", "二、主动公开政府信息情况"]);
    }

    #[test]
    fn taller_numbers_and_vertical_labels_stay_in_their_rows() {
        // Numbers in a larger font than their label; a vertical group label (one character
        // per line) running down beside the rows.
        let mk = |x: f32, y: f32, w: f32, h: f32, t: &str| TextItem { page: 1, x, y, w, h, dir: 0, text: t.into() };
        let mut items =
            vec![mk(90.0, 626.6, 10.0, 10.0, "本"), mk(90.0, 646.7, 10.0, 10.0, "年"), mk(180.0, 634.0, 7.5, 10.0, "3."), mk(188.0, 634.0, 18.0, 9.0, "危及")];
        for x in [322.0, 352.0, 380.0, 409.0, 437.0, 465.0, 495.0] {
            items.push(mk(x, 633.6, 7.0, 14.0, "0"));
        }
        let l = layout(&doc(items));
        let row = l.text.lines().find(|s| s.contains("危及")).unwrap();
        assert_eq!(row.matches('0').count(), 7, "{}", l.text);
    }

    #[test]
    fn a_blank_cell_keeps_the_columns_of_the_values_after_it() {
        let mut items = vec![];
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        for (row, (label, vals)) in [
            ("（一）予以公开", [Some("1"), Some("0"), Some("0"), Some("0"), Some("0"), Some("0"), Some("1")]),
            ("（二）部分公开", [Some("2"), None, Some("0"), Some("0"), Some("0"), Some("0"), Some("2")]),
            ("（七）总计", [Some("3"), Some("0"), Some("0"), Some("0"), Some("0"), Some("0"), Some("3")]),
        ]
        .iter()
        .enumerate()
        {
            let y = 100.0 + 20.0 * row as f32;
            items.push(item(1, 50.0, y, label));
            for (x, v) in xs.iter().zip(vals.iter()) {
                if let Some(v) = v {
                    items.push(item(1, *x, y, v));
                }
            }
        }
        let l = layout(&doc(items));
        let row = l.text.lines().find(|s| s.starts_with("（二）")).unwrap();
        assert_eq!(row, "（二）部分公开\t2\t\t0\t0\t0\t0\t2");
    }

    #[test]
    fn sideways_pages_are_turned() {
        // A page printed sideways: text runs top to bottom (dir 90); x grows downwards.
        let mut items = vec![];
        for (k, (t, v)) in [("规章", "3"), ("行政规范性文件", "5")].iter().enumerate() {
            let x = 500.0 - 30.0 * k as f32; // later lines further left
            items.push(TextItem { page: 1, x, y: 100.0, w: 60.0, h: 10.0, dir: 90, text: t.to_string() });
            items.push(TextItem { page: 1, x, y: 400.0, w: 5.0, h: 10.0, dir: 90, text: v.to_string() });
        }
        let l = layout(&doc(items));
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        assert_eq!(lines, vec!["规章\t3", "行政规范性文件\t5"]);
    }

    /// Table 三's header (two lines) and rows from `y`, the values at xs.
    fn t3_rows(page: u32, y: f32, header: bool, rows: &[(&str, &[&str])]) -> Vec<TextItem> {
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        let mut out = vec![];
        let mut y = y;
        if header {
            out.push(item(page, 400.0, y, "申请人情况"));
            y += 15.0;
            for (x, t) in xs.iter().zip(["自然人", "商业", "科研", "公益", "法律", "其他", "总计"]) {
                out.push(item(page, *x, y, t));
            }
            y += 20.0;
        }
        for (label, vals) in rows {
            if !label.is_empty() {
                out.push(item(page, 50.0, y, label));
            }
            for (x, v) in xs.iter().zip(vals.iter()) {
                out.push(item(page, *x, y, v));
            }
            y += 20.0;
        }
        out
    }

    const ZEROS: &[&str] = &["0", "0", "0", "0", "0", "0", "0"];

    #[test]
    fn a_header_repeated_on_the_next_page_is_dropped() {
        let mut items = t3_rows(1, 600.0, true, &[("（一）予以公开", &["1", "0", "0", "0", "0", "0", "1"]), ("（二）部分公开", ZEROS)]);
        items.extend(t3_rows(2, 100.0, true, &[("1.属于国家秘密", ZEROS), ("2.其他法律行政法规禁止公开", ZEROS)]));
        let l = layout(&doc(items));
        assert_eq!(l.text.matches("申请人情况").count(), 1, "{}", l.text);
        assert_eq!(l.text.matches("自然人").count(), 1, "{}", l.text);
        assert!(l.text.contains("（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n1.属于国家秘密\t0"), "{}", l.text);
    }

    #[test]
    fn a_block_heading_line_of_table_two_opening_a_page_stays() {
        // 「信息内容 本年处理决定数量」 heads both blocks: one line repeating is not a header.
        let block = |page: u32, y: f32, label: &str| {
            vec![
                item(page, 50.0, y, "信息内容"),
                item(page, 300.0, y, "本年处理决定数量"),
                item(page, 50.0, y + 20.0, label),
                item(page, 300.0, y + 20.0, "12"),
            ]
        };
        let mut items = block(1, 700.0, "行政许可");
        items.extend(block(2, 100.0, "行政处罚"));
        let l = layout(&doc(items));
        assert_eq!(l.text.matches("信息内容").count(), 2, "{}", l.text);
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined_whichever_side_its_values_are() {
        // Values on the first page, the rest of the label below the repeated header.
        let mut items = t3_rows(1, 600.0, true, &[("（一）予以公开", ZEROS), ("5.属于三类内", ZEROS)]);
        items.extend(t3_rows(2, 100.0, true, &[]));
        items.push(item(2, 50.0, 135.0, "部事务信息"));
        items.extend(t3_rows(2, 155.0, false, &[("6.属于四类过程性信息", ZEROS)]));
        let l = layout(&doc(items));
        assert!(l.text.contains("5.属于三类内部事务信息\t0"), "{}", l.text);
        // The start of the label at the foot of the page, the values with its rest on the next.
        let mut items = t3_rows(1, 600.0, false, &[("（一）予以公开", ZEROS)]);
        items.push(item(1, 50.0, 620.0, "8.属于行政查"));
        items.extend(t3_rows(2, 100.0, false, &[("询事项", ZEROS), ("1.本机关不掌握相关政府信息", ZEROS)]));
        let l = layout(&doc(items));
        assert!(l.text.contains("\n8.属于行政查询事项\t0\t0"), "{}", l.text);
    }

    #[test]
    fn an_item_number_after_a_narrow_gap_starts_a_cell() {
        // A group label and its first item's label, 0.9 em apart.
        let mut items = vec![item(1, 50.0, 100.0, "（六）其他处"), item(1, 119.0, 100.0, "1.申请人无正")];
        items.push(item(1, 75.0, 115.0, "理"));
        items.push(item(1, 119.0, 115.0, "当理由逾期不"));
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        for x in xs {
            items.push(item(1, x, 107.0, "0"));
        }
        let l = layout(&doc(items));
        let row = l.text.lines().find(|s| s.contains('0')).unwrap();
        assert!(row.starts_with("（六）其他处理\t1.申请人无正当理由逾期不\t0"), "{}", l.text);
    }

    #[test]
    fn a_wrapped_title_is_one_line() {
        let big = |x: f32, y: f32, t: &str| TextItem { page: 1, x, y, w: 18.0 * t.chars().count() as f32, h: 18.0, dir: 0, text: t.into() };
        let mut items = vec![big(60.0, 60.0, "某某区发展和改革委员会2021"), big(70.0, 84.0, "年政府信息公开工作年度报告")];
        items.push(item(1, 50.0, 120.0, "本报告根据《中华人民共和国政府信息公开条例》编制，"));
        items.push(item(1, 50.0, 136.0, "所列数据的统计期限自1月1日起至12月31日止。"));
        let l = layout(&doc(items));
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        assert_eq!(lines[0], "某某区发展和改革委员会2021年政府信息公开工作年度报告");
        assert_eq!(lines.len(), 3, "{}", l.text);
    }

    #[test]
    fn a_number_wrapped_in_its_cell_is_one_number() {
        // 「1711」 and 「1866」 wrapped in narrow cells; the row's other values level with the middle.
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        let mut items = vec![item(1, 50.0, 100.0, "一、本年新收政府"), item(1, 50.0, 111.0, "信息公开申请数量")];
        items.push(item(1, xs[0], 100.0, "1"));
        items.push(item(1, xs[0], 111.0, "711"));
        items.push(item(1, xs[6], 100.0, "1"));
        items.push(item(1, xs[6], 111.0, "866"));
        for (x, v) in xs[1..6].iter().zip(["122", "0", "17", "10", "6"]) {
            items.push(item(1, *x, 105.5, v));
        }
        items.extend(t3_rows(1, 130.0, false, &[("二、上年结转政府信息公开申请数量", &["1", "0", "0", "0", "0", "0", "1"])]));
        let l = layout(&doc(items));
        assert!(l.text.contains("一、本年新收政府信息公开申请数量\t1711\t122\t0\t17\t10\t6\t1866\n"), "{}", l.text);
        // Two rows of one column, a line apart, are two numbers: the upper piece is 0.
        let mut items = t3_rows(1, 100.0, false, &[("1.属于国家秘密", ZEROS)]);
        items.extend(t3_rows(1, 111.0, false, &[("2.其他法律行政法规禁止公开", &["12", "0", "0", "0", "0", "0", "12"])]));
        let l = layout(&doc(items));
        assert!(l.text.contains("1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.其他"), "{}", l.text);
    }

    #[test]
    fn text_at_a_left_edge_of_other_lines_starts_a_cell() {
        // Item labels left-aligned at x=180; a group label filling its column ends 8 pt before.
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        let mut items = vec![];
        for (k, t) in ["3.危及“三", "安全一稳定”", "4.保护第三", "方合法权益", "5.属于三类"].iter().enumerate() {
            items.push(item(1, 180.0, 100.0 + 15.0 * k as f32, t));
        }
        items.push(item(1, 122.0, 146.0, "（三）不予"));
        for (y, vs) in [(108.0, ZEROS), (138.0, &["5", "0", "0", "0", "0", "0", "5"][..])] {
            for (x, v) in xs.iter().zip(vs.iter()) {
                items.push(item(1, *x, y, v));
            }
        }
        let l = layout(&doc(items));
        assert!(l.text.contains("\n4.保护第三方合法权益\t5\t0"), "{}", l.text);
        assert!(!l.text.contains("不予方合法"), "{}", l.text);
    }

    #[test]
    fn an_item_number_cut_at_the_end_of_its_line_starts_a_label() {
        // A wide label wrapped, then the narrow group column's label below it, its item number
        // cut by the line's end (「（三」「）不予」): not the wide label's next line.
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
        let mut items = vec![item(1, 72.0, 100.0, "（二）部分公开"), item(1, 72.0, 115.0, "其他情形）")];
        items.push(item(1, 72.0, 130.0, "（三"));
        items.push(item(1, 72.0, 145.0, "）不予"));
        items.push(item(1, 77.0, 160.0, "公开"));
        items.push(item(1, 105.0, 145.0, "1.属于国家秘密"));
        for (y, vs) in [(107.5, &["4", "0", "0", "0", "0", "0", "4"][..]), (145.0, ZEROS)] {
            for (x, v) in xs.iter().zip(vs.iter()) {
                items.push(item(1, *x, y, v));
            }
        }
        let l = layout(&doc(items));
        let row = l.text.lines().find(|s| s.contains("（二）")).unwrap();
        assert!(!row.contains("不予"), "{}", l.text);
    }

    #[test]
    fn text_spread_over_its_cell_is_one_cell() {
        // 分散对齐: one character an item, equal gaps; one-digit values in equal columns stay apart.
        // The characters of `t` from x0 to x1 with equal gaps between them.
        let spread = |page: u32, x0: f32, x1: f32, y: f32, t: &str| -> Vec<TextItem> {
            let its: Vec<TextItem> = t.chars().map(|c| item(page, 0.0, y, &c.to_string())).collect();
            let gap = (x1 - x0 - its.iter().map(|i| i.w).sum::<f32>()) / (its.len() - 1) as f32;
            let mut x = x0;
            its.into_iter()
                .map(|mut i| {
                    i.x = x;
                    x += i.w + gap;
                    i
                })
                .collect()
        };
        let mut items = spread(1, 50.0, 250.0, 100.0, "4、无正当理由大量反复申请");
        items.extend(spread(1, 50.0, 250.0, 120.0, "5、要求行政机关确认"));
        items.extend(spread(1, 50.0, 250.0, 140.0, "规章"));
        items.extend(spread(1, 50.0, 250.0, 160.0, "行政规范性文件"));
        for y in [100.0, 120.0, 140.0, 160.0] {
            for k in 0..7 {
                items.push(item(1, 300.0 + 30.0 * k as f32, y, "0"));
            }
        }
        let l = layout(&doc(items));
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        let zeros = "\t0".repeat(7);
        assert_eq!(
            lines,
            vec![
                format!("4、无正当理由大量反复申请{}", zeros),
                format!("5、要求行政机关确认{}", zeros),
                format!("规章{}", zeros),
                format!("行政规范性文件{}", zeros)
            ]
        );
    }

    /// Items as PDF.js gives them from Chromium's print of a justified table (s136.a5,
    /// s135.a5 of the printed corpus): (x, y, w, text), 9 pt.
    fn printed(items: &[(f32, f32, f32, &str)]) -> PositionedDoc {
        let items = items.iter().map(|&(x, y, w, t)| TextItem { page: 1, x, y, w, h: 9.0, dir: 0, text: t.into() }).collect();
        PositionedDoc { pages: vec![PageSize { width: 420.0, height: 595.0 }], items }
    }

    const VALUES: [f32; 7] = [225.6, 249.7, 274.7, 302.1, 331.9, 356.9, 377.4];

    #[test]
    fn a_group_label_spread_as_wu_fa_is_not_a_value() {
        // 「（四）无法提供」 spread over a narrow group column, 「无 法」 level with the row's
        // values: 「无」 alone is a value (none), 「无法」 is text of the group label.
        let mut v = vec![
            (76.9, 411.8, 24.7, "( 四 )"),
            (76.9, 426.0, 9.0, "无"),
            (92.7, 426.0, 9.0, "法"),
            (76.9, 440.2, 9.0, "提"),
            (92.7, 440.2, 9.0, "供"),
            (110.4, 419.2, 101.6, "2.没有现成信息需要另行"),
            (110.4, 433.5, 9.0, "制"),
            (203.0, 433.5, 9.0, "作"),
        ];
        for (x, t) in VALUES.iter().zip(["1", "1", "0", "0", "0", "0", "2"]) {
            v.push((*x, 426.0, 5.0, t));
        }
        let l = layout(&printed(&v));
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        assert_eq!(lines, vec!["( 四 )无法提供\t2.没有现成信息需要另行制作\t1\t1\t0\t0\t0\t0\t2"]);
    }

    #[test]
    fn an_item_number_cut_into_items_starts_a_cell() {
        // PDF.js cuts 「(二) 部分公开…」 into 「(」「二」「) 部分公开…」, less than an em after
        // the group label's line 「年 度 办」 and level with it: the row label starts there.
        let mut v = vec![
            (47.5, 495.8, 31.9, "三 、 本"),
            (47.5, 510.0, 31.9, "年 度 办"),
            (47.5, 524.2, 31.9, "理 结 果"),
            (88.2, 495.8, 3.3, "("),
            (102.4, 495.8, 9.0, "一"),
            (122.3, 495.8, 3.3, ")"),
            (138.8, 495.8, 68.8, "予 以 公 开"),
            (88.2, 514.5, 3.3, "("),
            (91.6, 514.5, 9.0, "二"),
            (100.8, 514.5, 106.8, ") 部分公开（区分处理的，"),
            (88.2, 529.5, 119.4, "只计这一情形，不计其他情"),
            (88.2, 543.8, 9.0, "形"),
            (198.6, 543.8, 9.0, "）"),
        ];
        for (x, t) in VALUES.iter().zip(["1", "0", "0", "0", "0", "0", "1"]) {
            v.push((*x, 495.8, 5.0, t));
        }
        for (x, t) in VALUES.iter().zip(["1", "0", "0", "0", "1", "0", "2"]) {
            v.push((*x, 529.5, 5.0, t));
        }
        let l = layout(&printed(&v));
        let lines: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
        assert!(lines[0].starts_with("三、本年度办理结果\t") && lines[0].ends_with("\t1\t0\t0\t0\t0\t0\t1"), "{:?}", lines);
        assert!(lines[1].starts_with("(二) 部分公开（区分处理的，只计这一情形，不计其他情形"), "{:?}", lines);
        assert!(lines[1].ends_with("\t1\t0\t0\t0\t1\t0\t2"), "{:?}", lines);
    }
}
