//! Table 二 (主动公开政府信息情况): six rows, ten values; each row has its own columns.

use super::events::{events, Ev, Piece};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, restore_grid_blanks, runtogether, stated, Ambiguity, RawRow, RawTable, TableFacts};
use crate::find::Find;
use crate::format::{t2_columns, T2_ROWS};
use crate::model::same_key;
use crate::model::Value;

/// Words that only the 2019 trial format's table 二 has.
const FORMAT_2019_MARKS: &[&str] =
    &["新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增／减", "政府集中采购", "采购总金额", "其他对外管理服务事项"];

fn row_of(p: &Piece) -> Option<&'static str> {
    // 「行政规范性文件」 contains no 「规章」, and 「规章」 alone is its own row.
    // Header cells like 「信息内容」 never match; a heading 「第二十条第（一）项」 neither.
    crate::format::t2_row_in(&p.norm).map(|spec| spec.key)
}

/// `runs_elsewhere`: the digits of table 三 or 四 run together (web text that lost its cell
/// separators), so a run of digits after a label here is one too, even with a space before it.
/// `one_line`: the text was one line (`input::one_line`): its line breaks are the reader's.
pub fn read(text: &str, start: usize, end: usize, runs_elsewhere: bool, one_line: bool) -> Option<(RawTable, TableFacts)> {
    let lines = tokenize(text, start, end);
    let evs = events(text, &lines);
    let mut facts = TableFacts { region: (start, end), ..Default::default() };
    let all: String = evs.iter().filter_map(|e| if let Ev::Label(p) = e { Some(p.norm.as_str()) } else { None }).collect();
    if FORMAT_2019_MARKS.iter().any(|m| all.has(m)) {
        // The 2019 table has other rows and columns (`t2_2019`).
        facts.format_2019 = true;
        return Some(super::t2y::read(text, start, end, one_line, facts));
    }
    let evs = with_notes(text, evs);
    // By label.
    let mut placed: Vec<(&'static str, Vec<Tok>)> = Vec::new();
    let mut cur: Option<&'static str> = None;
    // Values before any row's label (converter output floats multi-line cells out of the
    // table: 「22」「（其中修订 16 件）」 above it).
    let mut loose: Vec<Tok> = Vec::new();
    // A row's label after 收费 had its value (rows in another order, as converters leave them).
    let mut row_after_fees = false;
    for ev in &evs {
        match ev {
            Ev::Label(p) => {
                if let Some(k) = row_of(p) {
                    row_after_fees |= placed.iter().any(|r| r.0 == "fees" && !r.1.is_empty());
                    cur = Some(k);
                    if !facts.labels.iter().any(|l| same_key(l.0, k)) {
                        facts.labels.push((k, p.clone()));
                    }
                    if !placed.iter().any(|r| same_key(r.0, k)) {
                        placed.push((k, Vec::new()));
                    }
                } else if p.norm.has("第二十条") || p.norm.has("信息内容") {
                    cur = None;
                }
            }
            Ev::Val(t, _) => {
                // Once the last row (收费) has its value, later numbers are a note under the table
                // (unless another row's label came first).
                let table_done = !row_after_fees && placed.iter().any(|r| r.0 == "fees" && !r.1.is_empty());
                let on_new_line =
                    placed.iter().find(|r| r.0 == "fees").and_then(|r| r.1.last()).map(|last| text[last.end..t.start].contains('\n')).unwrap_or(false);
                if table_done && on_new_line {
                    continue;
                }
                match cur.and_then(|k| placed.iter_mut().find(|r| same_key(r.0, k))) {
                    Some(r) => r.1.push(t.clone()),
                    None => loose.push(t.clone()),
                }
            }
            Ev::Blank => {}
        }
    }
    if facts.labels.is_empty() {
        return None;
    }
    let expect = |k: &str| t2_columns(k).len();
    restore_grid_blanks(text, &mut placed, &facts.labels, &expect);
    // Cells placed by inference: (row, cell index, why).
    let mut doubt: Vec<(&'static str, usize, &'static str)> = Vec::new();
    if !loose.is_empty() {
        if let Some(d) = place_floated(&mut placed, &loose, &expect) {
            loose.clear();
            doubt = d;
        }
    }
    let orphans = loose.len();
    let label_ok = orphans == 0
        && T2_ROWS
            .iter()
            .all(|s| placed.iter().find(|r| same_key(r.0, s.key)).map(|r| trim_blanks(&r.1, expect(s.key)).len() == expect(s.key)).unwrap_or(false));
    let mut rows: Vec<RawRow> = Vec::new();
    let label_of = |k: &str| facts.labels.iter().find(|l| same_key(l.0, k)).map(|l| (l.1.start, l.1.end));
    if label_ok {
        facts.method = "label";
        for s in T2_ROWS {
            let v = placed.iter().find(|r| same_key(r.0, s.key)).map(|r| trim_blanks(&r.1, expect(s.key))).unwrap_or_default();
            let uncertain: Vec<(usize, String)> = doubt.iter().filter(|d| same_key(d.0, s.key)).map(|d| (d.1, d.2.to_string())).collect();
            if !uncertain.is_empty() {
                facts.inferred.push(s.key);
            }
            rows.push(RawRow { key: s.key, label: label_of(s.key), cells: v, uncertain });
        }
    } else {
        let vals: Vec<Tok> = ordered_values(&evs, 1, false).into_iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).collect();
        // In order only when that agrees with every row whose label has values after it.
        let agrees = || {
            let mut i = 0;
            T2_ROWS.iter().all(|s| {
                let n = expect(s.key);
                let here = &vals[i..i + n];
                i += n;
                placed.iter().find(|r| same_key(r.0, s.key)).is_none_or(|r| r.1.is_empty() || r.1.iter().zip(here).all(|(a, b)| a.start == b.start))
            })
        };
        if vals.len() == 10 && agrees() {
            facts.method = "order";
            let mut i = 0;
            for s in T2_ROWS {
                let n = expect(s.key);
                rows.push(RawRow { key: s.key, label: label_of(s.key), cells: vals[i..i + n].to_vec(), uncertain: Vec::new() });
                i += n;
            }
        } else {
            facts.method = "label";
            for s in T2_ROWS {
                match placed.iter().find(|r| same_key(r.0, s.key)) {
                    Some((_, v)) => {
                        let mut v = trim_blanks(v, expect(s.key));
                        let n = expect(s.key);
                        let mut doubt = Vec::new();
                        // Web text that lost its cell separators runs the digits into the
                        // label (「行政规范性文件8855698」), or after a space when the other
                        // tables' digits run together too (「规章 000」); elsewhere one number
                        // where three are due is a row with blank cells, not a run.
                        // A number written with a leading zero (「049」) is no number: a run too.
                        let zero_led = v.iter().any(|t| {
                            let raw = &text[t.start..t.end];
                            raw.len() >= 2 && raw.starts_with('0') && raw.bytes().all(|b| b.is_ascii_digit())
                        });
                        let glued = runs_elsewhere || zero_led || label_of(s.key).is_some_and(|(_, le)| v.first().is_some_and(|t| t.start == le));
                        if let Some(run) = runtogether::Run::of(text, &v, n).filter(|_| glued) {
                            match split_by_prose(text, (start, end), s.key, &run, n) {
                                Split::One(cells) => v = cells,
                                Split::Several(readings) => {
                                    // Shown as the first reading, every cell that differs uncertain.
                                    let (rs, re) = run.range();
                                    let cuts = readings.into_iter().map(|r| r.1).collect::<Vec<_>>();
                                    let values: Vec<Vec<i64>> = cuts.iter().map(|c| runtogether::values(&run.digits, c)).collect();
                                    v = run.toks(&cuts[0], &values[0]);
                                    for i in 0..n {
                                        if values.iter().any(|r| r[i] != values[0][i]) {
                                            doubt.push((i, "数字连写，表二没有合计关系，无法确定怎样拆分".to_string()));
                                        }
                                    }
                                    facts.ambiguous.push(Ambiguity::new(s.key, rs, re, &values, Some(0)));
                                }
                                Split::None => {
                                    let (rs, re) = run.range();
                                    facts.unread.push((format!("「{}」一行的数字「{}」连在一起，无法拆成 {} 个数", s.label, &text[rs..re], n), rs, re));
                                    continue;
                                }
                            }
                        }
                        if v.len() != expect(s.key) {
                            facts.miscounted.push((s.key, v.len()));
                        }
                        rows.push(RawRow { key: s.key, label: label_of(s.key), cells: v, uncertain: doubt });
                        continue;
                    }
                    None => facts.missing_rows.push(s.key),
                }
            }
            if orphans > 0 {
                facts.unread.push((format!("表二有 {} 个数字无法确定属于哪一行", orphans), start, end));
            }
        }
    }
    Some((RawTable { table: "t2", columns: vec![], rows }, facts))
}

