//! Form (a): text as `pdftotext` (or copying from a PDF viewer) gives it: labels wrapped over
//! lines, a row's numbers on lines of their own, tables sometimes column by column.

use super::*;

pub(crate) fn prose_pdf(rng: &mut Rng, w: &mut W, text: &str, page: &mut u32, width_chars: usize) {
    for l in wrap_prose(text, width_chars) {
        w.line(&l);
        if rng.chance(0.03) {
            w.line("");
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
    }
}

pub(crate) fn render_pdf_text(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, t: &Tables) {
    // Two styles seen in real extractions: a Word-made PDF (values on the label's line, blank
    // lines between rows; seeds 000/002/004) and a WPS-made one (every cell on its own line;
    // huaian_2024.txt).
    let vertical = rng.chance(0.35);
    let mut page = 0u32;
    let pw = rng.usize(28, 40);
    let title = m.title();
    if rng.chance(0.3) {
        w.line("");
        let cut = title.chars().count() - 1;
        let (a, b): (String, String) = (title.chars().take(cut).collect(), title.chars().skip(cut).collect());
        w.line(&a);
        w.line(&b);
    } else if rng.chance(0.5) {
        w.line(&m.agency);
        w.line(&format!("{} 年政府信息公开工作年度报告", m.year));
    } else {
        w.line(&title);
    }
    w.line("");
    if rng.chance(0.6) {
        prose_pdf(rng, w, &p.intro, &mut page, pw);
    }
    w.line(SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        if rng.chance(0.5) {
            w.line(&format!("（{}）{}：", CN_NUM[k], h));
            prose_pdf(rng, w, body, &mut page, pw);
        } else {
            prose_pdf(rng, w, &format!("（{}）{}。{}", CN_NUM[k], h, body), &mut page, pw);
        }
    }
    w.line("");
    w.line(&page_marker(rng, &mut page, false));
    w.line("");
    w.line(SECTION_TITLES[1]);
    for b in t2_blocks(&t.t2) {
        w.line(b.heading);
        if vertical {
            w.line("");
            for c in b.columns {
                w.line(c);
                w.line("");
            }
            for (key, label, vals) in &b.rows {
                w.line(label);
                w.line("");
                for (col, v) in vals {
                    w.val(t2_cell(key, col), v);
                    w.line("");
                    w.line("");
                }
            }
        } else {
            w.line(&b.columns.join(" "));
            w.line("");
            for (key, label, vals) in &b.rows {
                w.push(label);
                for (col, v) in vals {
                    w.push(" ");
                    w.val(t2_cell(key, col), v);
                }
                w.line("");
                w.line("");
            }
        }
        if rng.chance(0.15) {
            w.line(&page_marker(rng, &mut page, false));
            w.line("");
        }
    }
    w.line("");
    w.line(SECTION_TITLES[2]);
    w.line("");
    if vertical {
        t3_pdf_vertical(rng, w, m, t, &mut page);
    } else {
        t3_pdf_rows(rng, w, m, t, &mut page);
    }
    w.line("");
    w.line(SECTION_TITLES[3]);
    w.line("");
    t4_pdf(rng, w, t, vertical);
    w.line("");
    w.line(SECTION_TITLES[4]);
    w.line("");
    for (k, (h, body)) in p.five.iter().enumerate() {
        prose_pdf(rng, w, &format!("（{}）{}：{}", CN_NUM[k], h, body), &mut page, pw);
        w.line("");
    }
    w.line(SECTION_TITLES[5]);
    w.line("");
    for s in &p.six {
        prose_pdf(rng, w, s, &mut page, pw);
    }
    w.line("");
    if rng.chance(0.5) {
        w.line(&page_marker(rng, &mut page, false));
        w.line("");
    }
}

/// The header of table 三 as a Word-made PDF extracts (seed 000).
pub(crate) fn t3_header_pdf(rng: &mut Rng, w: &mut W) {
    let note_cut = rng.usize(18, 26);
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    w.line(&note[..note_cut].iter().collect::<String>());
    w.line(&note[note_cut..].iter().collect::<String>());
    w.line("");
    w.line("申请人情况");
    w.line("");
    w.line("自然\n人");
    w.line("");
    w.line("法人或其他组织");
    w.line("");
    if rng.chance(0.5) {
        w.line("总计商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他");
    } else {
        w.line("商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他\n\n总计");
    }
    w.line("");
}

/// Values of one table 三 row on a line; `pushed` moves the last one to the next line.
pub(crate) fn t3_values_line(w: &mut W, t: &Tables, i: usize, pushed: bool) {
    for c in 0..7 {
        if c > 0 {
            w.push(if pushed && c == 6 { "\n" } else { " " });
        }
        w.val(t3_cell(i, c), &t.t3[i][c].to_string());
    }
    w.line("");
}

pub(crate) fn t3_pdf_rows(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    t3_header_pdf(rng, w);
    let lw = rng.usize(15, 19);
    let page_at = rng.usize(4, 22);
    for i in 0..25 {
        if i == page_at && rng.chance(0.5) {
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
        if i == IDX_GRANTED {
            // 「三、本\n年度办\n理结果」
            w.line("三、本\n年度办\n理结果");
            w.line("");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                let gl: Vec<char> = m.group_label(g).chars().collect();
                let cut = gl.len().min(4);
                w.line(&gl[..cut].iter().collect::<String>());
                w.line(&gl[cut..].iter().collect::<String>());
                w.line("");
            }
        }
        let label = m.t3_label(i);
        let parts = if i < 2 || i == IDX_FORWARD { vec![label] } else { wrap(&label, lw) };
        if parts.len() == 1 {
            w.push(&parts[0]);
            w.push(" ");
            t3_values_line(w, t, i, false);
        } else {
            for part in &parts {
                w.line(part);
            }
            w.line("");
            t3_values_line(w, t, i, rng.chance(0.6));
        }
        w.line("");
    }
}

/// Every label and value on its own line (huaian_2024.txt), label before its values.
pub(crate) fn t3_pdf_vertical(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    w.line("申请人情况");
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    let cut = rng.usize(20, 26);
    w.line(&note[..cut].iter().collect::<String>());
    w.line(&note[cut..].iter().collect::<String>());
    w.line("");
    w.line("法人或其他组织\n自然人\n\n商业企\n业\n\n科研机\n构\n\n社会公益\n组织\n\n总计\n\n法律服务\n其他\n\n机构");
    w.line("");
    let lw = rng.usize(14, 17);
    let page_at = rng.usize(4, 22);
    for i in 0..25 {
        if i == page_at {
            w.line(&page_marker(rng, page, false));
            w.line("");
        }
        if i == IDX_GRANTED {
            w.line("三、\n本\n年\n度\n办\n理\n结\n果");
            w.line("");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                let gl: Vec<char> = m.group_label(g).chars().collect();
                let cut = gl.len().min(4);
                w.line(&gl[..cut].iter().collect::<String>());
                w.line(&gl[cut..].iter().collect::<String>());
                w.line("");
            }
        }
        let label = m.t3_label(i);
        let parts = if i < 2 || i == IDX_FORWARD { vec![label] } else { wrap(&label, lw) };
        for part in &parts {
            w.line(part);
        }
        w.line("");
        for c in 0..7 {
            w.val(t3_cell(i, c), &t.t3[i][c].to_string());
            w.line("");
            w.line("");
        }
    }
}

