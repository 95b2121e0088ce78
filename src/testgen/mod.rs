//! Generated test reports: random, internally consistent 政府信息公开工作年度报告 in every text
//! form users paste (PDF text, `pdftotext -layout` text, markdown, TSV, run-together web text,
//! HTML), with the table values they print and the byte span of every value cell.
//!
//! Everything is driven by an explicit seed (`Rng`, splitmix64), so a failing case is
//! reproduced by its seed alone. The generator knows nothing about the readers: it writes what
//! converters and PDF extractors write (modelled on the real reports in ../shared/fixtures),
//! and for run-together text it counts by brute force how many readings of the digit runs
//! balance every sum, so a test can tell a reader bug from a genuinely ambiguous text.
//!
//! One wrong number can be injected into a chosen cell of table 三 or 四 (`Inject`); the
//! result says which cell, what was printed instead of what, and where it is in the text.

use std::fmt::Write as _;

// The parts of the generator; each form is one file.
mod grid;
mod html;
mod pdf_layout;
mod pdf_text;
mod prose;
mod readings;
mod rng;
mod template;
mod values;
mod web_text;
mod writer;

use grid::*;
use html::*;
use pdf_layout::*;
use pdf_text::*;
use prose::*;
pub use readings::*;
pub use rng::Rng;
pub use template::*;
use values::*;
use web_text::*;
use writer::*;

#[derive(Clone, Debug, PartialEq)]
pub struct T2 {
    /// made, repealed, valid
    pub regulations: [i64; 3],
    pub normative_documents: [i64; 3],
    pub licensing: i64,
    pub punishment: i64,
    pub coercion: i64,
    /// 本年收费金额（万元）
    pub fees: f64,
    /// The fee as printed ("0", "12.5", "96171.6").
    pub fees_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tables {
    pub t2: T2,
    /// `T3_ROWS` × `T3_COLUMNS`.
    pub t3: [[i64; 7]; 25],
    /// `T4_BLOCKS` × `T4_COLUMNS`.
    pub t4: [[i64; 5]; 3],
}

impl Tables {
    /// Table 二 as (row key, values in column order).
    pub fn t2_rows(&self) -> Vec<(&'static str, Vec<f64>)> {
        let t = &self.t2;
        vec![
            ("regulations", t.regulations.iter().map(|&v| v as f64).collect()),
            ("normative_documents", t.normative_documents.iter().map(|&v| v as f64).collect()),
            ("licensing", vec![t.licensing as f64]),
            ("punishment", vec![t.punishment as f64]),
            ("coercion", vec![t.coercion as f64]),
            ("fees", vec![t.fees]),
        ]
    }
    pub fn t3_cell(&self, row: &str, column: &str) -> Option<i64> {
        let r = T3_ROWS.iter().position(|k| *k == row)?;
        let c = T3_COLUMNS.iter().position(|k| *k == column)?;
        Some(self.t3[r][c])
    }
    pub fn t4_cell(&self, block: &str, column: &str) -> Option<i64> {
        let b = T4_BLOCKS.iter().position(|k| *k == block)?;
        let c = T4_COLUMNS.iter().position(|k| *k == column)?;
        Some(self.t4[b][c])
    }
    /// Every sum of format-2021.md, as (code, place) of those that fail.
    pub fn failed_sums(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (i, r) in self.t3.iter().enumerate() {
            if r[..6].iter().sum::<i64>() != r[6] {
                out.push(("A01", T3_ROWS[i].to_string()));
            }
        }
        for c in 0..7 {
            let items: i64 = (0..25).filter(|&i| is_result_item(i)).map(|i| self.t3[i][c]).sum();
            if items != self.t3[IDX_TOTAL][c] {
                out.push(("A02", T3_COLUMNS[c].to_string()));
            }
            if self.t3[0][c] + self.t3[1][c] != self.t3[IDX_TOTAL][c] + self.t3[IDX_FORWARD][c] {
                out.push(("A03", T3_COLUMNS[c].to_string()));
            }
        }
        for (b, v) in self.t4.iter().enumerate() {
            if v[0] + v[1] + v[2] + v[3] != v[4] {
                out.push(("A04", T4_BLOCKS[b].to_string()));
            }
        }
        out
    }
}

/// A table cell by its keys.md keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellId {
    pub table: &'static str,
    pub row: &'static str,
    pub column: &'static str,
}

