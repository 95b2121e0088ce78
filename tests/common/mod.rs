//! Shared by the file-format tests (tests/pdf.rs, tests/files.rs): the fixtures and their truth,
//! and a comparison of a report's values and findings with a truth file.
#![allow(dead_code)]

use serde_json::Value as J;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const REAL_PDFS: &[&str] = &["hongzequ_2023", "hongzequ_2024", "huaian_2024"];

/// Codes whose findings must be the truth's exactly (as tests/fixtures.rs).
pub const IN_SCOPE: &[char] = &['P', 'D', 'T', 'A'];

/// Notes on how the text was read (its form, cells placed by inference), not problems of the
/// report: not compared with the truth's problems.
pub const READING_NOTES: &[&str] = &["P03", "P04"];

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn truth(name: &str) -> J {
    let p = shared().join("truth").join(format!("{}.json", name));
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {}", p.display(), e))).unwrap()
}

/// The plain keys.md value of a cell object from the JSON output.
pub fn plain(v: &J) -> J {
    match v {
        J::Object(o) if o.contains_key("value") => o["value"].clone(),
        J::Object(o) => J::Object(o.iter().map(|(k, v)| (k.clone(), plain(v))).collect()),
        J::Array(a) => J::Array(a.iter().map(plain).collect()),
        x => x.clone(),
    }
}

fn same_number(a: &J, b: &J) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

pub fn compare(path: &str, got: &J, want: &J, errs: &mut Vec<String>) {
    match (got, want) {
        (J::Object(g), J::Object(w)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => compare(&format!("{}.{}", path, k), gv, wv, errs),
                    None => errs.push(format!("{}.{} missing (want {})", path, k, wv)),
                }
            }
            for k in g.keys() {
                if !w.contains_key(k) {
                    errs.push(format!("{}.{} extra", path, k));
                }
            }
        }
        (J::Array(g), J::Array(w)) => {
            if g.len() != w.len() {
                errs.push(format!("{}: {} values, want {}: got {} want {}", path, g.len(), w.len(), got, want));
            } else {
                for (i, (a, b)) in g.iter().zip(w).enumerate() {
                    compare(&format!("{}[{}]", path, i), a, b, errs);
                }
            }
        }
        (a, b) => {
            if !same_number(a, b) {
                errs.push(format!("{}: got {} want {}", path, a, b));
            }
        }
    }
}

pub fn codes_in_scope(list: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for c in list {
        if c.starts_with(IN_SCOPE) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Differences between a report and a truth file: every table value, the year, and the
/// findings in scope.
pub fn compare_with_truth(report: &nianbao::Report, truth: &J) -> Vec<String> {
    let got = plain(&serde_json::to_value(report).unwrap());
    let mut errs = Vec::new();
    for t in ["t2", "t3", "t4"] {
        compare(t, &got[t], &truth[t], &mut errs);
    }
    compare_2019(&serde_json::to_value(report).unwrap()["t2_2019"], &truth["t2_2019"], &mut errs);
    if got["year"] != truth["year"] {
        errs.push(format!("year {} want {}", got["year"], truth["year"]));
    }
    let noted = truth["expected_info"].as_array().into_iter().flatten();
    let want = codes_in_scope(truth["true_problems"].as_array().unwrap().iter().chain(noted).filter_map(|p| p["rule"].as_str().map(String::from)));
    let have = codes_in_scope(
        report
            .diagnostics
            .iter()
            .filter(|d| !notes_uncertain_2019(report, d))
            .map(|d| d.code.as_str().to_string())
            .filter(|c| !READING_NOTES.contains(&c.as_str())),
    );
    if want != have {
        errs.push(format!(
            "findings {:?} want {:?}\n      {}",
            have,
            want,
            report
                .diagnostics
                .iter()
                .filter(|d| d.code.as_str().starts_with(IN_SCOPE))
                .map(|d| format!("{} {}", d.code.as_str(), d.message))
                .collect::<Vec<_>>()
                .join("\n      ")
        ));
    }
    errs
}

/// Table 二 of the 2019 format (`t2_2019` in truth-new, not in keys.md): it has no sums, so a
/// digit run with several splits cannot be decided. Each cell of the truth must be read
/// exactly or marked uncertain (never another value with certainty), and each uncertain cell
/// must have the P02 that lists its readings.
pub fn compare_2019(got: &J, want: &J, errs: &mut Vec<String>) {
    let Some(rows) = want.as_object() else {
        if !got.is_null() {
            errs.push(format!("t2_2019 read, want none: {}", got));
        }
        return;
    };
    for (row, cols) in rows {
        for (col, v) in cols.as_object().into_iter().flatten().filter(|(c, _)| *c != "raw") {
            let g = &got[row][col];
            if g.is_null() {
                errs.push(format!("t2_2019.{}.{} missing (want {})", row, col, v));
            } else if g["certain"] != J::Bool(false) && !same_number(&g["value"], v) {
                errs.push(format!("t2_2019.{}.{}: got {} want {}", row, col, g["value"], v));
            }
        }
    }
}

/// A P02 about the 2019 table 二 whose characters hold an uncertain cell of it: the note that
/// goes with `compare_2019`'s uncertain cells (the truth lists them under `ambiguities`).
pub fn notes_uncertain_2019(report: &nianbao::Report, d: &nianbao::model::Diagnostic) -> bool {
    let Some(t) = &report.t2_2019 else { return false };
    d.code.as_str() == "P02"
        && d.spans
            .first()
            .is_some_and(|s| t.rows.iter().flat_map(|r| &r.cells).any(|c| !c.certain && c.span.is_some_and(|x| s.start <= x.start && x.end <= s.end)))
}
