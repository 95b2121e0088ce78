//! The P/D/T/A rules on real reports with one thing changed: each change must give exactly the
//! finding it should, pointing at the changed characters.

use nianbao::{check_text, Report};

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/../shared/fixtures/{}", env!("CARGO_MANIFEST_DIR"), rel)).unwrap()
}

fn codes(r: &Report) -> Vec<&'static str> {
    let mut c: Vec<&'static str> = r.diagnostics.iter().map(|d| d.code.as_str()).filter(|c| c.starts_with(['P', 'D', 'T', 'A'])).collect();
    c.sort();
    c
}

/// Replace the `nth` occurrence of `from` (must exist) and return the new text and the byte
/// offset of the replacement.
fn replace_nth(text: &str, from: &str, to: &str, nth: usize) -> (String, usize) {
    let at = text.match_indices(from).nth(nth).unwrap_or_else(|| panic!("{} not found", from)).0;
    (format!("{}{}{}", &text[..at], to, &text[at + from.len()..]), at)
}

#[test]
fn one_wrong_total_cell_is_named_with_the_value_that_balances() {
    // （七）总计, 自然人: 13364 → 13365 breaks its row (A01), its column (A02) and 一+二=三+四 (A03).
    let html = fixture("real/testcity_2025.html");
    let (bad, at) = replace_nth(&html, "<td>13364</td>", "<td>13365</td>", 0);
    let r = check_text(&bad);
    assert_eq!(codes(&r), vec!["A01", "A02", "A03"]);
    for d in r.diagnostics.iter().filter(|d| d.code.as_str().starts_with('A')) {
        let s = d.spans[0];
        assert_eq!(&bad[s.start..s.end], "13365", "{} points at the wrong cell", d.code.as_str());
        assert!(s.start > at && s.end <= at + "<td>13365</td>".len());
        assert!(d.cells.iter().any(|c| c.role == "suspect" && c.row == "total" && c.column == "natural"));
        assert_eq!(d.suggestion.as_deref(), Some("13364"));
        assert!(d.message.contains("13364"), "{}", d.message);
    }
}

#[test]
fn a_wrong_sub_item_breaks_its_row_and_column() {
    let html = fixture("real/testcity_2025.html");
    // 1.属于国家秘密, 自然人: 13 → 14: row (A01) and the 自然人 column of the results (A02).
    let (bad, _) = replace_nth(&html, "<td>1.属于国家秘密</td><td>13</td>", "<td>1.属于国家秘密</td><td>14</td>", 0);
    let r = check_text(&bad);
    assert_eq!(codes(&r), vec!["A01", "A02"]);
    let a01 = r.diagnostics.iter().find(|d| d.code.as_str() == "A01").unwrap();
    assert_eq!((a01.expected, a01.actual), (Some(14.0), Some(13.0)));
    assert!(a01.cells.iter().any(|c| c.role == "suspect" && c.row == "denied_1" && c.column == "natural"));
    assert_eq!(a01.suggestion.as_deref(), Some("13"));
}

#[test]
fn placeholders_notes_and_negative_counts() {
    let html = fixture("real/testcity_2025.html");
    let (bad, _) = replace_nth(&html, "<td>1.属于国家秘密</td><td>13</td><td>0</td>", "<td>1.属于国家秘密</td><td>13</td><td>/</td>", 0);
    let r = check_text(&bad);
    assert_eq!(codes(&r), vec!["T05"], "a / counts as none: sums still hold");
    let t05 = &r.diagnostics.iter().find(|d| d.code.as_str() == "T05").unwrap();
    assert_eq!(&bad[t05.spans[0].start..t05.spans[0].end], "/");

    let (bad, _) = replace_nth(&html, "<td>564</td>", "<td>564（其中修订16件）</td>", 0);
    let r = check_text(&bad);
    assert_eq!(codes(&r), vec!["T06"]);
    assert_eq!(r.diagnostics.iter().find(|d| d.code.as_str() == "T06").unwrap().suggestion.as_deref(), Some("564"));

    let html = fixture("real/testcity_2025.html");
    let (bad, _) = replace_nth(&html, "colspan=\"3\">166105<", "colspan=\"3\">-166105<", 0);
    let r = check_text(&bad);
    assert_eq!(codes(&r), vec!["T07"]);
    let (bad, _) = replace_nth(&html, "<td>1.属于国家秘密</td><td>13</td><td>0</td>", "<td>1.属于国家秘密</td><td>13</td><td>0.5</td>", 0);
    assert!(codes(&check_text(&bad)).contains(&"T07"));
}

#[test]
fn sections_missing_renumbered_and_year() {
    let text = fixture("seeds/000_5c0ba7f944109c5a.txt");
    // The heading without its number: the section is there, its numbering is not.
    let (no_six, _) = replace_nth(&text, "六、其他需要报告的事项", "其他需要报告的事项", 0);
    let r = check_text(&no_six);
    assert_eq!(codes(&r), vec!["D04"]);
    assert!(r.diagnostics.iter().find(|d| d.code.as_str() == "D04").unwrap().message.contains("六、其他需要报告的事项"));
    // The section gone altogether.
    let six = text.find("六、其他需要报告的事项").unwrap();
    let r = check_text(&text[..six]);
    assert_eq!(codes(&r), vec!["D03"]);
    assert!(r.diagnostics.iter().find(|d| d.code.as_str() == "D03").unwrap().message.contains("六、其他需要报告的事项"));

    let (renumbered, _) = replace_nth(&text, "六、其他需要报告的事项", "七、其他需要报告的事项", 0);
    assert_eq!(codes(&check_text(&renumbered)), vec!["D04"]);

    let (no_year, _) = replace_nth(&text, "红旗区科学技术局2024年政府信息公开工作年度报", "红旗区科学技术局政府信息公开工作年度报", 0);
    let r = check_text(&no_year);
    assert_eq!(codes(&r), vec!["D05"]);
    assert_eq!(r.year, None);
}

