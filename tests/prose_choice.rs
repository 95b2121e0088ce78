//! Issue 12: web text whose table cells ran together may split in several ways that balance
//! every sum; the counts the report's own prose states choose among them (`prose::choose`).
//! Only among readings that balance: a statement that matches none of them, or that is of
//! another scope, changes nothing (P02 with every reading, as before), and no sum can fail
//! because of the prose.

use nianbao::check_text;
use nianbao::model::{Report, Severity};
use nianbao::testgen::{generate_with, Form, Inject, Options};

/// A run-together web report (one row of text per table row). Table 四's digits split in two
/// ways that balance every block: 0|1|0|0|1 · 110|0|1|2|113 · 0|1|1|0|2 (行政复议 1) and
/// 0|10|0|1|11 · 0|0|12|1|13 · 0|1|1|0|2 (行政复议 11). Table 三's rows 一、（一）and（七）
/// read 「110000011」: 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11 — two readings with the same totals.
fn report(said: &str) -> String {
    let t3_row = |label: &str, digits: &str| format!("{}{}\n", label, digits);
    let zero = "0000000";
    let mut t3 = String::new();
    t3 += &t3_row("一、本年新收政府信息公开申请数量", "110000011");
    t3 += &t3_row("二、上年结转政府信息公开申请数量", zero);
    t3 += &t3_row("三、本年度办理结果（一）予以公开", "110000011");
    t3 += &t3_row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", zero);
    for (i, l) in [
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ]
    .iter()
    .enumerate()
    {
        t3 += &t3_row(&format!("{}{}.{}", if i == 0 { "（三）不予公开" } else { "" }, i + 1, l), zero);
    }
    for (i, l) in ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"].iter().enumerate() {
        t3 += &t3_row(&format!("{}{}.{}", if i == 0 { "（四）无法提供" } else { "" }, i + 1, l), zero);
    }
    for (i, l) in ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"].iter().enumerate()
    {
        t3 += &t3_row(&format!("{}{}.{}", if i == 0 { "（五）不予处理" } else { "" }, i + 1, l), zero);
    }
    t3 += &t3_row("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", zero);
    t3 += &t3_row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", zero);
    t3 += &t3_row("3.其他", zero);
    t3 += &t3_row("（七）总计", "110000011");
    t3 += &t3_row("四、结转下年度继续办理", zero);
    format!(
        "龙亭区文化广电和旅游局2025年政府信息公开工作年度报告\n\
本报告根据《中华人民共和国政府信息公开条例》和上级关于做好政府信息公开工作年度报告的要求编制。本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。\n\
一、总体情况\n\
（一）主动公开情况。2025年，我局主动公开政府信息242条。\n\
（二）依申请公开情况。{}\n\
二、主动公开政府信息情况\n\
第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n行政规范性文件239\n\
第二十条第（五）项\n信息内容本年处理决定数量\n行政许可165\n\
第二十条第（六）项\n信息内容本年处理决定数量\n行政处罚247\n行政强制0\n\
第二十条第（八）项\n信息内容本年收费金额（单位：万元）\n行政事业性收费0\n\
三、收到和处理政府信息公开申请情况\n\
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况\n\
自然人法人或其他组织总计\n商业企业科研机构社会公益组织法律服务机构其他\n\
{}\
四、政府信息公开行政复议、行政诉讼情况\n\
行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n\
结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计\n\
0100111001211301102\n\
五、存在的主要问题及改进情况\n（一）存在的主要问题：一是信息公开的及时性还需进一步提高；二是政策解读的形式较为单一。\n\
（二）改进措施：下一步，我们将加强信息发布的统筹管理，进一步提升政府信息公开工作水平。\n\
六、其他需要报告的事项\n2025年，我局在办理政府信息公开申请过程中未收取信息处理费。\n",
        said, t3
    )
}

const READING_1: [[i64; 5]; 3] = [[0, 1, 0, 0, 1], [110, 0, 1, 2, 113], [0, 1, 1, 0, 2]];
const READING_11: [[i64; 5]; 3] = [[0, 10, 0, 1, 11], [0, 0, 12, 1, 13], [0, 1, 1, 0, 2]];

/// Table 四 as read: per block, (value, certain) of each cell.
fn t4(r: &Report) -> Vec<Vec<(Option<i64>, bool)>> {
    let t = r.t4.as_ref().expect("table 四 read");
    t.rows.iter().map(|row| row.cells.iter().map(|c| (c.value.int(), c.certain)).collect()).collect()
}

fn t4_is(r: &Report, want: &[[i64; 5]; 3]) {
    let got = t4(r);
    let want: Vec<Vec<(Option<i64>, bool)>> = want.iter().map(|b| b.iter().map(|v| (Some(*v), true)).collect()).collect();
    assert_eq!(got, want);
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn p02_about(r: &Report, table: &str) -> usize {
    r.diagnostics.iter().filter(|d| d.code.as_str() == "P02" && d.message.starts_with(table)).count()
}

/// The note that the prose chose, and the text its first span points at.
fn choice_note<'a>(r: &'a Report, text: &'a str) -> Option<(&'a nianbao::model::Diagnostic, &'a str)> {
    r.diagnostics.iter().find(|d| d.code.as_str() == "P03" && d.message.contains("只与其中一种相符")).map(|d| (d, &text[d.spans[0].start..d.spans[0].end]))
}