impl CellId {
    /// The sums (rule codes) this cell takes part in, one entry per sum.
    pub fn sums(&self) -> Vec<&'static str> {
        if self.table == "t4" {
            return vec!["A04"];
        }
        if self.table != "t3" {
            return vec![];
        }
        let i = T3_ROWS.iter().position(|k| *k == self.row).unwrap_or(0);
        let mut v = vec!["A01"];
        if is_result_item(i) || i == IDX_TOTAL {
            v.push("A02");
        }
        if i < 2 || i == IDX_TOTAL || i == IDX_FORWARD {
            v.push("A03");
        }
        v
    }
    /// Is this cell the printed total of one of its sums?
    pub fn is_total(&self) -> bool {
        self.column == "total" || (self.table == "t3" && self.row == "total")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Injection {
    pub cell: CellId,
    /// The value that balances every sum.
    pub original: i64,
    /// The wrong value printed instead.
    pub printed: i64,
    /// Byte span of the printed value in `Generated::text`.
    pub start: usize,
    pub end: usize,
}

/// The text forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// `pdftotext` default output: wrapped labels, values on label lines or one per line,
    /// page markers.
    PdfText,
    /// `pdftotext -layout`: columns aligned with runs of spaces, wrapped label lines.
    PdfLayout,
    /// Converter markdown: pipe tables.
    Markdown,
    /// Converter TSV: tab-separated cells, empty cells for merged label columns.
    Tsv,
    /// Web text with no separators between a row's cells.
    RunTogether,
    /// An HTML page with `<table>` markup (colspan/rowspan).
    Html,
}

impl Form {
    pub const ALL: [Form; 6] = [Form::PdfText, Form::PdfLayout, Form::Markdown, Form::Tsv, Form::RunTogether, Form::Html];
    pub fn name(self) -> &'static str {
        match self {
            Form::PdfText => "pdf-text",
            Form::PdfLayout => "pdf-layout",
            Form::Markdown => "markdown",
            Form::Tsv => "tsv",
            Form::RunTogether => "run-together",
            Form::Html => "html",
        }
    }
}

/// Which cell gets a wrong number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inject {
    No,
    /// A random cell of table 三.
    AnyT3,
    /// A random cell of table 四.
    AnyT4,
    /// This cell.
    Cell(CellId),
}

#[derive(Clone, Debug)]
pub struct Options {
    pub form: Form,
    pub inject: Inject,
    /// Run-together text: only values whose digit runs have exactly one balancing reading
    /// (otherwise any values; `Generated::runs` then says how many readings there are).
    pub unique_runs: bool,
}

impl Options {
    pub fn new(form: Form) -> Options {
        Options { form, inject: Inject::No, unique_runs: true }
    }
}

/// How many readings of the run-together digit runs balance every sum (generator's own brute
/// force). `MANY` when there are too many to count.
#[derive(Clone, Debug, PartialEq)]
pub struct RunInfo {
    pub t3_readings: usize,
    pub t4_readings: usize,
    /// Table 二's three-value rows split in exactly one way (no arithmetic helps there).
    pub t2_unique: bool,
}

pub const MANY: usize = usize::MAX;

#[derive(Clone, Debug)]
pub struct Generated {
    pub seed: u64,
    pub form: Form,
    pub text: String,
    pub title: String,
    pub agency: String,
    pub year: i32,
    /// The values as printed (including an injected wrong one).
    pub tables: Tables,
    /// Byte span of every value cell in `text`.
    pub spans: Vec<(CellId, usize, usize)>,
    pub injection: Option<Injection>,
    /// Run-together form only.
    pub runs: Option<RunInfo>,
}

impl Generated {
    pub fn span_of(&self, cell: &CellId) -> Option<(usize, usize)> {
        self.spans.iter().find(|s| s.0 == *cell).map(|s| (s.1, s.2))
    }
}

/// A consistent report in `form`.
pub fn generate(seed: u64, form: Form) -> Generated {
    generate_with(seed, &Options::new(form))
}

pub fn generate_with(seed: u64, opts: &Options) -> Generated {
    let mut rng = Rng::new(seed);
    let meta = Meta::new(&mut rng);
    let run_together = opts.form == Form::RunTogether;
    let mut tables = gen_tables(&mut rng, run_together, 3);
    if run_together && opts.unique_runs {
        // Keep drawing until the digit runs can be read in exactly one way, smaller each time.
        let mut tries = 0;
        while !(t3_readings(&t3_runs(&tables.t3)) == 1 && t4_readings(&t4_run(&tables.t4)) == 1) {
            tries += 1;
            let max_profile = if tries > 40 {
                1
            } else if tries > 20 {
                2
            } else {
                3
            };
            tables = gen_tables(&mut rng, true, max_profile);
            if tries > 200 {
                tables.t3 = [[0; 7]; 25];
                tables.t4 = [[0; 5]; 3];
            }
        }
    }
    // The prose is written from the consistent values; an injected error is a typo in a table.
    let prose = Prose::new(&mut rng, &meta, &tables);
    let mut printed = tables.clone();
    let injection = inject(&mut rng, &mut printed, opts.inject);
    let mut w = W::default();
    match opts.form {
        Form::PdfText => render_pdf_text(&mut rng, &mut w, &meta, &prose, &printed),
        Form::PdfLayout => render_layout(&mut rng, &mut w, &meta, &prose, &printed),
        Form::Markdown => render_grid(&mut rng, &mut w, &meta, &prose, &printed, Grid::Markdown),
        Form::Tsv => render_grid(&mut rng, &mut w, &meta, &prose, &printed, Grid::Tsv),
        Form::RunTogether => render_run_together(&mut rng, &mut w, &meta, &prose, &printed),
        Form::Html => render_html(&mut rng, &mut w, &meta, &prose, &printed),
    }
    let injection = injection.map(|(cell, original, now)| {
        let (start, end) = w.spans.iter().find(|s| s.0 == cell).map(|s| (s.1, s.2)).expect("every cell is rendered");
        Injection { cell, original, printed: now, start, end }
    });
    let runs = run_together.then(|| RunInfo {
        t3_readings: t3_readings(&t3_runs(&printed.t3)),
        t4_readings: t4_readings(&t4_run(&printed.t4)),
        t2_unique: [printed.t2.regulations, printed.t2.normative_documents].iter().all(|r| r.iter().all(|v| (0..10).contains(v))),
    });
    Generated {
        seed,
        form: opts.form,
        text: w.s,
        title: meta.title(),
        agency: meta.agency.clone(),
        year: meta.year,
        tables: printed,
        spans: w.spans,
        injection,
        runs,
    }
}

