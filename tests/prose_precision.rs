//! Precision of the prose rules (C, W) on generated reports (`nianbao::testgen`) in every text
//! form, with extra paragraphs of realistic prose written into section 一:
//!
//! - clean sentences, true to the tables or about things the rules must leave alone (other
//!   scopes, other topics, plans, cited documents, comparisons, reduplication, deadlines) —
//!   every C/W finding on these reports is a false positive;
//! - one sentence with a real problem (a wrong count, last year's year, 截止 before a date, a
//!   repeated word …) — it must be found, and nothing else.
//!
//! Run with `--nocapture` to see the figures recorded in QUALITY.md.

use nianbao::testgen::{generate, Form, Generated};

const SEEDS: u64 = 60;

struct Facts {
    y: i32,
    we: &'static str,
    new: i64,
    co: i64,
    done: i64,
    fw: i64,
    review: i64,
    upheld: i64,
    suits: i64,
    bureau: bool,
}

fn facts(g: &Generated) -> Facts {
    let t3 = |row: &str| g.tables.t3_cell(row, "total").unwrap();
    let t4 = |b: &str, c: &str| g.tables.t4_cell(b, c).unwrap();
    let bureau = !g.agency.ends_with("人民政府") && !g.agency.ends_with("办公室");
    let we = if g.agency.ends_with("委员会") {
        "我委"
    } else if g.agency.ends_with("办公室") {
        "我办"
    } else if bureau {
        "我局"
    } else {
        "我区"
    };
    Facts {
        y: g.year,
        we,
        new: t3("new"),
        co: t3("carried_over"),
        done: t3("total"),
        fw: t3("carried_forward"),
        review: t4("review", "total"),
        upheld: t4("review", "upheld"),
        suits: t4("litigation_direct", "total") + t4("litigation_after_review", "total"),
        bureau,
    }
}

/// A number in Chinese words (below 100).
fn cn(n: i64) -> String {
    let d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => d[n as usize].to_string(),
        10..=19 => format!("十{}", if n % 10 == 0 { "" } else { d[(n % 10) as usize] }),
        20..=99 => format!("{}十{}", d[(n / 10) as usize], if n % 10 == 0 { "" } else { d[(n % 10) as usize] }),
        _ => n.to_string(),
    }
}

