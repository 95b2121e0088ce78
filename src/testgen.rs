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

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/// splitmix64: tiny, fast, good enough for test data, reproducible from its seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn usize(&mut self, lo: usize, hi: usize) -> usize {
        self.range(lo as i64, hi as i64) as usize
    }
    /// Fewer than `max` of `pieces` in a row, each picked at random (texts for the randomised
    /// tests that compare a byte-level rewrite with its plain statement).
    pub fn text_of(&mut self, pieces: &[&str], max: u64) -> String {
        let n = self.below(max);
        let mut out = String::new();
        for _ in 0..n {
            out.push_str(*self.pick(pieces));
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// The template (the national format, written out independently of `format.rs`)
// ---------------------------------------------------------------------------------------------

/// Table 三 row keys (keys.md), 2021 format, in printed order.
pub const T3_ROWS: [&str; 25] = [
    "new",
    "carried_over",
    "granted",
    "partial",
    "denied_1",
    "denied_2",
    "denied_3",
    "denied_4",
    "denied_5",
    "denied_6",
    "denied_7",
    "denied_8",
    "unable_1",
    "unable_2",
    "unable_3",
    "not_processed_1",
    "not_processed_2",
    "not_processed_3",
    "not_processed_4",
    "not_processed_5",
    "other_1",
    "other_2",
    "other_3",
    "total",
    "carried_forward",
];
pub const T3_COLUMNS: [&str; 7] = ["natural", "commercial", "research", "social", "legal", "other", "total"];
pub const T4_BLOCKS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
pub const T4_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];
pub const T2_ROWS: [&str; 6] = ["regulations", "normative_documents", "licensing", "punishment", "coercion", "fees"];

const IDX_GRANTED: usize = 2;
const IDX_TOTAL: usize = 23;
const IDX_FORWARD: usize = 24;
/// Rows 2..=22 are the 21 result items (（一）（二） and the sub-items of （三）–（六））.
fn is_result_item(i: usize) -> bool {
    (IDX_GRANTED..IDX_TOTAL).contains(&i)
}

const T3_HEADER_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Row labels of table 三 without item numbers (sub-items get theirs when rendered).
const T3_TEXT: [&str; 25] = [
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "予以公开",
    "部分公开（区分处理的，只计这一情形，不计其他情形）",
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
    "本机关不掌握相关政府信息",
    "没有现成信息需要另行制作",
    "补正后申请内容仍不明确",
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
    "总计",
    "结转下年度继续办理",
];

/// The sub-groups （三）–（六） of 三、本年度办理结果: (heading, first row, last row).
const GROUPS: [(&str, usize, usize); 4] = [("不予公开", 4, 11), ("无法提供", 12, 14), ("不予处理", 15, 19), ("其他处理", 20, 22)];

fn group_of(i: usize) -> Option<usize> {
    GROUPS.iter().position(|g| (g.1..=g.2).contains(&i))
}

const CN_NUM: [&str; 8] = ["一", "二", "三", "四", "五", "六", "七", "八"];

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

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

fn inject(rng: &mut Rng, t: &mut Tables, how: Inject) -> Option<(CellId, i64, i64)> {
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

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

fn gen_tables(rng: &mut Rng, run_together: bool, max_profile: u64) -> Tables {
    // 0: nothing at all (most district bureaus), 1: a few, 2: a county government, 3: a city.
    let profile = [0u64, 0, 1, 1, 1, 2, 2, 3][rng.usize(0, 7)].min(max_profile);
    let scale: i64 = [0, 4, 60, 900][profile as usize];
    // Column weights: 自然人 dominate, 科研机构 rarely apply.
    let weights: [f64; 6] = [1.0, 0.15, 0.02, 0.05, 0.08, 0.05];
    let mut t3 = [[0i64; 7]; 25];
    if scale > 0 {
        for (i, row) in t3.iter_mut().enumerate() {
            if !is_result_item(i) {
                continue;
            }
            // Some result items are common, most are rare.
            let common = matches!(i, 2 | 3 | 12 | 15 | 22);
            let p_row = if common { 0.8 } else { 0.25 };
            if !rng.chance(p_row) {
                continue;
            }
            let row_scale = if common { scale } else { (scale / 6).max(1) };
            for c in 0..6 {
                if c == 0 || rng.chance((weights[c] * 4.0).min(1.0)) {
                    let hi = ((row_scale as f64) * weights[c]).ceil() as i64;
                    row[c] = rng.range(0, hi.max(1));
                }
            }
        }
        for c in 0..6 {
            t3[IDX_TOTAL][c] = (0..25).filter(|&i| is_result_item(i)).map(|i| t3[i][c]).sum();
            let total = t3[IDX_TOTAL][c];
            t3[IDX_FORWARD][c] = if rng.chance(0.4) { rng.range(0, (total / 10).max(1)) } else { 0 };
            let avail = total + t3[IDX_FORWARD][c];
            t3[1][c] = if rng.chance(0.4) { rng.range(0, (avail / 8).max(0).min(avail)) } else { 0 };
            t3[0][c] = avail - t3[1][c];
        }
    }
    for row in t3.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    let mut t4 = [[0i64; 5]; 3];
    let t4_scale: i64 = [0, 1, 5, 60][profile as usize];
    if t4_scale > 0 {
        for (b, block) in t4.iter_mut().enumerate() {
            if rng.chance(if b == 0 { 0.6 } else { 0.35 }) {
                let s = if b == 0 { t4_scale } else { (t4_scale / 3).max(1) };
                for v in block.iter_mut().take(4) {
                    *v = if rng.chance(0.6) { rng.range(0, s) } else { 0 };
                }
            }
            block[4] = block[..4].iter().sum();
        }
    }
    // Run-together text: table 二 has no sums to split 「规章105」 by, so its three-value rows
    // are printed with single digits (exactly one split exists).
    let doc_hi = if run_together { 9 } else { [2, 9, 40, 120][profile as usize] };
    let cap = |v: i64| if run_together { v.min(9) } else { v };
    let regulations = if profile >= 2 { [rng.range(0, 3), rng.range(0, 2), cap(rng.range(0, 40))] } else { [0, 0, 0] };
    let normative_documents = [rng.range(0, doc_hi), rng.range(0, doc_hi / 2), cap(rng.range(0, doc_hi * 5))];
    let big = [3, 300, 20_000, 500_000][profile as usize];
    let licensing = if rng.chance(0.5) { rng.range(0, big) } else { 0 };
    let punishment = if rng.chance(0.5) { rng.range(0, big) } else { 0 };
    let coercion = if rng.chance(0.3) { rng.range(0, big / 20) } else { 0 };
    let (fees, fees_text) = match rng.below(4) {
        0 | 1 => (0.0, "0".to_string()),
        2 => {
            let v = rng.range(1, 9999);
            (v as f64, v.to_string())
        }
        _ => {
            // A decimal in 万元 with one or two places, never ending in 0.
            let places = rng.usize(1, 2);
            let int = rng.range(0, 99_999);
            let frac = if places == 1 { rng.range(1, 9) } else { rng.range(1, 99) };
            let frac = if places == 2 && frac % 10 == 0 { frac + 1 } else { frac };
            let s = if places == 1 { format!("{}.{}", int, frac) } else { format!("{}.{:02}", int, frac) };
            (s.parse().expect("decimal"), s)
        }
    };
    Tables { t2: T2 { regulations, normative_documents, licensing, punishment, coercion, fees, fees_text }, t3, t4 }
}

// ---------------------------------------------------------------------------------------------
// Run-together brute force (independent of the readers)
// ---------------------------------------------------------------------------------------------

/// The digit run of each table 三 row as run-together text prints it.
pub fn t3_runs(t3: &[[i64; 7]; 25]) -> Vec<String> {
    t3.iter().map(|r| r.iter().map(|v| v.to_string()).collect()).collect()
}

pub fn t4_run(t4: &[[i64; 5]; 3]) -> String {
    t4.iter().flat_map(|b| b.iter()).map(|v| v.to_string()).collect()
}

/// Every way to cut `digits` into `n` numbers without leading zeros that `ok` accepts (at
/// most `cap + 1` of them).
pub fn splits_of(digits: &str, n: usize, ok: &dyn Fn(&[i64]) -> bool, cap: usize) -> Vec<Vec<i64>> {
    fn rec(b: &[u8], at: usize, n: usize, cur: &mut Vec<i64>, ok: &dyn Fn(&[i64]) -> bool, cap: usize, out: &mut Vec<Vec<i64>>) {
        if out.len() > cap {
            return;
        }
        if cur.len() == n {
            if at == b.len() && ok(cur) {
                out.push(cur.clone());
            }
            return;
        }
        let left = n - cur.len();
        if b.len() - at < left {
            return;
        }
        let max_len = if b[at] == b'0' { 1 } else { (b.len() - at - (left - 1)).min(12) };
        let mut v: i64 = 0;
        for len in 1..=max_len {
            v = v * 10 + (b[at + len - 1] - b'0') as i64;
            cur.push(v);
            rec(b, at + len, n, cur, ok, cap, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return out;
    }
    rec(digits.as_bytes(), 0, n, &mut Vec::with_capacity(n), ok, cap, &mut out);
    out
}

/// How many readings of table 三's 25 row runs balance every sum (row sums, （七）总计 per
/// column, 一+二 = （七）+四 per column). `MANY` if too many to enumerate.
pub fn t3_readings(runs: &[String]) -> usize {
    assert_eq!(runs.len(), 25);
    let row_ok = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
    let mut cands: Vec<Vec<Vec<i64>>> = Vec::new();
    for r in runs {
        let c = splits_of(r, 7, &row_ok, 2000);
        if c.len() > 2000 {
            return MANY;
        }
        if c.is_empty() {
            return 0;
        }
        cands.push(c);
    }
    let combos = cands.iter().try_fold(1usize, |a, c| a.checked_mul(c.len()));
    match combos {
        Some(n) if n <= 50_000 => {}
        _ => return MANY,
    }
    let mut choice = vec![0usize; 25];
    let mut count = 0usize;
    loop {
        let row = |i: usize| &cands[i][choice[i]];
        let ok = (0..7).all(|c| {
            let items: i64 = (0..25).filter(|&i| is_result_item(i)).map(|i| row(i)[c]).sum();
            items == row(IDX_TOTAL)[c] && row(0)[c] + row(1)[c] == row(IDX_TOTAL)[c] + row(IDX_FORWARD)[c]
        });
        if ok {
            count += 1;
        }
        let mut i = 0;
        while i < 25 {
            choice[i] += 1;
            if choice[i] < cands[i].len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
        if i == 25 {
            return count;
        }
    }
}

/// How many readings of table 四's 15-value run balance each block. `MANY` if too many.
pub fn t4_readings(run: &str) -> usize {
    // ways(pos, blocks left): dynamic programming over where each block of five ends.
    let b = run.as_bytes();
    if b.is_empty() || !b.iter().all(|c| c.is_ascii_digit()) {
        return 0;
    }
    let block_ok = |v: &[i64]| v[0] + v[1] + v[2] + v[3] == v[4];
    let mut memo: std::collections::HashMap<(usize, usize), u128> = std::collections::HashMap::new();
    fn ways(b: &[u8], pos: usize, left: usize, ok: &dyn Fn(&[i64]) -> bool, memo: &mut std::collections::HashMap<(usize, usize), u128>) -> u128 {
        if left == 0 {
            return (pos == b.len()) as u128;
        }
        if let Some(&w) = memo.get(&(pos, left)) {
            return w;
        }
        // Every split of a prefix of b[pos..] into five numbers that balances.
        let mut total = 0u128;
        let mut ends: Vec<usize> = Vec::new();
        fn rec(b: &[u8], at: usize, cur: &mut Vec<i64>, ok: &dyn Fn(&[i64]) -> bool, ends: &mut Vec<usize>) {
            if cur.len() == 5 {
                if ok(cur) {
                    ends.push(at);
                }
                return;
            }
            if at >= b.len() {
                return;
            }
            let max_len = if b[at] == b'0' { 1 } else { (b.len() - at).min(12) };
            let mut v = 0i64;
            for len in 1..=max_len {
                v = v * 10 + (b[at + len - 1] - b'0') as i64;
                cur.push(v);
                rec(b, at + len, cur, ok, ends);
                cur.pop();
            }
        }
        rec(b, pos, &mut Vec::new(), ok, &mut ends);
        for e in ends {
            total += ways(b, e, left - 1, ok, memo);
        }
        memo.insert((pos, left), total);
        total
    }
    let n = ways(b, 0, 3, &block_ok, &mut memo);
    usize::try_from(n).unwrap_or(MANY)
}

// ---------------------------------------------------------------------------------------------
// Names and prose
// ---------------------------------------------------------------------------------------------

struct Meta {
    agency: String,
    /// "我局", "我委", "我区" …
    we: &'static str,
    year: i32,
    /// Sub-item numbering: "." or "、" ("、" in some reports only in （六）).
    dot: &'static str,
    dot_six: &'static str,
    /// Half-width brackets with a space ("(一) 予以公开") as converters sometimes write.
    half_brackets: bool,
}

const DISTRICTS: &[&str] = &[
    "红旗",
    "凤泉",
    "北关",
    "瀍河回族",
    "洪泽",
    "清江浦",
    "淮阴",
    "涟水",
    "金水",
    "二七",
    "中原",
    "管城回族",
    "惠济",
    "上街",
    "龙亭",
    "顺河回族",
    "鼓楼",
    "禹王台",
    "文峰",
    "殷都",
    "龙安",
    "卫滨",
    "牧野",
    "山阳",
    "解放",
    "马村",
    "中站",
    "湛河",
    "新华",
    "卫东",
    "石龙",
    "梁园",
    "睢阳",
    "浉河",
    "平桥",
    "川汇",
    "驿城",
];
const BUREAUS: &[(&str, &str)] = &[
    ("科学技术局", "我局"),
    ("工业和信息化局", "我局"),
    ("教育局", "我局"),
    ("民政局", "我局"),
    ("财政局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("自然资源局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("交通运输局", "我局"),
    ("农业农村局", "我局"),
    ("水利局", "我局"),
    ("商务局", "我局"),
    ("文化广电和旅游局", "我局"),
    ("卫生健康委员会", "我委"),
    ("退役军人事务局", "我局"),
    ("应急管理局", "我局"),
    ("审计局", "我局"),
    ("市场监督管理局", "我局"),
    ("统计局", "我局"),
    ("医疗保障局", "我局"),
    ("城市管理局", "我局"),
    ("发展和改革委员会", "我委"),
    ("人民政府", "我区"),
    ("人民政府办公室", "我办"),
];

impl Meta {
    fn new(rng: &mut Rng) -> Meta {
        let (bureau, we) = *rng.pick(BUREAUS);
        let agency = format!("{}区{}", rng.pick(DISTRICTS), bureau);
        let year = rng.range(2021, 2025) as i32;
        let dot = if rng.chance(0.75) { "." } else { "、" };
        let dot_six = if rng.chance(0.2) { "、" } else { dot };
        Meta { agency, we, year, dot, dot_six, half_brackets: rng.chance(0.3) }
    }
    fn title(&self) -> String {
        format!("{}{}年政府信息公开工作年度报告", self.agency, self.year)
    }
    /// 「（一）」 or 「(一) 」.
    fn paren(&self, n: usize) -> String {
        if self.half_brackets {
            format!("({}) ", CN_NUM[n])
        } else {
            format!("（{}）", CN_NUM[n])
        }
    }
    fn sub(&self, row: usize, k: usize) -> String {
        let dot = if group_of(row) == Some(3) { self.dot_six } else { self.dot };
        format!("{}{}", k, dot)
    }
    /// The full label of table 三 row `i` (as a converter keeps it in one cell).
    fn t3_label(&self, i: usize) -> String {
        match i {
            0 => format!("一、{}", T3_TEXT[0]),
            1 => format!("二、{}", T3_TEXT[1]),
            2 => format!("{}{}", self.paren(0), T3_TEXT[2]),
            3 => format!("{}{}", self.paren(1), T3_TEXT[3]),
            IDX_TOTAL => format!("{}{}", self.paren(6), T3_TEXT[IDX_TOTAL]),
            IDX_FORWARD => format!("四、{}", T3_TEXT[IDX_FORWARD]),
            _ => {
                let g = group_of(i).expect("sub-item");
                format!("{}{}", self.sub(i, i - GROUPS[g].1 + 1), T3_TEXT[i])
            }
        }
    }
    fn group_label(&self, g: usize) -> String {
        format!("{}{}", self.paren(g + 2), GROUPS[g].0)
    }
}

struct Prose {
    intro: String,
    one: Vec<(String, String)>,
    five: Vec<(String, String)>,
    six: Vec<String>,
}

impl Prose {
    fn new(rng: &mut Rng, m: &Meta, t: &Tables) -> Prose {
        let y = m.year;
        let we = m.we;
        let intro = format!(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告的要求编制。本报告所列数据的统计期限自{}年1月1日起至{}年12月31日止。",
            y, y
        );
        let platforms = *rng.pick(&["政府门户网站、政务新媒体和政务公开专栏", "区政府信息公开平台、微信公众号", "政府网站信息公开专栏、政务服务大厅公开栏"]);
        let items = rng.range(20, 400);
        let a = rng.range(5, items / 2);
        let b = rng.range(1, (items - a) / 2);
        let mut one = Vec::new();
        one.push((
            "主动公开情况".to_string(),
            format!(
                "{}年，{}通过{}主动公开政府信息{}条，其中工作动态{}条、通知公告{}条。对涉及群众切身利益的政策文件，坚持“应公开尽公开”，同步做好政策解读。",
                y, we, platforms, items, a, b
            ),
        ));
        let new_total = t.t3[0][6];
        let co = t.t3[1][6];
        let done = t.t3[IDX_TOTAL][6];
        let fw = t.t3[IDX_FORWARD][6];
        let applications = if new_total == 0 && co == 0 {
            format!("{}年，{}未收到政府信息公开申请。", y, we)
        } else {
            let mut s = format!("{}年，{}共收到政府信息公开申请{}件，上年结转{}件，已办结{}件", y, we, new_total, co, done);
            if fw == 0 {
                s.push_str("，均在法定期限内答复。");
            } else {
                let _ = write!(s, "，结转下年度继续办理{}件。", fw);
            }
            s
        };
        let review = t.t4[0][4];
        let suits = t.t4[1][4] + t.t4[2][4];
        let disputes = if review == 0 && suits == 0 {
            "全年未发生因政府信息公开引起的行政复议和行政诉讼。".to_string()
        } else {
            format!("全年因政府信息公开引起行政复议{}件、行政诉讼{}件。", review, suits)
        };
        one.push(("依申请公开情况".to_string(), format!("{}{}", applications, disputes)));
        one.push((
            "政府信息管理情况".to_string(),
            rng.pick(&[
                "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，从源头上杜绝涉密信息和敏感信息公开，确保公开信息准确、及时。",
                "建立健全政府信息公开属性源头认定机制，规范信息发布流程，做好公开前审查和公开后的跟踪管理，定期清理已失效的政策文件。",
                "坚持政府信息发布“三审三校”机制，明确专人负责信息采集、审核和发布，确保信息内容真实、准确、规范。",
            ])
            .to_string(),
        ));
        one.push((
            "政府信息公开平台建设情况".to_string(),
            rng.pick(&[
                "持续优化政府网站信息公开专栏设置，及时更新机构职能、政策文件、财政预决算等栏目内容，方便群众查阅。",
                "加强政务新媒体日常管理，规范信息发布审核流程，做到信息更新及时、内容准确、互动回应及时。",
                "依托政府信息公开平台，进一步完善主动公开目录，丰富公开内容和形式，提升平台的便民服务水平。",
            ])
            .to_string(),
        ));
        one.push((
            "监督保障情况".to_string(),
            rng.pick(&[
                "成立政务公开工作领导小组，明确分管领导和工作人员，将政务公开工作纳入年度工作目标考核，定期开展自查，发现问题及时整改。",
                "认真落实政务公开工作责任制，组织工作人员参加业务培训，持续加强对政府信息公开工作的监督检查。",
                "高度重视社会评议反馈的意见建议，坚持问题导向，强化措施，落实责任，不断提高政务公开工作质量。",
            ])
            .to_string(),
        ));
        let five = vec![
            (
                "存在的主要问题".to_string(),
                rng.pick(&[
                    "一是信息公开的及时性还需进一步提高；二是政策解读的形式较为单一，图解、视频等解读方式运用不多。",
                    "一是部分栏目内容更新不够及时；二是工作人员业务能力有待进一步提升。",
                    "一是公开渠道较为单一，信息传播效果有待提升；二是公开内容的全面性还有差距。",
                ])
                .to_string(),
            ),
            (
                "改进措施".to_string(),
                rng.pick(&[
                    "下一步，我们将加强信息发布的统筹管理，丰富政策解读形式，组织开展业务培训，进一步提升政府信息公开工作水平。",
                    "下一步，将明确专人负责栏目维护，建立信息更新提醒机制，加强业务学习，推动政务公开工作规范化、标准化。",
                    "下一步，将积极拓宽公开渠道，充分利用政务新媒体发布信息，提高信息的覆盖面和影响力。",
                ])
                .to_string(),
            ),
        ];
        let fee = if rng.chance(0.8) {
            format!("{}年，{}在办理政府信息公开申请过程中未收取信息处理费。", y, we)
        } else {
            format!("{}年，{}依据《政府信息公开信息处理费管理办法》收取信息处理费{}元。", y, we, rng.range(100, 5000))
        };
        let six = vec![fee, "无其他需要报告的事项。".to_string()];
        Prose { intro, one, five, six }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing with spans
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct W {
    s: String,
    spans: Vec<(CellId, usize, usize)>,
}

impl W {
    fn push(&mut self, s: &str) {
        self.s.push_str(s);
    }
    fn line(&mut self, s: &str) {
        self.s.push_str(s);
        self.s.push('\n');
    }
    fn val(&mut self, cell: CellId, text: &str) {
        let start = self.s.len();
        self.s.push_str(text);
        self.spans.push((cell, start, self.s.len()));
    }
}

fn t3_cell(i: usize, c: usize) -> CellId {
    CellId { table: "t3", row: T3_ROWS[i], column: T3_COLUMNS[c] }
}
fn t4_cell(b: usize, c: usize) -> CellId {
    CellId { table: "t4", row: T4_BLOCKS[b], column: T4_COLUMNS[c] }
}
fn t2_cell(row: &'static str, column: &'static str) -> CellId {
    CellId { table: "t2", row, column }
}

/// Table 二 as (row key, label, [(column key, printed value)]), with its block headings.
struct T2Block {
    heading: &'static str,
    columns: &'static [&'static str],
    rows: Vec<(&'static str, &'static str, Vec<(&'static str, String)>)>,
}

fn t2_blocks(t: &T2) -> Vec<T2Block> {
    let doc = |v: &[i64; 3]| vec![("made", v[0].to_string()), ("repealed", v[1].to_string()), ("valid", v[2].to_string())];
    vec![
        T2Block {
            heading: "第二十条第（一）项",
            columns: &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            rows: vec![("regulations", "规章", doc(&t.regulations)), ("normative_documents", "行政规范性文件", doc(&t.normative_documents))],
        },
        T2Block {
            heading: "第二十条第（五）项",
            columns: &["信息内容", "本年处理决定数量"],
            rows: vec![("licensing", "行政许可", vec![("decisions", t.licensing.to_string())])],
        },
        T2Block {
            heading: "第二十条第（六）项",
            columns: &["信息内容", "本年处理决定数量"],
            rows: vec![
                ("punishment", "行政处罚", vec![("decisions", t.punishment.to_string())]),
                ("coercion", "行政强制", vec![("decisions", t.coercion.to_string())]),
            ],
        },
        T2Block {
            heading: "第二十条第（八）项",
            columns: &["信息内容", "本年收费金额（单位：万元）"],
            rows: vec![("fees", "行政事业性收费", vec![("amount", t.fees_text.clone())])],
        },
    ]
}

const SECTION_TITLES: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// Display width in a monospaced layout (CJK = 2).
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

fn pad_to(s: &mut String, line_start: usize, col: usize) {
    let w = width(&s[line_start..]);
    let n = if col > w {
        col - w
    } else if w == 0 {
        0
    } else {
        1
    };
    for _ in 0..n {
        s.push(' ');
    }
}

/// Cut `s` into pieces of at most `n` characters.
fn wrap(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(n.max(1)).map(|c| c.iter().collect()).collect()
}

/// Prose as pdftotext gives it: lines of ~`n` characters, never starting with 、，。 etc.
fn wrap_prose(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = (i + n).min(chars.len());
        // Keep punctuation at the end of the line it closes (typesetting rule).
        while j < chars.len() && "，。、；：）》”".contains(chars[j]) {
            j += 1;
        }
        out.push(chars[i..j].iter().collect());
        i = j;
    }
    out
}

fn page_marker(rng: &mut Rng, page: &mut u32, layout: bool) -> String {
    *page += 1;
    let m = if rng.chance(0.8) { format!("-{}-", page) } else { format!("— {} —", page) };
    if layout {
        format!("{}{}", " ".repeat(rng.usize(30, 90)), m)
    } else {
        m
    }
}

// ---------------------------------------------------------------------------------------------
// Form (a): pdftotext default text
// ---------------------------------------------------------------------------------------------

fn prose_pdf(rng: &mut Rng, w: &mut W, text: &str, page: &mut u32, width_chars: usize) {
    for l in wrap_prose(text, width_chars) {
        w.line(&l);
        if rng.chance(0.03) {
            w.line("");
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
    }
}

fn render_pdf_text(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, t: &Tables) {
    // Two styles seen in real extractions: a Word-made PDF (values on the label's line, blank
    // lines between rows; seeds 000/002/004) and a WPS-made one (every cell on its own line;
    // huaian_2024.txt).
    let vertical = rng.chance(0.35);
    let mut page = 0u32;
    let pw = rng.usize(28, 40);
    let title = m.title();
    if rng.chance(0.3) {
        w.line("");
        let cut = title.chars().count() - 1;
        let (a, b): (String, String) = (title.chars().take(cut).collect(), title.chars().skip(cut).collect());
        w.line(&a);
        w.line(&b);
    } else if rng.chance(0.5) {
        w.line(&m.agency);
        w.line(&format!("{} 年政府信息公开工作年度报告", m.year));
    } else {
        w.line(&title);
    }
    w.line("");
    if rng.chance(0.6) {
        prose_pdf(rng, w, &p.intro, &mut page, pw);
    }
    w.line(SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        if rng.chance(0.5) {
            w.line(&format!("（{}）{}：", CN_NUM[k], h));
            prose_pdf(rng, w, body, &mut page, pw);
        } else {
            prose_pdf(rng, w, &format!("（{}）{}。{}", CN_NUM[k], h, body), &mut page, pw);
        }
    }
    w.line("");
    w.line(&page_marker(rng, &mut page, false));
    w.line("");
    w.line(SECTION_TITLES[1]);
    for b in t2_blocks(&t.t2) {
        w.line(b.heading);
        if vertical {
            w.line("");
            for c in b.columns {
                w.line(c);
                w.line("");
            }
            for (key, label, vals) in &b.rows {
                w.line(label);
                w.line("");
                for (col, v) in vals {
                    w.val(t2_cell(key, col), v);
                    w.line("");
                    w.line("");
                }
            }
        } else {
            w.line(&b.columns.join(" "));
            w.line("");
            for (key, label, vals) in &b.rows {
                w.push(label);
                for (col, v) in vals {
                    w.push(" ");
                    w.val(t2_cell(key, col), v);
                }
                w.line("");
                w.line("");
            }
        }
        if rng.chance(0.15) {
            w.line(&page_marker(rng, &mut page, false));
            w.line("");
        }
    }
    w.line("");
    w.line(SECTION_TITLES[2]);
    w.line("");
    if vertical {
        t3_pdf_vertical(rng, w, m, t, &mut page);
    } else {
        t3_pdf_rows(rng, w, m, t, &mut page);
    }
    w.line("");
    w.line(SECTION_TITLES[3]);
    w.line("");
    t4_pdf(rng, w, t, vertical);
    w.line("");
    w.line(SECTION_TITLES[4]);
    w.line("");
    for (k, (h, body)) in p.five.iter().enumerate() {
        prose_pdf(rng, w, &format!("（{}）{}：{}", CN_NUM[k], h, body), &mut page, pw);
        w.line("");
    }
    w.line(SECTION_TITLES[5]);
    w.line("");
    for s in &p.six {
        prose_pdf(rng, w, s, &mut page, pw);
    }
    w.line("");
    if rng.chance(0.5) {
        w.line(&page_marker(rng, &mut page, false));
        w.line("");
    }
}

/// The header of table 三 as a Word-made PDF extracts (seed 000).
fn t3_header_pdf(rng: &mut Rng, w: &mut W) {
    let note_cut = rng.usize(18, 26);
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    w.line(&note[..note_cut].iter().collect::<String>());
    w.line(&note[note_cut..].iter().collect::<String>());
    w.line("");
    w.line("申请人情况");
    w.line("");
    w.line("自然\n人");
    w.line("");
    w.line("法人或其他组织");
    w.line("");
    if rng.chance(0.5) {
        w.line("总计商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他");
    } else {
        w.line("商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他\n\n总计");
    }
    w.line("");
}

/// Values of one table 三 row on a line; `pushed` moves the last one to the next line.
fn t3_values_line(w: &mut W, t: &Tables, i: usize, pushed: bool) {
    for c in 0..7 {
        if c > 0 {
            w.push(if pushed && c == 6 { "\n" } else { " " });
        }
        w.val(t3_cell(i, c), &t.t3[i][c].to_string());
    }
    w.line("");
}

fn t3_pdf_rows(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    t3_header_pdf(rng, w);
    let lw = rng.usize(15, 19);
    let page_at = rng.usize(4, 22);
    for i in 0..25 {
        if i == page_at && rng.chance(0.5) {
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
        if i == IDX_GRANTED {
            // 「三、本\n年度办\n理结果」
            w.line("三、本\n年度办\n理结果");
            w.line("");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                let gl: Vec<char> = m.group_label(g).chars().collect();
                let cut = gl.len().min(4);
                w.line(&gl[..cut].iter().collect::<String>());
                w.line(&gl[cut..].iter().collect::<String>());
                w.line("");
            }
        }
        let label = m.t3_label(i);
        let parts = if i < 2 || i == IDX_FORWARD { vec![label] } else { wrap(&label, lw) };
        if parts.len() == 1 {
            w.push(&parts[0]);
            w.push(" ");
            t3_values_line(w, t, i, false);
        } else {
            for part in &parts {
                w.line(part);
            }
            w.line("");
            t3_values_line(w, t, i, rng.chance(0.6));
        }
        w.line("");
    }
}

/// Every label and value on its own line (huaian_2024.txt), label before its values.
fn t3_pdf_vertical(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    w.line("申请人情况");
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    let cut = rng.usize(20, 26);
    w.line(&note[..cut].iter().collect::<String>());
    w.line(&note[cut..].iter().collect::<String>());
    w.line("");
    w.line("法人或其他组织\n自然人\n\n商业企\n业\n\n科研机\n构\n\n社会公益\n组织\n\n总计\n\n法律服务\n其他\n\n机构");
    w.line("");
    let lw = rng.usize(14, 17);
    let page_at = rng.usize(4, 22);
    for i in 0..25 {
        if i == page_at {
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
        if i == IDX_GRANTED {
            w.line("三、\n本\n年\n度\n办\n理\n结\n果");
            w.line("");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                let gl: Vec<char> = m.group_label(g).chars().collect();
                let cut = gl.len().min(4);
                w.line(&gl[..cut].iter().collect::<String>());
                w.line(&gl[cut..].iter().collect::<String>());
                w.line("");
            }
        }
        let label = m.t3_label(i);
        let parts = if i < 2 || i == IDX_FORWARD { vec![label] } else { wrap(&label, lw) };
        for part in &parts {
            w.line(part);
        }
        w.line("");
        for c in 0..7 {
            w.val(t3_cell(i, c), &t.t3[i][c].to_string());
            w.line("");
            w.line("");
        }
    }
}

fn t4_header_words(rng: &mut Rng) -> Vec<&'static str> {
    let _ = rng;
    vec!["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
}

fn t4_pdf(rng: &mut Rng, w: &mut W, t: &Tables, vertical: bool) {
    if vertical {
        // Each block's header words, then its five values, one per line.
        let names = ["行政复议", "行政诉讼\n\n未经复议直接起诉", "复议后起诉"];
        for b in 0..3 {
            w.line(names[b]);
            w.line("");
            for h in t4_header_words(rng) {
                w.line(h);
                w.line("");
            }
            for c in 0..5 {
                w.val(t4_cell(b, c), &t.t4[b][c].to_string());
                w.line("");
                w.line("");
            }
        }
        return;
    }
    // Seed 000: the whole header, then the fifteen values on one line.
    w.line("行政复议 行政诉讼");
    w.line("");
    let words = t4_header_words(rng);
    for (k, h) in words.iter().enumerate() {
        w.line(h);
        if k < 4 {
            w.line("");
        }
    }
    w.line("未经复议直接起诉 复议后起诉");
    w.line("");
    for _ in 0..2 {
        for h in &words {
            w.line(h);
            w.line("");
        }
    }
    let wrap_at = if rng.chance(0.2) { rng.usize(5, 14) } else { 99 };
    for k in 0..15 {
        if k > 0 {
            w.push(if k == wrap_at { "\n" } else { " " });
        }
        w.val(t4_cell(k / 5, k % 5), &t.t4[k / 5][k % 5].to_string());
    }
    w.line("");
}

// ---------------------------------------------------------------------------------------------
// Form (b): pdftotext -layout
// ---------------------------------------------------------------------------------------------

fn render_layout(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, t: &Tables) {
    let mut page = 0u32;
    let pw = rng.usize(28, 34);
    let indent = " ".repeat(rng.usize(0, 8));
    w.line(&format!("{}{}", " ".repeat(rng.usize(10, 24)), m.agency));
    w.line(&format!("{}{} 年政府信息公开工作年度报告", " ".repeat(rng.usize(4, 12)), m.year));
    w.line("");
    let para = |rng: &mut Rng, w: &mut W, text: &str, page: &mut u32| {
        for (k, l) in wrap_prose(text, pw).iter().enumerate() {
            w.line(&format!("{}{}", if k == 0 { indent.as_str() } else { "" }, l));
            if rng.chance(0.03) {
                w.line("");
                w.line(&page_marker(rng, page, true));
            }
        }
    };
    if rng.chance(0.6) {
        para(rng, w, &p.intro, &mut page);
    }
    w.line(&format!("{}{}", indent, SECTION_TITLES[0]));
    for (k, (h, body)) in p.one.iter().enumerate() {
        para(rng, w, &format!("（{}）{}。{}", CN_NUM[k], h, body), &mut page);
    }
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[1]));
    let vcol = rng.usize(18, 34);
    let step = rng.usize(10, 16);
    for b in t2_blocks(&t.t2) {
        w.line(b.heading);
        w.line("\n");
        let ls = w.s.len();
        w.push(b.columns[0]);
        for (k, c) in b.columns.iter().enumerate().skip(1) {
            pad_to(&mut w.s, ls, vcol + (k - 1) * step);
            w.push(c);
        }
        w.line("\n");
        for (key, label, vals) in &b.rows {
            let ls = w.s.len();
            w.push(label);
            for (k, (col, v)) in vals.iter().enumerate() {
                pad_to(&mut w.s, ls, vcol + k * step);
                w.val(t2_cell(key, col), v);
            }
            w.line("\n");
        }
        if rng.chance(0.2) {
            w.line(&page_marker(rng, &mut page, true));
        }
    }
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[2]));
    t3_layout(rng, w, m, t, &mut page);
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[3]));
    t4_layout(rng, w, t);
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[4]));
    for (k, (h, body)) in p.five.iter().enumerate() {
        para(rng, w, &format!("（{}）{}：{}", CN_NUM[k], h, body), &mut page);
    }
    w.line(&format!("{}{}", indent, SECTION_TITLES[5]));
    for s in &p.six {
        para(rng, w, s, &mut page);
    }
    w.line("\n");
    w.line(&page_marker(rng, &mut page, true));
}

/// One printed line of the layout table: left-margin text at three indents, then values.
#[derive(Default, Clone)]
struct LLine {
    margin: Option<String>,
    group: Option<String>,
    label: Option<(String, usize)>,
    values: Option<usize>,
    page: Option<String>,
}

fn t3_layout(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    // Header, as huaian_2024.layout.txt.
    let vc = rng.usize(40, 50);
    let step = rng.usize(8, 11);
    let cols: Vec<usize> = (0..7).map(|c| vc + c * step).collect();
    w.line(&format!("{}申请人情况", " ".repeat(cols[3])));
    w.line("\n");
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    let cut = rng.usize(20, 24);
    let ls = w.s.len();
    w.push(&note[..cut].iter().collect::<String>());
    pad_to(&mut w.s, ls, cols[2]);
    w.line("法人或其他组织");
    w.line(&note[cut..].iter().collect::<String>());
    let ls = w.s.len();
    pad_to(&mut w.s, ls, cols[0]);
    w.push("自然人");
    pad_to(&mut w.s, ls, cols[6]);
    w.line("总计");
    let ls = w.s.len();
    for (k, h) in ["商业企", "科研机", "社会公益", "法律服务"].iter().enumerate() {
        pad_to(&mut w.s, ls, cols[1 + k]);
        w.push(h);
    }
    w.line("");
    let ls = w.s.len();
    pad_to(&mut w.s, ls, cols[5]);
    w.line("其他");
    let ls = w.s.len();
    for (k, h) in ["业", "构", "组织", "机构"].iter().enumerate() {
        pad_to(&mut w.s, ls, cols[1 + k]);
        w.push(h);
    }
    w.line("\n");

    // Body lines.
    let mut lines: Vec<LLine> = Vec::new();
    let mut row_range: Vec<(usize, usize)> = Vec::new();
    let lw_sub = rng.usize(13, 16);
    let lw_main = rng.usize(18, 21);
    for i in 0..25 {
        let label = m.t3_label(i);
        let (indent, parts) = match i {
            0 | 1 | IDX_FORWARD => (0, vec![label]),
            2 | 3 | IDX_TOTAL => (6, wrap(&label, lw_main)),
            _ => (13, wrap(&label, lw_sub)),
        };
        let first = lines.len();
        let k = parts.len();
        // Values sit on the middle line of the label cell; between its lines when even.
        let mut body: Vec<LLine> = Vec::new();
        for (j, part) in parts.iter().enumerate() {
            if k % 2 == 0 && j == k / 2 {
                body.push(LLine { values: Some(i), ..Default::default() });
            }
            let mut l = LLine { label: Some((part.clone(), indent)), ..Default::default() };
            if k % 2 == 1 && j == k / 2 {
                l.values = Some(i);
            }
            body.push(l);
        }
        lines.extend(body);
        row_range.push((first, lines.len()));
        // Blank spacer lines between rows.
        for _ in 0..rng.usize(1, 2) {
            lines.push(LLine::default());
        }
    }
    // 三、本年度办理结果 down the left margin over rows （一）…（七）, one character a line.
    let (a, b) = (row_range[IDX_GRANTED].0, row_range[IDX_TOTAL].0);
    let chars: Vec<String> = {
        let mut v = vec!["三、".to_string()];
        v.extend("本年度办理结果".chars().map(|c| c.to_string()));
        v
    };
    let span = b - a;
    for (k, c) in chars.iter().enumerate() {
        let at = a + 1 + k * (span.saturating_sub(2)) / chars.len();
        lines[at.min(b - 1)].margin = Some(c.clone());
    }
    // （三）不\n予公开 at the middle of each group.
    for (g, grp) in GROUPS.iter().enumerate() {
        let (s, e) = (row_range[grp.1].0, row_range[grp.2].1);
        let mid = (s + e) / 2;
        let gl: Vec<char> = m.group_label(g).chars().collect();
        let cut = gl.len().min(4);
        lines[mid.saturating_sub(1).max(s)].group = Some(gl[..cut].iter().collect());
        lines[mid.max(s + 1).min(e - 1)].group = Some(gl[cut..].iter().collect());
    }
    // A page break inside the table.
    if rng.chance(0.7) {
        let at = rng.usize(row_range[4].0, row_range[22].0);
        if lines[at].label.is_none() && lines[at].values.is_none() && lines[at].margin.is_none() && lines[at].group.is_none() {
            lines[at].page = Some(page_marker(rng, page, false));
        }
    }
    for l in &lines {
        if let Some(pm) = &l.page {
            w.line("");
            w.line(pm);
            continue;
        }
        let ls = w.s.len();
        if let Some(mc) = &l.margin {
            w.push(mc);
        }
        if let Some(g) = &l.group {
            pad_to(&mut w.s, ls, 6);
            w.push(g);
        }
        if let Some((text, ind)) = &l.label {
            if *ind > 0 || w.s.len() > ls {
                pad_to(&mut w.s, ls, *ind);
            }
            w.push(text);
        }
        if let Some(i) = l.values {
            for c in 0..7 {
                pad_to(&mut w.s, ls, cols[c]);
                w.val(t3_cell(i, c), &t.t3[i][c].to_string());
            }
        }
        w.line("");
    }
}

fn t4_layout(rng: &mut Rng, w: &mut W, t: &Tables) {
    let step = rng.usize(5, 7);
    let mid = rng.usize(28, 32);
    let col = |k: usize| if k < 5 { k * step } else { mid + (k - 5) * (step + 1) };
    let ls = w.s.len();
    w.push("行政复议");
    pad_to(&mut w.s, ls, mid);
    w.line("行政诉讼");
    w.line("\n");
    let ls = w.s.len();
    pad_to(&mut w.s, ls, mid);
    w.push("未经复议直接起诉");
    pad_to(&mut w.s, ls, col(10));
    w.line("复议后起诉");
    w.line("");
    let top = ["结果", "结果", "其他", "尚未", "总计"];
    let bottom = ["维持", "纠正", "结果", "审结", ""];
    for row in [top, bottom] {
        let ls = w.s.len();
        for k in 0..15 {
            if row[k % 5].is_empty() {
                continue;
            }
            pad_to(&mut w.s, ls, col(k));
            w.push(row[k % 5]);
        }
        w.line("");
    }
    w.line("\n\n");
    let ls = w.s.len();
    for k in 0..15 {
        if k > 0 {
            pad_to(&mut w.s, ls, col(k));
        }
        w.val(t4_cell(k / 5, k % 5), &t.t4[k / 5][k % 5].to_string());
    }
    w.line("\n\n");
}

// ---------------------------------------------------------------------------------------------
// Forms (c) and (d): converter markdown and TSV
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Grid {
    Markdown,
    Tsv,
}

/// A grid cell: text, or a value of a cell.
enum GC {
    T(String),
    V(CellId, String),
}

fn grid_row(w: &mut W, g: Grid, cells: &[GC], trailing: bool) {
    match g {
        Grid::Tsv => {
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    w.push("\t");
                }
                match c {
                    GC::T(s) => w.push(s),
                    GC::V(id, s) => w.val(*id, s),
                }
            }
            if trailing {
                w.push("\t");
            }
        }
        Grid::Markdown => {
            w.push("|");
            for c in cells {
                w.push(" ");
                match c {
                    GC::T(s) => w.push(s),
                    GC::V(id, s) => w.val(*id, s),
                }
                w.push(" |");
            }
        }
    }
    w.line("");
}

