//! What the checker reads in a report against a hand-checked truth file: every cell that
//! differs, and the findings of the codes the truth lists (P, D, T, A).
//! `cargo run --example truth_diff -- REPORT TRUTH.json`
use serde_json::Value as J;

fn plain(v: &J) -> J {
    match v {
        J::Object(o) if o.contains_key("value") => o["value"].clone(),
        J::Object(o) => J::Object(o.iter().map(|(k, v)| (k.clone(), plain(v))).collect()),
        J::Array(a) => J::Array(a.iter().map(plain).collect()),
        x => x.clone(),
    }
}

fn uncertain(v: &J, path: &str, out: &mut Vec<String>) {
    match v {
        J::Object(o) if o.contains_key("value") => {
            if o.get("certain") == Some(&J::Bool(false)) {
                out.push(format!("{} ({})", path, o.get("reason").and_then(|r| r.as_str()).unwrap_or("")));
            }
        }
        J::Object(o) => o.iter().for_each(|(k, v)| uncertain(v, &format!("{}.{}", path, k), out)),
        J::Array(a) => a.iter().enumerate().for_each(|(i, v)| uncertain(v, &format!("{}[{}]", path, i), out)),
        _ => {}
    }
}

fn diff(path: &str, got: &J, want: &J, n: &mut (usize, usize), out: &mut Vec<String>) {
    match (got, want) {
        (J::Object(g), J::Object(w)) => {
            for (k, wv) in w {
                if k == "raw" {
                    continue;
                }
                diff(&format!("{}.{}", path, k), g.get(k).unwrap_or(&J::String("<missing>".into())), wv, n, out)
            }
        }
        (J::Array(g), J::Array(w)) if path.ends_with("columns") => {
            if g != w {
                out.push(format!("{}: got {:?} want {:?}", path, got, want));
            }
        }
        (g, J::Array(w)) => {
            for (i, wv) in w.iter().enumerate() {
                diff(&format!("{}[{}]", path, i), g.get(i).unwrap_or(&J::String("<missing>".into())), wv, n, out)
            }
        }
        (g, w) => {
            n.1 += 1;
            let same = match (g.as_f64(), w.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => g == w,
            };
            if same {
                n.0 += 1;
            } else {
                out.push(format!("{}: got {} want {}", path, g, w));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("report");
    let truth: J = serde_json::from_str(&std::fs::read_to_string(&args[2]).expect("truth")).unwrap();
    let c = nianbao::check_file(&bytes, Some(&args[1]));
    let full = serde_json::to_value(&c.report).unwrap();
    let got = plain(&full);
    let mut out = Vec::new();
    let mut n = (0, 0);
    for t in ["t2", "t3", "t4"] {
        if !truth[t].is_null() {
            diff(t, &got[t], &truth[t], &mut n, &mut out);
        }
    }
    println!("{} of {} cells exact; form {}; year {}", n.0, n.1, got["input_form"], got["year"]);
    for o in &out {
        println!("  {}", o);
    }
    let mut unc = Vec::new();
    for t in ["t2", "t3", "t4"] {
        uncertain(&full[t], t, &mut unc);
    }
    if !unc.is_empty() {
        println!("uncertain: {}", unc.join(", "));
    }
    let want: Vec<String> = truth["true_problems"].as_array().unwrap().iter().filter_map(|p| p["rule"].as_str().map(String::from)).collect();
    println!("truth's codes: {:?}", want);
    for d in &c.report.diagnostics {
        let s = d.spans.first().map(|s| format!("{}:{}", s.line, s.col)).unwrap_or_default();
        println!("  {} {} {} {}", d.code, d.severity.as_str(), s, d.message.chars().take(160).collect::<String>());
    }
}
