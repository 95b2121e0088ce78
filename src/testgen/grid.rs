//! Forms (c) and (d): converter output as markdown tables or tab-separated rows, merged cells
//! left empty.

use super::*;

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Grid {
    Markdown,
    Tsv,
}

/// A grid cell: text, or a value of a cell.
pub(crate) enum GC {
    T(String),
    V(CellId, String),
}

pub(crate) fn grid_row(w: &mut W, g: Grid, cells: &[GC], trailing: bool) {
    match g {
        Grid::Tsv => {
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    w.push("\t");
                }
                match c {
                    GC::T(s) => w.push(s),
                    GC::V(id, s) => w.val(*id, s),
                }
            }
            if trailing {
                w.push("\t");
            }
        }
        Grid::Markdown => {
            w.push("|");
            for c in cells {
                w.push(" ");
                match c {
                    GC::T(s) => w.push(s),
                    GC::V(id, s) => w.val(*id, s),
                }
                w.push(" |");
            }
        }
    }
    w.line("");
}

pub(crate) fn grid_rule(w: &mut W, g: Grid, n: usize) {
    if g == Grid::Markdown {
        w.line(&format!("|{}", " --- |".repeat(n)));
    }
}

pub(crate) fn t(s: &str) -> GC {
    GC::T(s.to_string())
}