fn grid_rule(w: &mut W, g: Grid, n: usize) {
    if g == Grid::Markdown {
        w.line(&format!("|{}", " --- |".repeat(n)));
    }
}

fn t(s: &str) -> GC {
    GC::T(s.to_string())
}

fn render_grid(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables, g: Grid) {
    let md_head = |n: usize| if n > 0 { "#".repeat(n) + " " } else { String::new() };
    let h_level = if rng.chance(0.5) { 2 } else { 0 };
    w.line("");
    w.line(&format!("{}{}", md_head(1), if rng.chance(0.5) { m.title() } else { format!("{} {} 年政府信息公开工作年度报告", m.agency, m.year) }));
    w.line("");
    w.line(&p.intro);
    w.line("");
    let section = |w: &mut W, k: usize| {
        w.line(&format!("{}{}", md_head(h_level), SECTION_TITLES[k]));
        w.line("");
    };
    section(w, 0);
    for (k, (h, body)) in p.one.iter().enumerate() {
        if rng.chance(0.5) {
            w.line(&format!("{}（{}）{}", md_head(if h_level > 0 { 3 } else { 0 }), CN_NUM[k], h));
            w.line("");
            w.line(body);
        } else {
            w.line(&format!("**（{}）{}。**{}", CN_NUM[k], h, body));
        }
        w.line("");
    }
    section(w, 1);
    // Table 二: one grid of four columns; blocks headed by their own rows.
    let trailing = g == Grid::Tsv && rng.chance(0.3);
    let mut first = true;
    for b in t2_blocks(&tb.t2) {
        let mut head = vec![t(b.heading)];
        head.extend((1..4).map(|_| t("")));
        if first || g == Grid::Tsv {
            grid_row(w, g, &head, false);
            if first {
                grid_rule(w, g, 4);
            }
        } else {
            grid_row(w, g, &head, false);
        }
        first = false;
        let mut cols: Vec<GC> = b.columns.iter().map(|c| t(c)).collect();
        while cols.len() < 4 {
            cols.push(t(""));
        }
        grid_row(w, g, &cols, false);
        for (key, label, vals) in &b.rows {
            let mut cells = vec![t(label)];
            for (col, v) in vals {
                cells.push(GC::V(t2_cell(key, col), v.clone()));
            }
            while cells.len() < 4 {
                cells.push(t(""));
            }
            grid_row(w, g, &cells, trailing);
        }
    }
    w.line("");
    section(w, 2);
    // Table 三: three label columns and seven value columns, merged cells left empty.
    let trailing = g == Grid::Tsv && rng.chance(0.5);
    let note = if m.half_brackets { T3_HEADER_NOTE.replace('（', "(").replace('）', ")") } else { T3_HEADER_NOTE.to_string() };
    let total_in_first = rng.chance(0.5);
    if g == Grid::Markdown {
        // Ten columns: three label columns, 自然人, five 法人 columns, 总计.
        let mut h1 = vec![t(&note), t(""), t(""), t("申请人情况")];
        h1.extend((0..6).map(|_| t("")));
        if total_in_first {
            h1[9] = t("总计");
        }
        grid_row(w, g, &h1, false);
        grid_rule(w, g, 10);
        let mut h2 = vec![t(""), t(""), t(""), t("自然人"), t("法人或其他组织")];
        h2.extend((0..4).map(|_| t("")));
        h2.push(t(if total_in_first { "" } else { "总计" }));
        grid_row(w, g, &h2, false);
        let mut h3 = vec![t(""), t(""), t(""), t("")];
        h3.extend(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|s| t(s)));
        h3.push(t(""));
        grid_row(w, g, &h3, false);
    } else {
        // As seed 003 has it: the header shifted against the body.
        let mut h1 = vec![t(&note), t(""), t("申请人情况")];
        h1.extend((0..6).map(|_| t("")));
        h1.push(t(if total_in_first { "总计" } else { "" }));
        grid_row(w, g, &h1, true);
        let mut h2 = vec![t(""), t(""), t("自然人"), t("法人或其他组织")];
        h2.extend((0..5).map(|_| t("")));
        h2.push(t(if total_in_first { "" } else { "总计" }));
        grid_row(w, g, &h2, false);
        let mut h3 = vec![t(""), t(""), t("")];
        h3.extend(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|s| t(s)));
        grid_row(w, g, &h3, true);
    }
    for i in 0..25 {
        let label = m.t3_label(i);
        let mut cells: Vec<GC> = match i {
            0 | 1 | IDX_FORWARD => vec![t(&label), t("")],
            IDX_GRANTED => vec![t("三、本年度办理结果"), t(&label)],
            3 | IDX_TOTAL => vec![t(""), t(&label)],
            _ => {
                let grp = group_of(i).expect("sub-item");
                let first_of_group = GROUPS[grp].1 == i;
                let gl = if first_of_group { m.group_label(grp) } else { String::new() };
                vec![t(""), t(&gl), t(&label)]
            }
        };
        // Markdown keeps every row ten cells wide; TSV from a converter is ragged (seed 003):
        // （一）（二）（七） rows carry two label cells, the others three.
        if cells.len() == 2 && (g == Grid::Markdown || matches!(i, 0 | 1 | IDX_FORWARD)) {
            cells.push(t(""));
        }
        for c in 0..7 {
            cells.push(GC::V(t3_cell(i, c), tb.t3[i][c].to_string()));
        }
        grid_row(w, g, &cells, trailing);
    }
    w.line("");
    section(w, 3);
    let mut r1 = vec![t("行政复议")];
    r1.extend((0..4).map(|_| t("")));
    r1.push(t("行政诉讼"));
    r1.extend((0..9).map(|_| t("")));
    grid_row(w, g, &r1, false);
    grid_rule(w, g, 15);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut r2: Vec<GC> = heads.iter().map(|s| t(s)).collect();
    r2.push(t("未经复议直接起诉"));
    r2.extend((0..4).map(|_| t("")));
    r2.push(t("复议后起诉"));
    r2.extend((0..4).map(|_| t("")));
    grid_row(w, g, &r2, false);
    let mut r3: Vec<GC> = (0..5).map(|_| t("")).collect();
    for _ in 0..2 {
        r3.extend(heads.iter().map(|s| t(s)));
    }
    grid_row(w, g, &r3, false);
    let vals: Vec<GC> = (0..15).map(|k| GC::V(t4_cell(k / 5, k % 5), tb.t4[k / 5][k % 5].to_string())).collect();
    grid_row(w, g, &vals, false);
    w.line("");
    section(w, 4);
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("**（{}）{}：**{}", CN_NUM[k], h, body));
        w.line("");
    }
    section(w, 5);
    for s in &p.six {
        w.line(s);
        w.line("");
    }
}

