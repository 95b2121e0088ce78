//! Property tests over generated reports (`nianbao::testgen`): thousands of random, internally
//! consistent reports in every text form users paste.
//!
//! - A consistent report reads back exactly (every value of tables 二, 三, 四, each cell's
//!   span on exactly the characters it was printed as) with no finding at all (run-together
//!   text: only the P03 note that the digits were split by arithmetic).
//! - One wrong number in table 三 or 四 yields exactly the sums it breaks (A01/A02/A03/A04),
//!   each naming the cell; a cell in two or more sums is named as the suspect with the value
//!   that balances them.
//! - Run-together text whose digits the generator's own brute force can read in several
//!   balancing ways gets a P02 instead of a silent guess.
//!
//! Every case is reproducible from its seed: `cargo run --example gen -- FORM SEED --check`.

use nianbao::model::Value;
use nianbao::testgen::{generate_with, CellId, Form, Generated, Inject, Options, MANY, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS};
use nianbao::Report;

/// More cases: `NIANBAO_GENERATED_SCALE=10 cargo test --release --test generated`.
fn scale() -> u64 {
    std::env::var("NIANBAO_GENERATED_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1)
}
/// Seeds per form for the consistent reports (× 6 forms).
fn consistent() -> u64 {
    300 * scale()
}
/// Seeds per form and table for the injected errors (× 5 forms × 2 tables).
fn injected() -> u64 {
    100 * scale()
}

fn seed_for(form: Form, k: u64, salt: u64) -> u64 {
    let f = Form::ALL.iter().position(|x| *x == form).unwrap() as u64;
    (k << 8) ^ (f << 4) ^ salt
}

fn check(g: &Generated) -> Report {
    nianbao::check_text(&g.text)
}

fn span_invariants(g: &Generated, r: &Report) -> Vec<String> {
    let mut errs = Vec::new();
    let text = &g.text;
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for d in &r.diagnostics {
        for sp in &d.spans {
            if !ok(sp.start, sp.end) {
                errs.push(format!("{} span {}..{} out of bounds or inside a character", d.code.as_str(), sp.start, sp.end));
            }
        }
    }
    for t in [&r.t2, &r.t3, &r.t4].into_iter().flatten() {
        for row in &t.rows {
            for c in row.cells.iter().filter_map(|c| c.span) {
                if !ok(c.start, c.end) {
                    errs.push(format!("{} {} cell span {}..{} bad", t.table, row.key, c.start, c.end));
                }
            }
        }
    }
    errs
}

/// Differences between what was read and what was generated (values and cell spans).
fn read_back(g: &Generated, r: &Report) -> Vec<String> {
    let mut errs = span_invariants(g, r);
    let span_ok = |cell: CellId, got: Option<nianbao::Span>| -> Option<String> {
        let want = g.span_of(&cell)?;
        match got {
            Some(s) if (s.start, s.end) == want => None,
            other => Some(format!(
                "{} {} {}: span {:?}, printed at {:?} «{}»",
                cell.table,
                cell.row,
                cell.column,
                other.map(|s| (s.start, s.end)),
                want,
                &g.text[want.0..want.1]
            )),
        }
    };
    // Table 二.
    match &r.t2 {
        None => errs.push("t2 not found".into()),
        Some(t) => {
            for (key, want) in g.tables.t2_rows() {
                let Some(row) = t.row(key) else {
                    errs.push(format!("t2 {} missing", key));
                    continue;
                };
                let got: Vec<Option<f64>> = row.cells.iter().map(|c| c.value.number()).collect();
                if got != want.iter().map(|v| Some(*v)).collect::<Vec<_>>() {
                    errs.push(format!("t2 {}: read {:?}, printed {:?}", key, got, want));
                    continue;
                }
                for (c, cell) in t.columns_of(key).iter().zip(&row.cells) {
                    errs.extend(span_ok(CellId { table: "t2", row: key, column: c }, cell.span));
                }
            }
        }
    }
    // Table 三.
    match &r.t3 {
        None => errs.push("t3 not found".into()),
        Some(t) => {
            if t.columns != T3_COLUMNS {
                errs.push(format!("t3 columns {:?}", t.columns));
            }
            if t.rows.len() != 25 {
                errs.push(format!("t3 has {} rows: {:?}", t.rows.len(), t.rows.iter().map(|r| r.key).collect::<Vec<_>>()));
            }
            for (i, key) in T3_ROWS.iter().enumerate() {
                let Some(row) = t.row(key) else {
                    errs.push(format!("t3 {} missing", key));
                    continue;
                };
                let got: Vec<Value> = row.cells.iter().map(|c| c.value.clone()).collect();
                let want: Vec<Value> = g.tables.t3[i].iter().map(|v| Value::Int(*v)).collect();
                if got != want {
                    errs.push(format!("t3 {}: read {:?}, printed {:?}", key, got.iter().map(|v| v.display()).collect::<Vec<_>>(), g.tables.t3[i]));
                    continue;
                }
                for (c, cell) in T3_COLUMNS.iter().zip(&row.cells) {
                    errs.extend(span_ok(CellId { table: "t3", row: key, column: c }, cell.span));
                }
            }
        }
    }
    // Table 四.
    match &r.t4 {
        None => errs.push("t4 not found".into()),
        Some(t) => {
            for (b, key) in T4_BLOCKS.iter().enumerate() {
                let Some(row) = t.row(key) else {
                    errs.push(format!("t4 {} missing", key));
                    continue;
                };
                let got: Vec<Value> = row.cells.iter().map(|c| c.value.clone()).collect();
                let want: Vec<Value> = g.tables.t4[b].iter().map(|v| Value::Int(*v)).collect();
                if got != want {
                    errs.push(format!("t4 {}: read {:?}, printed {:?}", key, got.iter().map(|v| v.display()).collect::<Vec<_>>(), g.tables.t4[b]));
                    continue;
                }
                for (c, cell) in T4_COLUMNS.iter().zip(&row.cells) {
                    errs.extend(span_ok(CellId { table: "t4", row: key, column: c }, cell.span));
                }
            }
        }
    }
    if r.year != Some(g.year) {
        errs.push(format!("year {:?}, title says {}", r.year, g.year));
    }
    errs
}

fn findings(r: &Report) -> Vec<String> {
    r.diagnostics.iter().map(|d| format!("{} {}", d.code.as_str(), d.message)).collect()
}

/// Collect failures instead of stopping at the first, then show a few with their seeds.
struct Failures {
    what: &'static str,
    cases: usize,
    list: Vec<String>,
}

impl Failures {
    fn new(what: &'static str) -> Self {
        Failures { what, cases: 0, list: Vec::new() }
    }
    fn add(&mut self, g: &Generated, extra: &str, errs: Vec<String>) {
        self.cases += 1;
        if !errs.is_empty() {
            self.list.push(format!(
                "[{} seed {}{}] (cargo run --example gen -- {} {} --check)\n    {}",
                g.form.name(),
                g.seed,
                extra,
                g.form.name(),
                g.seed,
                errs.iter().take(8).cloned().collect::<Vec<_>>().join("\n    ")
            ));
        }
    }
    fn assert(self) {
        assert!(self.cases > 0);
        if !self.list.is_empty() {
            panic!("{}: {} of {} cases failed:\n{}", self.what, self.list.len(), self.cases, self.list.iter().take(12).cloned().collect::<Vec<_>>().join("\n"));
        }
        eprintln!("{}: {} cases", self.what, self.cases);
    }
}

#[test]
fn consistent_reports_read_back_exactly_in_every_form() {
    let mut f = Failures::new("consistent reports read back exactly, no P/D/T/A finding");
    for form in Form::ALL {
        for k in 0..consistent() {
            let g = generate_with(seed_for(form, k, 1), &Options::new(form));
            let r = check(&g);
            let mut errs = read_back(&g, &r);
            for d in &r.diagnostics {
                let allowed = form == Form::RunTogether && d.code.as_str() == "P03";
                if !allowed && matches!(d.code.as_str().as_bytes()[0], b'P' | b'D' | b'T' | b'A') {
                    errs.push(format!("unexpected {} {}", d.code.as_str(), d.message));
                }
            }
            if form == Form::RunTogether && !r.diagnostics.iter().any(|d| d.code.as_str() == "P03") {
                errs.push("run-together text without the P03 note".into());
            }
            f.add(&g, "", errs);
        }
    }
    f.assert();
}

#[test]
fn consistent_reports_have_no_findings_at_all() {
    // The prose is plausible and agrees with the tables; the title names the year. Any finding
    // here (C/W rules included) is a false alarm.
    let mut f = Failures::new("consistent reports have no findings");
    for form in Form::ALL {
        for k in 0..consistent() / 5 {
            let g = generate_with(seed_for(form, k, 2), &Options::new(form));
            let r = check(&g);
            let errs: Vec<String> = r
                .diagnostics
                .iter()
                .filter(|d| !(form == Form::RunTogether && d.code.as_str() == "P03"))
                .map(|d| format!("{} {}", d.code.as_str(), d.message))
                .collect();
            f.add(&g, "", errs);
        }
    }
    f.assert();
}

#[test]
fn bytes_and_text_entry_points_agree() {
    let mut f = Failures::new("check_bytes = check_text");
    for form in Form::ALL {
        for k in 0..20 {
            let g = generate_with(seed_for(form, k, 3), &Options::new(form));
            let a = check(&g);
            let b = nianbao::check_bytes(g.text.as_bytes(), None);
            let mut errs = Vec::new();
            if a != b {
                errs.push("check_bytes and check_text differ".to_string());
            }
            if form == Form::Html {
                let c = nianbao::check_html(&g.text);
                if a != c {
                    errs.push("check_html and check_text differ".to_string());
                }
            }
            f.add(&g, "", errs);
        }
    }
    f.assert();
}

/// Printed (expected, actual) of the sum `code` that `cell` is in.
fn sum_values(g: &Generated, cell: &CellId, code: &str) -> (i64, i64) {
    let t = &g.tables;
    if cell.table == "t4" {
        let b = T4_BLOCKS.iter().position(|k| *k == cell.row).unwrap();
        let v = t.t4[b];
        return (v[0] + v[1] + v[2] + v[3], v[4]);
    }
    let r = T3_ROWS.iter().position(|k| *k == cell.row).unwrap();
    let c = T3_COLUMNS.iter().position(|k| *k == cell.column).unwrap();
    let items = |c: usize| -> i64 { (2..23).map(|i| t.t3[i][c]).sum() };
    match code {
        "A01" => (t.t3[r][..6].iter().sum(), t.t3[r][6]),
        "A02" => (items(c), t.t3[23][c]),
        _ => (t.t3[0][c] + t.t3[1][c], t.t3[23][c] + t.t3[24][c]),
    }
}

fn check_injection(g: &Generated, r: &Report) -> Vec<String> {
    let inj = g.injection.as_ref().unwrap();
    let cell = inj.cell;
    let mut errs = span_invariants(g, r);
    // Nothing but the broken sums.
    let other: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code.as_str().as_bytes()[0], b'P' | b'D' | b'T'))
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect();
    if !other.is_empty() {
        errs.push(format!("unexpected findings: {:?}", other));
    }
    let mut want = cell.sums();
    want.sort();
    let arith: Vec<&nianbao::Diagnostic> = r.diagnostics.iter().filter(|d| d.code.as_str().starts_with('A')).collect();
    let mut got: Vec<&str> = arith.iter().map(|d| d.code.as_str()).collect();
    got.sort();
    if got != want {
        errs.push(format!("{:?} {} → {}: A-codes {:?}, want {:?}", cell, inj.original, inj.printed, got, want));
        return errs;
    }
    for d in arith {
        let Some(cr) = d.cells.iter().find(|c| c.table == cell.table && c.row == cell.row && c.column == cell.column) else {
            errs.push(format!("{} does not name the wrong cell {:?}: {:?}", d.code.as_str(), cell, d.cells));
            continue;
        };
        let want_role = if want.len() >= 2 {
            "suspect"
        } else if cell.is_total() {
            "total"
        } else {
            "part"
        };
        if cr.role != want_role {
            errs.push(format!("{}: the wrong cell has role {}, want {}", d.code.as_str(), cr.role, want_role));
        }
        if want.len() >= 2 && d.suggestion.as_deref() != Some(inj.original.to_string().as_str()) {
            errs.push(format!("{}: suggestion {:?}, the balancing value is {}", d.code.as_str(), d.suggestion, inj.original));
        }
        if !d.spans.iter().any(|s| (s.start, s.end) == (inj.start, inj.end)) {
            errs.push(format!("{}: no span on the wrong number at {}..{}", d.code.as_str(), inj.start, inj.end));
        }
        let (e, a) = sum_values(g, &cell, d.code.as_str());
        if d.expected != Some(e as f64) || d.actual != Some(a as f64) {
            errs.push(format!("{}: expected/actual {:?}/{:?}, the sum gives {}/{}", d.code.as_str(), d.expected, d.actual, e, a));
        }
    }
    errs
}

