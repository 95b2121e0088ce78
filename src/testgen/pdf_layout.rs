//! Form (b): `pdftotext -layout` text: the page's columns kept with spaces.

use super::*;

pub(crate) fn render_layout(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, t: &Tables) {
    let mut page = 0u32;
    let pw = rng.usize(28, 34);
    let indent = " ".repeat(rng.usize(0, 8));
    w.line(&format!("{}{}", " ".repeat(rng.usize(10, 24)), m.agency));
    w.line(&format!("{}{} 年政府信息公开工作年度报告", " ".repeat(rng.usize(4, 12)), m.year));
    w.line("");
    let para = |rng: &mut Rng, w: &mut W, text: &str, page: &mut u32| {
        for (k, l) in wrap_prose(text, pw).iter().enumerate() {
            w.line(&format!("{}{}", if k == 0 { indent.as_str() } else { "" }, l));
            if rng.chance(0.03) {
                w.line("");
                w.line(&page_marker(rng, page, true));
            }
        }
    };
    if rng.chance(0.6) {
        para(rng, w, &p.intro, &mut page);
    }
    w.line(&format!("{}{}", indent, SECTION_TITLES[0]));
    for (k, (h, body)) in p.one.iter().enumerate() {
        para(rng, w, &format!("（{}）{}。{}", CN_NUM[k], h, body), &mut page);
    }
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[1]));
    let vcol = rng.usize(18, 34);
    let step = rng.usize(10, 16);
    for b in t2_blocks(&t.t2) {
        w.line(b.heading);
        w.line("\n");
        let ls = w.s.len();
        w.push(b.columns[0]);
        for (k, c) in b.columns.iter().enumerate().skip(1) {
            pad_to(&mut w.s, ls, vcol + (k - 1) * step);
            w.push(c);
        }
        w.line("\n");
        for (key, label, vals) in &b.rows {
            let ls = w.s.len();
            w.push(label);
            for (k, (col, v)) in vals.iter().enumerate() {
                pad_to(&mut w.s, ls, vcol + k * step);
                w.val(t2_cell(key, col), v);
            }
            w.line("\n");
        }
        if rng.chance(0.2) {
            w.line(&page_marker(rng, &mut page, true));
        }
    }
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[2]));
    t3_layout(rng, w, m, t, &mut page);
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[3]));
    t4_layout(rng, w, t);
    w.line("");
    w.line(&format!("{}{}", indent, SECTION_TITLES[4]));
    for (k, (h, body)) in p.five.iter().enumerate() {
        para(rng, w, &format!("（{}）{}：{}", CN_NUM[k], h, body), &mut page);
    }
    w.line(&format!("{}{}", indent, SECTION_TITLES[5]));
    for s in &p.six {
        para(rng, w, s, &mut page);
    }
    w.line("\n");
    w.line(&page_marker(rng, &mut page, true));
}

/// One printed line of the layout table: left-margin text at three indents, then values.
#[derive(Default, Clone)]
pub(crate) struct LLine {
    pub(crate) margin: Option<String>,
    pub(crate) group: Option<String>,
    pub(crate) label: Option<(String, usize)>,
    pub(crate) values: Option<usize>,
    pub(crate) page: Option<String>,
}