// ---------------------------------------------------------------------------------------------
// Form (e): run-together web text
// ---------------------------------------------------------------------------------------------

fn render_run_together(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables) {
    w.line(&m.title());
    w.line(&format!("来源：{}　　发布时间：{}-0{}-{}", m.agency, m.year + 1, rng.range(1, 3), rng.range(10, 28)));
    w.line("");
    w.line(&p.intro);
    w.line(SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        w.line(&format!("（{}）{}。{}", CN_NUM[k], h, body));
    }
    w.line(SECTION_TITLES[1]);
    for b in t2_blocks(&tb.t2) {
        w.line(b.heading);
        w.line(&b.columns.concat());
        for (key, label, vals) in &b.rows {
            w.push(label);
            for (col, v) in vals {
                w.val(t2_cell(key, col), v);
            }
            w.line("");
        }
    }
    w.line(SECTION_TITLES[2]);
    if rng.chance(0.5) {
        w.line(&format!("{}申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他", T3_HEADER_NOTE));
    } else {
        w.line(&format!("{}申请人情况", T3_HEADER_NOTE));
        w.line("自然人法人或其他组织总计");
        w.line("商业企业科研机构社会公益组织法律服务机构其他");
    }
    for i in 0..25 {
        if i == IDX_GRANTED {
            w.push("三、本年度办理结果");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                w.push(&m.group_label(g));
            }
        }
        w.push(&m.t3_label(i));
        for c in 0..7 {
            w.val(t3_cell(i, c), &tb.t3[i][c].to_string());
        }
        w.line("");
    }
    w.line(SECTION_TITLES[3]);
    w.line("行政复议行政诉讼");
    w.line("结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉");
    w.line("结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计");
    for k in 0..15 {
        w.val(t4_cell(k / 5, k % 5), &tb.t4[k / 5][k % 5].to_string());
    }
    w.line("");
    w.line(SECTION_TITLES[4]);
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("（{}）{}：{}", CN_NUM[k], h, body));
    }
    w.line(SECTION_TITLES[5]);
    for s in &p.six {
        w.line(s);
    }
}

