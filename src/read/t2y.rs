//! Table 二 of the 2019 trial format (国办公开办函〔2019〕60号): eight rows in five blocks, each
//! block with its own columns (`format::T2_2019_ROWS`, `t2_2019_columns`), counts, a signed
//! 本年增/减 and money with its unit (「75394432.52元」).
//!
//! A row's values are the text after its label up to the next label or words: digits, signs,
//! points, units and white space. The table has no sums, so nothing can choose between two ways
//! to read that text: every reading is listed, and a cell is read when all of them agree on it;
//! otherwise it is shown as the first reading has it, uncertain, with a P02 listing them all.
//! What a reading may do with the text:
//! - a grid line (tabs, markdown pipes: `html-2019` flattened) gives each empty field one blank
//!   cell and each other field one or more cells;
//! - in other text white space separates cells and may hide blank cells (a PDF's text drops
//!   them, a web page's collapse into spaces) — any number, anywhere — unless the rows keep
//!   U+00A0 exactly where the page had `&nbsp;`: each one a blank cell, in every row;
//! - digits run together (crawler text: 「行政处罚26480430」) split anywhere a number may start
//!   (no leading zeros); a `-` starts a number only in 本年增/减; a point and a unit only in
//!   采购总金额.

use super::tokens::{Kind, Tok};
use super::{Ambiguity, RawRow, RawTable, TableFacts};
use crate::format::{t2_2019_columns, t2_2019_kind, CellKind, T2_2019_ROWS};
use crate::model::Value;

/// A blank cell in the character stream the readings walk (an empty grid field, or a U+00A0
/// where each stands for one).
const MARK: char = '\u{0}';
const MAX_READINGS: usize = 100;
const MAX_STEPS: usize = 200_000;

/// One cell of a reading: where it is printed, and whether it is blank (a value is the text
/// there: a cell never spans a line break the reader put in, nor a `MARK`).
type Cell = (usize, usize, bool);

fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '|'
}

/// A character that can be part of a row's values.
fn is_value_char(c: char) -> bool {
    c.is_ascii_digit() || is_ws(c) || matches!(c, '.' | ',' | '-' | '－' | '−' | '元' | '万' | '/' | '／' | '—' | '–' | '无')
}

/// Two readings agree on a cell: both blank, or the same characters.
fn same(a: &Cell, b: &Cell) -> bool {
    a.2 == b.2 && (a.2 || (a.0, a.1) == (b.0, b.1))
}

/// `one_line`: the text was one line and its line breaks were put in by the reader
/// (`input::one_line`): they hide no blank cell.
#[inline(never)]
pub fn read(text: &str, start: usize, end: usize, one_line: bool, mut facts: TableFacts) -> (RawTable, TableFacts) {
    // The labels: each row's first key after the row before it (or anywhere), looked for in the
    // text without its white space (a PDF wraps 「其他对外管理服务\n事项」). `at[b]`: where the
    // byte b of `squeezed` is in the text.
    let mut squeezed = String::new();
    let mut at: Vec<usize> = Vec::new();
    for (i, c) in text[start..end].char_indices() {
        if !c.is_whitespace() {
            squeezed.push(c);
            at.extend(start + i..start + i + c.len_utf8());
        }
    }
    let mut labels: Vec<Option<(usize, usize)>> = Vec::new();
    let mut from = 0;
    for spec in T2_2019_ROWS {
        let find = |from: usize| spec.keys.iter().filter_map(|k| Some(from + squeezed.get(from..)?.find(k)?).map(|p| (p, p + k.len()))).min();
        let found = find(from).or_else(|| find(0));
        from = found.map_or(from, |f| f.1);
        labels.push(found.map(|(s, e)| (at[s], at[e - 1] + 1)));
    }
    let mut rows = Vec::new();
    if labels.iter().all(Option::is_none) {
        return (RawTable { table: "t2_2019", columns: vec![], rows }, facts);
    }
    // Each row's value text: after its label, up to the next label or a character no value has.
    let mut texts: Vec<Option<(usize, usize)>> = Vec::new();
    for l in &labels {
        texts.push(l.map(|(_, le)| {
            let stop = labels.iter().flatten().map(|l| l.0).filter(|&s| s >= le).min().unwrap_or(end);
            (le, text[le..stop].char_indices().find(|c| !is_value_char(c.1)).map_or(stop, |c| le + c.0))
        }));
    }
    // U+00A0 stands for one blank cell when every row holding one reads that way.
    let cols_of = |r: usize| t2_2019_columns(T2_2019_ROWS[r].key);
    let mut nbsp = texts.iter().flatten().any(|&(s, e)| text[s..e].contains('\u{a0}'));
    for (r, t) in texts.iter().enumerate() {
        if let Some((s, e)) = *t {
            nbsp &= !row_readings(text, s, e, cols_of(r), true, one_line).0.is_empty();
        }
    }
    for (r, spec) in T2_2019_ROWS.iter().enumerate() {
        let (Some(label), Some((s, e))) = (labels[r], texts[r]) else {
            facts.missing_rows.push(spec.key);
            continue;
        };
        let cols = cols_of(r);
        let (found, complete) = row_readings(text, s, e, cols, nbsp, one_line);
        let raw = text[s..e].trim_matches(is_ws);
        let rs = raw.as_ptr() as usize - text.as_ptr() as usize;
        let re = rs + raw.len();
        if found.is_empty() || !complete {
            let why = if complete { "" } else { "可能的读法太多，" };
            facts.unread.push((format!("「{}」一行的「{}」{}无法读成 {} 个数", spec.label, raw, why, cols.len()), rs, re));
            continue;
        }
        let first = &found[0];
        let mut cells = Vec::new();
        let mut uncertain = Vec::new();
        for (i, c) in first.iter().enumerate() {
            cells.push(Tok { start: c.0, end: c.1, kind: Kind::Val(value(&text[c.0..c.1], c.2, cols[i])) });
            if found.iter().any(|d| !same(&d[i], c)) {
                uncertain.push((i, "数字连写或空白格看不出在哪一格，表二（2019 年格式）没有合计关系，无法确定这一格的数".to_string()));
            }
        }
        if found.len() > 1 {
            let shown = |d: &Vec<Cell>| d.iter().map(|c| if c.2 { "空" } else { &text[c.0..c.1] }).collect::<Vec<_>>().join("|");
            facts.ambiguous.push(Ambiguity { row: spec.key, start: rs, end: re, readings: found.iter().map(shown).collect(), used: Some(0) });
        }
        rows.push(RawRow { key: spec.key, label: Some(label), cells, uncertain });
    }
    facts.method = "label";
    (RawTable { table: "t2_2019", columns: vec![], rows }, facts)
}

