//! Table 三 (收到和处理政府信息公开申请情况): 25 rows (23 in the 2019 layout) × 7 columns
//! (6 without 总计, 8 with a 法人或其他组织 subtotal).

use super::events::{events, Ev, Piece};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, restore_grid_blanks, runtogether, webrows, RawRow, RawTable, TableFacts};
use crate::find::Find;
use crate::format::{Variant, T3_ROWS};
use crate::model::same_key;
use crate::model::Value;

/// What a piece of label text is in table 三.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PieceKind {
    Row(&'static str),
    /// （六）其他处理: a group heading, or the single row of the 2019 layout.
    GroupSix,
    Group,
    Other,
}

fn classify(p: &Piece, body_started: bool) -> PieceKind {
    let n = p.norm.as_str();
    if n.starts_with("（七）") || (body_started && (n == "总计" || n == "合计" || n == "七、总计")) {
        return PieceKind::Row("total");
    }
    if n.starts_with("3.其他") && n.chars().count() <= 6 {
        return PieceKind::Row("other_3");
    }
    if let Some(spec) = crate::format::t3_row_in(n).or_else(|| crate::format::t3_row_starting(n)) {
        return PieceKind::Row(spec.key);
    }
    if n.has("其他处理") {
        return PieceKind::GroupSix;
    }
    if n.has("办理结果") || n.has("不予公开") || n.has("无法提供") || n.has("不予处理") {
        return PieceKind::Group;
    }
    PieceKind::Other
}

pub fn template_rows(variant: Variant) -> Vec<&'static str> {
    T3_ROWS.iter().filter(|r| r.variant == Variant::Both || r.variant == variant).map(|r| r.key).collect()
}

pub fn columns_for(n: usize, header_has_total: bool) -> Vec<&'static str> {
    match n {
        8 => vec!["natural", "legal_subtotal", "commercial", "research", "social", "legal", "other", "total"],
        6 if !header_has_total => vec!["natural", "commercial", "research", "social", "legal", "other"],
        _ => vec!["natural", "commercial", "research", "social", "legal", "other", "total"],
    }
}