pub(crate) fn inject(rng: &mut Rng, t: &mut Tables, how: Inject) -> Option<(CellId, i64, i64)> {
    let cell = match how {
        Inject::No => return None,
        Inject::AnyT3 => CellId { table: "t3", row: T3_ROWS[rng.usize(0, 24)], column: T3_COLUMNS[rng.usize(0, 6)] },
        Inject::AnyT4 => CellId { table: "t4", row: T4_BLOCKS[rng.usize(0, 2)], column: T4_COLUMNS[rng.usize(0, 4)] },
        Inject::Cell(c) => c,
    };
    let slot: &mut i64 = if cell.table == "t3" {
        let r = T3_ROWS.iter().position(|k| *k == cell.row).expect("t3 row key");
        let c = T3_COLUMNS.iter().position(|k| *k == cell.column).expect("t3 column key");
        &mut t.t3[r][c]
    } else {
        let b = T4_BLOCKS.iter().position(|k| *k == cell.row).expect("t4 block key");
        let c = T4_COLUMNS.iter().position(|k| *k == cell.column).expect("t4 column key");
        &mut t.t4[b][c]
    };
    let original = *slot;
    // A typo: off by a little, a digit more, or a digit less.
    let mut now = match rng.below(4) {
        0 => original + rng.range(1, 3),
        1 if original > 0 => original - rng.range(1, original.min(3)),
        2 if original >= 10 => original / 10,
        _ => original * 10 + rng.range(1, 9),
    };
    if now == original || now < 0 {
        now = original + 1;
    }
    *slot = now;
    Some((cell, original, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(crate) fn consistent_and_reproducible() {
        for form in Form::ALL {
            for seed in 0..50 {
                let g = generate(seed, form);
                assert!(g.tables.failed_sums().is_empty(), "seed {} {:?}", seed, form);
                assert_eq!(g.text, generate(seed, form).text);
                assert_eq!(g.spans.len(), 10 + 175 + 15);
                for (cell, s, e) in &g.spans {
                    let v = &g.text[*s..*e];
                    let want = match cell.table {
                        "t3" => g.tables.t3_cell(cell.row, cell.column).unwrap().to_string(),
                        "t4" => g.tables.t4_cell(cell.row, cell.column).unwrap().to_string(),
                        _ => v.to_string(),
                    };
                    assert_eq!(v, want);
                }
            }
        }
    }

    #[test]
    pub(crate) fn injection_breaks_exactly_its_sums() {
        for seed in 0..200 {
            let opts = Options { form: Form::Tsv, inject: if seed % 2 == 0 { Inject::AnyT3 } else { Inject::AnyT4 }, unique_runs: true };
            let g = generate_with(seed, &opts);
            let inj = g.injection.clone().unwrap();
            assert_ne!(inj.original, inj.printed);
            assert_eq!(&g.text[inj.start..inj.end], inj.printed.to_string());
            let failed: Vec<&str> = g.tables.failed_sums().iter().map(|f| f.0).collect();
            let mut want = inj.cell.sums();
            want.sort();
            let mut got = failed.clone();
            got.sort();
            assert_eq!(got, want, "{:?}", inj);
        }
    }

    #[test]
    pub(crate) fn brute_force() {
        assert_eq!(t4_readings("000000000000000"), 1);
        let ok = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
        assert!(splits_of("801000081", 7, &ok, 100).contains(&vec![80, 1, 0, 0, 0, 0, 81]));
        let zero = vec!["0000000".to_string(); 25];
        assert_eq!(t3_readings(&zero), 1);
    }
}