/// A cell's value as printed: a count, a signed change, an amount (with its unit: kept as text).
fn value(s: &str, blank: bool, column: &str) -> Value {
    if blank {
        return Value::Blank;
    }
    if t2_2019_kind(column) == CellKind::Money && s.ends_with(['元', '万']) {
        return Value::Text(s.to_string());
    }
    crate::text::parse_number(s).unwrap_or_else(|| Value::Text(s.to_string()))
}

/// The distinct readings of a row's value text `text[s..e]` as the cells of `cols`, and whether
/// the search finished. On a grid line (tabs, or markdown pipes) each field after the label
/// holds one or more cells, a blank one exactly one; a field too many at either end, if blank,
/// may be none (the label's own columns, a line's last tab). Elsewhere see `readings`.
fn row_readings(text: &str, s: usize, e: usize, cols: &[&str], nbsp: bool, one_line: bool) -> (Vec<Vec<Cell>>, bool) {
    let line = &text[s..text[s..e].find('\n').map_or(e, |p| s + p)];
    let markdown = line.contains('|') && text[text[..s].rfind('\n').map_or(0, |p| p + 1)..s].trim_start().starts_with('|');
    let (mut all, mut complete) = (Vec::new(), true);
    if line.contains('\t') || markdown {
        let sep = if markdown { '|' } else { '\t' };
        // (where the field starts, where its text is: empty for a blank field)
        let mut fields: Vec<(usize, usize, usize)> = Vec::new();
        let mut pos = s;
        for f in line.split(sep) {
            let t = f.trim();
            let at = pos + (f.len() - f.trim_start().len());
            fields.push((pos, at, at + t.len()));
            pos += f.len() + 1;
        }
        // The label's own field before the first separator; a markdown row's closing pipe.
        fields.remove(0);
        if markdown && fields.last().is_some_and(|f| f.1 == f.2) {
            fields.pop();
        }
        let n = fields.len();
        let lead = fields.iter().take_while(|f| f.1 == f.2).count();
        let trail = fields.iter().rev().take_while(|f| f.1 == f.2).count();
        for a in 0..=lead.min(n.saturating_sub(cols.len())) {
            for b in 0..=trail.min(n.saturating_sub(cols.len() + a)) {
                let mut ch = Vec::new();
                for &(at, ts, te) in &fields[a..n - b] {
                    ch.extend(text[ts..te].char_indices().map(|(i, c)| (ts + i, c)));
                    if ts == te {
                        ch.push((at, MARK));
                    }
                    ch.push((at, ' '));
                }
                complete &= readings(&ch, cols, true, &mut all);
            }
        }
    } else {
        let ch: Vec<(usize, char)> =
            text[s..e].char_indices().filter(|c| !(one_line && c.1 == '\n')).map(|(i, c)| (s + i, if nbsp && c == '\u{a0}' { MARK } else { c })).collect();
        complete = readings(&ch, cols, nbsp, &mut all);
    }
    let mut distinct: Vec<Vec<Cell>> = Vec::new();
    for f in all {
        if !distinct.iter().any(|d| d.iter().zip(&f).all(|(a, b)| same(a, b))) {
            distinct.push(f);
        }
    }
    (distinct, complete)
}

