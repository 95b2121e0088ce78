//! Table 四 (行政复议、行政诉讼): one printed row of 15 values in three blocks of five.

use super::events::{events, Ev};
use super::tokens::{tokenize, Kind, Tok};
use super::{ordered_values, runtogether, webrows, RawRow, RawTable, TableFacts};
use crate::find::Find;
use crate::format::T4_BLOCKS;
use crate::model::Value;

pub fn read(text: &str, start: usize, end: usize) -> Option<(RawTable, TableFacts)> {
    let lines = tokenize(text, start, end);
    let evs = events(text, &lines);
    let mut facts = TableFacts { region: (start, end), method: "order", ..Default::default() };
    let header: String = evs.iter().filter_map(|e| if let Ev::Label(p) = e { Some(p.norm.as_str()) } else { None }).collect();
    let mut vals: Vec<Tok> = ordered_values(&evs, 1, false);
    if vals.is_empty() && !(header.has("维持") || header.has("纠正")) {
        return None;
    }
    // Cells whose value the text leaves open (a digit run with several balanced splits).
    let mut uncertain: Vec<usize> = Vec::new();
    // A grid row of fifteen cells (HTML, tabs, markdown) holding the values: every cell in its
    // place, blanks too (2019-format pages leave 0 blank, and the tokenizer drops a row's
    // leading blanks).
    if let Some(row) = grid_row(text, start, end, &vals) {
        vals = row;
    }
    // Blank cells count in a grid (HTML, tabs) only between values; leading ones are labels.
    while vals.len() > 15 && matches!(vals.last().map(|t| &t.kind), Some(Kind::Val(Value::Blank))) {
        vals.pop();
    }
    let block_ok = |v: &[Option<i64>]| v.chunks(5).all(|b| b.len() < 5 || (0..4).map(|i| webrows::num(&b[i])).sum::<i64>() == webrows::num(&b[4]));
    let web = if vals.len() < 15 { web_values(text, end, &evs) } else { None };
    if let Some(seg) = web {
        // One-line web text: the digits and white space after the header, blanks and all.
        let r = webrows::read(text, &[seg], 15, &block_ok, &|_| true, &["t4"]);
        facts.method = "run-together";
        facts.ambiguous.extend(r.ambiguous);
        // (The one row of fifteen cells is three blocks.)
        facts.readings.extend(r.readings.map(|mut k| {
            k.cells = k.cells.iter().map(|&(_, c)| (T4_BLOCKS[c / 5].key, c % 5)).collect();
            k
        }));
        // No balanced reading with blanks: the run's only split, as for any run (an U+00A0
        // between two digits is then a cell boundary). Searched once, only then.
        let read = r.rows.into_iter().next().flatten();
        let plain = if read.is_none() { runtogether::t4(text, &vals).filter(|r| r.1.is_empty()) } else { None };
        // Nor a digit run's: U+00A0 kept one per blank cell, every character a cell — read when
        // no hypothesis balances and at most one block fails (as a run's only split is).
        let forced = if read.is_none() && plain.is_none() && !r.solved {
            webrows::every_char_a_cell(text, seg.0, seg.1, 15)
                .filter(|c| c.chunks(5).filter(|b| (0..4).map(|i| webrows::num(&b[i].2)).sum::<i64>() != webrows::num(&b[4].2)).count() <= 1)
        } else {
            None
        };
        match read {
            Some((cells, doubt)) => {
                vals = cells;
                uncertain = doubt;
            }
            None if forced.is_some() => {
                facts.ambiguous.clear();
                facts.readings.clear();
                vals = forced.unwrap_or_default().iter().map(|c| Tok { start: c.0, end: c.1, kind: Kind::Val(c.2.map_or(Value::Blank, Value::Int)) }).collect();
            }
            None if plain.is_some() => {
                let (split, _, doubt, _) = plain.unwrap_or_default();
                facts.ambiguous.clear();
                facts.readings.clear();
                vals = split;
                uncertain = doubt;
            }
            None => {
                let why = r.unread.first().map_or("按合计关系有不止一种拆法", |u| u.1.as_str()).to_string();
                facts.unread.push((format!("数字「{}」{}", text[seg.0..seg.1].trim(), why), seg.0, seg.1));
                return Some((RawTable { table: "t4", columns: vec!["upheld", "corrected", "other", "pending", "total"], rows: vec![] }, facts));
            }
        }
    } else if vals.len() < 15 {
        // Fifteen digits or more with white space among them: the digits of a run with a stray
        // space, or a 2019-format page whose blank cells collapsed into spaces while its
        // numbers happen to have fifteen digits or more (「410261986 01616 0」: 41 0 26 19 86,
        // two blanks, 0 16 16, …). The run first; when no split of it balances, blanks where the
        // white space is, as for a page with fewer digits.
        let run = runtogether::t4(text, &vals);
        let blanks = if run.is_none() { spaced_values(text, end, &evs) } else { None };
        let with_blanks = blanks.map(|seg| webrows::read_with(text, &[seg], 15, &[webrows::Blanks::AnyWs], &block_ok, &|_| true, &["t4"]));
        // Several such readings: the run is left unread as before (P01).
        if let Some(Some((cells, _))) =
            with_blanks.as_ref().filter(|r| r.solved && r.ambiguous.iter().all(|a| a.readings.len() == 1)).map(|r| r.rows[0].clone())
        {
            facts.method = "run-together";
            let (s, e) = blanks.unwrap_or_default();
            // Blank cells as the other readings show them (「41|0|空|…」).
            let shown: Vec<String> = cells
                .iter()
                .map(|t| match &t.kind {
                    Kind::Val(Value::Blank) => "空".to_string(),
                    Kind::Val(v) => v.display(),
                    _ => String::new(),
                })
                .collect();
            facts.spaces_as_blanks.push((s, e, shown.join("|")));
            vals = cells;
            uncertain = (0..15).collect();
        } else if let Some((split, amb, doubt, kept)) = run {
            facts.method = "run-together";
            vals = split;
            facts.ambiguous.extend(amb);
            facts.readings.extend(kept);
            uncertain = doubt;
        } else if let Some(t) = vals.iter().find(|t| text[t.start..t.end].len() > 5 && text[t.start..t.end].bytes().all(|b| b.is_ascii_digit())) {
            // A digit run that no balanced split explains: say so, guess nothing.
            facts.unread.push((format!("数字「{}」连在一起，找不到能使各组合计平衡的拆法", &text[t.start..t.end]), t.start, t.end));
            return Some((RawTable { table: "t4", columns: vec!["upheld", "corrected", "other", "pending", "total"], rows: vec![] }, facts));
        }
    } else if vals.len() == 15 && !balanced(&vals) {
        if let Some(v) = regroup(&evs) {
            vals = v;
        }
    }
    // Numbers after the fifteen cells (a note under the table) are not cells.
    vals.truncate(15);
    // Fewer than fifteen values, not in a grid and not split from digit runs: cells left blank
    // (or lost) somewhere, and nothing says where — text with its blanks collapsed, 「0 0 0 4 12
    // 17 …」. Shown in order, every cell to be checked, no sum resting on them.
    let placed_in_order = !vals.is_empty() && vals.len() < 15 && facts.method != "run-together";
    if placed_in_order {
        let (s, e) = (vals[0].start, vals[vals.len() - 1].end);
        facts.unread.push((format!("只读到 {} 个数，应为 15 个：有的格空白或丢失，各数属于哪一格无法确定，已按顺序显示并标为「请核对」", vals.len()), s, e));
    }
    let mut rows = Vec::new();
    for (i, b) in T4_BLOCKS.iter().enumerate() {
        let cells: Vec<Tok> = vals.iter().skip(i * 5).take(5).cloned().collect();
        if cells.len() < 5 && !placed_in_order {
            facts.miscounted.push((b.key, cells.len()));
        }
        if placed_in_order && !cells.is_empty() {
            let doubt = (0..cells.len()).map(|c| (c, "表四的数少于 15 个，这个数属于哪一格无法确定".to_string())).collect();
            rows.push(RawRow { key: b.key, label: None, cells, uncertain: doubt });
        } else if !cells.is_empty() {
            let doubt = uncertain.iter().filter(|&&c| c / 5 == i).map(|&c| (c % 5, "数字连写，按合计关系有不止一种拆法".to_string())).collect();
            rows.push(RawRow { key: b.key, label: None, cells, uncertain: doubt });
        }
    }
    Some((RawTable { table: "t4", columns: vec!["upheld", "corrected", "other", "pending", "total"], rows }, facts))
}

