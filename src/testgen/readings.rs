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