/// Every reading of a stream of characters as the cells of `cols`, added to `out`: with
/// `exact`, white space only separates and each `MARK` is one blank cell; otherwise every
/// stretch of white space may hide any number of blank cells. Whether the search finished.
fn readings(ch: &[(usize, char)], cols: &[&str], exact: bool, out: &mut Vec<Vec<Cell>>) -> bool {
    fn go(ch: &[(usize, char)], p: usize, cols: &[&str], exact: bool, cur: &mut Vec<Cell>, out: &mut Vec<Vec<Cell>>, steps: &mut usize) {
        *steps += 1;
        let n = cols.len();
        if *steps > MAX_STEPS || out.len() > MAX_READINGS {
            return;
        }
        if cur.len() == n || p == ch.len() {
            if cur.len() == n && ch[p..].iter().all(|c| is_ws(c.1)) {
                out.push(cur.clone());
            }
            return;
        }
        let (at, c) = ch[p];
        // Blank cells here, and where the values go on.
        let (blanks, next) = if c == MARK {
            (1..=1, p + 1)
        } else if is_ws(c) {
            (0..=if exact { 0 } else { n - cur.len() }, p + ch[p..].iter().take_while(|c| is_ws(c.1)).count())
        } else {
            let chunk = p + ch[p..].iter().take_while(|c| !is_ws(c.1) && c.1 != MARK).count();
            for e in cell_ends(&ch[..chunk], p, t2_2019_kind(cols[cur.len()])) {
                let (last, lc) = ch[e - 1];
                cur.push((at, last + lc.len_utf8(), false));
                go(ch, e, cols, exact, cur, out, steps);
                cur.pop();
            }
            return;
        };
        for k in blanks {
            cur.resize(cur.len() + k, (at, at, true));
            go(ch, next, cols, exact, cur, out, steps);
            cur.truncate(cur.len() - k);
        }
    }
    let mut steps = 0;
    go(ch, 0, cols, exact, &mut Vec::new(), out, &mut steps);
    steps <= MAX_STEPS && out.len() <= MAX_READINGS
}