#[test]
fn without_prose_table_4_has_two_readings() {
    let text = report("2025年，我局共收到政府信息公开申请11件，已办结11件。");
    let r = check_text(&text);
    assert_eq!(p02_about(&r, "表四"), 1, "{:?}", r.diagnostics);
    // The cells the two readings differ on.
    let uncertain: usize = t4(&r).iter().flatten().filter(|c| !c.1).count();
    assert_eq!(uncertain, 7, "{:?}", t4(&r));
    assert!(choice_note(&r, &text).is_none());
}

#[test]
fn the_stated_review_count_chooses_the_reading_of_table_4() {
    for (said, want) in [
        ("全年因政府信息公开引起行政复议11件。", &READING_11),
        ("全年因政府信息公开引起行政复议1件。", &READING_1),
        // The agency's own figure, in the words the other-scope test below uses.
        ("我局共发生因政府信息公开引起的行政复议11件。", &READING_11),
    ] {
        let text = report(&format!("2025年，我局共收到政府信息公开申请11件，已办结11件。{}", said));
        let r = check_text(&text);
        t4_is(&r, want);
        assert_eq!(p02_about(&r, "表四"), 0, "{:?}", r.diagnostics);
        let (note, at) = choice_note(&r, &text).expect("a note that the prose chose");
        assert_eq!(note.severity, Severity::Info);
        assert_eq!(at, want[0][4].to_string(), "the note points at the prose's number");
        assert!(note.message.contains("表四") && note.message.contains("行政复议总计"), "{}", note.message);
        // Every block balances, and the prose now agrees with the table: nothing else to say.
        assert!(codes(&r).iter().all(|c| !c.starts_with('A') && !c.starts_with('C')), "{:?}", r.diagnostics);
    }
}

#[test]
fn a_stated_part_of_the_reviews_chooses_too() {
    let text = report("2025年，我局共收到政府信息公开申请11件。全年因政府信息公开引起行政复议11件，其中结果纠正10件。");
    let r = check_text(&text);
    t4_is(&r, &READING_11);
    let (note, _) = choice_note(&r, &text).expect("a note that the prose chose");
    assert!(note.message.contains("行政复议结果纠正为 10"), "{}", note.message);
    // A part that agrees with no reading (纠正 5) leaves both open.
    let text = report("2025年，我局共收到政府信息公开申请11件。全年因政府信息公开引起行政复议11件，其中结果纠正5件。");
    let r = check_text(&text);
    assert_eq!(p02_about(&r, "表四"), 1, "{:?}", r.diagnostics);
}

#[test]
fn a_count_that_matches_no_reading_changes_nothing() {
    let plain = check_text(&report("2025年，我局共收到政府信息公开申请11件。"));
    for said in [
        // Neither 1 nor 11.
        "全年因政府信息公开引起行政复议5件。",
        // Another scope: the whole district's figure.
        "全区各部门共发生因政府信息公开引起的行政复议11件。",
        // The two statements contradict each other: no reading agrees with both.
        "全年因政府信息公开引起行政复议11件。全年因政府信息公开引起行政复议1件。",
    ] {
        let text = report(&format!("2025年，我局共收到政府信息公开申请11件。{}", said));
        let r = check_text(&text);
        assert_eq!(t4(&r), t4(&plain), "{}", said);
        assert_eq!(p02_about(&r, "表四"), 1, "{}: {:?}", said, r.diagnostics);
        assert!(choice_note(&r, &text).is_none(), "{}", said);
        // The table is not compared with the prose while its reading is open.
        assert!(!codes(&r).contains(&"C03"), "{}: {:?}", said, r.diagnostics);
    }
}

#[test]
fn a_count_contradicting_a_cell_every_reading_shares_changes_nothing() {
    // 复议后起诉 总计 is 2 in both readings; the prose says 3: it is not to be relied on.
    let text = report("2025年，我局共收到政府信息公开申请11件。全年因政府信息公开引起行政复议11件，复议后起诉的行政诉讼3件。");
    let r = check_text(&text);
    assert_eq!(p02_about(&r, "表四"), 1, "{:?}", r.diagnostics);
    assert!(choice_note(&r, &text).is_none());
}

