//! Form (e): web text with no cell separators: a row's cells run together (`801000081`).

use super::*;

pub(crate) fn render_run_together(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables) {
    w.line(&m.title());
    w.line(&format!("来源：{}　　发布时间：{}-0{}-{}", m.agency, m.year + 1, rng.range(1, 3), rng.range(10, 28)));
    w.line("");
    w.line(&p.intro);
    w.line(SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        w.line(&format!("（{}）{}。{}", CN_NUM[k], h, body));
    }
    w.line(SECTION_TITLES[1]);
    for b in t2_blocks(&tb.t2) {
        w.line(b.heading);
        w.line(&b.columns.concat());
        for (key, label, vals) in &b.rows {
            w.push(label);
            for (col, v) in vals {
                w.val(t2_cell(key, col), v);
            }
            w.line("");
        }
    }
    w.line(SECTION_TITLES[2]);
    if rng.chance(0.5) {
        w.line(&format!("{}申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他", T3_HEADER_NOTE));
    } else {
        w.line(&format!("{}申请人情况", T3_HEADER_NOTE));
        w.line("自然人法人或其他组织总计");
        w.line("商业企业科研机构社会公益组织法律服务机构其他");
    }
    for i in 0..25 {
        if i == IDX_GRANTED {
            w.push("三、本年度办理结果");
        }
        if let Some(g) = group_of(i) {
            if GROUPS[g].1 == i {
                w.push(&m.group_label(g));
            }
        }
        w.push(&m.t3_label(i));
        for c in 0..7 {
            w.val(t3_cell(i, c), &tb.t3[i][c].to_string());
        }
        w.line("");
    }
    w.line(SECTION_TITLES[3]);
    w.line("行政复议行政诉讼");
    w.line("结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉");
    w.line("结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计");
    for k in 0..15 {
        w.val(t4_cell(k / 5, k % 5), &tb.t4[k / 5][k % 5].to_string());
    }
    w.line("");
    w.line(SECTION_TITLES[4]);
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("（{}）{}：{}", CN_NUM[k], h, body));
    }
    w.line(SECTION_TITLES[5]);
    for s in &p.six {
        w.line(s);
    }
}