fn trim_blanks(v: &[Tok], n: usize) -> Vec<Tok> {
    let mut v = v.to_vec();
    while v.len() > n && matches!(v.last().map(|t| &t.kind), Some(Kind::Val(Value::Blank))) {
        v.pop();
    }
    v
}

enum Split {
    One(Vec<Tok>),
    /// The readings left (values, cut positions), the first shown.
    Several(Vec<(Vec<i64>, Vec<usize>)>),
    None,
}

/// A run of digits in a row of table 二 (「8855698」 for 制发 · 废止 · 现行有效). The table has
/// no sums: one digit per cell is the only split that needs nothing else; otherwise the counts
/// the prose states for this row decide (「现行有效…698件」「制发…88件」), when exactly one split
/// agrees with the most of them.
fn split_by_prose(text: &str, table: (usize, usize), row: &'static str, run: &runtogether::Run, n: usize) -> Split {
    let cuts = runtogether::splits_at(&run.digits, n, &run.forced, &|_| true);
    let readings: Vec<(Vec<i64>, Vec<usize>)> = cuts.into_iter().map(|c| (runtogether::values(&run.digits, &c), c)).collect();
    match readings.len() {
        0 => return Split::None,
        1 => return Split::One(run.toks(&readings[0].1, &readings[0].0)),
        _ => {}
    }
    let said = stated::stated_counts(text, table, row);
    let columns = t2_columns(row);
    let agree = |vals: &[i64]| columns.iter().zip(vals).filter(|(c, v)| said.iter().any(|s| s.0 == **c && s.1 == **v)).count();
    let best = readings.iter().map(|r| agree(&r.0)).max().unwrap_or(0);
    let top: Vec<&(Vec<i64>, Vec<usize>)> = readings.iter().filter(|r| agree(&r.0) == best).collect();
    if best > 0 && top.len() == 1 {
        return Split::One(run.toks(&top[0].1, &top[0].0));
    }
    Split::Several(readings)
}

