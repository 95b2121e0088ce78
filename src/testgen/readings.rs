//! How many readings the digit runs of run-together text have, by brute force and independent
//! of the readers: a test can tell a reader bug from a genuinely ambiguous text.

use super::*;

/// The digit run of each table 三 row as run-together text prints it.
pub fn t3_runs(t3: &[[i64; 7]; 25]) -> Vec<String> {
    t3.iter().map(|r| r.iter().map(|v| v.to_string()).collect()).collect()
}

pub fn t4_run(t4: &[[i64; 5]; 3]) -> String {
    t4.iter().flat_map(|b| b.iter()).map(|v| v.to_string()).collect()
}

/// Every way to cut `digits` into `n` numbers without leading zeros that `ok` accepts (at
/// most `cap + 1` of them).
pub fn splits_of(digits: &str, n: usize, ok: &dyn Fn(&[i64]) -> bool, cap: usize) -> Vec<Vec<i64>> {
    pub(crate) fn rec(b: &[u8], at: usize, n: usize, cur: &mut Vec<i64>, ok: &dyn Fn(&[i64]) -> bool, cap: usize, out: &mut Vec<Vec<i64>>) {
        if out.len() > cap {
            return;
        }
        if cur.len() == n {
            if at == b.len() && ok(cur) {
                out.push(cur.clone());
            }
            return;
        }
        let left = n - cur.len();
        if b.len() - at < left {
            return;
        }
        let max_len = if b[at] == b'0' { 1 } else { (b.len() - at - (left - 1)).min(12) };
        let mut v: i64 = 0;
        for len in 1..=max_len {
            v = v * 10 + (b[at + len - 1] - b'0') as i64;
            cur.push(v);
            rec(b, at + len, n, cur, ok, cap, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return out;
    }
    rec(digits.as_bytes(), 0, n, &mut Vec::with_capacity(n), ok, cap, &mut out);
    out
}

/// How many readings of table 三's 25 row runs balance every sum (row sums, （七）总计 per
/// column, 一+二 = （七）+四 per column). `MANY` if too many to enumerate.
pub fn t3_readings(runs: &[String]) -> usize {
    assert_eq!(runs.len(), 25);
    let row_ok = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
    let mut cands: Vec<Vec<Vec<i64>>> = Vec::new();
    for r in runs {
        let c = splits_of(r, 7, &row_ok, 2000);
        if c.len() > 2000 {
            return MANY;
        }
        if c.is_empty() {
            return 0;
        }
        cands.push(c);
    }
    let combos = cands.iter().try_fold(1usize, |a, c| a.checked_mul(c.len()));
    match combos {
        Some(n) if n <= 50_000 => {}
        _ => return MANY,
    }
    let mut choice = vec![0usize; 25];
    let mut count = 0usize;
    loop {
        let row = |i: usize| &cands[i][choice[i]];
        let ok = (0..7).all(|c| {
            let items: i64 = (0..25).filter(|&i| is_result_item(i)).map(|i| row(i)[c]).sum();
            items == row(IDX_TOTAL)[c] && row(0)[c] + row(1)[c] == row(IDX_TOTAL)[c] + row(IDX_FORWARD)[c]
        });
        if ok {
            count += 1;
        }
        let mut i = 0;
        while i < 25 {
            choice[i] += 1;
            if choice[i] < cands[i].len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
        if i == 25 {
            return count;
        }
    }
}

/// How many readings of table 四's 15-value run balance each block. `MANY` if too many.
pub fn t4_readings(run: &str) -> usize {
    // ways(pos, blocks left): dynamic programming over where each block of five ends.
    let b = run.as_bytes();
    if b.is_empty() || !b.iter().all(|c| c.is_ascii_digit()) {
        return 0;
    }
    let block_ok = |v: &[i64]| v[0] + v[1] + v[2] + v[3] == v[4];
    let mut memo: std::collections::HashMap<(usize, usize), u128> = std::collections::HashMap::new();
    pub(crate) fn ways(b: &[u8], pos: usize, left: usize, ok: &dyn Fn(&[i64]) -> bool, memo: &mut std::collections::HashMap<(usize, usize), u128>) -> u128 {
        if left == 0 {
            return (pos == b.len()) as u128;
        }
        if let Some(&w) = memo.get(&(pos, left)) {
            return w;
        }
        // Every split of a prefix of b[pos..] into five numbers that balances.
        let mut total = 0u128;
        let mut ends: Vec<usize> = Vec::new();
        fn rec(b: &[u8], at: usize, cur: &mut Vec<i64>, ok: &dyn Fn(&[i64]) -> bool, ends: &mut Vec<usize>) {
            if cur.len() == 5 {
                if ok(cur) {
                    ends.push(at);
                }
                return;
            }
            if at >= b.len() {
                return;
            }
            let max_len = if b[at] == b'0' { 1 } else { (b.len() - at).min(12) };
            let mut v = 0i64;
            for len in 1..=max_len {
                v = v * 10 + (b[at + len - 1] - b'0') as i64;
                cur.push(v);
                rec(b, at + len, cur, ok, ends);
                cur.pop();
            }
        }
        rec(b, pos, &mut Vec::new(), ok, &mut ends);
        for e in ends {
            total += ways(b, e, left - 1, ok, memo);
        }
        memo.insert((pos, left), total);
        total
    }
    let n = ways(b, 0, 3, &block_ok, &mut memo);
    usize::try_from(n).unwrap_or(MANY)
}

/// How blank cells show in a row of run-together text (the wild web forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blanks {
    /// No cell is blank: white space only separates.
    None,
    /// A kept U+00A0 is exactly one blank cell (`&nbsp;` in the page); spaces only separate.
    Nbsp,
    /// Blanks became spaces and were collapsed with the rest: any run of white space may
    /// stand for any number of blank cells.
    AnyWs,
}

/// Every reading of a row's printed text (digits, white space, and for table 二 of the 2019
/// format `-`, `.` and the units 元/万元) as `n` cells (`None` = blank) that `ok` accepts; at
/// most `cap + 1` of them. `ok` sees every prefix of a reading as it grows and may reject it
/// early (a block of table 四 that does not add up). A number never starts with 0 unless it is
/// 0 (or 0.x); white space is always a boundary between cells.
pub fn cell_readings(text: &str, n: usize, blanks: Blanks, ok: &dyn Fn(&[Option<&str>]) -> bool, cap: usize) -> Vec<Vec<Option<String>>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Vec<Option<String>>> = Vec::new();
    let mut steps = 0usize;
    #[allow(clippy::too_many_arguments)]
    fn rec<'t>(
        text: &'t str,
        ch: &[(usize, char)],
        p: usize,
        n: usize,
        blanks: Blanks,
        cur: &mut Vec<Option<&'t str>>,
        ok: &dyn Fn(&[Option<&str>]) -> bool,
        cap: usize,
        out: &mut Vec<Vec<Option<String>>>,
        steps: &mut usize,
    ) {
        *steps += 1;
        if out.len() > cap || *steps > 2_000_000 {
            return;
        }
        let byte = |i: usize| if i < ch.len() { ch[i].0 } else { text.len() };
        if p == ch.len() || cur.len() == n {
            // Only white space may follow the last cell (no more blanks for a kept U+00A0).
            let rest_ok = ch[p..].iter().all(|(_, c)| c.is_whitespace() && !(blanks == Blanks::Nbsp && *c == '\u{a0}'));
            if cur.len() == n && rest_ok {
                out.push(cur.iter().map(|c| c.map(str::to_string)).collect());
            }
            return;
        }
        let c = ch[p].1;
        if c.is_whitespace() {
            match blanks {
                Blanks::None => rec(text, ch, p + 1, n, blanks, cur, ok, cap, out, steps),
                Blanks::Nbsp => {
                    let blank = c == '\u{a0}';
                    if blank {
                        cur.push(None);
                        if cur.len() <= n && ok(cur) {
                            rec(text, ch, p + 1, n, blanks, cur, ok, cap, out, steps);
                        }
                        cur.pop();
                    } else {
                        rec(text, ch, p + 1, n, blanks, cur, ok, cap, out, steps);
                    }
                }
                Blanks::AnyWs => {
                    let mut q = p;
                    while q < ch.len() && ch[q].1.is_whitespace() {
                        q += 1;
                    }
                    for k in 0..=(n - cur.len()) {
                        cur.extend(std::iter::repeat_n(None, k));
                        if k == 0 || ok(cur) {
                            rec(text, ch, q, n, blanks, cur, ok, cap, out, steps);
                        }
                        cur.truncate(cur.len() - k);
                    }
                }
            }
            return;
        }
        // A number: -? digits (. digits)? (元|万元)?
        let mut q = p;
        if ch[q].1 == '-' {
            q += 1;
        }
        let digits_from = q;
        while q < ch.len() && ch[q].1.is_ascii_digit() {
            q += 1;
        }
        if q == digits_from {
            return;
        }
        let mut ends: Vec<usize> = Vec::new();
        let max_int = if ch[digits_from].1 == '0' { digits_from + 1 } else { q };
        for e in digits_from + 1..=max_int {
            ends.push(e);
        }
        if max_int == q && q + 1 < ch.len() && ch[q].1 == '.' && ch[q + 1].1.is_ascii_digit() {
            let mut r = q + 1;
            while r < ch.len() && ch[r].1.is_ascii_digit() {
                r += 1;
            }
            ends.extend(q + 2..=r);
        }
        for e in ends {
            // A unit belongs to the number before it.
            let mut e2 = e;
            if e2 < ch.len() && ch[e2].1 == '元' {
                e2 += 1;
            } else if e2 + 1 < ch.len() && ch[e2].1 == '万' && ch[e2 + 1].1 == '元' {
                e2 += 2;
            }
            let s = &text[byte(p)..byte(e2)];
            if s == "-0" || s.starts_with("-0") && !s.starts_with("-0.") {
                continue;
            }
            cur.push(Some(s));
            if ok(cur) {
                rec(text, ch, e2, n, blanks, cur, ok, cap, out, steps);
            }
            cur.pop();
        }
    }
    let mut cur = Vec::with_capacity(n);
    rec(text, &chars, 0, n, blanks, &mut cur, ok, cap, &mut out, &mut steps);
    if steps > 2_000_000 {
        // Too many to walk through: say so as "more than cap".
        while out.len() <= cap {
            out.push(Vec::new());
        }
    }
    out
}