/// Where a cell of `kind` starting at `ch[p]` may end, in a chunk (`ch` ends with it): a count
/// without leading zeros; in 本年增/减 a `-` before it; in 采购总金额 also a point and decimals
/// (when the number takes all its digits) and a unit 元/万元 (which then belongs to it).
/// A placeholder (「/」「—」「无」) fills its chunk.
fn cell_ends(ch: &[(usize, char)], p: usize, kind: CellKind) -> Vec<usize> {
    let c = |i: usize| ch.get(i).map_or(' ', |x| x.1);
    if p == 0 || is_ws(c(p - 1)) || c(p - 1) == MARK {
        let word: String = ch[p..].iter().map(|x| x.1).collect();
        if crate::text::is_placeholder(&word) {
            return vec![ch.len()];
        }
    }
    let money = kind == CellKind::Money;
    let d = p + (kind == CellKind::Signed && matches!(c(p), '-' | '－' | '−')) as usize;
    let digits = ch[d..].iter().take_while(|x| x.1.is_ascii_digit() || (money && x.1 == ',')).count();
    if digits == 0 || c(d) == ',' || (d > p && c(d) == '0') {
        return Vec::new();
    }
    let most = if c(d) == '0' { 1 } else { digits.min(if money { 15 } else { 9 }) };
    let mut ends: Vec<usize> = (d + 1..=d + most).collect();
    if money {
        let point = d + digits;
        if most == digits && c(point) == '.' && c(point + 1).is_ascii_digit() {
            ends.extend(point + 2..=point + ch[point + 1..].iter().take_while(|x| x.1.is_ascii_digit()).count() + 1);
        }
        for e in ends.iter_mut() {
            *e += match (c(*e), c(*e + 1)) {
                ('元', _) => 1,
                ('万', '元') => 2,
                ('万', _) => 1,
                _ => 0,
            };
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row read: its key and cells as printed (`_` blank, `?` after an uncertain one).
    fn read_all(text: &str, one_line: bool) -> (Vec<(&'static str, String)>, TableFacts) {
        let (t, f) = read(text, 0, text.len(), one_line, TableFacts::default());
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let v = match &c.kind {
                            Kind::Val(Value::Blank) => "_".to_string(),
                            Kind::Val(v) => v.display(),
                            Kind::Text => "T".to_string(),
                        };
                        if r.uncertain.iter().any(|u| u.0 == i) {
                            v + "?"
                        } else {
                            v
                        }
                    })
                    .collect();
                (r.key, cells.join("|"))
            })
            .collect();
        (rows, f)
    }

    fn row(text: &str, key: &str) -> String {
        read_all(text, false).0.into_iter().find(|r| r.0 == key).map(|r| r.1).unwrap_or_default()
    }

    #[test]
    fn clean_text_with_signed_changes_and_money() {
        let text = "第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 3\n规范性文件 5 5 12\n\
                    第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 10 -2 30\n其他对外管理服务事项 4 0 7\n\
                    第二十条第（六）项\n行政处罚 2648 -18 538\n行政强制 0 0 0\n第二十条第（八）项\n行政事业性收费 35 0\n\
                    第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 135 75394432.52元\n";
        let (rows, facts) = read_all(text, false);
        let want = [
            ("regulations", "0|0|3"),
            ("normative_documents", "5|5|12"),
            ("licensing", "10|-2|30"),
            ("other_services", "4|0|7"),
            ("punishment", "2648|-18|538"),
            ("coercion", "0|0|0"),
            ("fees", "35|0"),
            ("procurement", "135|75394432.52元"),
        ];
        assert_eq!(rows, want.iter().map(|(k, v)| (*k, v.to_string())).collect::<Vec<_>>());
        assert!(facts.ambiguous.is_empty() && facts.unread.is_empty() && facts.missing_rows.is_empty());
        assert_eq!(row("政府集中采购 3 251万元", "procurement"), "3|251万元");
        assert_eq!(row("政府集中采购 3 12.5", "procurement"), "3|12.5");
    }

    #[test]
    fn a_run_is_read_only_when_its_split_is_forced() {
        // As many digits as cells; a space, a tab between cells.
        assert_eq!(row("规章000规范性文件898989", "regulations"), "0|0|0");
        assert_eq!(row("行政事业性收费35 0", "fees"), "35|0");
        // Several splits: every cell they disagree on is uncertain, with a P02 listing them.
        let (rows, facts) = read_all("规章000规范性文件898989行政事业性收费350", false);
        assert_eq!(rows[1], ("normative_documents", "8?|9?|8989?".to_string()));
        assert_eq!(rows[2], ("fees", "3?|50?".to_string()));
        assert_eq!(facts.ambiguous[1].readings, vec!["3|50", "35|0"]);
        // A `-` starts a number only in 本年增/减: 2648 is the only 上一年项目数量.
        assert_eq!(row("行政处罚2648-18538", "punishment"), "2648|-1?|8538?");
        assert_eq!(row("规章 -1 0 0", "regulations"), "");
        // A unit and decimals only in 采购总金额, which takes the rest of the run.
        assert_eq!(row("政府集中采购13575394432.52元", "procurement"), "1?|3575394432.52元?");
        assert_eq!(row("政府集中采购0 0", "procurement"), "0|0");
    }

    #[test]
    fn blank_cells() {
        // A grid line (html-2019 flattened): an empty or U+00A0 field is one blank cell.
        assert_eq!(row("规章\t\u{a0}\t\t5\n", "regulations"), "_|_|5");
        assert_eq!(row("| 规章 | 0 |  | 5 |\n", "regulations"), "0|_|5");
        // A line's last empty field past the cells is none.
        assert_eq!(row("行政事业性收费\t35\t0\t\n", "fees"), "35|0");
        // Web text whose U+00A0 are the blank cells, in every row.
        assert_eq!(row("行政许可12\u{a0}5行政处罚\u{a0}\u{a0}7", "licensing"), "12|_|5");
        // Without them a space may stand for any number of blank cells (or none).
        assert_eq!(row("行政许可 12 5", "licensing"), "1?|2?|5");
        assert_eq!(row("行政许可 12 5\n", "licensing"), "1?|2?|5?");
        assert_eq!(row("规章 00 规范性文件", "regulations"), "0?|0?|_?");
        // The line breaks put into one-line text are no white space of the page.
        let (rows, _) = read_all("规章 00\n规范性文件", true);
        assert_eq!(rows[0].1, "_|0|0");
    }

    #[test]
    fn what_cannot_be_read_is_said_and_nothing_panics() {
        let (rows, facts) = read_all("规章 1 2 3 4\n行政许可", false);
        assert!(rows.is_empty());
        assert_eq!(facts.unread.len(), 2);
        assert!(facts.missing_rows.contains(&"procurement"));
        let long = format!("规章{}", "1".repeat(80));
        let (_, facts) = read_all(&long, false);
        assert!(facts.unread[0].0.contains("无法读成"));
        for t in ["", "规章", "规章\t", "| 规章 |", "政府集中采购1.元万", "规章\u{a0}", "行政许可--1", "政府集中采购 ,1"] {
            let _ = read_all(t, false);
            let _ = read_all(t, true);
        }
    }
}
