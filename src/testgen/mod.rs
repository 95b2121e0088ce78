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
//!
//! Two sets of forms: `Form::ALL`, the six clean forms every reader test runs over (their
//! output is fixed: the same seed and options give the same bytes, and scripts and tests
//! depend on it), and `Form::WILD`, the forms real reports arrive in when something went wrong
//! on the way (web-page text flattened by a crawler, damaged converter markdown, the 2019 trial
//! format), modelled on ../shared/fixtures/real/{pingtan_2019,pingtan_2022}.txt and
//! shanghai_bangongting_2025.md. `Form::every()` is both. For every form `Generated::cells`
//! says what each cell's value is, where it is printed and whether the text still shows where
//! it belongs (`Shown`), so a test can tell a reader bug from information the text lost.

use std::fmt::Write as _;

// The parts of the generator; each form is one file.
mod grid;
mod html;
mod html2019;
mod md_damaged;
mod pdf_layout;
mod pdf_text;
mod prose;
pub mod quality;
mod readings;
mod rewrite;
mod rng;
mod template;
mod truth;
mod values;
mod web_dom;
mod web_text;
mod wild;
mod writer;

use grid::*;
use html::*;
pub use html2019::T2y2019;
use html2019::*;
use md_damaged::*;
use pdf_layout::*;
use pdf_text::*;
use prose::*;
pub use readings::*;
use rewrite::*;
pub use rng::Rng;
pub use template::*;
pub use truth::*;
use values::*;
use web_dom::*;
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
    /// A cell of table 三 (`other`, the 2019 format's single （六） row, is kept in
    /// `other_1`'s place).
    pub fn t3_cell(&self, row: &str, column: &str) -> Option<i64> {
        let r = t3_index(row)?;
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
        let i = t3_index(self.row).unwrap_or(0);
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
    /// `Form::WILD`: the `Html` page's text as a crawler's `textContent` or a browser's
    /// select-all copy gives it: the whole report on one line, table cells run together, some
    /// tables spaced, stray spaces, a crawler header or the portal's menus around it.
    WebDom,
    /// `Form::WILD`: a report in the 2019 trial format as an HTML page (Word-exported cell
    /// markup, `&nbsp;` for 0, 总计 columns left blank, units in cells, negative 增/减).
    Html2019,
    /// `Form::WILD`: the `Html2019` page flattened as `WebDom` is.
    WebDom2019,
    /// `Form::WILD`: PDF→markdown converter output with the damage converters do (tables cut
    /// into pieces, placeholder and foreign header rows, labels apart from their numbers, rows
    /// shifted by stray label fragments, values floated out of the table, page markers).
    MdDamaged,
}