#[test]
fn one_wrong_number_is_named_by_its_sums() {
    let mut f = Failures::new("one wrong number gives its A-codes");
    for form in Form::ALL.into_iter().filter(|f| *f != Form::RunTogether) {
        for (salt, inject) in [(10, Inject::AnyT3), (11, Inject::AnyT4)] {
            for k in 0..injected() {
                let g = generate_with(seed_for(form, k, salt), &Options { form, inject, unique_runs: true });
                let r = check(&g);
                let errs = check_injection(&g, &r);
                let inj = g.injection.as_ref().unwrap();
                f.add(&g, &format!(" {}", if salt == 10 { "t3" } else { "t4" }), errs.into_iter().map(|e| format!("{:?}: {}", inj.cell, e)).collect());
            }
        }
    }
    f.assert();
}

#[test]
fn every_cell_of_table_three_and_four_can_be_blamed() {
    // Each of the 175 + 15 cells once, in a grid form.
    let mut f = Failures::new("every cell named");
    let mut cells: Vec<CellId> = Vec::new();
    for row in T3_ROWS {
        for column in T3_COLUMNS {
            cells.push(CellId { table: "t3", row, column });
        }
    }
    for row in T4_BLOCKS {
        for column in T4_COLUMNS {
            cells.push(CellId { table: "t4", row, column });
        }
    }
    for (k, cell) in cells.into_iter().enumerate() {
        let form = [Form::Tsv, Form::Html, Form::PdfText, Form::PdfLayout, Form::Markdown][k % 5];
        let g = generate_with(seed_for(form, k as u64, 12), &Options { form, inject: Inject::Cell(cell), unique_runs: true });
        let r = check(&g);
        f.add(&g, &format!(" cell {:?}", cell), check_injection(&g, &r));
    }
    f.assert();
}

