//! The pipeline, the only place that knows the order of the steps: input (bytes or text made a
//! `Source`) → sections and title → the three tables read → the `Doc` (where a table's digit
//! runs split in several balanced ways, the counts its prose states choose among them) → the
//! rules of the registry (`rules::codes::CHECKERS`) → one `Report`.

use crate::code::Code;
use crate::doc::Doc;
use crate::find::Find;
use crate::input::{self, Input, Source};
use crate::model::{Cell, Diagnostic, Report, RowRead, SectionInfo, Severity, Span, Summary, TableRead, Value};
use crate::read::tokens::Kind;
use crate::read::{self, RawTable, TableFacts};
use crate::rules;
use crate::sections::{find_headings, find_title, Heading};

/// How to check: which rules to leave out (CLI `--ignore W04,C05`, the widget's `ignore`
/// attribute). The default runs every rule.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Codes not to report. A rule function whose codes are all here is not run at all.
    pub ignore: Vec<Code>,
}

impl Options {
    /// Options from a list of codes as written ("W04, c05 X03"): the codes, or the words that
    /// are not codes.
    pub fn ignoring(list: &str) -> Result<Options, String> {
        let mut ignore = Vec::new();
        for w in list.split(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace()).filter(|w| !w.is_empty()) {
            match Code::parse(w) {
                Some(c) => ignore.push(c),
                None => return Err(format!("没有代码为「{}」的规则（可用 nianbao rules 查看全部规则）", w)),
            }
        }
        Ok(Options { ignore })
    }
    pub fn ignores(&self, code: Code) -> bool {
        self.ignore.contains(&code)
    }
    /// The findings that are not left out.
    pub fn keep(&self, findings: &mut Vec<Diagnostic>) {
        if !self.ignore.is_empty() {
            findings.retain(|d| !self.ignores(d.code));
        }
    }
}

/// Check a report given as text (pasted, or a text file already decoded). A web page's markup
/// is read as the page.
pub fn check_text(text: &str) -> Report {
    check_text_with(text, &Options::default())
}

/// `check_text` with options.
pub fn check_text_with(text: &str, options: &Options) -> Report {
    let (mut src, form) = input::text(text.to_string());
    run(&mut src, form, options)
}

/// Check an HTML page (a dropped .html file or the clipboard's text/html).
pub fn check_html(html_text: &str) -> Report {
    run(&mut input::html::flatten(html_text.to_string()), Some("html"), &Options::default())
}

/// Check a file's bytes: decodes UTF-8/GBK, recognises HTML, refuses binary with a reason.
/// PDF (natively, with the `pdf` feature) and .docx are read too; the text their spans point
/// into is `check_file(..).text`.
pub fn check_bytes(bytes: &[u8], file_name: Option<&str>) -> Report {
    check_file(bytes, file_name).report
}

/// A report and the text its spans point into (the page shows that text with the findings
/// marked; the CLI quotes its lines).
#[derive(Debug, Clone)]
pub struct Checked {
    pub text: String,
    pub report: Report,
    /// How the file was read: "UTF-8", "GB18030", "pdf", "docx", "html" …
    pub encoding: String,
    /// Why the file could not be read at all (the report then holds only this, as D01).
    pub error: Option<String>,
}

/// Check a prepared input (see `input`).
pub fn check_input(input: Input) -> Checked {
    check_input_with(input, &Options::default())
}

/// `check_input` with options.
pub fn check_input_with(input: Input, options: &Options) -> Checked {
    match input {
        Input::Ready { mut source, form, encoding } => {
            let report = run(&mut source, form, options);
            Checked { text: source.into_original(), report, encoding, error: None }
        }
        Input::Unreadable { reason, form, text } => {
            let mut report = not_text(&reason);
            report.input_form = form;
            Checked { text, report, encoding: form.to_string(), error: Some(reason) }
        }
    }
}

/// Check any file: PDF (natively, when built with the `pdf` feature), .docx, HTML, text. For
/// HTML the spans point into the decoded markup.
pub fn check_file(bytes: &[u8], file_name: Option<&str>) -> Checked {
    check_input(input::file(bytes, file_name))
}

/// Like `check_file`, but an HTML page is checked as its flattened text, and that text is
/// returned (what the page shows).
pub fn check_file_flat(bytes: &[u8], file_name: Option<&str>) -> Checked {
    check_input(input::file_flat(bytes, file_name))
}

/// An HTML page checked as the text a person reads (see `input::html_flat`).
pub fn check_html_flat(markup: &str) -> Checked {
    check_input(input::html_flat(markup))
}

/// A PDF's positioned text items (from PDF.js in the page, or `input::pdf` in the CLI).
pub fn check_positioned(doc: &crate::input::positioned::PositionedDoc) -> Checked {
    check_input(input::positioned(doc))
}

