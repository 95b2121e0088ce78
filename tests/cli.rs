//! The CLI as a user runs it: text output with carets, JSON in the keys.md shape, exit codes.

use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

fn fixture(rel: &str) -> String {
    format!("{}/../shared/fixtures/{}", env!("CARGO_MANIFEST_DIR"), rel)
}

#[test]
fn text_output_points_at_the_characters_and_exit_code_says_error() {
    let f = fixture("real/hongzequ_2023.layout.txt");
    let out = bin().args(["check", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "A04 errors mean exit 1");
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("error[A04]")).expect("an A04 line");
    // file:line:col: error[A04]: message
    let mut parts = line.splitn(4, ':');
    assert_eq!(parts.next().unwrap(), f);
    let ln: usize = parts.next().unwrap().parse().unwrap();
    let col: usize = parts.next().unwrap().parse().unwrap();
    let src = std::fs::read_to_string(&f).unwrap();
    let src_line = src.lines().nth(ln - 1).unwrap();
    assert_eq!(src_line.chars().nth(col - 1), Some('0'), "the printed total 0 of 行政复议");
    assert!(text.contains("^"), "caret line under the characters");
}

#[test]
fn json_output_has_keys_md_tables_and_spans() {
    let f = fixture("real/testcity_2025.html");
    let out = bin().args(["check", "--format", "json", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &v[0];
    assert_eq!(r["file"], f);
    assert_eq!(r["year"], 2025);
    assert_eq!(r["t3"]["columns"].as_array().unwrap().len(), 7);
    let cell = &r["t3"]["rows"]["new"][6];
    assert_eq!(cell["value"], 14069);
    let (s, e) = (cell["span"]["start"].as_u64().unwrap() as usize, cell["span"]["end"].as_u64().unwrap() as usize);
    let html = std::fs::read_to_string(&f).unwrap();
    assert_eq!(&html[s..e], "14069");
    assert_eq!(r["t4"]["review"]["total"]["value"].as_i64().is_some(), true);
    assert_eq!(r["t2"]["fees"]["amount"]["value"], 316441);
}

#[test]
fn stdin_gbk_and_usage_errors() {
    let f = fixture("seeds/000_5c0ba7f944109c5a.txt");
    let utf8 = std::fs::read_to_string(&f).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&utf8);
    let mut child = bin().args(["check", "--format", "json", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&gbk).unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["agency"], "红旗区科学技术局", "GBK bytes decode to the same report");
    assert_eq!(v[0]["t3"]["rows"].as_object().unwrap().len(), 25);

    assert_eq!(bin().args(["check"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["check", "/no/such/file.txt"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["frobnicate"]).output().unwrap().status.code(), Some(2));
    let rules = bin().args(["rules", "--format", "json"]).output().unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&rules.stdout).unwrap();
    assert!(rules.as_array().unwrap().iter().any(|r| r["code"] == "A03"));
}

#[test]
fn ignore_leaves_out_the_rules_named_and_refuses_unknown_codes() {
    let f = fixture("real/hongzequ_2023.layout.txt");
    let codes = |args: &[&str]| -> Vec<String> {
        let out = bin().args(["check", "--format", "json"]).args(args).arg(&f).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
    };
    let all = codes(&[]);
    assert!(all.iter().any(|c| c == "A04") && all.iter().any(|c| c == "T03"), "{:?}", all);
    let fewer = codes(&["--ignore", "A04", "--ignore=t03,T02"]);
    assert!(fewer.iter().all(|c| c != "A04" && c != "T03" && c != "T02"), "{:?}", fewer);
    assert_eq!(fewer.len(), all.iter().filter(|c| !["A04", "T03", "T02"].contains(&c.as_str())).count());
    // Without the error-level findings the exit code says so.
    let out = bin().args(["check", "--ignore", "A04,T02", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let out = bin().args(["check", "--ignore", "A09", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("A09"));
}

#[test]
fn a_finding_on_a_very_long_line_shows_a_window_around_it() {
    // The finding's line made thousands of characters long, as in web text where a whole
    // section is one line.
    let seed = std::fs::read_to_string(fixture("seeds/000_5c0ba7f944109c5a.txt")).unwrap();
    let long = format!("{}截止 2024年", "我局认真落实政府信息公开工作要求。".repeat(300));
    let padded = seed.replacen("截止 2024年", &(long + &"持续加强平台建设。".repeat(300)), 1);
    assert!(padded.lines().any(|l| l.chars().count() > 7_000));
    let dir = std::env::temp_dir().join(format!("nianbao-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("one-line.txt");
    std::fs::write(&f, &padded).unwrap();
    let out = bin().args(["check", f.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let at = text.find("warning[W01]").expect("the 截止 finding");
    let mut lines = text[at..].lines();
    lines.next();
    let (source, carets) = (lines.next().unwrap(), lines.next().unwrap());
    assert!(source.chars().count() < 130, "the source line is a window: {}", source);
    assert!(source.contains('…') && source.contains("截止"), "{}", source);
    assert!(carets.trim_start_matches([' ', '|']).chars().all(|c| c == '^'));
    assert_eq!(carets.matches('^').count(), 4, "two CJK characters: {}", carets);
    // The carets stand under 截止.
    let width = |s: &str| s.chars().map(|c| if (c as u32) >= 0x1100 && !c.is_ascii() { 2 } else { 1 }).sum::<usize>();
    let col = width(&carets[..carets.find('^').unwrap()]);
    let before = source.chars().scan(0, |w, c| {
        let here = *w;
        *w += width(&c.to_string());
        Some((here, c))
    });
    assert_eq!(before.filter(|(w, _)| *w == col).map(|(_, c)| c).next(), Some('截'));
    std::fs::remove_dir_all(&dir).ok();
}
