//! How well the checker reads generated reports, form by form: for N seeds per form (the wild
//! forms and, for comparison, the clean ones) × {no error, one wrong number in table 三, one in
//! table 四}, each report is checked with `nianbao::check_text` and measured against the
//! generator's truth (`testgen::quality`).
//!
//!     cargo run --release --example quality [N=200] [--forms web-dom,md-damaged] [--detail] [--ambiguous]
//!
//! Per form: cells exact / marked uncertain / wrong / missing (table 二 of the 2019 format on a
//! line of its own: keys.md does not cover it); reports with a false A-error (an A01–A05
//! finding on a report generated without an error, or on an injected one with a sum that does
//! not involve the injected cell), with an A-finding resting on an uncertain cell, with an
//! uncertain cell but no P01/P02/P04 for its table, with a finding outside the report (in the
//! crawler header, portal menus or footer around it); injected errors caught at their cell /
//! only flagged by a P-code for their table / missed. `--detail` adds the most common kinds of
//! wrong and missing cells, the damage kinds that go with failures, and a few seeds to look at
//! (`cargo run --example gen -- FORM SEED [t3|t4] --check`; all of them with `ALL_EXAMPLES=1`).
//! `--ambiguous` generates web forms whose digit runs may split in several balanced ways (as
//! `gen --ambiguous`), to measure what the readers and the prose's stated counts make of them.

use nianbao::testgen::quality::{measure, pattern, Caught, CellResult, Measure, Outcome};
use nianbao::testgen::{generate_with, Form, Generated, Inject, Options, Shown};
use std::collections::HashMap;

#[derive(Default)]
struct Tally {
    reports: usize,
    cells: [usize; 4],
    t2_2019: [usize; 4],
    /// Tables 三 and 四 by how the text shows a cell (exact, inferred, ambiguous, lost) × outcome.
    by_shown: [[usize; 4]; 4],
    false_a: usize,
    a_on_uncertain: usize,
    uncertain_without_p: usize,
    /// Reports with a finding outside the report (page header, menus, footer).
    outside: usize,
    /// [table 三, table 四] × [at cell, flagged, missed]
    injected: [[usize; 3]; 2],
    /// The same, only for injections into tables the generator printed exactly.
    injected_exact: [[usize; 3]; 2],
    patterns: HashMap<String, usize>,
    /// damage kind → (reports, reports with a failed cell, reports with a false A-error)
    damage: HashMap<&'static str, (usize, usize, usize)>,
    examples: Vec<String>,
    outside_examples: Vec<String>,
}

impl Tally {
    fn add(&mut self, g: &Generated, m: &Measure, mode: &str) {
        self.reports += 1;
        for o in Outcome::ALL {
            self.cells[o.index()] += m.count(o, false);
            self.t2_2019[o.index()] += m.count(o, true);
        }
        for c in m.cells.iter().filter(|c| !c.t2_2019) {
            let s = match c.shown {
                Shown::Exact => 0,
                Shown::Inferred => 1,
                Shown::Ambiguous => 2,
                Shown::Lost => 3,
            };
            self.by_shown[s][c.outcome.index()] += 1;
        }
        self.false_a += !m.false_a.is_empty() as usize;
        self.a_on_uncertain += !m.a_on_uncertain.is_empty() as usize;
        self.uncertain_without_p += !m.uncertain_without_p.is_empty() as usize;
        self.outside += !m.outside.is_empty() as usize;
        if let Some(o) = m.outside.first() {
            if self.outside_examples.len() < 3 {
                self.outside_examples.push(format!("{} {}{}: {}", g.form.name(), g.seed, mode, o.chars().take(110).collect::<String>()));
            }
        }
        if let Some((cell, caught)) = m.injection {
            let t = if cell.table == "t3" { 0 } else { 1 };
            let k = match caught {
                Caught::AtCell => 0,
                Caught::Flagged => 1,
                Caught::Missed => 2,
            };
            self.injected[t][k] += 1;
            if m.injected_table_exact {
                self.injected_exact[t][k] += 1;
            }
        }
        // A wrong cell, or a missing one whose place the text shows (a cell the text lost or
        // whose digits have several readings may be missing).
        let failed = |c: &&CellResult| {
            !c.t2_2019 && (c.outcome == Outcome::Wrong || (c.outcome == Outcome::Missing && matches!(c.shown, Shown::Exact | Shown::Inferred)))
        };
        let bad = m.cells.iter().any(|c| failed(&c));
        for c in m.cells.iter().filter(|c| matches!(c.outcome, Outcome::Wrong | Outcome::Missing)) {
            *self.patterns.entry(pattern(g, c)).or_default() += 1;
        }
        for k in &g.damage {
            let e = self.damage.entry(k).or_default();
            e.0 += 1;
            e.1 += bad as usize;
            e.2 += !m.false_a.is_empty() as usize;
        }
        // Every report with a false A-error is listed (there should be none), other failures up
        // to six (all of them with ALL_EXAMPLES=1).
        if (bad && self.examples.len() < (if std::env::var("ALL_EXAMPLES").is_ok() { 100000 } else { 6 })) || !m.false_a.is_empty() {
            let first = m.cells.iter().find(|c| failed(c)).map(|c| {
                format!(
                    " (first: {}.{}.{} read {}, printed {} [{}])",
                    c.cell.table,
                    c.cell.row,
                    c.cell.column,
                    c.got.as_ref().map(|v| v.display()).unwrap_or_else(|| "nothing".into()),
                    c.want.display(),
                    c.shown.name()
                )
            });
            self.examples.push(format!(
                "{} {}{}: {} failed cells{}{}",
                g.form.name(),
                g.seed,
                mode,
                m.cells.iter().filter(|c| failed(c)).count(),
                first.unwrap_or_default(),
                m.false_a.first().map(|a| format!(", false {}", a.chars().take(100).collect::<String>())).unwrap_or_default()
            ));
        }
    }
}