impl Form {
    /// The clean forms. What they generate for a seed and options never changes.
    pub const ALL: [Form; 6] = [Form::PdfText, Form::PdfLayout, Form::Markdown, Form::Tsv, Form::RunTogether, Form::Html];
    /// The forms real reports arrive in when something went wrong on the way; the readers are
    /// measured on them (examples/quality.rs, tests/real_forms.rs).
    pub const WILD: [Form; 4] = [Form::WebDom, Form::Html2019, Form::WebDom2019, Form::MdDamaged];
    /// `ALL` then `WILD`.
    pub fn every() -> [Form; 10] {
        let mut v = [Form::PdfText; 10];
        v[..6].copy_from_slice(&Form::ALL);
        v[6..].copy_from_slice(&Form::WILD);
        v
    }
    pub fn is_wild(self) -> bool {
        Form::WILD.contains(&self)
    }
    /// The form called `name` (`Form::name`).
    pub fn by_name(name: &str) -> Option<Form> {
        Form::every().into_iter().find(|f| f.name() == name)
    }
    /// Reports of this form are in the 2019 trial format.
    pub fn is_2019(self) -> bool {
        matches!(self, Form::Html2019 | Form::WebDom2019)
    }
    pub fn name(self) -> &'static str {
        match self {
            Form::PdfText => "pdf-text",
            Form::PdfLayout => "pdf-layout",
            Form::Markdown => "markdown",
            Form::Tsv => "tsv",
            Form::RunTogether => "run-together",
            Form::Html => "html",
            Form::WebDom => "web-dom",
            Form::Html2019 => "html-2019",
            Form::WebDom2019 => "web-dom-2019",
            Form::MdDamaged => "md-damaged",
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
    /// Run-together text (`RunTogether`, `WebDom`, `WebDom2019`): only values whose digit runs
    /// have exactly one balancing reading (otherwise any values; `Generated::runs` then says how
    /// many readings there are).
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
    /// Run-together forms only (`RunTogether`, `WebDom`, `WebDom2019`).
    pub runs: Option<RunInfo>,
    /// Tables 二 and 三 are in the 2019 trial format (`T2_2019_ROWS`; table 三 with a single
    /// `other` row, 23 rows).
    pub format_2019: bool,
    /// Every cell of the three tables in printed order: its value as the checker's JSON should
    /// give it, its span, and how much of its place the text shows (`Shown`).
    pub cells: Vec<Truth>,
    /// What was done to this report beyond its form's plain shape (wild forms): the kinds of
    /// damage and page furniture chosen for it, e.g. "t3-piece-per-row", "crawler-header".
    pub damage: Vec<&'static str>,
    /// Table 二 of a 2019 report (`format_2019`), as printed (its cells are also in `cells`);
    /// `tables.t2` is then not printed.
    pub t2_2019: Option<T2y2019>,
    /// Where the report itself is in `text` when the form puts page furniture around it (the
    /// web forms' crawler header, portal menus, footer): a finding outside it points at text
    /// that is not the report.
    pub body: Option<(usize, usize)>,
}

impl Generated {
    pub fn span_of(&self, cell: &CellId) -> Option<(usize, usize)> {
        self.spans.iter().find(|s| s.0 == *cell).map(|s| (s.1, s.2))
    }
    /// The truth of one cell.
    pub fn truth(&self, cell: &CellId) -> Option<&Truth> {
        self.cells.iter().find(|t| t.cell == *cell)
    }
}

/// A consistent report in `form`.
pub fn generate(seed: u64, form: Form) -> Generated {
    generate_with(seed, &Options::new(form))
}

pub fn generate_with(seed: u64, opts: &Options) -> Generated {
    if opts.form.is_wild() {
        return wild::generate_wild(seed, opts);
    }
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
        _ => unreachable!("wild forms are generated by wild::generate_wild"),
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
    let cells = plain_truth(&w.s, &printed, &w.spans, runs.as_ref(), injection.as_ref().map(|i| i.cell));
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
        format_2019: false,
        cells,
        damage: Vec::new(),
        t2_2019: None,
        body: None,
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
        let r = t3_index(cell.row).expect("t3 row key");
        let c = T3_COLUMNS.iter().position(|k| *k == cell.column).expect("t3 column key");
        &mut t.t3[r][c]
    } else {
        let b = T4_BLOCKS.iter().position(|k| *k == cell.row).expect("t4 block key");
        let c = T4_COLUMNS.iter().position(|k| *k == cell.column).expect("t4 column key");
        &mut t.t4[b][c]
    };
    let original = *slot;
    let now = typo(rng, original);
    *slot = now;
    Some((cell, original, now))
}