#[test]
fn not_a_report_and_a_missing_table() {
    let r = check_text("");
    assert_eq!(codes(&r), vec!["D01"]);
    let r = check_text("关于做好2024年度安全生产工作的通知\n各单位：请按要求做好相关工作。");
    assert_eq!(codes(&r), vec!["D01"]);

    let text = fixture("seeds/000_5c0ba7f944109c5a.txt");
    let start = text.find("四、政府信息公开行政复议").unwrap();
    let end = text.find("五、存在的主要问题").unwrap();
    let heading_only = format!("{}四、政府信息公开行政复议、行政诉讼情况\n\n{}", &text[..start], &text[end..]);
    let r = check_text(&heading_only);
    assert_eq!(codes(&r), vec!["T01"]);
}

#[test]
fn label_typo_and_missing_row() {
    let text = fixture("seeds/003_36b4549432c1fdf9.txt");
    let (typo, at) = replace_nth(&text, "行政规范性文件", "规范性文件", 0);
    let r = check_text(&typo);
    assert_eq!(codes(&r), vec!["T03"]);
    let d = &r.diagnostics.iter().find(|d| d.code.as_str() == "T03").unwrap();
    assert_eq!(d.spans[0].start, at);
    assert_eq!(d.suggestion.as_deref(), Some("行政规范性文件"));

    // Drop the row 「2.重复申请」 entirely.
    let line_start = text.find("2.重复申请").unwrap();
    let line_end = line_start + text[line_start..].find('\n').unwrap() + 1;
    let dropped = format!("{}{}", &text[..text[..line_start].rfind('\n').unwrap() + 1], &text[line_end..]);
    let r = check_text(&dropped);
    assert!(codes(&r).contains(&"T02"), "{:?}", codes(&r));
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "T02" && d.message.contains("重复申请")));
}

#[test]
fn the_2019_trial_format_is_recognised() {
    let text = fixture("real/hongzequ_2024.layout.txt");
    let (old, _) = replace_nth(&text, "本年制发件数", "本年新制作数量", 0);
    let r = check_text(&old);
    assert_eq!(r.format, "gb2019");
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "D02" && d.severity == nianbao::Severity::Error));
    assert!(r.t3.is_some() && r.t4.is_some(), "tables 三 and 四 are still read");
}

#[test]
fn prose_numbers_above_and_below_the_tables_are_not_cells() {
    let text = fixture("seeds/000_5c0ba7f944109c5a.txt");
    let (t, _) = replace_nth(
        &text,
        "三、收到和处理政府信息公开申请情况\n",
        "三、收到和处理政府信息公开申请情况\n\n2024 年，本机关共收到政府信息公开申请 0 件，上年结转 0 件。\n\n",
        0,
    );
    let (t, _) = replace_nth(
        &t,
        "四、结转下年度继续办理 0 0 0 0 0 0 0\n",
        "四、结转下年度继续办理 0 0 0 0 0 0 0\n\n注：表中数据统计至 2024 年 12 月 31 日，共 3 类情形。\n",
        0,
    );
    let (t, _) = replace_nth(&t, "行政事业性收费 0\n", "行政事业性收费 0\n\n注：本表第二十条第（八）项收费金额单位为万元，共计 0 项。\n", 0);
    let r = check_text(&t);
    assert_eq!(codes(&r), Vec::<&str>::new(), "{:#?}", r.diagnostics);
    assert_eq!(r.t3.as_ref().unwrap().row("carried_forward").unwrap().cells.len(), 7);
}

#[test]
fn a_blank_first_value_cell_in_a_grid_stays_in_its_column() {
    let html = fixture("real/testcity_2025.html");
    let (bad, _) = replace_nth(&html, "<td>1.属于国家秘密</td><td>13</td>", "<td>1.属于国家秘密</td><td></td>", 0);
    let (bad, _) = replace_nth(&bad, "<td>规章</td><td>3</td>", "<td>规章</td><td></td>", 0);
    let r = check_text(&bad);
    let t3 = r.t3.as_ref().unwrap();
    let row = t3.row("denied_1").unwrap();
    assert_eq!(row.cells.len(), 7);
    assert_eq!(row.cells[0].value, nianbao::model::Value::Blank);
    assert_eq!(row.cells[6].value, nianbao::model::Value::Int(13));
    let t2 = r.t2.as_ref().unwrap();
    assert_eq!(t2.row("regulations").unwrap().cells[0].value, nianbao::model::Value::Blank);
    assert!(codes(&r).contains(&"T05") && !codes(&r).contains(&"T04"), "{:?}", codes(&r));
    // The blank counts as none: 自然人 0 + … ≠ 13 in its row.
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "A01" && d.cells.iter().any(|c| c.row == "denied_1")));
}