fn pct(a: usize, n: usize) -> String {
    if n == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / n as f64)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(200);
    let detail = args.iter().any(|a| a == "--detail");
    let unique_runs = !args.iter().any(|a| a == "--ambiguous");
    let forms: Vec<Form> = match args.iter().position(|a| a == "--forms") {
        Some(i) => args.get(i + 1).map(|s| s.split(',').filter_map(Form::by_name).collect()).unwrap_or_default(),
        None => Form::WILD.iter().chain(Form::ALL.iter()).copied().collect(),
    };
    let started = std::time::Instant::now();
    println!(
        "{:<13} {:>7} | {:>7} {:>9} {:>6} {:>7} {:>7} | {:>7} {:>9} {:>10} {:>7} | {:>15} {:>15} | {:>15}",
        "form",
        "reports",
        "exact",
        "uncertain",
        "wrong",
        "missing",
        "exact%",
        "false-A",
        "A-on-unsure",
        "unsure-no-P",
        "outside",
        "t3 inj cell/P/-",
        "t4 inj cell/P/-",
        "exact tables"
    );
    for form in forms {
        let mut t = Tally::default();
        for k in 0..n {
            for (salt, inject, mode) in [(1u64, Inject::No, ""), (2, Inject::AnyT3, " t3"), (3, Inject::AnyT4, " t4")] {
                let seed = k * 16 + salt;
                let g = generate_with(seed, &Options { form, inject, unique_runs });
                let r = nianbao::check_text(&g.text);
                t.add(&g, &measure(&g, &r), mode);
            }
        }
        let all: usize = t.cells.iter().sum();
        let inj = |x: [usize; 3]| format!("{}/{}/{}", x[0], x[1], x[2]);
        let ex = t.injected_exact;
        println!(
            "{:<13} {:>7} | {:>7} {:>9} {:>6} {:>7} {:>7} | {:>7} {:>9} {:>10} {:>7} | {:>15} {:>15} | {:>15}",
            form.name(),
            t.reports,
            t.cells[0],
            t.cells[1],
            t.cells[2],
            t.cells[3],
            pct(t.cells[0], all),
            t.false_a,
            t.a_on_uncertain,
            t.uncertain_without_p,
            t.outside,
            inj(t.injected[0]),
            inj(t.injected[1]),
            format!("{} {}", inj(ex[0]), inj(ex[1])),
        );
        let all19: usize = t.t2_2019.iter().sum();
        if all19 > 0 {
            println!(
                "{:<13} {:>7} | {:>7} {:>9} {:>6} {:>7} {:>7} | (table 二 of the 2019 format: keys t2_2019.*, counted apart)",
                "  t2-2019",
                "",
                t.t2_2019[0],
                t.t2_2019[1],
                t.t2_2019[2],
                t.t2_2019[3],
                pct(t.t2_2019[0], all19)
            );
        }
        if detail {
            // Of the cells the text shows in their place, how many were read exactly: the
            // reader's own share, apart from what the text no longer decides.
            let shown: Vec<String> = ["exact", "inferred", "ambiguous", "lost"]
                .iter()
                .zip(&t.by_shown)
                .filter(|(_, n)| n.iter().sum::<usize>() > 0)
                .map(|(name, n)| format!("{} {}/{}/{}/{} ({} read exactly)", name, n[0], n[1], n[2], n[3], pct(n[0], n.iter().sum())))
                .collect();
            println!("      cells by how the text shows them (exact/uncertain/wrong/missing): {}", shown.join("; "));
            let mut p: Vec<(&String, &usize)> = t.patterns.iter().collect();
            p.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (k, v) in p.iter().take(8) {
                println!("      {:>6}  {}", v, k);
            }
            let mut d: Vec<(&&str, &(usize, usize, usize))> = t.damage.iter().filter(|d| d.1 .0 >= 5).collect();
            d.sort_by(|a, b| (b.1 .1 * 1000 / b.1 .0).cmp(&(a.1 .1 * 1000 / a.1 .0)).then(a.0.cmp(b.0)));
            if !d.is_empty() {
                println!(
                    "      damage kind failed/reports:with false A (a failed cell: wrong, or missing though the text shows it): {}",
                    d.iter().map(|(k, v)| format!("{} {}/{}:{}", k, v.1, v.0, v.2)).collect::<Vec<_>>().join(", ")
                );
            }
            for e in &t.examples {
                println!("      e.g. {}", e);
            }
            for e in &t.outside_examples {
                println!("      outside the report: {}", e);
            }
        }
    }
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
}