// ---------------------------------------------------------------------------------------------
// Form (f): HTML
// ---------------------------------------------------------------------------------------------

fn render_html(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables) {
    let spans = rng.chance(0.3);
    let nbsp = rng.chance(0.3);
    // A label cell's text, sometimes split across <span>s as editors leave it.
    let label_html = |rng: &mut Rng, s: &str| -> String {
        if spans && s.chars().count() > 4 && rng.chance(0.5) {
            let chars: Vec<char> = s.chars().collect();
            let cut = rng.usize(1, chars.len() - 1);
            format!(
                "<span style=\"font-family:仿宋_GB2312\">{}</span><span>{}</span>",
                chars[..cut].iter().collect::<String>(),
                chars[cut..].iter().collect::<String>()
            )
        } else {
            s.to_string()
        }
    };
    let empty = if nbsp { "<td>&nbsp;</td>" } else { "<td></td>" };
    w.line(&format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>", m.title()));
    w.line("<style>td{border:1px solid #000}</style></head>\n<body>\n<div class=\"article-content\">");
    w.line(&format!("<p>{}</p>", p.intro));
    w.line(&format!("<p>{}</p>", SECTION_TITLES[0]));
    for (k, (h, body)) in p.one.iter().enumerate() {
        w.line(&format!("<p><strong>（{}）{}。</strong>{}</p>", CN_NUM[k], h, body));
    }
    w.line(&format!("<p>{}</p>", SECTION_TITLES[1]));
    w.line("<table border=\"1\" cellspacing=\"0\">");
    for b in t2_blocks(&tb.t2) {
        w.line(&format!("<tr><td colspan=\"4\">{}</td></tr>", b.heading));
        w.push("<tr>");
        for (k, c) in b.columns.iter().enumerate() {
            if b.columns.len() == 2 && k == 1 {
                w.push(&format!("<td colspan=\"3\">{}</td>", c));
            } else {
                w.push(&format!("<td>{}</td>", c));
            }
        }
        w.line("</tr>");
        for (key, label, vals) in &b.rows {
            w.push(&format!("<tr><td>{}</td>", label_html(rng, label)));
            for (col, v) in vals {
                w.push(if vals.len() == 1 { "<td colspan=\"3\">" } else { "<td>" });
                w.val(t2_cell(key, col), v);
                w.push("</td>");
            }
            w.line("</tr>");
        }
    }
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[2]));
    w.line("<table border=\"1\">");
    w.line(&format!("<tr>\n  <td colspan=\"3\" rowspan=\"3\">{}</td>\n  <td colspan=\"7\">申请人情况</td>\n</tr>", T3_HEADER_NOTE));
    // Merged header cells as rowspan, or as empty cells under them (testcity_2025.html).
    let rowspans = rng.chance(0.5);
    if rowspans {
        w.line("<tr>\n  <td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td>\n</tr>");
        w.line("<tr>\n  <td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>\n</tr>");
    } else {
        w.line("<tr>\n  <td>自然人</td><td colspan=\"5\">法人或其他组织</td><td>总计</td>\n</tr>");
        w.line(&format!("<tr>\n  {}<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>{}\n</tr>", empty, empty));
    }
    for i in 0..25 {
        w.push("<tr>");
        let label = label_html(rng, &m.t3_label(i));
        match i {
            0 | 1 | IDX_FORWARD => w.push(&format!("<td colspan=\"3\">{}</td>", label)),
            IDX_GRANTED => w.push(&format!("<td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">{}</td>", label)),
            3 | IDX_TOTAL => w.push(&format!("<td colspan=\"2\">{}</td>", label)),
            _ => {
                let g = group_of(i).expect("sub-item");
                if GROUPS[g].1 == i {
                    w.push(&format!("<td rowspan=\"{}\">{}</td>", GROUPS[g].2 - GROUPS[g].1 + 1, m.group_label(g)));
                }
                w.push(&format!("<td>{}</td>", label));
            }
        }
        for c in 0..7 {
            w.push("<td>");
            w.val(t3_cell(i, c), &tb.t3[i][c].to_string());
            w.push("</td>");
        }
        w.line("</tr>");
    }
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[3]));
    w.line("<table border=\"1\">");
    w.line("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>");
    if rowspans {
        w.line("<tr>\n  <td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td>\n  <td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td>\n</tr>");
        w.push("<tr>");
    } else {
        w.line("<tr>\n  <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>\n  <td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td>\n</tr>");
        w.push("<tr>");
        w.push(&empty.repeat(5));
    }
    for _ in 0..2 {
        w.push("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>");
    }
    w.line("</tr>");
    w.push("<tr>");
    for k in 0..15 {
        w.push("<td>");
        w.val(t4_cell(k / 5, k % 5), &tb.t4[k / 5][k % 5].to_string());
        w.push("</td>");
    }
    w.line("</tr>");
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[4]));
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("<p>（{}）{}：{}</p>", CN_NUM[k], h, body));
    }
    w.line(&format!("<p>{}</p>", SECTION_TITLES[5]));
    for s in &p.six {
        w.line(&format!("<p>{}</p>", s));
    }
    w.line("</div>\n</body></html>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_and_reproducible() {
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
    fn injection_breaks_exactly_its_sums() {
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
    fn brute_force() {
        assert_eq!(t4_readings("000000000000000"), 1);
        let ok = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
        assert!(splits_of("801000081", 7, &ok, 100).contains(&vec![80, 1, 0, 0, 0, 0, 81]));
        let zero = vec!["0000000".to_string(); 25];
        assert_eq!(t3_readings(&zero), 1);
    }
}