pub(crate) fn not_text(reason: &str) -> Report {
    let mut d = rules::diag(
        rules::Code::D01,
        format!("无法读取：{}", reason),
        vec![Span { start: 0, end: 0, line: 1, col: 1, end_line: 1, end_col: 1, ..Default::default() }],
    );
    d.severity = Severity::Error;
    let summary = Summary { errors: 1, warnings: 0, infos: 0 };
    Report {
        input_form: "binary",
        title: None,
        agency: None,
        year: None,
        format: "unknown",
        sections: vec![],
        t2: None,
        t2_2019: None,
        t3: None,
        t4: None,
        diagnostics: vec![d],
        summary,
    }
}

/// The pipeline over a prepared source; `form` is the input form when the caller knows it
/// ("html", "pdf", "docx"), otherwise it is detected from the text.
pub(crate) fn run(src: &mut Source, form: Option<&'static str>, options: &Options) -> Report {
    // Text copied from PDFs often carries look-alike radicals (「⼀、总体情况」 with U+2F00):
    // the readers see the ideographs, spans still point at what the user gave.
    src.unify_lookalikes();
    let text = src.text();
    let headings = find_headings(text);
    let title = find_title(text, headings.iter().map(|h| h.start).min());
    let year = title.as_ref().and_then(|t| t.year);

    let regions = regions(text, &headings);
    let t3 = regions.1.and_then(|(s, e)| read::t3::read(text, s, e));
    let t4 = regions.2.and_then(|(s, e)| read::t4::read(text, s, e));
    // Web text on one line, or digits run together in table 三 or 四: the page lost its cell
    // separators everywhere.
    let runs = src.one_line || [&t3, &t4].iter().any(|t| t.as_ref().is_some_and(|t| t.1.method == "run-together"));
    let t2 = regions.0.and_then(|(s, e)| read::t2::read(text, s, e, runs, src.one_line));
    let format_2019 = t2.as_ref().map(|t| t.1.format_2019).unwrap_or(false);

    let input_form = form.unwrap_or_else(|| detect_form(text, false, t3.as_ref().map(|t| &t.1), regions.1));
    let finish = |t: Option<(RawTable, TableFacts)>| {
        t.map(|(raw, mut facts)| {
            facts.cells_end = raw.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.end)).max().unwrap_or(facts.region.0);
            (to_table(src, &raw), facts)
        })
    };
    let mut doc = Doc { src: &src, headings, title, year, t2: None, t3: None, t4: None, format_2019, input_form };
    doc.t2 = finish(t2).filter(|t| !t.0.rows.is_empty() || t.1.format_2019);
    doc.t3 = finish(t3);
    doc.t4 = finish(t4);
    // Digit runs that split in several balanced ways: the counts the prose states may choose.
    crate::prose::choose::settle(&mut doc);

    let mut diagnostics = Vec::new();
    let cx = rules::Context::new(&doc);
    for checker in rules::codes::CHECKERS {
        if checker.codes.iter().all(|&c| options.ignores(c)) {
            continue;
        }
        let from = diagnostics.len();
        (checker.run)(&cx, &mut diagnostics);
        debug_assert!(diagnostics[from..].iter().all(|d| checker.codes.contains(&d.code)), "{} reported a code it does not register", checker.name);
    }
    options.keep(&mut diagnostics);
    diagnostics.sort_by_key(|d| (d.spans.first().map(|s| s.start).unwrap_or(0), d.code));

    let summary = Summary::of(&diagnostics);
    let sections = doc
        .headings
        .iter()
        .map(|h| {
            let (bs, be) = doc.section_body(h.number).unwrap_or((h.line_end, h.line_end));
            SectionInfo {
                number: h.number,
                heading: h.text.clone(),
                span: src.span(h.start, h.end),
                body_start: src.to_original(bs),
                body_end: src.to_original(be),
            }
        })
        .collect();
    let format = if format_2019 {
        "gb2019"
    } else if doc.t2.is_some() || doc.t3.is_some() || doc.t4.is_some() {
        "gb2021"
    } else {
        "unknown"
    };
    let (t2, t2_2019) = match doc.t2.map(|t| t.0).filter(|t| !t.rows.is_empty()) {
        Some(t) if t.table == "t2_2019" => (None, Some(t)),
        t => (t, None),
    };
    Report {
        input_form,
        title: doc.title.as_ref().map(|t| t.text.clone()),
        agency: doc.title.as_ref().and_then(|t| t.agency.clone()),
        year,
        format,
        sections,
        t2,
        t2_2019,
        t3: doc.t3.map(|t| t.0),
        t4: doc.t4.map(|t| t.0),
        diagnostics,
        summary,
    }
}

/// Check a report (as text) and compare it with last year's (as text): this year's report with
/// the X findings added.
pub fn check_text_with_previous(text: &str, previous: &str) -> Report {
    check_text_with_previous_with(text, previous, &Options::default())
}

/// `check_text_with_previous` with options.
pub fn check_text_with_previous_with(text: &str, previous: &str, options: &Options) -> Report {
    let mut this = check_text_with(text, options);
    let prev = check_text(previous);
    let mut extra = rules::previous::check_pair(&this, text, &prev, previous);
    options.keep(&mut extra);
    merge_findings(&mut this, extra);
    this
}