fn num(c: Option<&str>) -> i64 {
    c.and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// How many readings of a table 三 whose rows are printed as `rows` (the text of each row's
/// values, in printed order: 25 rows, or 23 in the 2019 format) balance every sum, blank cells
/// counting 0. `MANY` if too many to count.
pub fn t3_text_readings(rows: &[String], blanks: Blanks) -> usize {
    let format_2019 = rows.len() == 23;
    let (total, forward) = if format_2019 { (21, 22) } else { (IDX_TOTAL, IDX_FORWARD) };
    let row_ok = |v: &[Option<&str>]| v.len() < 7 || (0..6).map(|c| num(v[c])).sum::<i64>() == num(v[6]);
    let mut cands: Vec<Vec<[i64; 7]>> = Vec::new();
    for r in rows {
        let c = cell_readings(r, 7, blanks, &row_ok, 2000);
        if c.len() > 2000 {
            return MANY;
        }
        if c.is_empty() {
            return 0;
        }
        let mut v: Vec<[i64; 7]> = c.iter().map(|cells| std::array::from_fn(|k| num(cells[k].as_deref()))).collect();
        // Readings that differ only in whether a cell is blank or 0 have the same numbers: one
        // reading of the digits (where the blanks are is the cell's own truth, `Shown`).
        v.sort();
        v.dedup();
        cands.push(v);
    }
    let combos = cands.iter().try_fold(1usize, |a, c| a.checked_mul(c.len()));
    match combos {
        Some(n) if n <= 50_000 => {}
        _ => return MANY,
    }
    let mut choice = vec![0usize; rows.len()];
    let mut count = 0usize;
    loop {
        let row = |i: usize| &cands[i][choice[i]];
        let ok = (0..7).all(|c| {
            let items: i64 = (IDX_GRANTED..total).map(|i| row(i)[c]).sum();
            items == row(total)[c] && row(0)[c] + row(1)[c] == row(total)[c] + row(forward)[c]
        });
        if ok {
            count += 1;
        }
        let mut i = 0;
        while i < rows.len() {
            choice[i] += 1;
            if choice[i] < cands[i].len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
        if i == rows.len() {
            return count;
        }
    }
}

/// How many readings of table 四's printed values (one text for the 15 cells) balance each
/// block, blank cells counting 0. `MANY` if too many.
pub fn t4_text_readings(text: &str, blanks: Blanks) -> usize {
    let ok = |v: &[Option<&str>]| (0..v.len() / 5).all(|b| (0..4).map(|c| num(v[b * 5 + c])).sum::<i64>() == num(v[b * 5 + 4]));
    let r = cell_readings(text, 15, blanks, &ok, 1000);
    if r.len() > 1000 {
        MANY
    } else {
        distinct(r)
    }
}

/// How many ways a table 二 row's printed values split into `n` cells (table 二 has no sums).
pub fn t2_text_readings(text: &str, n: usize, blanks: Blanks) -> usize {
    let r = cell_readings(text, n, blanks, &|_| true, 100);
    if r.len() > 100 {
        MANY
    } else {
        distinct(r)
    }
}

/// Readings that differ only in whether a cell is blank or 0 are one reading of the digits.
fn distinct(r: Vec<Vec<Option<String>>>) -> usize {
    let mut v: Vec<Vec<String>> = r.into_iter().map(|cells| cells.into_iter().map(|c| c.unwrap_or_else(|| "0".into())).collect()).collect();
    v.sort();
    v.dedup();
    v.len()
}

/// Which of a row's cells the text leaves open once its numbers are known: `printed` is each
/// cell as printed (`None` blank) and `text` the row's values as the page shows them. With
/// blanks collapsed into spaces (`Blanks::AnyWs`) the row 「 10 0 1」 reads as 10, 0, 1 and four
/// blanks in more than one placement; a cell whose content (a blank, a 0 or a number) differs
/// between the placements is not shown by the text. Every cell when there are too many
/// placements to look through.
pub fn cells_left_open(text: &str, printed: &[Option<String>], blanks: Blanks) -> Vec<bool> {
    let n = printed.len();
    let want: Vec<i64> = printed.iter().map(|c| num(c.as_deref())).collect();
    // Only placements with the printed numbers (blank = 0): the table's sums cannot tell them
    // apart, whatever else they allow.
    let ok = |v: &[Option<&str>]| v.iter().zip(&want).all(|(c, w)| num(*c) == *w);
    const CAP: usize = 20_000;
    let r = cell_readings(text, n, blanks, &ok, CAP);
    if r.len() > CAP || r.is_empty() {
        return vec![true; n];
    }
    (0..n).map(|c| r.iter().any(|x| x.get(c) != r[0].get(c))).collect()
}
