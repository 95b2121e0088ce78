//! Table 二 (主动公开政府信息情况): six rows, ten values; each row has its own columns.

use super::events::{events, Ev, Piece};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, restore_leading_blanks, runtogether, stated, Ambiguity, RawRow, RawTable, TableFacts};
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

pub fn read(text: &str, start: usize, end: usize) -> Option<(RawTable, TableFacts)> {
    let lines = tokenize(text, start, end);
    let evs = events(text, &lines);
    let mut facts = TableFacts { region: (start, end), ..Default::default() };
    let all: String = evs.iter().filter_map(|e| if let Ev::Label(p) = e { Some(p.norm.as_str()) } else { None }).collect();
    if FORMAT_2019_MARKS.iter().any(|m| all.has(m)) {
        // The 2019 table has other columns: its values do not map onto the 2021 keys.
        facts.format_2019 = true;
        return Some((RawTable { table: "t2", columns: vec![], rows: vec![] }, facts));
    }
    // By label.
    let mut placed: Vec<(&'static str, Vec<Tok>)> = Vec::new();
    let mut cur: Option<&'static str> = None;
    let mut orphans = 0;
    for ev in &evs {
        match ev {
            Ev::Label(p) => {
                if let Some(k) = row_of(p) {
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
                // Once the last row (收费) has its value, later numbers are a note under the table.
                let table_done = placed.iter().any(|r| r.0 == "fees" && !r.1.is_empty());
                let on_new_line =
                    placed.iter().find(|r| r.0 == "fees").and_then(|r| r.1.last()).map(|last| text[last.end..t.start].contains('\n')).unwrap_or(false);
                if table_done && on_new_line {
                    continue;
                }
                match cur.and_then(|k| placed.iter_mut().find(|r| same_key(r.0, k))) {
                    Some(r) => r.1.push(t.clone()),
                    None => orphans += 1,
                }
            }
            Ev::Blank => {}
        }
    }
    if facts.labels.is_empty() {
        return None;
    }
    let expect = |k: &str| t2_columns(k).len();
    restore_leading_blanks(text, &mut placed, &facts.labels, &expect);
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
            rows.push(RawRow { key: s.key, label: label_of(s.key), cells: v, uncertain: Vec::new() });
        }
    } else {
        let vals: Vec<Tok> = ordered_values(&evs, 1, false).into_iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).collect();
        if vals.len() == 10 {
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
                        // label (「行政规范性文件8855698」); elsewhere one number where three are
                        // due is a row with blank cells, not a run.
                        let glued = label_of(s.key).is_some_and(|(_, le)| v.first().is_some_and(|t| t.start == le));
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
                                    facts.ambiguous.push(Ambiguity { row: s.key, start: rs, end: re, readings: values, used: Some(0) });
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