/// Add findings to a report: keep the order by position and the summary right.
pub fn merge_findings(r: &mut Report, extra: Vec<Diagnostic>) {
    r.diagnostics.extend(extra);
    r.diagnostics.sort_by_key(|d| (d.spans.first().map(|s| s.start).unwrap_or(0), d.code));
    r.summary = Summary::of(&r.diagnostics);
}

type Region = Option<(usize, usize)>;

/// Where each table is: the body of its section, or, without headings, from the table's own
/// first words to the next table.
fn regions(text: &str, headings: &[Heading]) -> (Region, Region, Region) {
    let next_after = |pos: usize| headings.iter().filter(|h| h.start > pos).map(|h| h.start).min().unwrap_or(text.len());
    let by_heading = |n: u8| headings.iter().find(|h| h.number == n).map(|h| (h.line_end, next_after(h.start)));
    let find_from = |needles: &[&str], from: usize| -> Option<usize> {
        needles.iter().filter_map(|n| text.get(from..).and_then(|t| t.find_str(n)).map(|p| p + from)).min()
    };

    // Inside a section the table starts at its own first words: prose above it (「本年度共收到
    // 申请21件」) is prose, not cells.
    let table_start = |n: u8, markers: &[&[&str]]| -> Option<usize> {
        let (s, e) = by_heading(n)?;
        for group in markers {
            let found = group.iter().filter_map(|m| text[s..e].find_str(m)).min();
            if let Some(p) = found {
                return Some(line_start(text, s + p).max(s));
            }
        }
        Some(s)
    };
    let t2_start = table_start(2, &[&["第二十条", "信息内容"]]).or_else(|| find_from(&["第二十条第"], 0).map(|p| line_start(text, p)));
    let t3_start = table_start(3, &[&["本列数据", "勾稽关系", "申请人情况"], &["自然人", "本年新收"]])
        .or_else(|| find_from(&["本列数据的勾稽关系", "申请人情况", "本年新收政府信息公开申请"], t2_start.unwrap_or(0)).map(|p| line_start(text, p)));
    let t4_start = by_heading(4).map(|(s, e)| {
        // The table's header: the last 「行政复议」 before the first 「维持」.
        let body = &text[s..e];
        match body.find_str("维持") {
            Some(v) => body[..v].rfind_str("行政复议").map(|p| line_start(text, s + p).max(s)).unwrap_or(s),
            None => s,
        }
    });
    let t4_start = t4_start.or_else(|| {
        let from = t3_start.unwrap_or(0);
        let p = find_from(&["结转下年度继续办理"], from).unwrap_or(from);
        find_from(&["行政复议"], p).map(|q| line_start(text, q))
    });
    let stop = |start: usize, others: &[Option<usize>]| -> usize {
        let mut e = next_after(start);
        for o in others.iter().flatten() {
            if *o > start && *o < e {
                e = *o;
            }
        }
        e
    };
    let t2 = t2_start.map(|s| (s, stop(s, &[t3_start, t4_start])));
    let t3 = t3_start.map(|s| (s, stop(s, &[t2_start, t4_start])));
    let t4 = t4_start.map(|s| (s, stop(s, &[t2_start, t3_start])));
    (t2, t3, t4)
}

fn line_start(text: &str, p: usize) -> usize {
    text[..p].rfind('\n').map(|i| i + 1).unwrap_or(0)
}

fn detect_form(text: &str, is_html: bool, t3: Option<&TableFacts>, region: Region) -> &'static str {
    if is_html {
        return "html";
    }
    if t3.map(|f| f.method == "run-together").unwrap_or(false) {
        return "run-together";
    }
    let (s, e) = region.unwrap_or((0, text.len()));
    let body = &text[s..e];
    if crate::find::lines(body).filter(|l| l.trim_start().starts_with('|')).take(5).count() >= 5 {
        return "markdown";
    }
    if crate::find::lines(body).filter(|l| crate::find::find_byte(l.as_bytes(), 0, b'\t').is_some()).take(5).count() >= 5 {
        return "tsv";
    }
    if crate::find::lines(body).filter(|l| l.has("   ") && l.split_whitespace().filter(|w| w.parse::<i64>().is_ok()).take(5).count() >= 5).take(5).count() >= 5
    {
        return "pdf-layout";
    }
    if t3.is_some() {
        return "pdf-text";
    }
    "text"
}

fn to_table(src: &Source, raw: &RawTable) -> TableRead {
    let rows = raw
        .rows
        .iter()
        .map(|r| RowRead {
            key: r.key,
            label_span: r.label.map(|(s, e)| src.span(s, e)),
            label_text: r.label.map(|(s, e)| src.text()[s..e].to_string()),
            cells: r
                .cells
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let value = match &t.kind {
                        Kind::Val(v) => v.clone(),
                        Kind::Text => Value::Text(src.text()[t.start..t.end].to_string()),
                    };
                    let mut cell = Cell::new(value, Some(src.span(t.start, t.end)));
                    if let Some((_, why)) = r.uncertain.iter().find(|u| u.0 == i) {
                        cell.certain = false;
                        cell.reason = Some(why.clone());
                    }
                    cell
                })
                .collect(),
        })
        .collect();
    TableRead { table: raw.table, columns: raw.columns.clone(), rows, span: None }
}
