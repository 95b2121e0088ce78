//! Text output in the style of compilers and linters:
//! `file:line:col: error[A03]: message`, the source line, and a caret line under the characters.

use crate::input::source::Source;
use crate::model::{Report, Span};

pub fn render_text(name: &str, original: &str, report: &Report) -> String {
    let src = Source::plain(original.to_string());
    let mut out = String::new();
    for d in &report.diagnostics {
        let sp = d.spans.first().copied().unwrap_or_default();
        let (line, col) = if sp.line == 0 { (1, 1) } else { (sp.line, sp.col) };
        // A PDF's lines are those of the text read from it; the page says where it is printed.
        let page = sp.page.map(|p| format!("（第 {} 页）", p)).unwrap_or_default();
        out.push_str(&format!("{}:{}:{}: {}[{}]: {}{}\n", name, line, col, d.severity.as_str(), d.code.as_str(), d.message, page));
        if sp.line > 0 && !original.is_empty() {
            out.push_str(&snippet(&src, sp));
        }
    }
    out.push_str(&format!(
        "{}: {} 个错误，{} 个警告，{} 个提示（{}，{}，{}）\n",
        name,
        report.summary.errors,
        report.summary.warnings,
        report.summary.infos,
        report.input_form,
        report.format,
        report.year.map(|y| format!("{} 年度", y)).unwrap_or_else(|| "年度不明".into())
    ));
    out
}

fn snippet(src: &Source, sp: Span) -> String {
    let line = src.line_text(sp.line);
    let shown: String = line.chars().take(160).collect();
    let width = |s: &str| s.chars().map(|c| if (c as u32) >= 0x1100 && !c.is_ascii() { 2 } else { 1 }).sum::<usize>();
    let before: String = line.chars().take((sp.col as usize).saturating_sub(1)).collect();
    let len_chars = if sp.end_line == sp.line {
        (sp.end_col as usize).saturating_sub(sp.col as usize)
    } else {
        line.chars().count().saturating_sub(before.chars().count())
    };
    let marked: String = line.chars().skip(before.chars().count()).take(len_chars.max(1)).collect();
    let pad = " ".repeat(width(&before.replace('\t', " ")));
    let carets = "^".repeat(width(&marked).max(1));
    format!("  {:>5} | {}\n        | {}{}\n", sp.line, shown.replace('\t', " "), pad, carets)
}