fn int(t: &Tok) -> Option<i64> {
    match &t.kind {
        Kind::Val(v) => v.int(),
        _ => None,
    }
}

fn balanced(v: &[Tok]) -> bool {
    blocks_balance(&v.iter().map(int).collect::<Vec<_>>())
}

/// Every block of five numbers balances: four parts and their total.
fn blocks_balance(nums: &[Option<i64>]) -> bool {
    nums.chunks(5).all(|b| matches!(b, [Some(a), Some(b), Some(c), Some(d), Some(t)] if a + b + c + d == *t))
}

/// PDF text sometimes gives table 四's value groups out of order (each block's numbers after
/// its own column headers). Try the orders of the groups that balance every block, keeping
/// 「总计」-labelled groups at total positions; among several, the labels
/// 「复议后起诉」/「直接起诉」 before a group decide. Never used when the printed order balances.
fn regroup(evs: &[Ev]) -> Option<Vec<Tok>> {
    let mut groups: Vec<(String, Vec<Tok>)> = Vec::new();
    let mut labels = String::new();
    let mut cur: Vec<Tok> = Vec::new();
    for ev in evs {
        match ev {
            Ev::Val(t, _) => cur.push(t.clone()),
            Ev::Label(p) => {
                if !cur.is_empty() {
                    groups.push((std::mem::take(&mut labels), std::mem::take(&mut cur)));
                }
                labels.push_str(&p.norm);
            }
            Ev::Blank => {}
        }
    }
    if !cur.is_empty() {
        groups.push((labels, cur));
    }
    if groups.len() < 2 || groups.len() > 7 || groups.iter().map(|g| g.1.len()).sum::<usize>() != 15 {
        return None;
    }
    let n = groups.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut best: Vec<(i32, Vec<usize>)> = Vec::new();
    // What each order needs of a group, worked out once (up to 5,040 orders are tried): its
    // numbers, whether it is a lone 「总计」, and which block its label names.
    let facts: Vec<(Vec<Option<i64>>, bool, bool, bool)> = groups
        .iter()
        .map(|(lab, vals)| (vals.iter().map(int).collect(), lab.ends_with("总计") && vals.len() == 1, lab.has("复议后起诉"), lab.has("直接起诉")))
        .collect();
    let mut seq: Vec<Option<i64>> = Vec::with_capacity(15);
    permute(&mut order, 0, &mut |perm: &[usize]| {
        seq.clear();
        // Reading order starts with 行政复议: keep the first group first.
        let mut score = if perm[0] == 0 { 2 } else { 0 };
        for &g in perm {
            let (nums, lone_total, after_review, direct) = &facts[g];
            let at = seq.len();
            // A group right after 「总计」 must be a block's total.
            if *lone_total && at % 5 != 4 {
                return;
            }
            let block = at / 5;
            if *after_review && block == 2 || *direct && block == 1 {
                score += 1;
            }
            seq.extend_from_slice(nums);
        }
        if blocks_balance(&seq) {
            best.push((score, perm.to_vec()));
        }
    });
    let top = best.iter().map(|b| b.0).max()?;
    let winners: Vec<&Vec<usize>> = best.iter().filter(|b| b.0 == top).map(|b| &b.1).collect();
    if winners.len() != 1 {
        return None;
    }
    Some(winners[0].iter().flat_map(|&g| groups[g].1.iter().cloned()).collect())
}

