//! Print a generated report, and with `--check` what nianbao finds in it.
//!
//!     cargo run --example gen -- FORM SEED [t3|t4] [--check] [--ambiguous] [--truth]
//!
//! FORM: pdf-text, pdf-layout, markdown, tsv, run-together, html (`Form::ALL`), or web-dom,
//! html-2019, web-dom-2019, md-damaged (`Form::WILD`). `--truth` lists every cell as generated:
//! value, span, and how much of its place the text shows.

use nianbao::testgen::{generate_with, Form, Inject, Options, Shown};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let form = args.first().and_then(|a| Form::by_name(a)).unwrap_or(Form::PdfText);
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let inject = if args.iter().any(|a| a == "t3") {
        Inject::AnyT3
    } else if args.iter().any(|a| a == "t4") {
        Inject::AnyT4
    } else {
        Inject::No
    };
    let g = generate_with(seed, &Options { form, inject, unique_runs: !args.iter().any(|a| a == "--ambiguous") });
    if args.iter().any(|a| a == "--truth") {
        println!("damage: {:?}", g.damage);
        for t in &g.cells {
            let at = t.span.map(|(s, e)| format!("{}..{} «{}»", s, e, &g.text[s..e])).unwrap_or_else(|| "-".into());
            let how = if t.shown == Shown::Exact { String::new() } else { format!("  [{}: {}]", t.shown.name(), t.why.unwrap_or("")) };
            println!("{} {} {}: {} at {}{}", t.cell.table, t.cell.row, t.cell.column, t.value.display(), at, how);
        }
        return;
    }
    if !args.iter().any(|a| a == "--check") {
        print!("{}", g.text);
        return;
    }
    println!("damage: {:?}", g.damage);
    if let Some(i) = &g.injection {
        println!("injected {:?}: {} printed as {} at {}..{}", i.cell, i.original, i.printed, i.start, i.end);
    }
    if let Some(r) = &g.runs {
        println!("run-together readings: {:?}", r);
    }
    let rep = nianbao::check_text(&g.text);
    println!("form {} read as {}", form.name(), rep.input_form);
    for d in &rep.diagnostics {
        println!(
            "{} {} {}  cells={:?} suggestion={:?}",
            d.code.as_str(),
            d.severity.as_str(),
            d.message,
            d.cells.iter().map(|c| (c.row, c.column, c.role)).collect::<Vec<_>>(),
            d.suggestion
        );
    }
    // Cells read otherwise than generated.
    let mut diffs = 0;
    for t in &g.cells {
        let table = match t.cell.table {
            "t2" if g.format_2019 => &rep.t2_2019,
            "t2" => &rep.t2,
            "t3" => &rep.t3,
            _ => &rep.t4,
        };
        let got = table.as_ref().and_then(|tb| tb.cell(t.cell.row, t.cell.column));
        let same = got.map(|c| nianbao::testgen::quality::same_value(&c.value, &t.value)).unwrap_or(false);
        let span = |s: Option<(usize, usize)>| s.map(|(a, b)| format!(" at {}..{} «{}»", a, b, g.text.get(a..b).unwrap_or("?"))).unwrap_or_default();
        let read_span = got.and_then(|c| c.span).map(|s| (s.start, s.end));
        let span_differs = same && t.span.is_some() && read_span != t.span && t.value != nianbao::model::Value::Blank;
        if !same || span_differs || got.map(|c| !c.certain).unwrap_or(false) {
            diffs += 1;
            let read = got.map(|c| format!("{}{}", c.value.display(), if c.certain { "" } else { " (uncertain)" })).unwrap_or_else(|| "missing".into());
            println!(
                "{} {} {}: read {}{}, generated {}{} [{}]",
                t.cell.table,
                t.cell.row,
                t.cell.column,
                read,
                span(read_span),
                t.value.display(),
                span(t.span),
                t.shown.name()
            );
        }
    }
    println!("{} of {} cells differ or are uncertain", diffs, g.cells.len());
}
