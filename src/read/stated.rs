//! Counts of table 二 that the report's own prose states: 「集中公开现行有效行政规范性文件698件」,
//! 「本年度制发的规范性文件88件」. Table 二 has no sums, so when its cells run together in web
//! text (「行政规范性文件8855698」) the prose is the only thing that can tell the split.
//!
//! A count is taken when it is followed by 件, its sentence names the row (规章 or 规范性文件)
//! and its clause names the column (制发/废止/现行有效) right before it. Anything looser is not
//! read: a statement the reader is unsure of must not decide a cell.

/// The words that name each column of the first block of table 二, as the prose says them.
const COLUMN_WORDS: &[(&str, &[&str])] =
    &[("made", &["制发", "制定", "印发", "出台", "发布"]), ("repealed", &["废止", "失效", "宣布失效"]), ("valid", &["现行有效", "有效"])];

/// The words that name a row of table 二's first block.
fn row_words(row: &str) -> &'static [&'static str] {
    match row {
        "regulations" => &["规章"],
        "normative_documents" => &["规范性文件"],
        _ => &[],
    }
}

/// The counts the prose (the text outside `table`, a byte range) states for `row`, per column:
/// (column, value).
pub fn stated_counts(text: &str, table: (usize, usize), row: &str) -> Vec<(&'static str, i64)> {
    let words = row_words(row);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in [&text[..table.0.min(text.len())], &text[table.1.min(text.len())..]] {
        for sentence in part.split(['。', '；', '\n']) {
            if !words.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            for clause in sentence.split(['，', '、', ',', '：']) {
                read_clause(clause, words, &mut out);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// 「…现行有效行政规范性文件698件」: the count before 件, and the column word nearest before it.
fn read_clause(clause: &str, row_words: &[&str], out: &mut Vec<(&'static str, i64)>) {
    let b = clause.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let after = clause[i..].trim_start();
        if !after.starts_with('件') || (s > 0 && (b[s - 1] == b'.' || b[s - 1].is_ascii_digit())) {
            continue;
        }
        let Ok(n) = clause[s..i].parse::<i64>() else { continue };
        let before = &clause[..s];
        // The row is named in this clause or, when not, not another row either.
        let names_other = ["规章", "规范性文件"].iter().any(|w| !row_words.contains(w) && before.contains(w));
        if names_other && !row_words.iter().any(|w| before.contains(w)) {
            continue;
        }
        // The column word nearest before the number.
        let col = COLUMN_WORDS
            .iter()
            .filter_map(|(c, ws)| ws.iter().filter_map(|w| before.rfind(w).map(|p| p + w.len())).max().map(|p| (p, *c)))
            .max_by_key(|x| x.0)
            .map(|x| x.1);
        if let Some(c) = col {
            // 「有效」 inside 「现行有效」 is the same column; 「制发…废止」: the nearest wins.
            out.push((c, n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_named_by_row_and_column() {
        let t = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。本年制定规章2件，废止1件。表";
        let at = t.len() - "表".len();
        assert_eq!(stated_counts(t, (at, t.len()), "normative_documents"), vec![("made", 88), ("valid", 698)]);
        assert_eq!(stated_counts(t, (at, t.len()), "regulations"), vec![("made", 2), ("repealed", 1)]);
        // Other counts are not read: a number without 件, other rows, other things.
        let t = "发布信息1200条，规范性文件清理工作完成，共审查文件35份。表";
        assert!(stated_counts(t, (t.len() - 3, t.len()), "normative_documents").is_empty());
    }
}