fn permute(v: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
    if k == v.len() {
        f(v);
        return;
    }
    for i in k..v.len() {
        v.swap(k, i);
        permute(v, k + 1, f);
        v.swap(k, i);
    }
}

/// The first grid line of the region with exactly fifteen cells, all values or blank, holding
/// every value read (or all blank when none was).
fn grid_row(text: &str, start: usize, end: usize, vals: &[Tok]) -> Option<Vec<Tok>> {
    let mut pos = start;
    for raw in crate::find::lines_inclusive(&text[start..end]) {
        let ls = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if !(line.contains('\t') || line.trim_start().starts_with('|')) {
            continue;
        }
        let Some(cells) = super::grid_line_cells(text, ls, 15) else { continue };
        let got: Vec<usize> = cells.iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).map(|t| t.start).collect();
        let had: Vec<usize> = vals.iter().filter(|t| !matches!(t.kind, Kind::Val(Value::Blank))).map(|t| t.start).collect();
        if got == had {
            return Some(cells);
        }
    }
    None
}

/// Everything after the header's last words to the end of their line, when every value read
/// lies in it: where one-line web text has table 四's values.
fn after_header(text: &str, end: usize, evs: &[Ev]) -> Option<(usize, usize)> {
    let first_val = evs.iter().position(|e| matches!(e, Ev::Val(..)));
    let last_label = evs[..first_val.unwrap_or(evs.len())].iter().rev().find_map(|e| if let Ev::Label(p) = e { Some(p) } else { None })?;
    let from = last_label.end;
    let line_end = text[from..end].find('\n').map_or(end, |p| from + p);
    let inside = evs.iter().all(|e| if let Ev::Val(t, _) = e { from <= t.start && t.end <= line_end } else { true });
    inside.then_some((from, line_end))
}

