//! Table 三 in converter markdown whose rows lost their labels: a label drifted below its row, a
//! label on a line of its own above its numbers, a row with no label at all, a row of blank
//! cells. The rows are placed by their order when every label agrees with it, and never when
//! the count of rows does not fit the template.

use nianbao::testgen::{generate_with, Form, Inject, Options};
use nianbao::{check_text, Report};

/// A clean markdown report (table 三 as one markdown table, a row per line).
fn clean() -> String {
    generate_with(7, &Options { form: Form::Markdown, inject: Inject::No, unique_runs: true }).text
}

/// The markdown line of table 三 whose label field is `label`, and its last seven fields.
fn row_of<'a>(text: &'a str, label: &str) -> (&'a str, Vec<&'a str>) {
    let line = text.lines().find(|l| l.starts_with('|') && l.split('|').any(|f| f.trim() == label)).unwrap_or_else(|| panic!("no row {}", label));
    let fields: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
    (line, fields[fields.len() - 7..].to_vec())
}

fn cells_line(cells: &[&str]) -> String {
    format!("|{}|", cells.join("|"))
}

fn t3_values(r: &Report) -> Vec<(String, String, bool)> {
    let t = r.t3.as_ref().expect("table 三 read");
    t.rows
        .iter()
        .flat_map(|row| row.cells.iter().zip(t.columns_of(row.key)).map(move |(c, col)| (format!("{}.{}", row.key, col), c.value.display(), c.certain)))
        .collect()
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn rows_whose_labels_drifted_are_placed_by_their_order() {
    let text = clean();
    let mut damaged = text.clone();
    // Labels below their rows (a converter's reading order), as loose text.
    for label in ["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"] {
        let (line, cells) = row_of(&text, label);
        damaged = damaged.replacen(line, &format!("{}\n\n{}\n", cells_line(&cells), label), 1);
    }
    // A label in a row of its own over its numbers, in a table of their own.
    let (line, cells) = row_of(&text, "1.本机关不掌握相关政府信息");
    damaged = damaged.replacen(line, &format!("\n| 1.本机关不掌握相关政府信息 |\n|---|\n{}", cells_line(&cells)), 1);
    // A row whose label is lost; and a row of blank cells with no label.
    let (line, cells) = row_of(&text, "4.无正当理由大量反复申请");
    damaged = damaged.replacen(line, &cells_line(&cells), 1);
    let (line, _) = row_of(&text, "6.属于四类过程性信息");
    damaged = damaged.replacen(line, "|  |  |  |  |  |  |  |", 1);

    let (before, after) = (check_text(&text), check_text(&damaged));
    let want: Vec<(String, String, bool)> =
        t3_values(&before).into_iter().map(|(k, v, c)| if k.starts_with("denied_6.") { (k, "（空）".to_string(), c) } else { (k, v, c) }).collect();
    assert_eq!(t3_values(&after), want, "{}", damaged);
    let a: Vec<_> = codes(&after).into_iter().filter(|c| c.starts_with('A') || *c == "P01").collect();
    assert!(a.is_empty(), "{:?}", a);
}

#[test]
fn a_row_too_many_is_not_placed_by_order() {
    let text = clean();
    let (line, cells) = row_of(&text, "2.其他法律行政法规禁止公开");
    // The row's label drifted below it, and a stray row of numbers stands before it: 26 rows
    // for 25 places, so the order cannot say which row is which.
    let stray = "| 1 |  |  |  |  |  | 1 |";
    let damaged = text.replacen(line, &format!("{}\n{}\n\n2.其他法律行政法规禁止公开\n", stray, cells_line(&cells)), 1);
    let r = check_text(&damaged);
    let c = codes(&r);
    assert!(c.contains(&"P01"), "{:?}", c);
    assert!(!c.iter().any(|c| c.starts_with('A')), "{:?}", c);
}
