//! The prose rules (C, W) on real reports: on every fixture in ../shared/fixtures (and the forms
//! derived from them) the C/W findings are exactly the known problems of the truth files; real
//! sentences changed the way reports go wrong make each rule fire, at the exact characters;
//! the judgement calls of the truth files (scope words, 「收到」, fee statements) stay quiet.

use nianbao::{Diagnostic, Report};
use serde_json::Value as J;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The prose rules: their findings must match the truth exactly.
const IN_SCOPE: &[char] = &['C', 'W'];

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(shared().join(rel)).unwrap_or_else(|e| panic!("{}: {}", rel, e))
}

/// Every fixture with its truth: the file, its layout extraction, its derived forms.
fn cases() -> Vec<(PathBuf, J)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = ["truth", "truth-new"]
        .iter()
        .flat_map(|d| std::fs::read_dir(shared().join(d)).unwrap_or_else(|_| panic!("../shared/fixtures/{}", d)).flatten())
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let truth: J = serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        let file = shared().join(truth["file"].as_str().unwrap().trim_start_matches("shared/fixtures/"));
        let stem = file.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string();
        let derived = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/derived");
        if let Ok(rd) = std::fs::read_dir(&derived) {
            let mut extra: Vec<PathBuf> =
                rd.flatten().map(|e| e.path()).filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{}.", stem))).collect();
            extra.sort();
            out.extend(extra.into_iter().map(|p| (p, truth.clone())));
        }
        let layout = PathBuf::from(file.to_string_lossy().replace(".txt", ".layout.txt"));
        if layout != file && layout.exists() {
            out.push((layout, truth.clone()));
        }
        // The original PDF, read natively.
        let pdf = PathBuf::from(file.to_string_lossy().replace(".txt", ".pdf"));
        if cfg!(feature = "pdf") && pdf != file && pdf.exists() {
            out.push((pdf, truth.clone()));
        }
        out.push((file, truth));
    }
    out
}