#[test]
fn run_together_with_a_wrong_number_is_never_silent() {
    // Splitting relies on the sums; a wrong number breaks them. The reader must then say that it
    // could not split (P01), that several splits balance (P02), or report the broken sum —
    // unless another split of the printed digits balances everything (generator's brute force),
    // in which case no reader can tell.
    let mut f = Failures::new("run-together with a wrong number");
    for (salt, inject) in [(20, Inject::AnyT3), (21, Inject::AnyT4)] {
        for k in 0..injected() {
            let form = Form::RunTogether;
            let g = generate_with(seed_for(form, k, salt), &Options { form, inject, unique_runs: true });
            let r = check(&g);
            let mut errs = span_invariants(&g, &r);
            let runs = g.runs.as_ref().unwrap();
            let readings = if inject == Inject::AnyT3 { runs.t3_readings } else { runs.t4_readings };
            let table = if inject == Inject::AnyT3 { "表三" } else { "表四" };
            let said = r.diagnostics.iter().any(|d| matches!(d.code.as_str(), "P01" | "P02") && d.message.contains(table) || d.code.as_str().starts_with('A'));
            if readings == 0 && !said {
                errs.push(format!("no balancing split exists, yet nothing is said: {:?}", findings(&r)));
            }
            f.add(&g, if inject == Inject::AnyT3 { " t3" } else { " t4" }, errs);
        }
    }
    f.assert();
}

