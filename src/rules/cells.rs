//! Cell values: blanks and placeholders (T05), text in number cells (T06), negative counts and
//! fractions (T07).

use super::Code;
use super::Context;
use super::{diag, with_cells};
use crate::format::{cell_name, CellKind};
use crate::model::{CellRef, Diagnostic, Span, Value};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for id in ["t2", "t3", "t4"] {
        let Some((table, _)) = doc.table(id) else {
            continue;
        };
        let tname = match id {
            "t2" => "表二",
            "t3" => "表三",
            _ => "表四",
        };
        let mut blanks: Vec<(CellRef, Span, String)> = Vec::new();
        for row in &table.rows {
            let cols = table.columns_of(row.key);
            for (i, cell) in row.cells.iter().enumerate() {
                // Cells past the known columns have no column key: name them by position.
                let col = cols.get(i).copied().unwrap_or("");
                // (Made only for a finding: most cells hold a plain count.)
                let span = || cell.span.unwrap_or_default();
                let cref = CellRef::new(table.table, row.key, col, "suspect");
                let name = || {
                    if col.is_empty() {
                        format!("{}「{}」第 {} 个数", tname, crate::format::row_label(table.table, row.key), i + 1)
                    } else {
                        cell_name(table.table, row.key, col)
                    }
                };
                // The 2019 table 二: 本年增/减 may be negative, 采购总金额 a decimal with its unit.
                let kind = (table.table == "t2_2019").then(|| crate::format::t2_2019_kind(col));
                match &cell.value {
                    Value::Blank => blanks.push((cref, span(), "空白".to_string())),
                    Value::Text(t) if crate::text::is_placeholder(t) => blanks.push((cref, span(), format!("「{}」", t))),
                    // An unsplit digit run: the reader reports it (P01/P02).
                    Value::Text(t) if t.bytes().all(|b| b.is_ascii_digit()) => {}
                    Value::Text(_) if kind == Some(CellKind::Money) => {}
                    Value::Text(t) => {
                        let lead: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                        let mut d = diag(
                            Code::T06,
                            format!(
                                "{}填的是「{}」：数字单元格里只应填数字{}，说明文字请写在正文中。",
                                name(),
                                t,
                                if lead.is_empty() { String::new() } else { format!("（{}）", lead) }
                            ),
                            vec![span()],
                        );
                        if !lead.is_empty() {
                            d.suggestion = Some(lead);
                        }
                        out.push(with_cells(d, vec![cref]));
                    }
                    Value::Int(n) if *n < 0 && kind != Some(CellKind::Signed) => {
                        out.push(with_cells(diag(Code::T07, format!("{}是负数（{}）：件数不能为负。", name(), n), vec![span()]), vec![cref]));
                    }
                    Value::Decimal(d) if !(id == "t2" && row.key == "fees") && kind != Some(CellKind::Money) => {
                        out.push(with_cells(
                            diag(
                                Code::T07,
                                format!("{}是小数（{}）：件数应为整数（只有收费金额可以有小数）。", name(), crate::model::format_decimal(*d)),
                                vec![span()],
                            ),
                            vec![cref],
                        ));
                    }
                    _ => {}
                }
            }
        }
        if !blanks.is_empty() {
            let n = blanks.len();
            let examples: Vec<String> = blanks.iter().take(3).map(|(c, _, what)| format!("{}为{}", cell_name(c.table, c.row, c.column), what)).collect();
            let mut d = diag(
                Code::T05,
                format!("{}有 {} 个应填数字的单元格为空或用了占位符（{}{}）。没有的应填 0。", tname, n, examples.join("，"), if n > 3 { "等" } else { "" }),
                blanks.iter().map(|b| b.1).collect(),
            );
            d.suggestion = Some("0".into());
            out.push(with_cells(d, blanks.into_iter().map(|b| b.0).collect()));
        }
    }
}
