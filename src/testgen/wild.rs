//! Generating the wild forms (`Form::WILD`): one path for all four, apart from the clean forms'
//! so that nothing they print changes.
//!
//! The rendering's own choices (markup style, damage, page furniture) come from a stream of
//! their own (`style_seed`), so that run-together forms can draw values again until the
//! printed digits split in exactly one balancing way (`Options::unique_runs`) while the page
//! stays laid out the same.

use super::*;
use std::collections::HashMap;

/// A rendered wild page before it becomes a `Generated`.
pub(crate) struct Page {
    pub(crate) text: String,
    /// Every cell's span in `text`, blank cells included (zero-width where nothing shows one).
    pub(crate) spans: Vec<(CellId, usize, usize)>,
    /// Each cell's content as the report has it (entities decoded, a floated note joined:
    /// 「22（其中修订16件）」).
    pub(crate) printed: Vec<(CellId, String)>,
    /// Cells whose place the text does not show exactly.
    pub(crate) shown: Vec<(CellId, Shown, &'static str)>,
    pub(crate) damage: Vec<&'static str>,
    pub(crate) runs: Option<RunInfo>,
    /// Where the report is, when the page has furniture around it.
    pub(crate) body: Option<(usize, usize)>,
}

pub(crate) fn generate_wild(seed: u64, opts: &Options) -> Generated {
    let form = opts.form;
    let mut rng = Rng::new(seed);
    let mut meta = Meta::new(&mut rng);
    let y2019 = form.is_2019();
    if y2019 {
        meta.year = rng.range(2019, 2020) as i32;
    }
    let style_seed = rng.next_u64();
    let web = matches!(form, Form::WebDom | Form::WebDom2019);
    let mut tries = 0;
    // Pages rendered to count readings with blank cells (2019): a text whose blanks were
    // collapsed into spaces may never split in one way; after a while take what comes, and
    // `runs` says so.
    let mut rendered = 0;
    let (tables, t2y) = loop {
        let max_profile = if tries > 40 {
            1
        } else if tries > 20 {
            2
        } else {
            3
        };
        let mut tables = gen_tables(&mut rng, web && opts.unique_runs, max_profile);
        if y2019 {
            fold_other(&mut tables);
        }
        let t2y = y2019.then(|| gen_t2_2019(&mut rng));
        if tries > 200 {
            tables.t3 = [[0; 7]; 25];
            tables.t4 = [[0; 5]; 3];
        }
        if !(web && opts.unique_runs) || tries > 200 {
            break (tables, t2y);
        }
        // Digits that split in one way when nothing separates them split in one way whatever
        // separates them, unless blank cells may hide anywhere: a cheap first test.
        if t3_readings(&t3_runs(&tables.t3)) != 1 || t4_readings(&t4_run(&tables.t4)) != 1 {
            tries += 1;
            continue;
        }
        if !y2019 || rendered >= 25 {
            break (tables, t2y);
        }
        rendered += 1;
        let prose = Prose::new(&mut Rng::new(seed), &meta, &tables);
        let page = render(form, &mut Rng::new(style_seed), &meta, &prose, &tables, t2y.as_ref(), None);
        let runs = page.runs.expect("web forms count readings");
        if runs.t3_readings == 1 && runs.t4_readings == 1 {
            break (tables, t2y);
        }
        tries += 1;
    };
    let prose = Prose::new(&mut rng, &meta, &tables);
    let mut printed = tables.clone();
    let injection = inject_wild(&mut rng, &mut printed, opts.inject, y2019);
    let page = render(form, &mut Rng::new(style_seed), &meta, &prose, &printed, t2y.as_ref(), injection.map(|i| i.0));
    let printed_of: HashMap<CellId, &String> = page.printed.iter().map(|p| (p.0, &p.1)).collect();
    let span_of: HashMap<CellId, (usize, usize)> = page.spans.iter().map(|s| (s.0, (s.1, s.2))).collect();
    let shown_of: HashMap<CellId, (Shown, &'static str)> = page.shown.iter().rev().map(|s| (s.0, (s.1, s.2))).collect();
    let value_spans: Vec<(CellId, usize, usize)> =
        page.spans.iter().filter(|(c, s, e)| s < e && printed_of.get(c).map(|p| value_of(p) != crate::value::Value::Blank).unwrap_or(false)).cloned().collect();
    let cells: Vec<Truth> = template_cells(y2019)
        .into_iter()
        .map(|cell| {
            let printed = printed_of.get(&cell).map(|p| p.to_string()).unwrap_or_else(|| panic!("{:?} not printed", cell));
            let value = value_of(&printed);
            let span = span_of.get(&cell).copied();
            let span = match value {
                // A blank cell has a span where one white space character stands for it.
                crate::value::Value::Blank => span.filter(|&(s, e)| {
                    let t = &page.text[s..e];
                    t.chars().count() == 1 && t.chars().all(char::is_whitespace) || t == "&nbsp;"
                }),
                _ => span,
            };
            let (shown, why) = shown_of.get(&cell).map(|s| (s.0, Some(s.1))).unwrap_or((Shown::Exact, None));
            Truth { cell, value, printed, span, shown, why }
        })
        .collect();
    let injection = injection.map(|(cell, original, now)| {
        let (start, end) = value_spans.iter().find(|s| s.0 == cell).map(|s| (s.1, s.2)).expect("the injected cell is printed");
        Injection { cell, original, printed: now, start, end }
    });
    Generated {
        seed,
        form,
        text: page.text,
        title: meta.title(),
        agency: meta.agency.clone(),
        year: meta.year,
        tables: printed,
        spans: value_spans,
        injection,
        runs: page.runs,
        format_2019: y2019,
        cells,
        damage: page.damage,
        t2_2019: t2y,
        body: page.body,
    }
}

/// One wrong number in a printed row (the 2019 table 三 has a single `other` row).
fn inject_wild(rng: &mut Rng, t: &mut Tables, how: Inject, y2019: bool) -> Option<(CellId, i64, i64)> {
    let cell = match how {
        Inject::No => return None,
        Inject::AnyT3 => {
            let rows = t3_rows(y2019);
            CellId { table: "t3", row: rows[rng.usize(0, rows.len() - 1)], column: T3_COLUMNS[rng.usize(0, 6)] }
        }
        Inject::AnyT4 => CellId { table: "t4", row: T4_BLOCKS[rng.usize(0, 2)], column: T4_COLUMNS[rng.usize(0, 4)] },
        Inject::Cell(c) => c,
    };
    inject(rng, t, Inject::Cell(cell))
}

fn render(form: Form, rng: &mut Rng, m: &Meta, p: &Prose, tb: &Tables, t2y: Option<&T2y2019>, keep: Option<CellId>) -> Page {
    match form {
        Form::WebDom => {
            let mut w = W::default();
            render_html(rng, &mut w, m, p, tb);
            let printed = w.spans.iter().map(|(c, s, e)| (*c, w.s[*s..*e].to_string())).collect();
            let flat = flatten_page(rng, &w.s, w.spans.clone(), m, false);
            web_page(flat, printed, false, keep)
        }
        Form::Html2019 => {
            let mut w = W::default();
            let (printed, damage) = render_html2019(rng, &mut w, m, p, tb, t2y.expect("2019 table 二"), &Html2019 { nbsp_only: false, keep });
            Page { text: w.s, spans: w.spans, printed, shown: Vec::new(), damage, runs: None, body: None }
        }
        Form::WebDom2019 => {
            let mut w = W::default();
            let (printed, mut damage) = render_html2019(rng, &mut w, m, p, tb, t2y.expect("2019 table 二"), &Html2019 { nbsp_only: true, keep });
            let mut flat = flatten_page(rng, &w.s, w.spans.clone(), m, true);
            damage.append(&mut flat.damage);
            flat.damage = damage;
            web_page(flat, printed, true, keep)
        }
        Form::MdDamaged => render_md_damaged(rng, m, p, tb, keep),
        _ => unreachable!("not a wild form"),
    }
}

/// Why a cell of a row whose numbers are sure is not shown: its blank cells' spaces collapsed.
pub const BLANKS_COLLAPSED: &str = "blank cells collapsed into spaces: which cells are blank the text does not say";

/// A flattened web page: how many readings its digit runs have, and which cells that leaves
/// unsure. A table's cells are where the text shows them when its digits split into cells in
/// one way only, or, in a table without the injected cell (`keep`), when exactly one split
/// balances every sum (a table with a wrong number has no balancing split, and a split that
/// balances is not what was printed).
fn web_page(flat: Flat, printed: Vec<(CellId, String)>, y2019: bool, keep: Option<CellId>) -> Page {
    let text = &flat.text;
    // The text of a row's values: from its first to its last cell, with the white space
    // around them.
    let mut rows_at: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    for (c, s, e) in &flat.spans {
        let key = (c.table, if c.table == "t4" { "" } else { c.row });
        let r = rows_at.entry(key).or_insert((*s, *e));
        *r = (r.0.min(*s), r.1.max(*e));
    }
    let region = |table: &str, row: &str| -> String {
        let (mut s, mut e) = rows_at.get(&(table, row)).copied().unwrap_or((0, 0));
        while let Some(c) = text[..s].chars().next_back().filter(|c| c.is_whitespace()) {
            s -= c.len_utf8();
        }
        while let Some(c) = text[e..].chars().next().filter(|c| c.is_whitespace()) {
            e += c.len_utf8();
        }
        text[s..e].to_string()
    };
    let rows: Vec<String> = t3_rows(y2019).into_iter().map(|row| region("t3", row)).collect();
    let t3 = t3_text_readings(&rows, flat.blanks);
    let t4_text = region("t4", "");
    let t4 = t4_text_readings(&t4_text, flat.blanks);
    let one_split = |text: &str, n: usize| cell_readings(text, n, flat.blanks, &|_| true, 1).len() == 1;
    let t3_shown = rows.iter().all(|r| one_split(r, 7)) || (t3 == 1 && keep.map(|c| c.table != "t3").unwrap_or(true));
    let t4_shown = one_split(&t4_text, 15) || (t4 == 1 && keep.map(|c| c.table != "t4").unwrap_or(true));
    let mut shown: Vec<(CellId, Shown, &'static str)> = Vec::new();
    let mut t2_unique = true;
    let t2_rows: Vec<(&'static str, usize)> =
        if y2019 { T2_2019_ROWS.iter().map(|r| (r.0, r.2.len())).collect() } else { T2_ROWS.iter().map(|r| (*r, t2_columns(r).len())).collect() };
    for (row, n) in t2_rows {
        let readings = t2_text_readings(&region("t2", row), n, flat.blanks);
        if readings != 1 {
            t2_unique = false;
            for (c, _) in printed.iter().filter(|p| p.0.table == "t2" && p.0.row == row) {
                shown.push((*c, Shown::Ambiguous, "run-together digits with no sum to split them"));
            }
        }
    }
    for (c, _) in &printed {
        if (c.table == "t3" && !t3_shown) || (c.table == "t4" && !t4_shown) {
            shown.push((*c, Shown::Ambiguous, "run-together digits without exactly one balancing reading"));
        }
    }
    if flat.blanks == Blanks::AnyWs {
        // Blanks turned into spaces and collapsed: where a row's numbers are sure, which of its
        // cells are the blank ones may still not be (「 10 0 1」: the 0 and the blanks could
        // stand in several places). Those cells, blank or 0 alike, the text does not show.
        let mut rows_of: Vec<(&str, &str, Vec<CellId>)> = Vec::new();
        let settled = |c: &CellId| match c.table {
            "t3" => t3_shown,
            "t4" => t4_shown,
            _ => !shown.iter().any(|s| s.0 == *c),
        };
        for (c, _) in printed.iter().filter(|p| settled(&p.0)) {
            let row = if c.table == "t4" { "" } else { c.row };
            match rows_of.iter_mut().find(|r| r.0 == c.table && r.1 == row) {
                Some(r) => r.2.push(*c),
                None => rows_of.push((c.table, row, vec![*c])),
            }
        }
        for (table, row, cells) in rows_of {
            let cell_text: Vec<Option<String>> =
                cells.iter().map(|c| printed.iter().find(|p| p.0 == *c).map(|p| p.1.trim().to_string()).filter(|t| !t.is_empty())).collect();
            let open = cells_left_open(&region(table, row), &cell_text, flat.blanks);
            for (c, o) in cells.iter().zip(open) {
                if o {
                    shown.push((*c, Shown::Ambiguous, BLANKS_COLLAPSED));
                }
            }
        }
    }
    Page {
        body: Some(flat.body),
        text: flat.text,
        spans: flat.spans,
        printed,
        shown,
        damage: flat.damage,
        runs: Some(RunInfo { t3_readings: t3, t4_readings: t4, t2_unique }),
    }
}