#[test]
fn ambiguous_run_together_digits_get_p02_not_a_guess() {
    // Most run-together tables split in one way only; look for those that do not (the
    // generator's brute force says so) and check every one found, plus some unique ones.
    let mut f = Failures::new("run-together ambiguity");
    let (mut ambiguous, mut unique) = (0, 0);
    let want = 40 * scale() as usize;
    let mut k = 0;
    while ambiguous < want && k < 4000 * scale() {
        k += 1;
        let form = Form::RunTogether;
        let g = generate_with(seed_for(form, k, 30), &Options { form, inject: Inject::No, unique_runs: false });
        let runs = g.runs.clone().unwrap();
        let is_unique = runs.t3_readings == 1 && runs.t4_readings == 1;
        if is_unique && (unique >= want || k % 4 != 0) {
            continue;
        }
        let r = check(&g);
        let mut errs = span_invariants(&g, &r);
        for (readings, name) in [(runs.t3_readings, "表三"), (runs.t4_readings, "表四")] {
            let said = |codes: &[&str]| r.diagnostics.iter().any(|d| codes.contains(&d.code.as_str()) && d.message.contains(name));
            match readings {
                0 => errs.push(format!("generator bug: the true reading of {} does not balance", name)),
                1 => {}
                MANY => {
                    // Too many for the brute force: the reader must not claim a clean read.
                    if !said(&["P01", "P02"]) {
                        errs.push(format!("{}: very many balancing splits, no P01/P02: {:?}", name, findings(&r)));
                    }
                }
                n => {
                    if !said(&["P02"]) {
                        errs.push(format!("{}: {} balancing splits, no P02: {:?}", name, n, findings(&r)));
                    }
                }
            }
        }
        if is_unique {
            unique += 1;
            errs.extend(read_back(&g, &r));
        } else {
            ambiguous += 1;
        }
        f.add(&g, " ambiguous", errs);
    }
    assert!(ambiguous >= want / 2, "the generator found only {} ambiguous tables in {} tries", ambiguous, k);
    eprintln!("{} ambiguous and {} unique run-together reports checked ({} drawn)", ambiguous, unique, k);
    f.assert();
}