struct Placed {
    rows: Vec<(&'static str, Vec<Tok>)>,
}

impl Placed {
    fn get(&self, k: &str) -> Option<&Vec<Tok>> {
        self.rows.iter().find(|r| same_key(r.0, k)).map(|r| &r.1)
    }
}

pub fn read(text: &str, start: usize, end: usize) -> Option<(RawTable, TableFacts)> {
    let lines = tokenize(text, start, end);
    let evs = events(text, &lines);

    // Labels and the end of the header.
    let mut facts = TableFacts { region: (start, end), ..Default::default() };
    let mut body_started = false;
    let mut header = String::new();
    let mut kinds: Vec<Option<PieceKind>> = Vec::with_capacity(evs.len());
    for ev in &evs {
        match ev {
            Ev::Label(p) => {
                let k = classify(p, body_started);
                if let PieceKind::Row(key) = k {
                    body_started = true;
                    if !facts.labels.iter().any(|l| same_key(l.0, key)) {
                        facts.labels.push((key, p.clone()));
                    }
                } else if !body_started {
                    header.push_str(&p.norm);
                }
                kinds.push(Some(k));
            }
            Ev::Val(..) => {
                body_started = true;
                kinds.push(None);
            }
            Ev::Blank => kinds.push(None),
        }
    }
    let any_value = evs.iter().any(|e| matches!(e, Ev::Val(..)));
    if facts.labels.len() < 3 && !any_value {
        return None;
    }
    let header_has_total = header.has("总计") || header.has("合计");
    let header_has_subtotal = header.has("小计");

    // Placement by label.
    let mut placed = Placed { rows: Vec::new() };
    let mut cur: Option<&'static str> = None;
    let mut orphans = 0usize;
    let mut six_piece: Option<Piece> = None;
    // Where the row `cur` names is in `placed.rows`, once a value went there (rows are only
    // added, so it stays put; the next label forgets it).
    let mut cur_row: Option<usize> = None;
    for (ev, k) in evs.iter().zip(kinds.iter()) {
        match (ev, k) {
            (Ev::Label(_), Some(PieceKind::Row(key))) => (cur, cur_row) = (Some(*key), None),
            (Ev::Label(p), Some(PieceKind::GroupSix)) => {
                (cur, cur_row) = (Some("other"), None);
                six_piece.get_or_insert(p.clone());
            }
            (Ev::Label(_), Some(PieceKind::Group)) => (cur, cur_row) = (None, None),
            (Ev::Val(t, _), _) => match cur {
                Some(key) => {
                    let i = *cur_row.get_or_insert_with(|| match placed.rows.iter().position(|r| same_key(r.0, key)) {
                        Some(i) => i,
                        None => {
                            // A row holds seven or eight values: room for them at once.
                            placed.rows.push((key, Vec::with_capacity(8)));
                            placed.rows.len() - 1
                        }
                    });
                    placed.rows[i].1.push(t.clone());
                }
                // (A blank cell with no row is nothing to place.)
                None if matches!(t.kind, Kind::Val(Value::Blank)) => {}
                None => orphans += 1,
            },
            _ => {}
        }
    }
    // Trailing blank cells past the row's width are converter artefacts (a trailing tab).
    let has_sub_rows = facts.labels.iter().any(|l| l.0.starts_with("other_"));

    // Column count: from the rows themselves, then the header.
    let mut counts = [0usize; 16];
    for (_, v) in &placed.rows {
        let n = trimmed_len(v);
        if n < counts.len() {
            counts[n] += 1;
        }
    }
    let mode = (1..counts.len()).max_by_key(|&n| (counts[n], n == 7)).unwrap_or(7);
    let widest = (1..counts.len()).rev().find(|&n| counts[n] > 0).unwrap_or(7);
    // The header says which columns there are; the rows confirm it.
    let ncols = if mode == 8 || header_has_subtotal {
        8
    } else if !header_has_total && widest <= 6 && counts[6] > 0 {
        6
    } else {
        7
    };
    // Numbers on lines after the table's last row are a note under the table, not cells.
    if let Some(last) = placed.rows.iter_mut().find(|r| r.0 == "carried_forward") {
        if last.1.len() > ncols && text[last.1[ncols - 1].end..last.1[ncols].start].contains('\n') {
            last.1.truncate(ncols);
        }
    }
    // Blank cells of grid rows back in their places; the 2019 format's single （六） row is
    // labelled by the group heading.
    let mut grid_labels = facts.labels.clone();
    if let (false, Some(p)) = (has_sub_rows, &six_piece) {
        grid_labels.push(("other", p.clone()));
    }
    // Markdown rows by their fields first (blank cells and all), then grid rows by line width.
    let misaligned = {
        let columns = columns_for(ncols, header_has_total);
        super::align_markdown_rows(text, &mut placed.rows, &grid_labels, &|_| ncols, &|cells: &[Tok]| row_balances(cells, &columns))
    };
    restore_grid_blanks(text, &mut placed.rows, &grid_labels, &|_| ncols);
    let mut variant = if !has_sub_rows && placed.get("other").map(|v| !v.is_empty()).unwrap_or(false) { Variant::Only2019 } else { Variant::Only2021 };
    let mut columns = columns_for(ncols, header_has_total);
    if ncols == 6 {
        facts.missing_columns.push("total");
    }

    let mut rows_t = template_rows(variant);
    let label_ok = orphans == 0 && rows_t.iter().all(|k| placed.get(k).map(|v| trimmed_len(v) == ncols).unwrap_or(false));

    let mut chosen: Vec<(&'static str, Vec<Tok>)> = Vec::new();
    // Cells the reading leaves open: (row, cell index).
    let mut doubt: Vec<(&'static str, usize)> = Vec::new();
    // Rows already reported unread, with why.
    let mut unread_rows: Vec<&'static str> = Vec::new();
    if label_ok {
        facts.method = "label";
        // The rows are taken out of `placed` (not needed after this).
        for k in &rows_t {
            let mut v = placed.rows.iter_mut().find(|r| same_key(r.0, *k)).map(|r| std::mem::take(&mut r.1)).unwrap_or_default();
            v.truncate(ncols);
            chosen.push((k, v));
        }
    } else if let Some(web) = web_table(text, end, &evs, &facts, six_piece.as_ref(), has_sub_rows, header_has_total, header_has_subtotal) {
        // One-line web text: each row's digits and white space after its label.
        facts.method = "run-together";
        facts.ambiguous = web.ambiguous;
        facts.readings.extend(web.readings);
        facts.unread.extend(web.unread);
        unread_rows = web.unread_rows;
        doubt = web.doubt;
        chosen = web.rows;
        if web.columns.len() != columns.len() {
            columns = web.columns;
        }
        if web.variant != variant {
            variant = web.variant;
            rows_t = template_rows(variant);
        }
    } else if let Some((rows, inferred)) = place_with_gaps(text, end, &evs, &kinds, &rows_t, ncols, variant, &placed.rows)
        .or_else(|| place_markdown_by_order(text, end, &evs, &kinds, &rows_t, ncols, &placed.rows))
    {
        // Labelled rows, and rows of numbers whose label the text lost, each the one row the
        // template has between its neighbours.
        facts.method = "label";
        // When every sum holds the rows are where they belong; otherwise the rows placed by
        // order are uncertain, and no sum rests on them.
        if failures(&rows, &columns) > 0 {
            for k in &inferred {
                for c in 0..ncols {
                    doubt.push((k, c));
                }
                facts.inferred.push(k);
            }
        }
        chosen = rows;
    } else {
        // Placement by order: try the layouts the labels allow, with and without undoing
        // column-by-column extraction; keep one whose count fits (the sums pick among several).
        let mut candidates: Vec<(Variant, Vec<Tok>)> = Vec::new();
        let variants: &[Variant] = if has_sub_rows { &[Variant::Only2021] } else { &[Variant::Only2021, Variant::Only2019] };
        for &var in variants {
            let n_rows = template_rows(var).len();
            for transpose in [true, false] {
                let vals = ordered_values(&evs, ncols, transpose);
                let vals: Vec<Tok> = vals.into_iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).collect();
                if vals.len() == n_rows * ncols && !candidates.iter().any(|c| same(&c.1, &vals)) {
                    candidates.push((var, vals));
                }
            }
        }
        let best = candidates
            .into_iter()
            .map(|(var, vals)| {
                let rows = template_rows(var);
                let placed: Vec<(&'static str, Vec<Tok>)> = rows.iter().enumerate().map(|(i, k)| (*k, vals[i * ncols..(i + 1) * ncols].to_vec())).collect();
                let bad = failures(&placed, &columns);
                (bad, placed)
            })
            .min_by_key(|c| c.0);
        if let Some((_, p)) = best {
            facts.method = "order";
            chosen = p;
        }
    }

    if chosen.is_empty() {
        // Run-together digits: a row label followed by one long digit run.
        if let Some(rt) = runtogether::t3(text, &placed.rows, &rows_t, &columns) {
            facts.method = "run-together";
            facts.ambiguous = rt.ambiguous;
            facts.readings.extend(rt.readings);
            for (k, reason, s, e) in rt.unread {
                facts.unread.push((format!("{}：{}", crate::format::short_t3_label(crate::format::t3_row(k).unwrap()), reason), s, e));
            }
            chosen = rt.rows;
            doubt = rt.uncertain;
        }
    }

    if chosen.is_empty() {
        // Keep what the labels placed; report the rest.
        facts.method = "label";
        for k in &rows_t {
            match placed.get(k) {
                Some(v) => {
                    let mut v = v.clone();
                    while v.len() > ncols && matches!(v.last().map(|t| &t.kind), Some(Kind::Val(Value::Blank))) {
                        v.pop();
                    }
                    if v.len() != ncols {
                        facts.miscounted.push((k, v.len()));
                    }
                    chosen.push((k, v));
                }
                None => {}
            }
        }
        if orphans > 0 {
            facts.unread.push((format!("{} 个数字无法确定属于哪一行", orphans), start, end));
        }
    }

    // Cells of markdown rows whose blank cells could sit in more than one column.
    for (k, c) in misaligned {
        if chosen.iter().any(|r| same_key(r.0, k)) && !doubt.contains(&(k, c)) {
            doubt.push((k, c));
            if !facts.misaligned.contains(&k) {
                facts.misaligned.push(k);
            }
        }
    }
    // Rows of the template that were neither labelled nor filled.
    for k in &rows_t {
        let labelled = facts.labels.iter().any(|l| same_key(l.0, *k));
        let filled = chosen.iter().any(|r| same_key(r.0, *k));
        if !labelled && !filled {
            facts.missing_rows.push(k);
        } else if labelled && !filled && !unread_rows.contains(k) {
            facts.unread.push((format!("「{}」一行没有读到数字", crate::format::short_t3_label(crate::format::t3_row(k).unwrap())), 0, 0));
        }
    }
    if variant == Variant::Only2019 {
        facts.single_other_row = six_piece.clone();
    }

    let rows = chosen
        .into_iter()
        .map(|(k, cells)| {
            let label =
                facts.labels.iter().find(|l| same_key(l.0, k)).map(|l| &l.1).or(if k == "other" { six_piece.as_ref() } else { None }).map(|p| (p.start, p.end));
            let why = if facts.inferred.contains(&k) {
                "这一行数字前没有行名（转换时丢失），按表格顺序归入此行"
            } else if facts.misaligned.contains(&k) {
                "这一行的空白格比列数多，空白格属于哪一列无法确定"
            } else {
                "数字连写，按勾稽关系有不止一种拆法"
            };
            let uncertain = doubt.iter().filter(|d| same_key(d.0, k)).map(|d| (d.1, why.to_string())).collect();
            RawRow { key: k, label, cells, uncertain }
        })
        .collect();
    Some((RawTable { table: "t3", columns, rows }, facts))
}

/// A row's cells add up: the applicant columns to 总计 (blank cells and placeholders as 0). No
/// 总计 column: nothing to check, never balanced.
fn row_balances(cells: &[Tok], columns: &[&'static str]) -> bool {
    let Some(tc) = columns.iter().position(|c| *c == "total") else { return false };
    let as_num = |t: &Tok| match &t.kind {
        Kind::Val(Value::Int(v)) => Some(*v),
        Kind::Val(Value::Blank) => Some(0),
        Kind::Val(Value::Text(s)) if crate::text::is_placeholder(s) => Some(0),
        _ => None,
    };
    let parts: Option<i64> =
        columns.iter().enumerate().filter(|(_, c)| crate::format::T3_APPLICANT_COLUMNS.contains(c)).map(|(i, _)| cells.get(i).and_then(as_num)).sum();
    matches!((parts, cells.get(tc).and_then(as_num)), (Some(p), Some(t)) if p == t)
}

fn trimmed_len(v: &[Tok]) -> usize {
    let mut n = v.len();
    while n > 0 && matches!(v[n - 1].kind, Kind::Val(Value::Blank)) && n > 7 {
        n -= 1;
    }
    n
}

fn same(a: &[Tok], b: &[Tok]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.start == y.start)
}

fn num(t: &Tok) -> Option<i64> {
    match &t.kind {
        Kind::Val(v) => v.int(),
        _ => None,
    }
}

/// How many of the table's sums fail for a candidate placement (to choose among readings).
fn failures(rows: &[(&'static str, Vec<Tok>)], columns: &[&'static str]) -> usize {
    let row = |r: &str| rows.iter().find(|x| same_key(x.0, r)).map(|x| &x.1);
    let (new, carried_over, total, carried_forward) = (row("new"), row("carried_over"), row("total"), row("carried_forward"));
    let at = |v: Option<&Vec<Tok>>, c: usize| v.and_then(|v| v.get(c)).and_then(num);
    // Worked out once: which columns are applicants, which rows are results.
    let applicants: Vec<usize> = columns.iter().enumerate().filter(|(_, c)| crate::format::T3_APPLICANT_COLUMNS.contains(c)).map(|(i, _)| i).collect();
    let results: Vec<&Vec<Tok>> = rows.iter().filter(|r| crate::format::T3_RESULT_ITEMS.contains(&r.0)).map(|r| &r.1).collect();
    let mut bad = 0;
    let total_col = columns.iter().position(|c| *c == "total");
    if let Some(tc) = total_col {
        for (_, v) in rows {
            let parts: Option<i64> = applicants.iter().map(|&i| v.get(i).and_then(num)).sum();
            if let (Some(p), Some(t)) = (parts, v.get(tc).and_then(num)) {
                if p != t {
                    bad += 1;
                }
            }
        }
    }
    for c in 0..columns.len() {
        let items: Option<i64> = results.iter().map(|r| r.get(c).and_then(num)).sum();
        if let (Some(s), Some(t)) = (items, at(total, c)) {
            if s != t {
                bad += 1;
            }
        }
        if let (Some(a), Some(b), Some(t), Some(f)) = (at(new, c), at(carried_over, c), at(total, c), at(carried_forward, c)) {
            if a + b != t + f {
                bad += 1;
            }
        }
    }
    bad
}

/// Placement by label when some rows of numbers have no label of their own (converter output:
/// a label detached from its row, a row of numbers with no label at all). The values after
/// each label are its row's; a group of values with no label (or more values after a label than
/// one row, on lines of their own) is a row whose label the text lost. Such a row goes to the
/// template row between its labelled neighbours that has no values — when there is exactly
/// one such row for each of them. Returns the rows and which of them were placed that way.
#[allow(clippy::too_many_arguments)]
fn place_with_gaps(
    text: &str,
    end: usize,
    evs: &[Ev],
    kinds: &[Option<PieceKind>],
    rows_t: &[&'static str],
    ncols: usize,
    variant: Variant,
    fixed: &[(&'static str, Vec<Tok>)],
) -> Option<(Vec<(&'static str, Vec<Tok>)>, Vec<&'static str>)> {
    // A labelled markdown row already put in its columns, blank cells and all, on the label's
    // own line: the row is whole there (values on later lines are other rows').
    let on_its_line = |key: &str, p: &Piece| -> Vec<Tok> {
        let line_start = text[..p.end].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[p.end..].find('\n').map_or(text.len(), |i| p.end + i);
        if !text[line_start..].trim_start().starts_with('|') {
            return Vec::new();
        }
        let cells: Vec<Tok> = fixed
            .iter()
            .find(|r| same_key(r.0, key))
            .map_or(Vec::new(), |r| r.1.iter().filter(|t| (line_start..=line_end).contains(&t.start)).cloned().collect());
        if cells.len() == ncols {
            cells
        } else {
            Vec::new()
        }
    };
    // Segments: a label (a row's, or none), where it starts, and the values after it.
    let mut segments: Vec<(Option<&'static str>, usize, Vec<Tok>)> = Vec::new();
    for (ev, k) in evs.iter().zip(kinds) {
        match (ev, k) {
            (Ev::Label(p), Some(PieceKind::Row(key))) => segments.push((Some(*key), p.start, on_its_line(key, p))),
            (Ev::Label(p), Some(PieceKind::GroupSix)) => segments.push((if variant == Variant::Only2019 { Some("other") } else { None }, p.start, Vec::new())),
            // A group heading ends the row before it; other text (a wrapped label's next
            // line, a stray fragment) does not.
            // (Unless the row before has no values yet: in PDF layout the group's name stands
            // in the left column on the line of a row's values.)
            (Ev::Label(p), Some(PieceKind::Group)) => {
                if !matches!(segments.last(), Some((Some(_), _, v)) if v.is_empty()) {
                    segments.push((None, p.start, Vec::new()));
                }
            }
            (Ev::Label(_), _) => {}
            (Ev::Val(t, _), _) => match segments.last_mut() {
                Some(seg) if seg.2.iter().any(|c| c.start == t.start) => {}
                Some(seg) => seg.2.push(t.clone()),
                None => segments.push((None, t.start, vec![t.clone()])),
            },
            (Ev::Blank, _) => {}
        }
    }
    // Rows: each segment's values by line, a row per line of `ncols` values; each with where
    // it starts in the text.
    let mut rows: Vec<(Option<&'static str>, usize, Vec<Tok>)> = Vec::new();
    let nonblank = |v: &[Tok]| v.iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).map(|t| t.start).collect::<Vec<_>>();
    for (label, at, vals) in segments {
        // A labelled row already put in its columns (its blank cells back: markdown, grids)
        // whose values are these.
        let mut vals = vals;
        if let Some(row) = label.and_then(|k| fixed.iter().find(|r| same_key(r.0, k))) {
            if nonblank(&row.1) == nonblank(&vals) {
                vals = row.1.clone();
            }
        }
        if vals.is_empty() {
            continue;
        }
        let mut lines: Vec<Vec<Tok>> = Vec::new();
        for t in vals {
            let new_line = lines.last().and_then(|l| l.last()).is_none_or(|p| text[p.end..t.start].contains('\n'));
            if new_line {
                lines.push(Vec::new());
            }
            lines.last_mut().unwrap().push(t);
        }
        // A markdown row's cells are its fields, blank ones before its first value too (a
        // labelled row put in its columns already has them).
        if lines.len() > 1 {
            for l in lines.iter_mut() {
                if let Some(cells) = super::markdown_row_cells(text, l[0].start) {
                    if nonblank(&cells) == nonblank(l) && cells.len() > l.len() {
                        *l = cells;
                    }
                }
            }
        }
        if lines.len() == 1 || lines.iter().any(|l| trimmed_len(l) != ncols) {
            // One row whose cells may be spread over lines.
            let all: Vec<Tok> = lines.into_iter().flatten().collect();
            if trimmed_len(&all) != ncols {
                return None;
            }
            // (A row with no label is where its cells are, not where the group heading before
            // it is.)
            let at = if label.is_some() { at } else { all[0].start };
            rows.push((label, at, all));
            continue;
        }
        for (i, l) in lines.into_iter().enumerate() {
            let at = if i == 0 && label.is_some() { at } else { l[0].start };
            rows.push((if i == 0 { label } else { None }, at, l));
        }
    }
    // Markdown rows of blank cells only (no token stands for them) after the first label: a
    // row whose numbers are all blank and whose label floated away or sits on a line of its own.
    if let Some(first) = rows.iter().find(|r| r.0.is_some()).map(|r| r.1) {
        for cells in super::blank_markdown_rows(text, first, end, ncols) {
            let at = cells[0].start;
            if !rows.iter().any(|r| r.2.iter().any(|t| t.start == at)) {
                rows.push((None, at, cells));
            }
        }
        rows.sort_by_key(|r| r.1);
    }
    let rows: Vec<(Option<&'static str>, Vec<Tok>)> = rows.into_iter().map(|(k, _, v)| (k, v)).collect();
    let labelled: Vec<&'static str> = rows.iter().filter_map(|r| r.0).collect();
    if rows.iter().all(|r| r.0.is_some()) || rows.len() != rows_t.len() {
        return None;
    }
    let index = |k: &str| rows_t.iter().position(|r| same_key(r, k));
    let mut out: Vec<(&'static str, Vec<Tok>)> = Vec::new();
    let mut inferred = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if let Some(k) = rows[i].0 {
            if out.iter().any(|r| same_key(r.0, k)) {
                return None;
            }
            out.push((k, rows[i].1.clone()));
            i += 1;
            continue;
        }
        // A run of unlabelled rows between two labelled ones (or the table's ends).
        let from = i;
        while i < rows.len() && rows[i].0.is_none() {
            i += 1;
        }
        let before = if from == 0 { None } else { rows[from - 1].0.and_then(index) };
        let after = rows.get(i).and_then(|r| r.0).and_then(index);
        let lo = before.map_or(0, |b| b + 1);
        let hi = after.unwrap_or(rows_t.len());
        if lo > hi {
            return None;
        }
        let free: Vec<&'static str> = rows_t[lo..hi].iter().copied().filter(|k| !labelled.iter().any(|l| same_key(l, k))).collect();
        if free.len() != i - from {
            return None;
        }
        for (k, r) in free.into_iter().zip(&rows[from..i]) {
            out.push((k, r.1.clone()));
            inferred.push(k);
        }
    }
    if out.len() != rows_t.len() {
        return None;
    }
    out.sort_by_key(|r| index(r.0));
    for r in out.iter_mut() {
        r.1.truncate(ncols);
    }
    Some((out, inferred))
}

/// Placement of a markdown table's rows by their order alone, when labels float before or
/// after their rows (converter output: a row's label on a line of its own above it, or drifted
/// below it; a row with no label; a row of blank cells). Every markdown row of the table with
/// cells is a row, in order — there must be exactly as many as the template has, with every
/// value of the table in one of them — and every label must agree: one on a row's line names
/// that row, one on a line of its own stands next to (just before or just after) the row it
/// names. Returns the rows and which of them were placed without their label on their line.
fn place_markdown_by_order(
    text: &str,
    end: usize,
    evs: &[Ev],
    kinds: &[Option<PieceKind>],
    rows_t: &[&'static str],
    ncols: usize,
    fixed: &[(&'static str, Vec<Tok>)],
) -> Option<(Vec<(&'static str, Vec<Tok>)>, Vec<&'static str>)> {
    let labels: Vec<(&'static str, usize)> = evs
        .iter()
        .zip(kinds)
        .filter_map(|(e, k)| match (e, k) {
            (Ev::Label(p), Some(PieceKind::Row(key))) => Some((*key, p.start)),
            _ => None,
        })
        .collect();
    let first = labels.first()?.1;
    let mut at = text[..first].rfind('\n').map_or(0, |p| p + 1);
    // (line start, line end, cells, the label on the line)
    let mut rows: Vec<(usize, usize, Vec<Tok>, Option<&'static str>)> = Vec::new();
    while at < end {
        let line_end = text[at..end].find('\n').map_or(end, |p| at + p);
        let line = text[at..line_end].trim();
        // A rule line (`|---|---|`); a row of `-` placeholders or of blank cells is none.
        let rule = line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && line.contains("---");
        if line.starts_with('|') && !rule {
            if let Some(mut cells) = super::markdown_row_cells(text, at + (text[at..].len() - text[at..].trim_start().len())) {
                let label = labels.iter().find(|l| (at..line_end).contains(&l.1)).map(|l| l.0);
                // A labelled row already put in its columns (`align_markdown_rows`, which also
                // says which of its cells are uncertain).
                let aligned: Vec<Tok> = label
                    .and_then(|k| fixed.iter().find(|r| same_key(r.0, k)))
                    .map_or(Vec::new(), |r| r.1.iter().filter(|t| (at..=line_end).contains(&t.start)).cloned().collect());
                if aligned.len() == ncols {
                    cells = aligned;
                } else if cells.len() > ncols {
                    // Blank fields past the row's width: the label's spare columns before its
                    // cells, or a converter's trailing field — whichever end is blank; when both
                    // are, the two readings must be the same.
                    let excess = cells.len() - ncols;
                    let blank = |t: &Tok| matches!(t.kind, Kind::Val(Value::Blank));
                    let (lead, trail) = (cells[..excess].iter().all(blank), cells[ncols..].iter().all(blank));
                    let same = cells[..ncols].iter().zip(&cells[excess..]).all(|(a, b)| a.kind == b.kind);
                    match (lead, trail) {
                        (true, false) => drop(cells.drain(..excess)),
                        (false, true) => cells.truncate(ncols),
                        (true, true) if same => cells.truncate(ncols),
                        _ => return None,
                    }
                }
                if !cells.is_empty() {
                    if cells.len() != ncols {
                        return None;
                    }
                    rows.push((at, line_end, cells, label));
                }
            }
        }
        at = line_end + 1;
    }
    if rows.len() != rows_t.len() {
        return None;
    }
    // Every value of the table is in a row.
    let in_rows = |p: usize| rows.iter().any(|r| (r.0..=r.1).contains(&p));
    if evs.iter().any(|e| matches!(e, Ev::Val(t, _) if t.start >= first && !matches!(t.kind, Kind::Val(Value::Blank)) && !in_rows(t.start))) {
        return None;
    }
    // Every label agrees with the order.
    for &(k, p) in &labels {
        let j = rows_t.iter().position(|r| same_key(r, k))?;
        if let Some(r) = rows.iter().position(|r| (r.0..=r.1).contains(&p)) {
            if r != j {
                return None;
            }
            continue;
        }
        let after_previous = j == 0 || rows[j - 1].1 < p;
        let before_next = rows.get(j + 1).is_none_or(|r| p < r.0);
        if !(after_previous && before_next) {
            return None;
        }
    }
    let inferred: Vec<&'static str> = rows_t.iter().zip(&rows).filter(|(k, r)| !r.3.is_some_and(|l| same_key(l, k))).map(|(k, _)| *k).collect();
    Some((rows_t.iter().copied().zip(rows.into_iter().map(|r| r.2)).collect(), inferred))
}

/// Table 三 read from one-line web text (`webrows`).
struct Web {
    rows: Vec<(&'static str, Vec<Tok>)>,
    doubt: Vec<(&'static str, usize)>,
    ambiguous: Vec<super::Ambiguity>,
    unread: Vec<(String, usize, usize)>,
    unread_rows: Vec<&'static str>,
    columns: Vec<&'static str>,
    variant: Variant,
    /// The table's balanced readings, when there are several.
    readings: Option<super::Readings>,
}

/// One-line web text: every template row has its label, followed on its line by nothing but
/// digits and white space (its cells, blank ones too), and every value of the table is in one
/// of those rows. The rows are read by `webrows` with the table's sums.
#[allow(clippy::too_many_arguments)]
fn web_table(
    text: &str,
    end: usize,
    evs: &[Ev],
    facts: &TableFacts,
    six_piece: Option<&Piece>,
    has_sub_rows: bool,
    header_has_total: bool,
    header_has_subtotal: bool,
) -> Option<Web> {
    let variant = if !has_sub_rows && six_piece.is_some() { Variant::Only2019 } else { Variant::Only2021 };
    let rows_t = template_rows(variant);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(rows_t.len());
    for k in &rows_t {
        let piece = facts.labels.iter().find(|l| same_key(l.0, k)).map(|l| &l.1).or(if *k == "other" { six_piece } else { None })?;
        let line_end = text[piece.end..end].find('\n').map_or(end, |p| piece.end + p);
        let seg = &text[piece.end..line_end];
        if !seg.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\r')) {
            return None;
        }
        spans.push((piece.end, line_end));
    }
    // Rows with no blank cell read as before (`runtogether`): only a kept U+00A0 or a row
    // with fewer digits than cells shows blanks.
    let n = if header_has_subtotal {
        8
    } else if !header_has_total {
        6
    } else {
        7
    };
    if !spans.iter().any(|&(s, e)| text[s..e].contains('\u{a0}') || webrows::digit_count(&text[s..e]) < n) {
        return None;
    }
    // Every value of the table inside a row's text.
    let inside = |t: &Tok| spans.iter().any(|&(s, e)| s <= t.start && t.end <= e);
    if !evs.iter().all(|e| if let Ev::Val(t, _) = e { inside(t) } else { true }) {
        return None;
    }
    let columns = columns_for(n, header_has_total);
    let idx = |c: &str| columns.iter().position(|x| *x == c);
    let total = idx("total");
    let sub = idx("legal_subtotal");
    let applicants: Vec<usize> = crate::format::T3_APPLICANT_COLUMNS.iter().filter_map(|c| idx(c)).collect();
    let legal: Vec<usize> = crate::format::T3_LEGAL_COLUMNS.iter().filter_map(|c| idx(c)).collect();
    let sum = |v: &[Option<i64>], at: &[usize]| at.iter().map(|&i| webrows::num(&v[i])).sum::<i64>();
    let pos = |k: &str| rows_t.iter().position(|r| same_key(r, k));
    let results: Vec<usize> = rows_t.iter().enumerate().filter(|(_, k)| crate::format::T3_RESULT_ITEMS.contains(k)).map(|(i, _)| i).collect();
    let (new, carried, tot, fwd) = (pos("new")?, pos("carried_over")?, pos("total")?, pos("carried_forward")?);
    let columns_ok = |vals: &[&[i64]]| {
        (0..n).all(|c| {
            let v = |r: usize| vals[r][c];
            results.iter().map(|&r| v(r)).sum::<i64>() == v(tot) && v(new) + v(carried) == v(tot) + v(fwd)
        })
    };
    // The 总计 column counts (a blank total is 0), or, as another reading, the whole column
    // was left blank.
    let mut results: Vec<webrows::Read> = Vec::new();
    for blank_total_column in [false, true] {
        if blank_total_column && total.is_none() {
            break;
        }
        let row_ok = |v: &[Option<i64>]| {
            let by_total = match total {
                Some(t) if v[t].is_none() && blank_total_column => true,
                Some(_) if blank_total_column => false,
                Some(t) => sum(v, &applicants) == webrows::num(&v[t]),
                None => true,
            };
            by_total && sub.is_none_or(|s| sum(v, &legal) == webrows::num(&v[s]))
        };
        let r = webrows::read(text, &spans, n, &row_ok, &columns_ok, &rows_t);
        let solved = r.solved;
        results.push(r);
        if solved {
            break;
        }
    }
    let mut results = results.into_iter();
    let counted = results.next()?;
    let r = match results.next() {
        Some(blank) if blank.solved && counted.complete => blank,
        // The table read with its 总计 column blank balances, but with the column counted it
        // had too many readings to look through: the blank column may balance by chance.
        Some(blank) if blank.solved => with_doubts_from(blank, &counted, &spans, &rows_t),
        // Neither balances the table: each row is taken from its own single balanced reading,
        // but whether the 总计 column counts is then not known either — a row read one way with
        // it and another without (「1 1」: 1 and its total 1, or 1 and 1 with the total blank) is
        // uncertain where the two differ.
        Some(blank) => with_doubts_from(counted, &blank, &spans, &rows_t),
        None => counted,
    };
    // No reading balances the table, and the rows taken from their own single balanced reading
    // leave more than one column unbalanced: a wrong number makes one column fail, so some row
    // was split wrongly — one whose digits had several splits and that balanced by chance. Its
    // cells in those columns are uncertain, and no sum rests on them.
    let mut suspect: Vec<(usize, usize)> = Vec::new();
    if !r.solved {
        let at = |k: &str, c: usize| -> Option<i64> {
            r.rows[pos(k)?].as_ref().and_then(|(t, _)| t.get(c)).map(|t| match &t.kind {
                Kind::Val(Value::Int(v)) => *v,
                _ => 0,
            })
        };
        let failing = runtogether::t3_unbalanced_columns(&rows_t, n, &at);
        if failing.len() > 1 {
            for (i, row) in r.rows.iter().enumerate() {
                let Some((toks, _)) = row else { continue };
                let (s, e) = spans[i];
                let cells_with_digits = toks.iter().filter(|t| matches!(t.kind, Kind::Val(Value::Int(_)))).count();
                if webrows::digit_count(&text[s..e]) > cells_with_digits {
                    suspect.extend(failing.iter().map(|&c| (i, c)));
                }
            }
        }
    }
    let mut out = Web {
        rows: Vec::new(),
        doubt: Vec::new(),
        ambiguous: r.ambiguous,
        unread: Vec::new(),
        unread_rows: Vec::new(),
        columns,
        variant,
        readings: r.readings,
    };
    out.doubt.extend(suspect.iter().map(|&(i, c)| (rows_t[i], c)));
    for (i, row) in r.rows.into_iter().enumerate() {
        match row {
            Some((toks, doubt)) => {
                out.doubt.extend(doubt.into_iter().map(|c| (rows_t[i], c)));
                out.rows.push((rows_t[i], toks));
            }
            // Left unread with its readings listed (P02), or with why (below).
            None => out.unread_rows.push(rows_t[i]),
        }
    }
    for (i, why) in r.unread {
        let (s, e) = spans[i];
        out.unread.push((format!("{}：「{}」{}", crate::format::short_t3_label(crate::format::t3_row(rows_t[i]).unwrap()), text[s..e].trim(), why), s, e));
    }
    Some(out)
}

/// `a` (rows read with no balanced reading of the table), with the cells where `b` (the same
/// rows read under another hypothesis) reads a row otherwise made uncertain, and `b`'s reading
/// listed among the row's readings (P02). Rows `b` did not read stay as `a` has them.
fn with_doubts_from(mut a: webrows::Read, b: &webrows::Read, spans: &[(usize, usize)], keys: &[&'static str]) -> webrows::Read {
    let value = |t: &Tok| match &t.kind {
        Kind::Val(v) => v.clone(),
        _ => Value::Blank,
    };
    let nums = |toks: &[Tok]| -> Vec<i64> { toks.iter().map(|t| if let Kind::Val(Value::Int(v)) = t.kind { v } else { 0 }).collect() };
    for i in 0..a.rows.len() {
        let Some((ta, doubt)) = a.rows[i].as_mut() else { continue };
        // `b` has no reading of the row: none balances it that way (the row stays as `a` reads
        // it), or several do, or too many to look through (then every cell is in doubt).
        let (tb, their_doubt) = match b.rows.get(i) {
            Some(Some((tb, d))) => (Some(tb), d.as_slice()),
            _ if b.unread.iter().any(|u| u.0 == i && u.1 == webrows::NO_BALANCED_READING) => continue,
            _ => (None, &[][..]),
        };
        // A cell `b` reads otherwise, or is itself unsure of.
        let new: Vec<usize> = (0..ta.len())
            .filter(|&c| {
                their_doubt.contains(&c)
                    || tb.is_none_or(|tb| tb.get(c).is_none_or(|t| value(t) != value(&ta[c]) || (value(t) != Value::Blank && t.start != ta[c].start)))
            })
            .filter(|c| !doubt.contains(c))
            .collect();
        if new.is_empty() {
            continue;
        }
        doubt.extend(new);
        doubt.sort_unstable();
        let (s, e) = spans[i];
        let mut more = match tb {
            Some(tb) if nums(tb) != nums(ta) => super::Ambiguity::new(keys[i], s, e, &[nums(ta), nums(tb)], Some(0)),
            _ => super::Ambiguity::new(keys[i], s, e, &[nums(ta)], Some(0)),
        };
        if tb.is_none() {
            let theirs = b.ambiguous.iter().filter(|x| x.row == keys[i]).flat_map(|x| x.readings.iter().cloned());
            let extra: Vec<String> = theirs.filter(|r| !more.readings.contains(r)).collect();
            more.readings.extend(extra);
        }
        match a.ambiguous.iter_mut().find(|x| x.row == keys[i]) {
            Some(x) => {
                let extra: Vec<String> = more.readings.into_iter().filter(|r| !x.readings.contains(r)).collect();
                x.readings.extend(extra);
            }
            None => a.ambiguous.push(more),
        }
    }
    a
}
