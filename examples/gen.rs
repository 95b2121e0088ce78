//! Print a generated report, and with `--check` what nianbao finds in it.
//!
//!     cargo run --example gen -- FORM SEED [t3|t4] [--check]
//!
//! FORM: pdf-text, pdf-layout, markdown, tsv, run-together, html.

use nianbao::testgen::{generate_with, Form, Inject, Options};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let form = Form::ALL.iter().copied().find(|f| Some(f.name()) == args.first().map(String::as_str)).unwrap_or(Form::PdfText);
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let inject = if args.iter().any(|a| a == "t3") {
        Inject::AnyT3
    } else if args.iter().any(|a| a == "t4") {
        Inject::AnyT4
    } else {
        Inject::No
    };
    let g = generate_with(seed, &Options { form, inject, unique_runs: !args.iter().any(|a| a == "--ambiguous") });
    if !args.iter().any(|a| a == "--check") {
        print!("{}", g.text);
        return;
    }
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
    // Values that differ from the generated ones.
    let mut diffs = 0;
    for (i, row) in nianbao::testgen::T3_ROWS.iter().enumerate() {
        let got: Vec<String> = rep.t3.as_ref().and_then(|t| t.row(row)).map(|r| r.cells.iter().map(|c| c.value.display()).collect()).unwrap_or_default();
        let want: Vec<String> = g.tables.t3[i].iter().map(|v| v.to_string()).collect();
        if got != want {
            diffs += 1;
            println!("t3 {}: got {:?} want {:?}", row, got, want);
        }
    }
    for (b, key) in nianbao::testgen::T4_BLOCKS.iter().enumerate() {
        let got: Vec<String> = rep.t4.as_ref().and_then(|t| t.row(key)).map(|r| r.cells.iter().map(|c| c.value.display()).collect()).unwrap_or_default();
        let want: Vec<String> = g.tables.t4[b].iter().map(|v| v.to_string()).collect();
        if got != want {
            diffs += 1;
            println!("t4 {}: got {:?} want {:?}", key, got, want);
        }
    }
    for (key, want) in g.tables.t2_rows() {
        let got: Vec<f64> = rep.t2.as_ref().and_then(|t| t.row(key)).map(|r| r.cells.iter().filter_map(|c| c.value.number()).collect()).unwrap_or_default();
        if got != want {
            diffs += 1;
            println!("t2 {}: got {:?} want {:?}", key, got, want);
        }
    }
    println!("{} rows differ", diffs);
}