/// A cell's second line in brackets (「22」 then 「（其中修订 16 件）」, as a PDF or its converter
/// wraps a cell with a note) joined to the number before it: one value 「22（其中修订16件）」.
fn with_notes(text: &str, evs: Vec<Ev>) -> Vec<Ev> {
    let mut out: Vec<Ev> = Vec::with_capacity(evs.len());
    for ev in evs {
        if let Ev::Label(p) = &ev {
            let note = (p.norm.starts_with('（') || p.norm.starts_with('(')) && (p.norm.ends_with('）') || p.norm.ends_with(')'));
            if let (true, Some(Ev::Val(t, alone))) = (note, out.last()) {
                // On the next line, nothing else between.
                let gap = &text[t.end..p.start];
                if gap.contains('\n') && gap.trim().is_empty() && matches!(t.kind, Kind::Val(Value::Int(_))) {
                    let joined = format!("{}{}", &text[t.start..t.end], p.norm);
                    let tok = Tok { start: t.start, end: p.end, kind: Kind::Val(Value::Text(joined)) };
                    let alone = *alone;
                    out.pop();
                    out.push(Ev::Val(tok, alone));
                    continue;
                }
            }
        }
        out.push(ev);
    }
    out
}

/// The column a note inside a cell names: 修订/制定 a document made, 废止/失效 one repealed.
fn column_of_note(note: &str) -> Option<usize> {
    if ["废止", "失效", "撤销"].iter().any(|w| note.contains(w)) {
        Some(1)
    } else if ["修订", "制定", "制发", "修改", "出台", "印发"].iter().any(|w| note.contains(w)) {
        Some(0)
    } else if note.contains("有效") {
        Some(2)
    } else {
        None
    }
}

/// Values floated out of the table (converter output: a cell spread over lines left the table
/// as loose lines above it) put back: when the rows short of a cell are as many as the loose
/// values, each short by one, the loose values go to them in order, each into the column its
/// note names. Every cell of such a row is then uncertain (its place is inferred).
fn place_floated(placed: &mut [(&'static str, Vec<Tok>)], loose: &[Tok], expect: &dyn Fn(&str) -> usize) -> Option<Vec<(&'static str, usize, &'static str)>> {
    let short: Vec<usize> =
        T2_ROWS.iter().filter_map(|s| placed.iter().position(|r| same_key(r.0, s.key))).filter(|&i| placed[i].1.len() < expect(placed[i].0)).collect();
    if short.len() != loose.len() || short.iter().any(|&i| placed[i].1.len() + 1 != expect(placed[i].0)) {
        return None;
    }
    let mut fills = Vec::new();
    for (&i, t) in short.iter().zip(loose) {
        let Kind::Val(Value::Text(v)) = &t.kind else { return None };
        let col = column_of_note(v)?;
        if col >= expect(placed[i].0) {
            return None;
        }
        fills.push((i, col, t.clone()));
    }
    let mut doubt = Vec::new();
    for (i, col, t) in fills {
        placed[i].1.insert(col, t);
        let key = placed[i].0;
        for c in 0..placed[i].1.len() {
            let why = if c == col {
                "这一格在文本中跑到了表格外面，按顺序和格内说明归入此格"
            } else {
                "同一行有一格跑到了表格外面，本行各数属于哪一列是推断的"
            };
            doubt.push((key, c, why));
        }
    }
    Some(doubt)
}