pub(crate) fn render_grid(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables, g: Grid) {
    let md_head = |n: usize| if n > 0 { "#".repeat(n) + " " } else { String::new() };
    let h_level = if rng.chance(0.5) { 2 } else { 0 };
    w.line("");
    w.line(&format!("{}{}", md_head(1), if rng.chance(0.5) { m.title() } else { format!("{} {} 年政府信息公开工作年度报告", m.agency, m.year) }));
    w.line("");
    w.line(&p.intro);
    w.line("");
    let section = |w: &mut W, k: usize| {
        w.line(&format!("{}{}", md_head(h_level), SECTION_TITLES[k]));
        w.line("");
    };
    section(w, 0);
    for (k, (h, body)) in p.one.iter().enumerate() {
        if rng.chance(0.5) {
            w.line(&format!("{}（{}）{}", md_head(if h_level > 0 { 3 } else { 0 }), CN_NUM[k], h));
            w.line("");
            w.line(body);
        } else {
            w.line(&format!("**（{}）{}。**{}", CN_NUM[k], h, body));
        }
        w.line("");
    }
    section(w, 1);
    // Table 二: one grid of four columns; blocks headed by their own rows.
    let trailing = g == Grid::Tsv && rng.chance(0.3);
    let mut first = true;
    for b in t2_blocks(&tb.t2) {
        let mut head = vec![t(b.heading)];
        head.extend((1..4).map(|_| t("")));
        if first || g == Grid::Tsv {
            grid_row(w, g, &head, false);
            if first {
                grid_rule(w, g, 4);
            }
        } else {
            grid_row(w, g, &head, false);
        }
        first = false;
        let mut cols: Vec<GC> = b.columns.iter().map(|c| t(c)).collect();
        while cols.len() < 4 {
            cols.push(t(""));
        }
        grid_row(w, g, &cols, false);
        for (key, label, vals) in &b.rows {
            let mut cells = vec![t(label)];
            for (col, v) in vals {
                cells.push(GC::V(t2_cell(key, col), v.clone()));
            }
            while cells.len() < 4 {
                cells.push(t(""));
            }
            grid_row(w, g, &cells, trailing);
        }
    }
    w.line("");
    section(w, 2);
    // Table 三: three label columns and seven value columns, merged cells left empty.
    let trailing = g == Grid::Tsv && rng.chance(0.5);
    let note = if m.half_brackets { T3_HEADER_NOTE.replace('（', "(").replace('）', ")") } else { T3_HEADER_NOTE.to_string() };
    let total_in_first = rng.chance(0.5);
    if g == Grid::Markdown {
        // Ten columns: three label columns, 自然人, five 法人 columns, 总计.
        let mut h1 = vec![t(&note), t(""), t(""), t("申请人情况")];
        h1.extend((0..6).map(|_| t("")));
        if total_in_first {
            h1[9] = t("总计");
        }
        grid_row(w, g, &h1, false);
        grid_rule(w, g, 10);
        let mut h2 = vec![t(""), t(""), t(""), t("自然人"), t("法人或其他组织")];
        h2.extend((0..4).map(|_| t("")));
        h2.push(t(if total_in_first { "" } else { "总计" }));
        grid_row(w, g, &h2, false);
        let mut h3 = vec![t(""), t(""), t(""), t("")];
        h3.extend(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|s| t(s)));
        h3.push(t(""));
        grid_row(w, g, &h3, false);
    } else {
        // As seed 003 has it: the header shifted against the body.
        let mut h1 = vec![t(&note), t(""), t("申请人情况")];
        h1.extend((0..6).map(|_| t("")));
        h1.push(t(if total_in_first { "总计" } else { "" }));
        grid_row(w, g, &h1, true);
        let mut h2 = vec![t(""), t(""), t("自然人"), t("法人或其他组织")];
        h2.extend((0..5).map(|_| t("")));
        h2.push(t(if total_in_first { "" } else { "总计" }));
        grid_row(w, g, &h2, false);
        let mut h3 = vec![t(""), t(""), t("")];
        h3.extend(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|s| t(s)));
        grid_row(w, g, &h3, true);
    }
    for i in 0..25 {
        let label = m.t3_label(i);
        let mut cells: Vec<GC> = match i {
            0 | 1 | IDX_FORWARD => vec![t(&label), t("")],
            IDX_GRANTED => vec![t("三、本年度办理结果"), t(&label)],
            3 | IDX_TOTAL => vec![t(""), t(&label)],
            _ => {
                let grp = group_of(i).expect("sub-item");
                let first_of_group = GROUPS[grp].1 == i;
                let gl = if first_of_group { m.group_label(grp) } else { String::new() };
                vec![t(""), t(&gl), t(&label)]
            }
        };
        // Markdown keeps every row ten cells wide; TSV from a converter is ragged (seed 003):
        // （一）（二）（七） rows carry two label cells, the others three.
        if cells.len() == 2 && (g == Grid::Markdown || matches!(i, 0 | 1 | IDX_FORWARD)) {
            cells.push(t(""));
        }
        for c in 0..7 {
            cells.push(GC::V(t3_cell(i, c), tb.t3[i][c].to_string()));
        }
        grid_row(w, g, &cells, trailing);
    }
    w.line("");
    section(w, 3);
    let mut r1 = vec![t("行政复议")];
    r1.extend((0..4).map(|_| t("")));
    r1.push(t("行政诉讼"));
    r1.extend((0..9).map(|_| t("")));
    grid_row(w, g, &r1, false);
    grid_rule(w, g, 15);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut r2: Vec<GC> = heads.iter().map(|s| t(s)).collect();
    r2.push(t("未经复议直接起诉"));
    r2.extend((0..4).map(|_| t("")));
    r2.push(t("复议后起诉"));
    r2.extend((0..4).map(|_| t("")));
    grid_row(w, g, &r2, false);
    let mut r3: Vec<GC> = (0..5).map(|_| t("")).collect();
    for _ in 0..2 {
        r3.extend(heads.iter().map(|s| t(s)));
    }
    grid_row(w, g, &r3, false);
    let vals: Vec<GC> = (0..15).map(|k| GC::V(t4_cell(k / 5, k % 5), tb.t4[k / 5][k % 5].to_string())).collect();
    grid_row(w, g, &vals, false);
    w.line("");
    section(w, 4);
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("**（{}）{}：**{}", CN_NUM[k], h, body));
        w.line("");
    }
    section(w, 5);
    for s in &p.six {
        w.line(s);
        w.line("");
    }
}