fn count(codes: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for c in codes.filter(|c| c.starts_with(IN_SCOPE)) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

fn prose_findings(r: &Report) -> Vec<&Diagnostic> {
    r.diagnostics.iter().filter(|d| d.code.as_str().starts_with(IN_SCOPE)).collect()
}

#[test]
fn fixtures_prose_findings_are_exactly_the_known_problems() {
    let all = cases();
    assert!(all.len() >= 9, "fixtures not found next to the project (../shared)");
    if cfg!(feature = "pdf") {
        assert_eq!(all.iter().filter(|c| c.0.extension().is_some_and(|e| e == "pdf")).count(), 3, "the three real PDFs");
    }
    println!("{} fixture files", all.len());
    let mut failures = Vec::new();
    for (file, truth) in all {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let html = name.ends_with(".html");
        if name.ends_with(".pdf") {
            let r = nianbao::check_bytes(&bytes, file.to_str());
            let want = count(truth["true_problems"].as_array().unwrap().iter().filter_map(|p| p["rule"].as_str().map(String::from)));
            let have = count(r.diagnostics.iter().map(|d| d.code.as_str().to_string()));
            if have != want {
                failures.push(format!("{}: {:?} want {:?}", name, have, want));
            }
            continue;
        }
        // As given, and after a trip through Windows (CRLF) or a Chinese editor (U+3000).
        let mut variants = vec![(name.clone(), bytes.clone()), (format!("{} (CRLF)", name), text.replace('\n', "\r\n").into_bytes())];
        if !html {
            variants.push((format!("{} (U+3000)", name), text.replace(' ', "\u{3000}").into_bytes()));
            variants.push((format!("{} (NBSP)", name), text.replace(' ', "\u{a0}").into_bytes()));
        }
        let want = count(truth["true_problems"].as_array().unwrap().iter().filter_map(|p| p["rule"].as_str().map(String::from)));
        for (vname, vbytes) in variants {
            let r = nianbao::check_bytes(&vbytes, file.to_str());
            let have = count(r.diagnostics.iter().map(|d| d.code.as_str().to_string()));
            if have != want {
                let shown: Vec<String> = prose_findings(&r).iter().map(|d| format!("{} {}", d.code.as_str(), d.message)).collect();
                failures.push(format!("{}: {:?} want {:?}\n      {}", vname, have, want, shown.join("\n      ")));
            }
            // Every span lies in the input and on character boundaries.
            let input = String::from_utf8_lossy(&vbytes).to_string();
            for d in prose_findings(&r) {
                for s in &d.spans {
                    if !(s.start < s.end && input.is_char_boundary(s.start) && input.is_char_boundary(s.end) && s.end <= input.len()) {
                        failures.push(format!("{}: {} has a bad span {:?}", vname, d.code.as_str(), s));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}

/// The characters each finding of `code` points at first.
fn at(text: &str, code: &str) -> Vec<String> {
    let r = nianbao::check_text(text);
    r.diagnostics.iter().filter(|d| d.code.as_str() == code).map(|d| text[d.spans[0].start..d.spans[0].end].to_string()).collect()
}

fn suggestion(text: &str, code: &str) -> Vec<Option<String>> {
    nianbao::check_text(text).diagnostics.iter().filter(|d| d.code.as_str() == code).map(|d| d.suggestion.clone()).collect()
}

/// `text` with `from` (which must occur exactly once) replaced.
fn change(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "「{}」 must occur once", from);
    text.replacen(from, to, 1)
}

fn codes(text: &str) -> BTreeMap<String, usize> {
    count(nianbao::check_text(text).diagnostics.iter().map(|d| d.code.as_str().to_string()))
}

#[test]
fn seeds_point_at_the_exact_characters() {
    let s000 = read("seeds/000_5c0ba7f944109c5a.txt");
    assert_eq!(at(&s000, "W01"), vec!["截止"]);
    assert_eq!(suggestion(&s000, "W01"), vec![Some("截至".to_string())]);
    assert_eq!(at(&s000, "W03"), vec!["2024年 12月 31诶"]);
    assert_eq!(suggestion(&s000, "W03"), vec![Some("2024年12月31日".to_string())]);
    let s004 = read("seeds/004_d6f16a16bd5a7904.txt");
    assert_eq!(at(&s004, "W02"), vec!["二）"]);
    assert_eq!(suggestion(&s004, "W02"), vec![Some("（二）".to_string())]);
    assert_eq!(at(&s004, "W01"), vec!["健立建全"]);
    assert_eq!(at(&s004, "C06"), vec!["无"]);
}

// ---------------------------------------------------------------------------------------------
// C01 / C03: counts in real sentences, changed

#[test]
fn huaian_counts_match_and_each_changed_count_is_found() {
    let t = read("real/huaian_2024.txt");
    assert!(prose_findings(&nianbao::check_text(&t)).is_empty());
    let cases: &[(&str, &str, &str, &str)] = &[
        ("全市共受理政府信息公开申请 3119 件", "全市共受理政府信息公开申请 3118 件", "C01", "3118"),
        ("复 3050 件（含上年度", "复 3005 件（含上年度", "C01", "3005"),
        ("结转申请 34 件", "结转申请 43 件", "C01", "43"),
        ("另有 103 件顺延", "另有 13 件顺延", "C01", "13"),
        ("政府信息公开行政复议 351", "政府信息公开行政复议 315", "C03", "315"),
        ("其中结果维持 72 件", "其中结果维持 27 件", "C03", "27"),
        ("尚\n未审结 37 件", "尚\n未审结 38 件", "C03", "38"),
        ("政府信息公开行政诉讼 46 件", "政府信息公开行政诉讼 64 件", "C03", "64"),
        ("件，结果纠正 5 件，其他结果 9 件", "件，结果纠正 5 件，其他结果 8 件", "C03", "8"),
    ];
    for (from, to, code, number) in cases {
        let changed = change(&t, from, to);
        let r = nianbao::check_text(&changed);
        let found: Vec<(String, String)> =
            prose_findings(&r).iter().map(|d| (d.code.as_str().to_string(), changed[d.spans[0].start..d.spans[0].end].to_string())).collect();
        assert_eq!(found, vec![(code.to_string(), number.to_string())], "{} → {}", from, to);
    }
    // The table cell is pointed at too, with what the table says.
    let changed = change(&t, "全市共受理政府信息公开申请 3119 件", "全市共受理政府信息公开申请 3118 件");
    let r = nianbao::check_text(&changed);
    let d = prose_findings(&r)[0].clone();
    assert_eq!(d.actual, Some(3118.0));
    assert!(d.spans.len() >= 2 && &changed[d.spans[1].start..d.spans[1].end] == "3119", "second span is the table's 新收 总计");
    assert!(d.message.contains("3119"));
}

#[test]
fn scope_and_received_judgement_calls() {
    // hongzequ_2023: 「全区受理…21 件」 = 新收 21 (a 区政府's 全区 is its own scope) — and a
    // changed count is found.
    let t23 = read("real/hongzequ_2023.txt");
    assert!(prose_findings(&nianbao::check_text(&t23)).is_empty());
    assert_eq!(at(&change(&t23, "全区受理政府信息公开申请 21 件", "全区受理政府信息公开申请 25 件"), "C01"), vec!["25"]);
    // 「收到 N 件」 may be 新收 + 上年结转.
    let t = change(&t23, "全区受理政府信息公开申请 21 件", "全区收到政府信息公开申请 21 件");
    assert!(at(&t, "C01").is_empty());
    // hongzequ_2024: 区政府办代表区政府 17 vs table 95: narrower scope, not compared.
    let t24 = read("real/hongzequ_2024.txt");
    assert!(t24.contains("区政府办代表区政府受理政府\n信息公开申请 17 件"));
    assert!(prose_findings(&nianbao::check_text(&t24)).is_empty());
    // The same count with the agency itself as subject is compared.
    assert_eq!(at(&change(&t24, "区政府办代表区政府受理政府", "我区共受理政府"), "C01"), vec!["17"]);
    // A bureau's 全区 is wider than the bureau.
    let s002 = read("seeds/002_5c85131960260802.txt");
    let wide = change(&s002, "上年度结转依申请公开数量为 0", "全区上年度结转依申请公开数量为 3");
    assert!(at(&wide, "C01").is_empty());
    // …but the bureau's own figure is compared: 002 「转下一年办理数量为 0」 changed.
    assert_eq!(at(&change(&s002, "转下一年办理数\n量为 0", "转下一年办理数\n量为 2"), "C01"), vec!["2"]);
}

#[test]
fn c02_none_received_against_a_table_with_applications() {
    let s000 = read("seeds/000_5c0ba7f944109c5a.txt");
    // Table 三 now shows 3 new applications (and 3 carried forward, so it still balances).
    let t = change(&s000, "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3");
    let t = change(&t, "四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 3 0 0 0 0 0 3");
    assert!(!codes(&t).keys().any(|c| c.starts_with('A')), "the changed table still adds up");
    assert_eq!(at(&t, "C02"), vec!["未收到公民、法人和其他组织提出的政府信息公开申请"]);
    // The reverse: the prose says some were received, the table has none.
    let s003 = read("seeds/003_36b4549432c1fdf9.txt");
    let t = change(&s003, "2025 年我局未收到公民、法人及", "2025 年我局共收到政府信息公开申请 2 件。我局未收到公民、法人及");
    assert_eq!(at(&t, "C02"), vec!["2"]);
}

#[test]
fn c03_none_statement_against_table_four() {
    let s003 = read("seeds/003_36b4549432c1fdf9.txt");
    assert!(prose_findings(&nianbao::check_text(&s003)).is_empty());
    // Table 四 now has one 行政复议 (维持 1, 总计 1).
    let row = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";
    assert!(s003.contains(row), "table 四 value row");
    let t = change(&s003, row, "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
    let found = at(&t, "C03");
    assert_eq!(found.len(), 1, "{:?}", found);
    assert!(found[0].contains("行政复议"), "{:?}", found);
}

#[test]
fn c04_all_completed_but_carried_forward() {
    let s000 = read("seeds/000_5c0ba7f944109c5a.txt");
    let t = change(&s000, "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5");
    let t = change(&t, "（一）予以公开 0 0 0 0 0 0 0", "（一）予以公开 3 0 0 0 0 0 3");
    let t = change(&t, "四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 2 0 0 0 0 0 2");
    let t = change(&t, "（七）总计 0 0 0 0 0 0 0", "（七）总计 3 0 0 0 0 0 3");
    let t = change(&t, "我局未收到公民、法人和其他组织提出的政府信息公开申请。", "我局共收到政府信息公开申请 5 件，均已按时办结。");
    assert!(!codes(&t).keys().any(|c| c.starts_with('A')), "the changed table still adds up: {:?}", codes(&t));
    assert_eq!(at(&t, "C04"), vec!["均已按时办结"]);
    assert!(at(&t, "C01").is_empty(), "收到 5 = 新收 5");
    // Saying how many are carried forward is not a claim that all were completed.
    let t2 = change(&t, "均已按时办结", "办结 3 件，结转下年度 2 件");
    assert!(at(&t2, "C04").is_empty() && at(&t2, "C01").is_empty());
}

// ---------------------------------------------------------------------------------------------
// C05, C06, C07

#[test]
fn c05_last_years_year() {
    let s000 = read("seeds/000_5c0ba7f944109c5a.txt");
    let t = change(&s000, "2024年红旗区科技局全年通过区", "2023年红旗区科技局全年通过区");
    assert_eq!(at(&t, "C05"), vec!["2023年"]);
    assert_eq!(suggestion(&t, "C05"), vec![Some("2024年".to_string())]);
    // A plan for next year and the statistical period are not the year's work.
    let t24 = read("real/hongzequ_2024.txt");
    assert!(t24.contains("2025 年我们将切实抓好"));
    assert!(at(&t24, "C05").is_empty());
    let t = change(&t24, "2024 年，淮安市洪泽区人民政府坚持", "2023 年，淮安市洪泽区人民政府坚持");
    assert_eq!(at(&t, "C05"), vec!["2023 年"]);
}

#[test]
fn c06_fee_statement_and_c07_section_five() {
    let s000 = read("seeds/000_5c0ba7f944109c5a.txt");
    assert_eq!(at(&change(&s000, "在办理依申请公开工作中，未向申请人收取任何费用。", "无。"), "C06"), vec!["无。"]);
    assert_eq!(at(&change(&s000, "在办理依申请公开工作中，未向申请人收取任何费用。", "本年度无其他需要报告的事项。"), "C06").len(), 1);
    // The truth files' sufficient statements.
    for ok in ["我单位无政府信息公开收费项目。", "本年度未收取信息处理费。", "全年收取政府信息公开信息处理费 0 元。"]
    {
        assert!(at(&change(&s000, "在办理依申请公开工作中，未向申请人收取任何费用。", ok), "C06").is_empty(), "{}", ok);
    }
    let five_start = s000.find("存在问题：").unwrap();
    let five_end = s000.find("六、其他需要报告的事项").unwrap();
    let t = format!("{}无\n\n{}", &s000[..five_start], &s000[five_end..]);
    assert_eq!(at(&t, "C07"), vec!["无"]);
}

// ---------------------------------------------------------------------------------------------
// W01–W04 in real sentences

#[test]
fn wording_in_real_sentences() {
    let t23 = read("real/hongzequ_2023.txt");
    // W01: 截止 before a date in the real preamble; 截止 as a deadline is left alone.
    let t = change(&t23, "报告中所列数据统计期限自", "截止2023年12月31日，报告中所列数据统计期限自");
    assert_eq!(at(&t, "W01"), vec!["截止"]);
    let t = change(&t23, "均在法定期限答复。", "均在法定期限答复，无超过答复截止日期的情况。");
    assert!(at(&t, "W01").is_empty());
    // W02: a book title left open across a PDF line break.
    let t = change(&t23, "严格落实《政府信息公开信息处理费管理办\n法》", "严格落实《政府信息公开信息处理费管理办\n法");
    assert_eq!(at(&t, "W02"), vec!["《"]);
    // W03: a month that does not exist; 2月30日.
    let t = change(&t23, "自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止", "自 2023 年 1 月 1 日\n起至 2023 年 13 月 31 日止");
    assert_eq!(at(&t, "W03"), vec!["2023 年 13 月 31 日"]);
    let t = change(&t23, "自 2023 年 1 月 1 日\n起至", "自 2023 年 2 月 30 日\n起至");
    assert_eq!(at(&t, "W03"), vec!["2023 年 2 月 30 日"]);
    // W04: a word typed twice, also across a PDF line break.
    let t = change(&t23, "不断完\n善政府信息公开制度", "不断完\n善政府信息公开公开制度");
    assert_eq!(at(&t, "W04"), vec!["公开公开"]);
    let t = change(&t23, "建立健全政府信息公开保障机制", "建立健全政府信息公开保障保\n障机制");
    assert_eq!(at(&t, "W04"), vec!["保障保\n障"]);
    // Reduplication is not a repeat.
    let t = change(&t23, "始终将\n政务公开工作摆在重要位置", "始终将\n政务公开工作常常摆在重要位置，人人参与，一件一件落实");
    assert!(at(&t, "W04").is_empty());
}

// ---------------------------------------------------------------------------------------------
// X01–X03: against last year's report

fn x_codes(r: &Report) -> Vec<&'static str> {
    r.diagnostics.iter().filter(|d| d.code.as_str().starts_with('X')).map(|d| d.code.as_str()).collect()
}

#[test]
fn hongzequ_2023_to_2024_is_consistent_in_every_form() {
    // truth hongzequ_2024 cross_year: 上年结转 0 = 2023 结转下年度 0; 行政规范性文件 5 + 3 − 0 = 8.
    for prev in ["real/hongzequ_2023.txt", "real/hongzequ_2023.layout.txt"] {
        for this in ["real/hongzequ_2024.txt", "real/hongzequ_2024.layout.txt"] {
            let r = nianbao::check_text_with_previous(&read(this), &read(prev));
            assert!(
                x_codes(&r).is_empty(),
                "{} after {}: {:?}",
                this,
                prev,
                r.diagnostics.iter().filter(|d| d.code.as_str().starts_with('X')).map(|d| &d.message).collect::<Vec<_>>()
            );
            // The pair adds nothing else: the report is the same as checked alone.
            assert_eq!(r, nianbao::check_text(&read(this)));
        }
    }
}

#[test]
fn x01_carried_over_differs_from_last_years_carried_forward() {
    let this = read("real/hongzequ_2024.layout.txt");
    let row = "二、上年结转政府信息公开申请数量                              0    0         0     0   0   0     0";
    let changed = change(&this, row, "二、上年结转政府信息公开申请数量                              1    0         0     0   0   0     1");
    let r = nianbao::check_text_with_previous(&changed, &read("real/hongzequ_2023.txt"));
    let x01: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.code.as_str() == "X01").collect();
    assert_eq!(x01.iter().map(|d| d.cells[0].column).collect::<Vec<_>>(), vec!["natural", "total"]);
    for d in &x01 {
        assert_eq!((d.expected, d.actual), (Some(0.0), Some(1.0)));
        assert_eq!(&changed[d.spans[0].start..d.spans[0].end], "1");
        assert_eq!(d.suggestion.as_deref(), Some("0"));
    }
    assert!(!x_codes(&r).contains(&"X02"));
}

#[test]
fn x02_valid_count_does_not_follow_from_last_year() {
    let this = read("real/hongzequ_2024.layout.txt");
    let changed = change(&this, "行政规范性文件          3          0       8", "行政规范性文件          3          0       9");
    let r = nianbao::check_text_with_previous(&changed, &read("real/hongzequ_2023.layout.txt"));
    let x02: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.code.as_str() == "X02").collect();
    assert_eq!(x02.len(), 1);
    assert_eq!((x02[0].expected, x02[0].actual), (Some(8.0), Some(9.0)));
    assert_eq!(&changed[x02[0].spans[0].start..x02[0].spans[0].end], "9");
    assert!(x02[0].message.contains("5") && x02[0].message.contains("3"));
    // Last year's count changed instead: 2023 valid 5 → 4 makes 2024's 8 wrong as well.
    let prev = change(&read("real/hongzequ_2023.layout.txt"), "行政规范性文件          0          5       5", "行政规范性文件          0          5       4");
    assert_eq!(x_codes(&nianbao::check_text_with_previous(&this, &prev)), vec!["X02"]);
    // Reports of years that do not follow each other are not compared table by table.
    assert!(x_codes(&nianbao::check_text_with_previous(&changed, &read("real/huaian_2024.txt"))).iter().all(|c| *c == "X03"));
}

#[test]
fn x03_prose_reused_from_last_year() {
    // Last year's report handed in again with the year and the numbers changed.
    let prev = read("real/hongzequ_2023.txt");
    let this = prev.replace("2023", "2024").replace("1136 条", "1210 条").replace("申请 21 件", "申请 21 件");
    let r = nianbao::check_text_with_previous(&this, &prev);
    let x03: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.code.as_str() == "X03").collect();
    assert_eq!(x03.len(), 1);
    assert!(x03[0].message.contains("100%"), "{}", x03[0].message);
    // The spans are the repeated passages of this year's text, in order, and not the tables.
    let t3_at = this.find("三、收到和处理").unwrap();
    let five_at = this.find("五、存在的主要问题").unwrap();
    let spans = &x03[0].spans;
    assert!(spans.len() >= 3);
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(spans.iter().all(|s| s.end <= t3_at || s.start >= five_at), "no passage inside the tables");
    assert!(this[spans[0].start..spans[0].end].contains("洪泽区人民政府坚持以习近平新时代中国特色社会"));
    // The 2024 report really written anew for the most part: below the threshold.
    assert!(x_codes(&nianbao::check_text_with_previous(&read("real/hongzequ_2024.txt"), &prev)).is_empty());
}

#[test]
fn cli_previous_option() {
    let fx = |rel: &str| format!("{}/../shared/fixtures/{}", env!("CARGO_MANIFEST_DIR"), rel);
    let dir = std::env::temp_dir().join(format!("nianbao-prose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let changed =
        change(&read("real/hongzequ_2024.layout.txt"), "行政规范性文件          3          0       8", "行政规范性文件          3          0       9");
    let f = dir.join("hongzequ_2024_changed.txt");
    std::fs::write(&f, &changed).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json", "--previous", &fx("real/hongzequ_2023.txt"), f.to_str().unwrap()])
        .output()
        .unwrap();
    let v: J = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v[0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"X02"), "{:?}", codes);
    assert_eq!(out.status.code(), Some(1), "X02 is an error");
    // Text output quotes the line of this year's file.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--previous", &fx("real/hongzequ_2023.txt"), f.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.contains("error[X02]")), "{}", text);
    assert!(text.contains("行政规范性文件          3          0       9"));
    // A missing previous file is a usage error.
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_nianbao")).args(["check", "--previous", "/nonexistent/x.txt", f.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pathological_prose_is_quick_and_listed_briefly() {
    let head = "某某区某某局2024年政府信息公开工作年度报告\n一、总体情况\n";
    for body in [
        "收到政府信息公开申请5件、".repeat(4000),
        "0 ".repeat(40_000),
        "（（《“".repeat(20_000),
        "资金".repeat(40_000),
        "1111月".repeat(20_000),
        "未收到申请无".repeat(10_000),
    ] {
        let t = format!("{}{}\n五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n", head, body);
        let started = std::time::Instant::now();
        let r = nianbao::check_text(&t);
        println!("{} bytes: {:?}", t.len(), started.elapsed());
        assert!(started.elapsed().as_secs() < 20, "{} bytes took {:?}", t.len(), started.elapsed());
        let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &r.diagnostics {
            *per_code.entry(d.code.as_str()).or_insert(0) += 1;
        }
        assert!(per_code.iter().all(|(c, n)| !c.starts_with(IN_SCOPE) || *n <= 30), "{:?}", per_code);
    }
}

#[test]
fn a_sub_heading_line_does_not_run_into_the_next_sentence() {
    // 「（二）依申请公开」 without a colon, then 「截止…」 on the next line: 截止 starts a clause.
    let path = format!("{}/../shared/fixtures/seeds/000_5c0ba7f944109c5a.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap().replace("（二）依申请公开：\n截止 2024年", "（二）依申请公开\n截止2024年");
    let r = nianbao::check_text(&text);
    let w01: Vec<_> = r.diagnostics.iter().filter(|d| d.code.as_str() == "W01").collect();
    assert_eq!(w01.len(), 1, "{:?}", r.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>());
    assert_eq!(&text[w01[0].spans[0].start..w01[0].spans[0].end], "截止");
}