#[test]
fn table_3_readings_with_the_same_totals_stay_open() {
    // The two readings of table 三 have the same totals: a count of 新收 agrees with both, or
    // (12) with neither; either way both readings stay listed.
    let plain = check_text(&report(""));
    let open = |r: &Report| r.t3.as_ref().unwrap().rows.iter().flat_map(|x| x.cells.iter()).filter(|c| !c.certain).count();
    assert_eq!(p02_about(&plain, "表三"), 3, "{:?}", plain.diagnostics);
    for said in ["2025年，我局共收到政府信息公开申请11件。", "2025年，我局共收到政府信息公开申请12件。", "2025年，我局本年新收政府信息公开申请11件。"]
    {
        let r = check_text(&report(said));
        assert_eq!(p02_about(&r, "表三"), 3, "{}: {:?}", said, r.diagnostics);
        assert_eq!(open(&r), open(&plain), "{}", said);
        let values = |r: &Report| -> Vec<(Option<i64>, bool)> {
            r.t3.as_ref().unwrap().rows.iter().flat_map(|x| x.cells.iter().map(|c| (c.value.int(), c.certain))).collect()
        };
        assert_eq!(values(&r), values(&plain), "{}", said);
    }
}

/// Over generated reports whose digit runs may split in several balanced ways, with prose
/// stating the totals of each listed reading in turn (true or not): where the prose chose,
/// every sum of the tables still balances and no A-finding appears, and the cells it made
/// certain hold values of one of the listed readings.
#[test]
fn the_prose_only_ever_chooses_a_balanced_reading() {
    let mut chose = 0;
    let mut seen = 0;
    for form in [Form::RunTogether, Form::WebDom, Form::WebDom2019] {
        for seed in 0..160u64 {
            let g = generate_with(seed * 16 + 1, &Options { form, inject: Inject::No, unique_runs: false });
            let plain = check_text(&g.text);
            let a_before = codes(&plain).iter().filter(|c| c.starts_with('A')).count();
            let Some(amb) = plain.diagnostics.iter().find(|d| d.code.as_str() == "P02" && d.message.starts_with("表四") && d.message.contains("种："))
            else {
                continue;
            };
            seen += 1;
            // The readings listed: 「…有 N 种：a|b|…；c|d|…；表中暂按…」.
            let list = &amb.message[amb.message.find("种：").unwrap() + "种：".len()..];
            let readings: Vec<Vec<i64>> = list
                .split('；')
                .take_while(|s| !s.starts_with("表中"))
                .map(|s| s.split('|').filter_map(|v| v.trim_end_matches('…').parse().ok()).collect())
                .collect();
            for (i, reading) in readings.iter().enumerate().filter(|(_, r)| r.len() == 15) {
                for said in [
                    format!("全年因政府信息公开引起行政复议{}件。", reading[4]),
                    format!("全年因政府信息公开引起行政复议{}件，其中结果维持{}件。", reading[4], reading[0]),
                    format!("直接起诉的行政诉讼{}件。", reading[9] + 1),
                ] {
                    let text = g.text.replacen("（三）政府信息管理情况。", &format!("{}（三）政府信息管理情况。", said), 1);
                    let r = check_text(&text);
                    let a_after = codes(&r).iter().filter(|c| c.starts_with('A')).count();
                    assert!(a_after <= a_before, "{:?} seed {} reading {}: {} → A-findings {:?}", form, seed, i, said, r.diagnostics);
                    if choice_note(&r, &text).is_none() {
                        continue;
                    }
                    chose += 1;
                    let got: Vec<i64> = r.t4.as_ref().unwrap().rows.iter().flat_map(|x| x.cells.iter().map(|c| c.value.int().unwrap_or(0))).collect();
                    assert!(readings.contains(&got), "{:?} seed {}: {:?} is none of {:?}", form, seed, got, readings);
                    for b in got.chunks(5) {
                        assert_eq!(b[0] + b[1] + b[2] + b[3], b[4], "{:?} seed {}", form, seed);
                    }
                }
            }
        }
    }
    eprintln!("{} generated reports with two or more readings of table 四; the prose chose {} times", seen, chose);
    assert!(seen > 0 && chose > 0, "seen {} chose {}", seen, chose);
}

#[test]
fn no_choice_when_a_block_is_read_by_its_only_split_and_fails() {
    // Table 四 a block a line: 「1100011」 is 1|10|0|0|11 or 11|0|0|0|11; 「12345」 has only one
    // split, which does not add up. No reading balances the table: the prose does not choose.
    let said = "2025年，我局共收到政府信息公开申请11件。全年因政府信息公开引起行政复议11件，其中结果维持11件。";
    let with = |block2: &str| report(said).replace("0100111001211301102", &format!("1100011\n{}\n00000", block2));
    let balanced = check_text(&with("00000"));
    let text = with("00000");
    assert!(choice_note(&balanced, &text).is_some(), "{:?}", balanced.diagnostics);
    assert_eq!(t4(&balanced)[0], vec![(Some(11), true), (Some(0), true), (Some(0), true), (Some(0), true), (Some(11), true)]);
    let failing = check_text(&with("12345"));
    assert!(choice_note(&failing, &with("12345")).is_none(), "{:?}", failing.diagnostics);
    assert_eq!(p02_about(&failing, "表四"), 1, "{:?}", failing.diagnostics);
    assert!(codes(&failing).contains(&"A04"), "the failing block is reported: {:?}", failing.diagnostics);
}