/// A typo of `original`: off by a little, a digit more, or a digit less; never the same, never
/// negative.
pub(crate) fn typo(rng: &mut Rng, original: i64) -> i64 {
    let mut now = match rng.below(4) {
        0 => original + rng.range(1, 3),
        1 if original > 0 => original - rng.range(1, original.min(3)),
        2 if original >= 10 => original / 10,
        _ => original * 10 + rng.range(1, 9),
    };
    if now == original || now < 0 {
        now = original + 1;
    }
    now
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

    fn no_ws(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn wild_forms_are_reproducible_and_say_what_they_printed() {
        use crate::value::Value;
        for form in Form::WILD {
            for seed in 0..20 {
                for inject in [Inject::No, Inject::AnyT3, Inject::AnyT4] {
                    let opts = Options { form, inject, unique_runs: seed % 5 != 0 };
                    let g = generate_with(seed, &opts);
                    let again = generate_with(seed, &opts);
                    let case = format!("{} seed {} {:?}", form.name(), seed, inject);
                    assert_eq!(g.text, again.text, "{}", case);
                    assert_eq!(g.cells, again.cells, "{}", case);
                    assert_eq!(g.format_2019, form.is_2019());
                    // Every cell of the template once, in printed order.
                    let cells: Vec<CellId> = g.cells.iter().map(|t| t.cell).collect();
                    assert_eq!(cells, template_cells(g.format_2019), "{}", case);
                    assert_eq!(cells.len(), if g.format_2019 { 22 + 23 * 7 + 15 } else { 10 + 175 + 15 });
                    for t in &g.cells {
                        let what = format!("{} {:?}", case, t.cell);
                        match (&t.value, t.span) {
                            (Value::Blank, Some((s, e))) => {
                                let at = &g.text[s..e];
                                assert!(at == "&nbsp;" || (at.chars().count() == 1 && at.chars().all(char::is_whitespace)), "{}: blank at «{}»", what, at);
                            }
                            (Value::Blank, None) => {}
                            (_, None) => panic!("{}: printed cell without a span", what),
                            // The span holds what was printed (a floated note is split over lines, with
                            // spaces around its digits).
                            (_, Some((s, e))) => assert_eq!(no_ws(&g.text[s..e]), no_ws(&t.printed), "{}", what),
                        }
                        let number = match t.cell.table {
                            "t3" => g.tables.t3_cell(t.cell.row, t.cell.column),
                            "t4" => g.tables.t4_cell(t.cell.row, t.cell.column),
                            _ => None,
                        };
                        match (&t.value, number) {
                            (Value::Int(v), Some(n)) => assert_eq!(*v, n, "{}", what),
                            // Blank and placeholder cells stand for 0, or (2019) a 总计 left blank.
                            (_, Some(n)) => assert!(n == 0 || (g.format_2019 && t.cell.column == "total"), "{}: {:?} for {}", what, t.value, n),
                            _ => {}
                        }
                    }
                    match &g.injection {
                        None => assert!(g.tables.failed_sums().is_empty(), "{}: {:?}", case, g.tables.failed_sums()),
                        Some(inj) => {
                            assert_eq!(&g.text[inj.start..inj.end], inj.printed.to_string(), "{}", case);
                            assert_eq!(g.truth(&inj.cell).map(|t| t.value.clone()), Some(Value::Int(inj.printed)), "{}", case);
                            let mut got: Vec<&str> = g.tables.failed_sums().iter().map(|f| f.0).collect();
                            got.sort();
                            let mut want = inj.cell.sums();
                            want.sort();
                            assert_eq!(got, want, "{}: {:?}", case, inj);
                        }
                    }
                    let web = matches!(form, Form::WebDom | Form::WebDom2019);
                    assert_eq!(g.runs.is_some(), web, "{}", case);
                    if web && opts.unique_runs && inject == Inject::No {
                        let r = g.runs.as_ref().unwrap();
                        assert_eq!((r.t3_readings, r.t4_readings), (1, 1), "{}", case);
                        // Sure numbers; only where collapsed blanks stand may be open.
                        assert!(
                            g.cells.iter().filter(|t| t.cell.table != "t2").all(|t| t.shown != Shown::Ambiguous || t.why == Some(wild::BLANKS_COLLAPSED)),
                            "{}",
                            case
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn web_dom_is_one_line_with_the_cells_run_together() {
        let (mut runs, mut spaced, mut into_label, mut stray) = (0, 0, 0, 0);
        for form in [Form::WebDom, Form::WebDom2019] {
            for seed in 0..40 {
                let g = generate(seed, form);
                // The report, from the first section heading to the last, is one line.
                let a = g.text.find("一、总体情况").unwrap();
                let b = g.text.find("六、其他需要报告的事项").unwrap();
                assert!(!g.text[a..b].contains('\n'), "{} seed {}", form.name(), seed);
                let t3: Vec<&Truth> = g.cells.iter().filter(|t| t.cell.table == "t3" && t.span.is_some()).collect();
                let adjacent = t3.windows(2).filter(|w| w[0].span.unwrap().1 == w[1].span.unwrap().0).count();
                if adjacent > 100 {
                    runs += 1;
                } else if adjacent == 0 {
                    spaced += 1;
                }
                // 「…00000002.其他法律…」: the last value of a row runs into the next label's number.
                if t3.iter().any(|t| t.cell.column == "total" && g.text[t.span.unwrap().1..].starts_with(|c: char| c.is_ascii_digit())) {
                    into_label += 1;
                }
                if g.damage.contains(&"stray-spaces") {
                    stray += 1;
                }
            }
        }
        eprintln!(
            "web text: {} tables 三 run together, {} spaced, {} with a total running into the next label, {} with stray spaces",
            runs, spaced, into_label, stray
        );
        assert!(runs > 12 && spaced > 6 && into_label > 6 && stray > 6);
    }

    #[test]
    fn md_damaged_reports_range_from_easy_to_nasty() {
        let kinds = [
            "t3-piece-per-row",
            "t3-piece-per-page",
            "t3-placeholder-header",
            "t3-caption-repeated",
            "t3-foreign-header",
            "t3-label-row-then-numbers",
            "t3-label-loose-then-numbers",
            "t3-unlabelled-row",
            "t3-label-middle-fragment",
            "t3-group-label-fragments",
            "t3-loose-header",
            "t2-floated-notes",
            "t2-notes-in-cells",
            "t2-loose-blocks",
            "t4-header-mismatch",
            "blank-cells",
            "dash-placeholders",
            "page-markers",
            "hard-wrapped-prose",
        ];
        let mut seen = std::collections::HashSet::new();
        let (mut easy, mut nasty, mut lost, mut inferred) = (0, 0, 0, 0);
        for seed in 0..300 {
            let g = generate(seed, Form::MdDamaged);
            seen.extend(g.damage.iter().copied());
            let n = g.damage.iter().filter(|k| k.starts_with("t")).count();
            if n <= 1 {
                easy += 1;
            }
            if n >= 7 {
                nasty += 1;
            }
            lost += g.cells.iter().any(|t| t.shown == Shown::Lost) as usize;
            inferred += g.cells.iter().any(|t| t.shown == Shown::Inferred) as usize;
        }
        for k in kinds {
            assert!(seen.contains(k), "damage {} never chosen", k);
        }
        assert!(easy > 30 && nasty > 20 && lost > 10 && inferred > 30, "easy {} nasty {} lost {} inferred {}", easy, nasty, lost, inferred);
    }

    #[test]
    fn readings_of_printed_rows() {
        let none = |_: &[Option<&str>]| true;
        // 「230 000023」: a space is always a boundary.
        assert_eq!(cell_readings("230 000023", 7, Blanks::None, &none, 100).len(), 3);
        let row_ok =
            |v: &[Option<&str>]| v.len() < 7 || v[..6].iter().map(|c| c.unwrap().parse::<i64>().unwrap()).sum::<i64>() == v[6].unwrap().parse().unwrap();
        assert_eq!(
            cell_readings("230 000023", 7, Blanks::None, &row_ok, 100),
            vec![["23", "0", "0", "0", "0", "0", "23"].map(|s| Some(s.to_string())).to_vec()]
        );
        assert_eq!(t3_text_readings(&vec!["0000000".to_string(); 23], Blanks::None), 1);
        // A kept U+00A0 is one blank cell; collapsed, it could be anywhere white space is.
        assert_eq!(cell_readings("5\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}5", 7, Blanks::Nbsp, &none, 100).len(), 1);
        assert_eq!(cell_readings("5 5", 7, Blanks::AnyWs, &none, 100).len(), 1);
        assert_eq!(cell_readings("5 5 ", 7, Blanks::AnyWs, &none, 100).len(), 6);
        // Negative changes and units in table 二 of 2019 (「2648-18538」, 「13575394432.52元」).
        assert_eq!(t2_text_readings("2648-18538", 3, Blanks::None), 7);
        assert!(t2_text_readings("13575394432.52元", 2, Blanks::None) > 1);
        assert_eq!(t2_text_readings("0 12万元", 2, Blanks::None), 1);
        assert_eq!(t4_text_readings("110024001510102", Blanks::None), 1);
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
