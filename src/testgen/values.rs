//! Table values: random, internally consistent tables (every sum holds), of a chosen size.

use super::*;

pub(crate) fn gen_tables(rng: &mut Rng, run_together: bool, max_profile: u64) -> Tables {
    // 0: nothing at all (most district bureaus), 1: a few, 2: a county government, 3: a city.
    let profile = [0u64, 0, 1, 1, 1, 2, 2, 3][rng.usize(0, 7)].min(max_profile);
    let scale: i64 = [0, 4, 60, 900][profile as usize];
    // Column weights: 自然人 dominate, 科研机构 rarely apply.
    let weights: [f64; 6] = [1.0, 0.15, 0.02, 0.05, 0.08, 0.05];
    let mut t3 = [[0i64; 7]; 25];
    if scale > 0 {
        for (i, row) in t3.iter_mut().enumerate() {
            if !is_result_item(i) {
                continue;
            }
            // Some result items are common, most are rare.
            let common = matches!(i, 2 | 3 | 12 | 15 | 22);
            let p_row = if common { 0.8 } else { 0.25 };
            if !rng.chance(p_row) {
                continue;
            }
            let row_scale = if common { scale } else { (scale / 6).max(1) };
            for c in 0..6 {
                if c == 0 || rng.chance((weights[c] * 4.0).min(1.0)) {
                    let hi = ((row_scale as f64) * weights[c]).ceil() as i64;
                    row[c] = rng.range(0, hi.max(1));
                }
            }
        }
        for c in 0..6 {
            t3[IDX_TOTAL][c] = (0..25).filter(|&i| is_result_item(i)).map(|i| t3[i][c]).sum();
            let total = t3[IDX_TOTAL][c];
            t3[IDX_FORWARD][c] = if rng.chance(0.4) { rng.range(0, (total / 10).max(1)) } else { 0 };
            let avail = total + t3[IDX_FORWARD][c];
            t3[1][c] = if rng.chance(0.4) { rng.range(0, (avail / 8).max(0).min(avail)) } else { 0 };
            t3[0][c] = avail - t3[1][c];
        }
    }
    for row in t3.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    let mut t4 = [[0i64; 5]; 3];
    let t4_scale: i64 = [0, 1, 5, 60][profile as usize];
    if t4_scale > 0 {
        for (b, block) in t4.iter_mut().enumerate() {
            if rng.chance(if b == 0 { 0.6 } else { 0.35 }) {
                let s = if b == 0 { t4_scale } else { (t4_scale / 3).max(1) };
                for v in block.iter_mut().take(4) {
                    *v = if rng.chance(0.6) { rng.range(0, s) } else { 0 };
                }
            }
            block[4] = block[..4].iter().sum();
        }
    }
    // Run-together text: table 二 has no sums to split 「规章105」 by, so its three-value rows
    // are printed with single digits (exactly one split exists).
    let doc_hi = if run_together { 9 } else { [2, 9, 40, 120][profile as usize] };
    let cap = |v: i64| if run_together { v.min(9) } else { v };
    let regulations = if profile >= 2 { [rng.range(0, 3), rng.range(0, 2), cap(rng.range(0, 40))] } else { [0, 0, 0] };
    let normative_documents = [rng.range(0, doc_hi), rng.range(0, doc_hi / 2), cap(rng.range(0, doc_hi * 5))];
    let big = [3, 300, 20_000, 500_000][profile as usize];
    let licensing = if rng.chance(0.5) { rng.range(0, big) } else { 0 };
    let punishment = if rng.chance(0.5) { rng.range(0, big) } else { 0 };
    let coercion = if rng.chance(0.3) { rng.range(0, big / 20) } else { 0 };
    let (fees, fees_text) = match rng.below(4) {
        0 | 1 => (0.0, "0".to_string()),
        2 => {
            let v = rng.range(1, 9999);
            (v as f64, v.to_string())
        }
        _ => {
            // A decimal in 万元 with one or two places, never ending in 0.
            let places = rng.usize(1, 2);
            let int = rng.range(0, 99_999);
            let frac = if places == 1 { rng.range(1, 9) } else { rng.range(1, 99) };
            let frac = if places == 2 && frac % 10 == 0 { frac + 1 } else { frac };
            let s = if places == 1 { format!("{}.{}", int, frac) } else { format!("{}.{:02}", int, frac) };
            (s.parse().expect("decimal"), s)
        }
    };
    Tables { t2: T2 { regulations, normative_documents, licensing, punishment, coercion, fees, fees_text }, t3, t4 }
}
