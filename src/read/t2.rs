//! Table 二 (主动公开政府信息情况): six rows, ten values; each row has its own columns.

use super::events::{events, Ev, Piece};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, restore_leading_blanks, RawRow, RawTable, TableFacts};
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
                        if v.len() == 1 && n > 1 {
                            let raw = &text[v[0].start..v[0].end];
                            if raw.len() >= n && raw.bytes().all(|b| b.is_ascii_digit()) {
                                if raw.len() == n {
                                    // One digit per cell: the only possible reading.
                                    v = (0..n)
                                        .map(|i| Tok {
                                            start: v[0].start + i,
                                            end: v[0].start + i + 1,
                                            kind: Kind::Val(Value::Int((raw.as_bytes()[i] - b'0') as i64)),
                                        })
                                        .collect();
                                } else {
                                    // Table 二 has no sums to tell how to split a run.
                                    facts.unread.push((
                                        format!("「{}」一行的数字「{}」连在一起，表二没有合计关系可用来拆分", s.label, raw),
                                        v[0].start,
                                        v[0].end,
                                    ));
                                    continue;
                                }
                            }
                        }
                        if v.len() != expect(s.key) {
                            facts.miscounted.push((s.key, v.len()));
                        }
                        rows.push(RawRow { key: s.key, label: label_of(s.key), cells: v, uncertain: Vec::new() });
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