/// Sentences a careful reader finds nothing wrong with, given these tables.
fn clean(f: &Facts, k: usize) -> Option<String> {
    let (y, we) = (f.y, f.we);
    let s = match k {
        0 => format!("{}年，{}共受理政府信息公开申请{}件，{}年结转{}件，全年办结{}件，结转下年度继续办理{}件。", y, we, f.new, y - 1, f.co, f.done, f.fw),
        1 => format!("{}年共收到信息公开申请{}件（含上年结转{}件）。", y, f.new + f.co, f.co),
        2 if f.new < 100 => format!("全年新收政府信息公开申请{}件，均按规定程序办理。", cn(f.new)),
        3 if f.fw == 0 && f.new + f.co > 0 => format!("截至{}年12月31日，{}共办结政府信息公开申请{}件，办结率100%。", y, we, f.done),
        4 => format!("{}年，全区各部门共受理政府信息公开申请{}件，{}加强对各部门的业务指导。", y, f.new * 7 + 13, we),
        5 => format!("自{}年以来，{}累计受理政府信息公开申请{}件。", y - 3, we, f.new * 3 + 11),
        6 => format!("{}年，{}将进一步规范依申请公开办理流程，提升答复质量。", y + 1, we),
        7 => format!("根据《{}年政务公开工作要点》，{}细化了年度任务分工。", y - 1, we),
        8 => format!("与{}年相比，主动公开信息数量增长{}%。", y - 1, f.new % 40 + 3),
        9 => "全年受理行政许可申请1260件，办理政务服务事项3418件。".to_string(),
        10 => "全年受理群众咨询56件，均已按时办结。".to_string(),
        11 if f.co > 0 => format!("上年度结转的{}件申请已全部办结。", f.co),
        12 => format!("{}常常深入基层了解需求，人人参与、一项一项抓落实，确保“三审三校”制度落到实处。", we),
        13 => "严格执行国办公开办函〔2021〕30号文件要求，规范年度报告格式。".to_string(),
        14 => format!("{}于{}年3月15日召开专题会议，部署{}年2月28日前完成自查。", we, y, y + 1),
        15 => format!("政务公开培训报名截止日期为{}年3月1日，培训{}人次。", y, f.new + 20),
        16 => format!("全年因政府信息公开引起的行政复议{}件，行政诉讼{}件。", f.review, f.suits),
        17 if f.review > 0 => format!("政府信息公开行政复议{}起，其中结果维持{}起。", f.review, f.upheld),
        18 if f.review == 0 && f.suits == 0 => format!("{}年度{}未发生因政府信息公开引起的行政复议、行政诉讼。", y, we),
        19 => "主动公开政府信息128条，政策解读16篇，回应社会关切9次。".to_string(),
        20 => "收到人大代表建议和政协提案12件，均已按时办结。".to_string(),
        21 => "接收申请人补正材料3份，及时告知申请人办理进度。".to_string(),
        22 => format!("通过网上申请平台受理政府信息公开申请{}件。", f.new / 2),
        23 => format!("{}年12月，区政府印发了《政务公开工作实施方案》。", y - 1),
        24 => format!("{}年度政府信息公开工作年度报告已按时在网站发布。", y - 1),
        25 if f.new + f.co == 0 => format!("{}年，{}未收到政府信息公开申请，无因政府信息公开申请引起的行政复议、行政诉讼案件。", y, we),
        26 => "坚持公开为常态、不公开为例外，认认真真、扎扎实实做好每一项工作。".to_string(),
        27 => format!("严格落实《中华人民共和国政府信息公开条例》第二十条规定，{}主动公开规范性文件。", we),
        28 if f.new > 0 => format!("在受理的{}件申请中，自然人提出的占多数。", f.new),
        29 => "加强与申请人的沟通，对补正后申请内容仍不明确的，依法告知申请人。".to_string(),
        30 if f.bureau => format!("{}年，全区共受理政府信息公开申请{}件。", y, f.new * 5 + 9),
        _ => return None,
    };
    Some(s)
}

const CLEAN_KINDS: usize = 31;

/// A sentence with one real problem, and the code that must find it.
fn faulty(f: &Facts, k: usize) -> Option<(String, &'static str)> {
    let (y, we) = (f.y, f.we);
    let wrong = f.new + 7;
    Some(match k {
        // A table with no applications at all: that is C02.
        0 if wrong != f.new + f.co => (format!("{}年，{}共受理政府信息公开申请{}件。", y, we, wrong), if f.new + f.co == 0 { "C02" } else { "C01" }),
        1 => (format!("{}年，{}新收政府信息公开申请{}件，结转下年度继续办理{}件。", y, we, f.new, f.fw + 2), "C01"),
        2 if f.new > 0 => (format!("{}年，{}未收到政府信息公开申请。", y, we), "C02"),
        3 => (format!("全年因政府信息公开引起的行政复议{}件。", f.review + 3), "C03"),
        4 if f.fw > 0 => (format!("{}共收到政府信息公开申请{}件，均已按时办结。", we, f.new), "C04"),
        5 => (format!("{}年，{}主动公开政府信息{}条。", y - 1, we, f.new + 40), "C05"),
        6 => (format!("截止{}年12月31日，{}主动公开政府信息{}条。", y, we, f.new + 40), "W01"),
        7 => ("健立建全依申请公开工作机制，规范答复文书。".to_string(), "W01"),
        8 => ("严格落实《中华人民共和国政府信息公开条例要求，做好公开工作。".to_string(), "W02"),
        9 => (format!("于{}年13月完成平台改版。", y), "W03"),
        10 => (format!("于{}年2月30日完成平台改版。", y), "W03"),
        11 => ("加强政务公开资金资金保障，确保工作顺利开展。".to_string(), "W04"),
        _ => return None,
    })
}

const FAULT_KINDS: usize = 12;