pub(crate) fn t4_header_words(rng: &mut Rng) -> Vec<&'static str> {
    let _ = rng;
    vec!["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
}

pub(crate) fn t4_pdf(rng: &mut Rng, w: &mut W, t: &Tables, vertical: bool) {
    if vertical {
        // Each block's header words, then its five values, one per line.
        let names = ["行政复议", "行政诉讼\n\n未经复议直接起诉", "复议后起诉"];
        for b in 0..3 {
            w.line(names[b]);
            w.line("");
            for h in t4_header_words(rng) {
                w.line(h);
                w.line("");
            }
            for c in 0..5 {
                w.val(t4_cell(b, c), &t.t4[b][c].to_string());
                w.line("");
                w.line("");
            }
        }
        return;
    }
    // Seed 000: the whole header, then the fifteen values on one line.
    w.line("行政复议 行政诉讼");
    w.line("");
    let words = t4_header_words(rng);
    for (k, h) in words.iter().enumerate() {
        w.line(h);
        if k < 4 {
            w.line("");
        }
    }
    w.line("未经复议直接起诉 复议后起诉");
    w.line("");
    for _ in 0..2 {
        for h in &words {
            w.line(h);
            w.line("");
        }
    }
    let wrap_at = if rng.chance(0.2) { rng.usize(5, 14) } else { 99 };
    for k in 0..15 {
        if k > 0 {
            w.push(if k == wrap_at { "\n" } else { " " });
        }
        w.val(t4_cell(k / 5, k % 5), &t.t4[k / 5][k % 5].to_string());
    }
    w.line("");
}
