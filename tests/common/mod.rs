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
    if got["year"] != truth["year"] {
        errs.push(format!("year {} want {}", got["year"], truth["year"]));
    }
    let noted = truth["expected_info"].as_array().into_iter().flatten();
    let want = codes_in_scope(truth["true_problems"].as_array().unwrap().iter().chain(noted).filter_map(|p| p["rule"].as_str().map(String::from)));
    let have = codes_in_scope(report.diagnostics.iter().map(|d| d.code.as_str().to_string()).filter(|c| !READING_NOTES.contains(&c.as_str())));
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