/// The report with `para` written as a paragraph right after the heading of section 一, in
/// the report's own form (wrapped like the rest for PDF text).
fn with_paragraph(g: &Generated, para: &str) -> String {
    let t = &g.text;
    let h = t.find("一、总体情况").expect("section 一");
    let line_end = h + t[h..].find('\n').unwrap_or(t.len() - h);
    let insert = match g.form {
        Form::Html => {
            let close = h + t[h..].find("</p>").map(|p| p + 4).unwrap_or(line_end - h);
            return format!("{}<p>{}</p>{}", &t[..close], para, &t[close..]);
        }
        Form::PdfText | Form::PdfLayout => {
            let chars: Vec<char> = para.chars().collect();
            let lines: Vec<String> = chars.chunks(31).map(|c| c.iter().collect()).collect();
            let indent = if g.form == Form::PdfLayout { "      " } else { "" };
            format!("\n{}{}", indent, lines.join("\n"))
        }
        Form::Markdown | Form::Tsv => format!("\n\n{}\n", para),
        Form::RunTogether => format!("\n{}", para),
        // The prose figures are measured on the clean forms.
        _ => unreachable!("prose precision runs over Form::ALL"),
    };
    format!("{}{}{}", &t[..line_end], insert, &t[line_end..])
}

fn prose_codes(text: &str) -> Vec<(&'static str, String)> {
    nianbao::check_text(text).diagnostics.into_iter().filter(|d| d.code.as_str().starts_with(['C', 'W'])).map(|d| (d.code.as_str(), d.message)).collect()
}

#[test]
fn generated_reports_with_realistic_prose() {
    let mut reports = 0;
    let mut clean_sentences = 0;
    let mut false_positives: Vec<String> = Vec::new();
    let mut faults = 0;
    let mut found = 0;
    let mut missed: Vec<String> = Vec::new();
    let mut per_code: std::collections::BTreeMap<&str, (usize, usize)> = std::collections::BTreeMap::new();
    for seed in 0..SEEDS {
        for form in Form::ALL {
            let g = generate(seed, form);
            let f = facts(&g);
            // Clean: five sentences of the bank, a different mix for each report.
            let picked: Vec<String> =
                (0..CLEAN_KINDS).map(|i| (i + seed as usize * 5 + form as usize) % CLEAN_KINDS).filter_map(|k| clean(&f, k)).take(5).collect();
            clean_sentences += picked.len();
            let text = with_paragraph(&g, &picked.join(""));
            reports += 1;
            for (code, msg) in prose_codes(&text) {
                false_positives.push(format!("seed {} {}: {} {}", seed, form.name(), code, msg));
            }
            // One problem.
            let k = (seed as usize + form as usize) % FAULT_KINDS;
            if let Some((sentence, code)) = faulty(&f, k) {
                // First in its paragraph: a sentence right after one about other agencies
                // (「全区各部门…」「累计…」) is taken to share their scope and is not compared.
                let text = with_paragraph(&g, &format!("{}{}", sentence, picked[..2].join("")));
                reports += 1;
                faults += 1;
                let got = prose_codes(&text);
                per_code.entry(code).or_default().0 += 1;
                if got.iter().any(|(c, _)| *c == code) {
                    found += 1;
                    per_code.entry(code).or_default().1 += 1;
                } else {
                    missed.push(format!("seed {} {}: {} not found in 「{}」: {:?}", seed, form.name(), code, sentence, got));
                }
                for (c, msg) in got.iter().filter(|(c, _)| *c != code) {
                    false_positives.push(format!("seed {} {} (with {}): {} {}", seed, form.name(), code, c, msg));
                }
            }
        }
    }
    println!(
        "prose precision: {} generated reports ({} forms), {} clean sentences written in, {} false positives; {} injected problems, {} found",
        reports,
        Form::ALL.len(),
        clean_sentences,
        false_positives.len(),
        faults,
        found
    );
    println!("  injected/found per rule: {}", per_code.iter().map(|(c, (n, f))| format!("{} {}/{}", c, f, n)).collect::<Vec<_>>().join(", "));
    assert!(false_positives.is_empty(), "{} false positive(s):\n{}", false_positives.len(), false_positives.join("\n"));
    assert!(missed.is_empty(), "{} missed:\n{}", missed.len(), missed.join("\n"));
}