/// The values of table 四 in one-line web text (`after_header`), when they are digits and white
/// space only and may hold blank cells.
fn web_values(text: &str, end: usize, evs: &[Ev]) -> Option<(usize, usize)> {
    let (from, line_end) = after_header(text, end, evs)?;
    let seg = &text[from..line_end];
    if !seg.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\r')) {
        return None;
    }
    // Blank cells show only as U+00A0 or white space; without digits, only fifteen U+00A0, or
    // white space alone after a header on one line, up to the next section (every cell blank,
    // their spaces collapsed; a header over several lines is not web text). Without a blank
    // cell the run is read as before (`runtogether`).
    let nbsp = seg.chars().filter(|&c| c == '\u{a0}').count();
    let digits = webrows::digit_count(seg);
    let header_from = evs.iter().find_map(|e| if let Ev::Label(p) = e { Some(p.start) } else { None }).unwrap_or(from);
    let all_blank = digits == 0 && nbsp == 0 && !seg.is_empty() && !text[header_from..from].contains('\n') && text[line_end..end].trim().is_empty();
    let blanks_possible = !(digits == 0 && nbsp != 15 && !all_blank || nbsp == 0 && digits >= 15);
    blanks_possible.then_some((from, line_end))
}

/// The values of table 四 in one-line web text (`after_header`) when they hold fifteen digits or
/// more and no U+00A0 but white space among the digits (where collapsed blank cells may hide).
fn spaced_values(text: &str, end: usize, evs: &[Ev]) -> Option<(usize, usize)> {
    let (from, line_end) = after_header(text, end, evs)?;
    let seg = &text[from..line_end];
    let ok = seg.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{3000}' | '\r')) && seg.trim().contains(' ') && webrows::digit_count(seg) >= 15;
    ok.then_some((from, line_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

    fn cells(t: &RawTable) -> Vec<(Value, bool)> {
        t.rows
            .iter()
            .flat_map(|r| {
                r.cells
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| (if let Kind::Val(v) = &c.kind { v.clone() } else { Value::Blank }, !r.uncertain.iter().any(|u| u.0 == i)))
            })
            .collect()
    }

    #[test]
    fn a_table_of_blank_cells_on_one_line_is_fifteen_blanks() {
        let text = format!("{} 五、存在的主要问题及改进情况", HEADER);
        let (t, facts) = read(&text, 0, text.find("五、").unwrap()).unwrap();
        assert_eq!(cells(&t), vec![(Value::Blank, true); 15]);
        assert!(facts.unread.is_empty());
        // A header over several lines (not web text) with nothing after it: nothing is read.
        let text = format!("{}\n维持 纠正\n \n五、存在的主要问题", HEADER);
        let got = read(&text, 0, text.find("五、").unwrap()).map(|r| cells(&r.0)).unwrap_or_default();
        assert!(got.is_empty());
    }

    #[test]
    fn spaces_taken_for_blanks_only_as_a_reading_to_check() {
        // Fifteen digits, so no blank cell shows by count, and no split of the run balances;
        // with the spaces as collapsed blank cells one reading does. Shown, every cell to check.
        let text = format!("{}410261986 01616 0 五、存在的主要问题", HEADER);
        let (t, facts) = read(&text, 0, text.find("五、").unwrap()).unwrap();
        let got = cells(&t);
        assert_eq!(got.len(), 15);
        assert!(got.iter().all(|c| !c.1));
        assert_eq!(got[..5].iter().map(|c| c.0.clone()).collect::<Vec<_>>(), [41, 0, 26, 19, 86].map(Value::Int).to_vec());
        assert_eq!(facts.spaces_as_blanks.len(), 1);
        assert!(facts.spaces_as_blanks[0].2.starts_with("41|0|26|19|86|空|"), "{:?}", facts.spaces_as_blanks);
    }
}