pub(crate) fn t3_layout(rng: &mut Rng, w: &mut W, m: &Meta, t: &Tables, page: &mut u32) {
    // Header, as huaian_2024.layout.txt.
    let vc = rng.usize(40, 50);
    let step = rng.usize(8, 11);
    let cols: Vec<usize> = (0..7).map(|c| vc + c * step).collect();
    w.line(&format!("{}申请人情况", " ".repeat(cols[3])));
    w.line("\n");
    let note: Vec<char> = T3_HEADER_NOTE.chars().collect();
    let cut = rng.usize(20, 24);
    let ls = w.s.len();
    w.push(&note[..cut].iter().collect::<String>());
    pad_to(&mut w.s, ls, cols[2]);
    w.line("法人或其他组织");
    w.line(&note[cut..].iter().collect::<String>());
    let ls = w.s.len();
    pad_to(&mut w.s, ls, cols[0]);
    w.push("自然人");
    pad_to(&mut w.s, ls, cols[6]);
    w.line("总计");
    let ls = w.s.len();
    for (k, h) in ["商业企", "科研机", "社会公益", "法律服务"].iter().enumerate() {
        pad_to(&mut w.s, ls, cols[1 + k]);
        w.push(h);
    }
    w.line("");
    let ls = w.s.len();
    pad_to(&mut w.s, ls, cols[5]);
    w.line("其他");
    let ls = w.s.len();
    for (k, h) in ["业", "构", "组织", "机构"].iter().enumerate() {
        pad_to(&mut w.s, ls, cols[1 + k]);
        w.push(h);
    }
    w.line("\n");

    // Body lines.
    let mut lines: Vec<LLine> = Vec::new();
    let mut row_range: Vec<(usize, usize)> = Vec::new();
    let lw_sub = rng.usize(13, 16);
    let lw_main = rng.usize(18, 21);
    for i in 0..25 {
        let label = m.t3_label(i);
        let (indent, parts) = match i {
            0 | 1 | IDX_FORWARD => (0, vec![label]),
            2 | 3 | IDX_TOTAL => (6, wrap(&label, lw_main)),
            _ => (13, wrap(&label, lw_sub)),
        };
        let first = lines.len();
        let k = parts.len();
        // Values sit on the middle line of the label cell; between its lines when even.
        let mut body: Vec<LLine> = Vec::new();
        for (j, part) in parts.iter().enumerate() {
            if k % 2 == 0 && j == k / 2 {
                body.push(LLine { values: Some(i), ..Default::default() });
            }
            let mut l = LLine { label: Some((part.clone(), indent)), ..Default::default() };
            if k % 2 == 1 && j == k / 2 {
                l.values = Some(i);
            }
            body.push(l);
        }
        lines.extend(body);
        row_range.push((first, lines.len()));
        // Blank spacer lines between rows.
        for _ in 0..rng.usize(1, 2) {
            lines.push(LLine::default());
        }
    }
    // 三、本年度办理结果 down the left margin over rows （一）…（七）, one character a line.
    let (a, b) = (row_range[IDX_GRANTED].0, row_range[IDX_TOTAL].0);
    let chars: Vec<String> = {
        let mut v = vec!["三、".to_string()];
        v.extend("本年度办理结果".chars().map(|c| c.to_string()));
        v
    };
    let span = b - a;
    for (k, c) in chars.iter().enumerate() {
        let at = a + 1 + k * (span.saturating_sub(2)) / chars.len();
        lines[at.min(b - 1)].margin = Some(c.clone());
    }
    // （三）不\n予公开 at the middle of each group.
    for (g, grp) in GROUPS.iter().enumerate() {
        let (s, e) = (row_range[grp.1].0, row_range[grp.2].1);
        let mid = (s + e) / 2;
        let gl: Vec<char> = m.group_label(g).chars().collect();
        let cut = gl.len().min(4);
        lines[mid.saturating_sub(1).max(s)].group = Some(gl[..cut].iter().collect());
        lines[mid.max(s + 1).min(e - 1)].group = Some(gl[cut..].iter().collect());
    }
    // A page break inside the table.
    if rng.chance(0.7) {
        let at = rng.usize(row_range[4].0, row_range[22].0);
        if lines[at].label.is_none() && lines[at].values.is_none() && lines[at].margin.is_none() && lines[at].group.is_none() {
            lines[at].page = Some(page_marker(rng, page, false));
        }
    }
    for l in &lines {
        if let Some(pm) = &l.page {
            w.line("");
            w.line(pm);
            continue;
        }
        let ls = w.s.len();
        if let Some(mc) = &l.margin {
            w.push(mc);
        }
        if let Some(g) = &l.group {
            pad_to(&mut w.s, ls, 6);
            w.push(g);
        }
        if let Some((text, ind)) = &l.label {
            if *ind > 0 || w.s.len() > ls {
                pad_to(&mut w.s, ls, *ind);
            }
            w.push(text);
        }
        if let Some(i) = l.values {
            for c in 0..7 {
                pad_to(&mut w.s, ls, cols[c]);
                w.val(t3_cell(i, c), &t.t3[i][c].to_string());
            }
        }
        w.line("");
    }
}

pub(crate) fn t4_layout(rng: &mut Rng, w: &mut W, t: &Tables) {
    let step = rng.usize(5, 7);
    let mid = rng.usize(28, 32);
    let col = |k: usize| if k < 5 { k * step } else { mid + (k - 5) * (step + 1) };
    let ls = w.s.len();
    w.push("行政复议");
    pad_to(&mut w.s, ls, mid);
    w.line("行政诉讼");
    w.line("\n");
    let ls = w.s.len();
    pad_to(&mut w.s, ls, mid);
    w.push("未经复议直接起诉");
    pad_to(&mut w.s, ls, col(10));
    w.line("复议后起诉");
    w.line("");
    let top = ["结果", "结果", "其他", "尚未", "总计"];
    let bottom = ["维持", "纠正", "结果", "审结", ""];
    for row in [top, bottom] {
        let ls = w.s.len();
        for k in 0..15 {
            if row[k % 5].is_empty() {
                continue;
            }
            pad_to(&mut w.s, ls, col(k));
            w.push(row[k % 5]);
        }
        w.line("");
    }
    w.line("\n\n");
    let ls = w.s.len();
    for k in 0..15 {
        if k > 0 {
            pad_to(&mut w.s, ls, col(k));
        }
        w.val(t4_cell(k / 5, k % 5), &t.t4[k / 5][k % 5].to_string());
    }
    w.line("\n\n");
}
