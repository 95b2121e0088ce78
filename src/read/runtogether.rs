//! Splitting run-together digits (web text that lost its cell separators: `801000081` =
//! 80|1|0|0|0|0|81) using only the table's own arithmetic.
//!
//! A split is a reading of the digit run as the row's cells with no leading zeros. Each row
//! keeps the splits that balance its own sum (自然人 + 法人… = 总计); the rows together must
//! then balance every column (一 + 二 = （七）+ 四, （七）= Σ results). When exactly one
//! combination balances, it is the reading. When several do, the reader uses the first and
//! says so (P02) with all of them, kept for the counts the prose states to choose from
//! (`prose::choose`); when none does, the row is left unread (P01). A split that does not
//! balance is never invented.

use super::tokens::{Kind, Tok};
use super::{Ambiguity, Readings};
use crate::format::{T3_APPLICANT_COLUMNS, T3_LEGAL_COLUMNS, T3_RESULT_ITEMS, T4_BLOCKS};
use crate::model::same_key;
use crate::model::Value;

const MAX_CANDIDATES: usize = 64;
const MAX_COMBINATIONS: usize = 200_000;
const MAX_DIGITS: usize = 60;

pub struct RunTogether {
    pub rows: Vec<(&'static str, Vec<Tok>)>,
    /// Cells whose value differs between the balanced readings: (row, cell index).
    pub uncertain: Vec<(&'static str, usize)>,
    pub ambiguous: Vec<Ambiguity>,
    /// (row, reason, start, end)
    pub unread: Vec<(&'static str, String, usize, usize)>,
    /// Every balanced reading of the table on the cells in `uncertain`, when there are several.
    pub readings: Option<Readings>,
}

fn digits_of(text: &str, t: &Tok) -> Option<String> {
    let raw = &text[t.start..t.end];
    if raw.len() >= 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
        Some(raw.to_string())
    } else {
        None
    }
}

/// The digits of a row's value tokens read as one run: web text drops the separators between
/// cells, and where it keeps a space (「230 000023」) the space stands between two cells. A row
/// is a run when all its tokens are plain digits, fewer than its cells, with only spaces
/// between them.
pub struct Run {
    pub digits: String,
    /// The text offset of every digit.
    offsets: Vec<usize>,
    /// Places in `digits` where a space stood: a cell boundary, never inside a number.
    pub forced: Vec<usize>,
}

impl Run {
    pub fn of(text: &str, toks: &[Tok], cells: usize) -> Option<Run> {
        if toks.is_empty() || toks.len() >= cells {
            return None;
        }
        let mut run = Run { digits: String::new(), offsets: Vec::new(), forced: Vec::new() };
        for (i, t) in toks.iter().enumerate() {
            let raw = &text[t.start..t.end];
            if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if i > 0 {
                let gap = &text[toks[i - 1].end..t.start];
                if !gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\u{3000}') {
                    return None;
                }
                run.forced.push(run.digits.len());
            }
            run.digits.push_str(raw);
            run.offsets.extend(t.start..t.end);
        }
        (run.digits.len() >= cells).then_some(run)
    }

    /// The cells of a split (cut positions in `digits`) as tokens of the text.
    pub fn toks(&self, cuts: &[usize], vals: &[i64]) -> Vec<Tok> {
        cuts.windows(2).zip(vals).map(|(w, v)| Tok { start: self.offsets[w[0]], end: self.offsets[w[1] - 1] + 1, kind: Kind::Val(Value::Int(*v)) }).collect()
    }

    /// Whether the text ends with the run: a paste cut inside it may have lost digits, so its
    /// digits are not the row's.
    pub fn ends_text(&self, text: &str) -> bool {
        text[self.range().1..].trim().is_empty()
    }

    /// The first and last text offsets of the run.
    pub fn range(&self) -> (usize, usize) {
        (self.offsets[0], self.offsets[self.offsets.len() - 1] + 1)
    }
}

/// Every way to cut `digits` into `n` numbers without leading zeros that `ok` accepts.
pub fn splits(digits: &str, n: usize, ok: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<usize>> {
    splits_at(digits, n, &[], ok)
}

/// As `splits`, with a cut at each of the places `forced` (where the text kept a space).
pub fn splits_at(digits: &str, n: usize, forced: &[usize], ok: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<usize>> {
    let b = digits.as_bytes();
    let mut out = Vec::new();
    if b.len() < n || b.len() > MAX_DIGITS || n == 0 {
        return out;
    }
    let mut cuts = Vec::with_capacity(n + 1);
    let mut vals = Vec::with_capacity(n);
    cuts.push(0);
    let mut steps = 0usize;
    rec(b, n, forced, &mut cuts, &mut vals, ok, &mut out, &mut steps);
    out
}

/// As `splits`, for a row whose last number is the sum of the numbers at `parts` (table 三's
/// 总计 after its six applicant columns). The total is cut off first, at each length it can
/// have; then the search before it stops as soon as the parts exceed it, instead of trying every
/// cut of the whole run. Same candidates, in the same order (by cut positions), as `splits`.
pub fn splits_to_total(digits: &str, n: usize, parts: &[usize], ok: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<usize>> {
    splits_to_total_at(digits, n, &[], parts, ok)
}

/// As `splits_to_total`, with a cut at each of the places `forced`.
pub fn splits_to_total_at(digits: &str, n: usize, forced: &[usize], parts: &[usize], ok: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<usize>> {
    let b = digits.as_bytes();
    if b.len() < n || b.len() > MAX_DIGITS || n < 2 || parts.iter().any(|&i| i >= n - 1) {
        return splits_at(digits, n, forced, ok);
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut steps = 0usize;
    let mut cuts = Vec::with_capacity(n + 1);
    let mut vals = Vec::with_capacity(n);
    for len in 1..=(b.len() - (n - 1)).min(9) {
        let at = b.len() - len;
        if len > 1 && b[at] == b'0' || forced.iter().any(|&f| f > at) {
            continue;
        }
        let total = b[at..].iter().fold(0i64, |v, d| v * 10 + (d - b'0') as i64);
        // The numbers before the total: their parts never exceed it, and add up to it once all
        // are cut; `ok` judges every prefix as before, and the whole row with its total.
        let before = |v: &[i64]| {
            let sum: i64 = parts.iter().filter(|&&i| i < v.len()).map(|&i| v[i]).sum();
            (if v.len() < n - 1 { sum <= total } else { sum == total }) && ok(v)
        };
        let mut found = Vec::new();
        cuts.clear();
        vals.clear();
        cuts.push(0);
        rec(&b[..at], n - 1, forced, &mut cuts, &mut vals, &before, &mut found, &mut steps);
        for mut c in found {
            let mut v = values(digits, &c);
            v.push(total);
            if ok(&v) {
                c.push(b.len());
                out.push(c);
            }
        }
        if out.len() > MAX_CANDIDATES || steps > 2_000_000 {
            break;
        }
    }
    out.sort();
    out.truncate(MAX_CANDIDATES + 1);
    out
}

#[allow(clippy::too_many_arguments)]
fn rec(
    b: &[u8],
    n: usize,
    forced: &[usize],
    cuts: &mut Vec<usize>,
    vals: &mut Vec<i64>,
    ok: &dyn Fn(&[i64]) -> bool,
    out: &mut Vec<Vec<usize>>,
    steps: &mut usize,
) {
    *steps += 1;
    if out.len() > MAX_CANDIDATES || *steps > 2_000_000 {
        return;
    }
    let at = *cuts.last().unwrap_or(&0);
    let left = n - vals.len();
    if left == 0 {
        if at == b.len() && ok(vals) {
            out.push(cuts.clone());
        }
        return;
    }
    let remaining = b.len() - at;
    if remaining < left {
        return;
    }
    let mut max_len = if b[at] == b'0' { 1 } else { (remaining - (left - 1)).min(9) };
    // A number never runs over a place where the text kept a space.
    if let Some(&f) = forced.iter().find(|&&f| f > at && f < b.len()) {
        max_len = max_len.min(f - at);
        if left == 1 {
            return;
        }
    }
    // The last number takes all the digits left: only that length is tried.
    let lens = if left == 1 { remaining..=remaining.min(max_len) } else { 1..=max_len };
    if lens.is_empty() {
        return;
    }
    // The value of b[at..at + len], built digit by digit as len grows.
    let mut v: i64 = b[at..at + lens.start() - 1].iter().fold(0, |v, d| v * 10 + (d - b'0') as i64);
    for len in lens {
        v = v * 10 + (b[at + len - 1] - b'0') as i64;
        vals.push(v);
        cuts.push(at + len);
        // `ok` also judges prefixes (a finished block of table 四 must already balance).
        if ok(vals) {
            rec(b, n, forced, cuts, vals, ok, out, steps);
        }
        cuts.pop();
        vals.pop();
    }
}

/// The split of `digits` into `n` numbers when it is the only one there is, balanced or not
/// (as many digits as cells, or zeros that can only stand alone: `100` in two is 10|0). The
/// text then shows every value, and a sum that fails is the report's, not the reader's.
/// `ok` judges the split (prefixes too, as for `splits`); the split is refused when some
/// reading with cells left blank balances: reports that leave zeros blank lose those cells in
/// run-together text, and their true values would then be accused.
pub fn only_split(digits: &str, n: usize, forced: &[usize], ok: &dyn Fn(&[i64]) -> bool) -> Option<Vec<usize>> {
    let mut all = splits_at(digits, n, forced, &|_| true);
    if all.len() != 1 || balances_with_blanks(digits.as_bytes(), n, forced, ok) {
        return None;
    }
    Some(all.remove(0))
}

/// Whether the digits read as `n` cells, some of them blank (0), balance. Also true when the
/// search is too long to finish: then it cannot be ruled out.
fn balances_with_blanks(b: &[u8], n: usize, forced: &[usize], ok: &dyn Fn(&[i64]) -> bool) -> bool {
    fn go(b: &[u8], at: usize, n: usize, forced: &[usize], vals: &mut Vec<i64>, blanks: usize, ok: &dyn Fn(&[i64]) -> bool, steps: &mut usize) -> bool {
        *steps += 1;
        if *steps > 200_000 {
            return true;
        }
        let left = n - vals.len();
        if left == 0 {
            return at == b.len() && blanks > 0;
        }
        let remaining = b.len() - at;
        // A blank cell.
        vals.push(0);
        if ok(vals) && go(b, at, n, forced, vals, blanks + 1, ok, steps) {
            return true;
        }
        vals.pop();
        if remaining == 0 {
            return false;
        }
        let mut max_len = if b[at] == b'0' { 1 } else { remaining.min(9) };
        if let Some(&f) = forced.iter().find(|&&f| f > at && f < b.len()) {
            max_len = max_len.min(f - at);
        }
        let mut v = 0i64;
        for len in 1..=max_len {
            v = v * 10 + (b[at + len - 1] - b'0') as i64;
            vals.push(v);
            if ok(vals) && go(b, at + len, n, forced, vals, blanks, ok, steps) {
                return true;
            }
            vals.pop();
        }
        false
    }
    let mut steps = 0;
    go(b, 0, n, forced, &mut Vec::with_capacity(n), 0, ok, &mut steps)
}

pub fn values(digits: &str, cuts: &[usize]) -> Vec<i64> {
    cuts.windows(2).map(|w| digits[w[0]..w[1]].parse().unwrap_or(0)).collect()
}

/// Table 三: rows placed by label, each holding one digit run.
/// The columns of table 三 whose sums fail with the rows read so far: the result items against
/// （七）总计, and 一 + 二 = 三（七）+ 四. `at(row, column)` is a cell (blank as 0), `None` where the
/// row was not read: a sum with such a row is not checked.
pub(crate) fn t3_unbalanced_columns(rows: &[&'static str], n: usize, at: &dyn Fn(&str, usize) -> Option<i64>) -> Vec<usize> {
    (0..n)
        .filter(|&c| {
            let items: Option<i64> = rows.iter().filter(|k| T3_RESULT_ITEMS.contains(k)).map(|k| at(k, c)).sum();
            let by_items = matches!((items, at("total", c)), (Some(a), Some(b)) if a != b);
            let by_flow = matches!((at("new", c), at("carried_over", c), at("total", c), at("carried_forward", c)), (Some(a), Some(b), Some(t), Some(f)) if a + b != t + f);
            by_items || by_flow
        })
        .collect()
}

pub fn t3(text: &str, placed: &[(&'static str, Vec<Tok>)], rows: &[&'static str], columns: &[&'static str]) -> Option<RunTogether> {
    let n = columns.len();
    let idx = |c: &str| columns.iter().position(|x| *x == c);
    let total = idx("total");
    let sub = idx("legal_subtotal");
    let applicants: Vec<usize> = T3_APPLICANT_COLUMNS.iter().filter_map(|c| idx(c)).collect();
    let legal: Vec<usize> = T3_LEGAL_COLUMNS.iter().filter_map(|c| idx(c)).collect();
    let row_ok = |v: &[i64]| {
        if v.len() < n {
            return true;
        }
        if let Some(t) = total {
            if applicants.iter().map(|&i| v[i]).sum::<i64>() != v[t] {
                return false;
            }
        }
        if let Some(s) = sub {
            if legal.iter().map(|&i| v[i]).sum::<i64>() != v[s] {
                return false;
            }
        }
        true
    };
    // Only when most rows there are look run-together (a paste may hold only some rows).
    let runs = placed.iter().filter(|(_, v)| Run::of(text, v, n).is_some()).count();
    let present = placed.iter().filter(|(k, _)| rows.contains(k)).count();
    if runs == 0 || runs * 2 < present {
        return None;
    }
    let mut per_row: Vec<(&'static str, Option<Run>, Vec<Vec<i64>>, Vec<Vec<usize>>)> = Vec::new();
    // Rows read by their only split though it does not balance.
    let mut forced_rows: Vec<&'static str> = Vec::new();
    let mut out = RunTogether { rows: Vec::new(), uncertain: Vec::new(), ambiguous: Vec::new(), unread: Vec::new(), readings: None };
    for &k in rows {
        let Some(v) = placed.iter().find(|r| same_key(r.0, k)).map(|r| &r.1) else {
            continue;
        };
        if v.len() == n && v.iter().all(|t| matches!(t.kind, Kind::Val(_))) {
            let vals: Option<Vec<i64>> = v.iter().map(|t| if let Kind::Val(x) = &t.kind { x.int() } else { None }).collect();
            match vals {
                Some(vals) => per_row.push((k, None, vec![vals], vec![])),
                None => out.rows.push((k, v.clone())),
            }
            continue;
        }
        let Some(run) = Run::of(text, v, n) else {
            out.unread.push((
                k,
                format!("读到 {} 个数，应为 {} 个", v.len(), n),
                v.first().map(|t| t.start).unwrap_or(0),
                v.last().map(|t| t.end).unwrap_or(0),
            ));
            continue;
        };
        let cands = match total {
            Some(t) if t == n - 1 => splits_to_total_at(&run.digits, n, &run.forced, &applicants, &row_ok),
            _ => splits_at(&run.digits, n, &run.forced, &row_ok),
        };
        // No balanced split: the only split there is, when the run has one (see `only_split`)
        // and the text goes on after it. At most one such row per table (below).
        let cands = if cands.is_empty() && !run.ends_text(text) {
            let only: Vec<Vec<usize>> = only_split(&run.digits, n, &run.forced, &row_ok).into_iter().collect();
            if !only.is_empty() {
                forced_rows.push(k);
            }
            only
        } else {
            cands
        };
        if cands.is_empty() {
            let (s, e) = run.range();
            out.unread.push((k, format!("「{}」无法拆成 {} 个能使本行平衡的数", &text[s..e], n), s, e));
            continue;
        }
        let readings: Vec<Vec<i64>> = cands.iter().map(|c| values(&run.digits, c)).collect();
        per_row.push((k, Some(run), readings, cands));
    }
    // One row that does not balance is one wrong cell the sums will point at; more than one
    // suggests the runs are not what the rows hold (a blank cell dropped), so those rows are
    // left unread.
    if forced_rows.len() > 1 {
        per_row.retain(|r| {
            if !forced_rows.contains(&r.0) {
                return true;
            }
            if let Some(run) = &r.1 {
                let (s, e) = run.range();
                out.unread.push((r.0, format!("「{}」无法拆成 {} 个能使本行平衡的数", &text[s..e], n), s, e));
            }
            false
        });
    }
    // Choose one reading per row so that every column balances.
    let col_ok = |choice: &[usize]| -> bool {
        let get = |key: &str, c: usize| per_row.iter().zip(choice).find(|(r, _)| same_key(r.0, key)).map(|(r, &i)| r.2[i][c]);
        for c in 0..n {
            let items: Vec<i64> = per_row.iter().zip(choice).filter(|(r, _)| T3_RESULT_ITEMS.contains(&r.0)).map(|(r, &i)| r.2[i][c]).collect();
            if let Some(t) = get("total", c) {
                if items.iter().sum::<i64>() != t {
                    return false;
                }
            }
            if let (Some(a), Some(b), Some(t), Some(f)) = (get("new", c), get("carried_over", c), get("total", c), get("carried_forward", c)) {
                if a + b != t + f {
                    return false;
                }
            }
        }
        true
    };
    let sizes: Vec<usize> = per_row.iter().map(|r| r.2.len()).collect();
    let combos: usize = sizes.iter().try_fold(1usize, |a, &s| a.checked_mul(s)).unwrap_or(usize::MAX);
    let mut solutions: Vec<Vec<usize>> = Vec::new();
    if combos <= MAX_COMBINATIONS {
        let mut choice = vec![0usize; per_row.len()];
        loop {
            if col_ok(&choice) {
                solutions.push(choice.clone());
                if solutions.len() >= MAX_CANDIDATES {
                    break;
                }
            }
            // Next combination.
            let mut i = 0;
            while i < choice.len() {
                choice[i] += 1;
                if choice[i] < sizes[i] {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
            if i == choice.len() {
                break;
            }
        }
    }
    for (ri, (k, run, readings, cuts)) in per_row.iter().enumerate() {
        let Some(run) = run else {
            // Already separated cells.
            let v = placed.iter().find(|r| same_key(r.0, *k)).map(|r| r.1.clone()).unwrap_or_default();
            out.rows.push((k, v));
            continue;
        };
        // (When the search stopped at MAX_CANDIDATES, other combinations may balance too: every
        // reading of the row stays possible.)
        let options: Vec<usize> = if solutions.is_empty() || solutions.len() >= MAX_CANDIDATES {
            (0..readings.len()).collect()
        } else {
            let mut o: Vec<usize> = solutions.iter().map(|s| s[ri]).collect();
            o.sort();
            o.dedup();
            o
        };
        let (start, end) = run.range();
        if options.len() == 1 {
            out.rows.push((k, run.toks(&cuts[options[0]], &readings[options[0]])));
        } else if !solutions.is_empty() {
            let used = solutions[0][ri];
            for c in 0..n {
                if options.iter().any(|&i| readings[i][c] != readings[used][c]) {
                    out.uncertain.push((k, c));
                }
            }
            let shown: Vec<Vec<i64>> = options.iter().map(|&i| readings[i].clone()).collect();
            out.ambiguous.push(Ambiguity::new(k, start, end, &shown, options.iter().position(|&i| i == used)));
            out.rows.push((k, run.toks(&cuts[used], &readings[used])));
        } else {
            out.ambiguous.push(Ambiguity::new(k, start, end, readings, None));
        }
    }
    // Every balanced reading of the table on the cells they differ on (all of them: not when
    // the search stopped early, nor when a row read by its only split fails its own sum or a
    // row could not be read: then the table's sums are not all known to hold).
    if !solutions.is_empty() && solutions.len() < MAX_CANDIDATES && !out.uncertain.is_empty() && forced_rows.is_empty() && out.unread.is_empty() {
        let cells = out.uncertain.clone();
        let row_of = |k: &str| per_row.iter().position(|r| same_key(r.0, k));
        let all = solutions.iter().map(|s| {
            let mut toks: Vec<Tok> = Vec::with_capacity(cells.len());
            let mut at: Option<(usize, Vec<Tok>)> = None;
            for &(k, c) in &cells {
                let ri = row_of(k).unwrap_or(0);
                if at.as_ref().is_none_or(|a| a.0 != ri) {
                    let (_, run, readings, cuts) = &per_row[ri];
                    at = Some((ri, run.as_ref().map(|run| run.toks(&cuts[s[ri]], &readings[s[ri]])).unwrap_or_default()));
                }
                toks.extend(at.as_ref().and_then(|a| a.1.get(c)).cloned());
            }
            toks
        });
        let all: Vec<Vec<Tok>> = all.filter(|t| t.len() == cells.len()).collect();
        if all.len() == solutions.len() {
            let runs = out.ambiguous.iter().filter(|a| a.used.is_some()).map(|a| a.start).collect();
            out.readings = Readings::new(cells, all, runs);
        }
    }
    // No combination balances, and the rows read leave more than one column unbalanced: a
    // wrong number makes one column fail, so some run was split wrongly — one with more digits
    // than cells whose only balanced split balanced by chance. Its cells in those columns are
    // uncertain, and no sum rests on them.
    if solutions.is_empty() {
        let at = |k: &str, c: usize| -> Option<i64> {
            out.rows.iter().find(|r| same_key(r.0, k)).and_then(|r| r.1.get(c)).and_then(|t| {
                if let Kind::Val(v) = &t.kind {
                    Some(v.int().unwrap_or(0))
                } else {
                    None
                }
            })
        };
        let failing = t3_unbalanced_columns(rows, n, &at);
        if failing.len() > 1 {
            for (k, run, _, _) in &per_row {
                if run.as_ref().is_some_and(|r| r.digits.len() > n) && out.rows.iter().any(|r| same_key(r.0, k)) {
                    out.uncertain.extend(failing.iter().map(|&c| (*k, c)));
                }
            }
        }
    }
    // Keep template order.
    out.rows.sort_by_key(|r| rows.iter().position(|k| *k == r.0).unwrap_or(usize::MAX));
    Some(out)
}

/// Table 四 split: its cells, the ambiguities, the cells that differ between the splits, and
/// each run's balanced readings where there are several.
pub type T4Split = (Vec<Tok>, Vec<Ambiguity>, Vec<usize>, Vec<Readings>);

/// Table 四's fifteen values read out of digit runs: one run (spaces kept by the text are cell
/// boundaries) or one run per block. Returns the cells, the ambiguities (several balanced
/// splits: every one of them is listed) and which cells differ between those splits (they are
/// uncertain; the cells all splits agree on are not).
pub fn t4(text: &str, vals: &[Tok]) -> Option<T4Split> {
    let block_ok = |v: &[i64]| v.chunks(5).all(|b| b.len() < 5 || b[0] + b[1] + b[2] + b[3] == b[4]);
    // Splits of one run into `per` cells starting at cell `first`: their tokens and ambiguity.
    let mut out = Vec::new();
    let mut ambiguous = Vec::new();
    let mut uncertain = Vec::new();
    let mut kept = Vec::new();
    // A run read by its only split though a block fails: no reading balances the table.
    let mut unbalanced = false;
    let mut take = |run: &Run, per: usize, first: usize| -> bool {
        let mut c = splits_at(&run.digits, per, &run.forced, &block_ok);
        if c.is_empty() {
            // The only split there is, when at most one block fails: one wrong cell, which
            // the sums then point at. (Several failing blocks suggest the run is not what the
            // row holds — a blank cell dropped, say — and nothing is accused.)
            let only = only_split(&run.digits, per, &run.forced, &block_ok).filter(|_| !run.ends_text(text));
            let failing = |c: &Vec<usize>| values(&run.digits, c).chunks(5).filter(|b| b.len() == 5 && b[0] + b[1] + b[2] + b[3] != b[4]).count();
            match only.filter(|c| failing(c) <= 1) {
                Some(only) => {
                    unbalanced |= failing(&only) > 0;
                    c.push(only)
                }
                None => return false,
            }
        }
        let readings: Vec<Vec<i64>> = c.iter().map(|x| values(&run.digits, x)).collect();
        out.extend(run.toks(&c[0], &readings[0]));
        if readings.len() > 1 {
            let differ: Vec<usize> = (0..per).filter(|&i| readings.iter().any(|r| r[i] != readings[0][i])).collect();
            uncertain.extend(differ.iter().map(|i| first + i));
            let (start, end) = run.range();
            ambiguous.push(Ambiguity::new("t4", start, end, &readings, Some(0)));
            // Each run's readings on their own: the blocks' sums do not tie two runs.
            let cells = differ.iter().map(|&i| (T4_BLOCKS[(first + i) / 5].key, (first + i) % 5)).collect();
            let all = c.iter().zip(&readings).map(|(cuts, vals)| {
                let toks = run.toks(cuts, vals);
                differ.iter().map(|&i| toks[i].clone()).collect()
            });
            kept.extend(Readings::new(cells, all, vec![start]));
        }
        true
    };
    if let Some(run) = Run::of(text, vals, 15) {
        return take(&run, 15, 0).then_some((out, ambiguous, uncertain, kept));
    }
    // One run per block (or all in one), each on its own.
    if vals.is_empty() || 15 % vals.len() != 0 || vals.iter().any(|t| digits_of(text, t).is_none()) {
        return None;
    }
    let per = 15 / vals.len();
    for (i, t) in vals.iter().enumerate() {
        let run = Run::of(text, std::slice::from_ref(t), per)?;
        if !take(&run, per, i * per) {
            return None;
        }
    }
    if unbalanced {
        kept.clear();
    }
    Some((out, ambiguous, uncertain, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_from_the_spec() {
        let ok = |v: &[i64]| v.len() < 7 || v[..6].iter().sum::<i64>() == v[6];
        let c = splits("801000081", 7, &ok);
        let readings: Vec<Vec<i64>> = c.iter().map(|x| values("801000081", x)).collect();
        assert!(readings.contains(&vec![80, 1, 0, 0, 0, 0, 81]));
        assert!(readings.iter().all(|r| ok(r)));
    }

    #[test]
    fn cutting_the_total_first_finds_what_the_full_search_finds() {
        let parts = [0, 1, 2, 3, 4, 5];
        let ok = |v: &[i64]| v.len() < 7 || v[..6].iter().sum::<i64>() == v[6];
        let mut rng = crate::testgen::Rng::new(11);
        for _ in 0..3000 {
            let mut next = |m: u64| rng.below(m);
            // A balanced row, a row with one digit changed, and random digits.
            let mut v: Vec<i64> = (0..6).map(|_| [0, 0, 1, 3, 12, 140, 2051][next(7) as usize]).collect();
            v.push(v.iter().sum());
            let mut d: String = v.iter().map(|x| x.to_string()).collect();
            match next(3) {
                0 => {}
                1 => {
                    let i = next(d.len() as u64) as usize;
                    d.replace_range(i..i + 1, &next(10).to_string());
                }
                _ => d = (0..7 + next(12)).map(|_| char::from(b'0' + next(10) as u8)).collect(),
            }
            assert_eq!(splits_to_total(&d, 7, &parts, &ok), splits(&d, 7, &ok), "{}", d);
        }
    }
}
