//! Form (f): an HTML page with `<table>` markup, labels sometimes split across `<span>`s.

use super::*;

pub(crate) fn render_html(rng: &mut Rng, w: &mut W, m: &Meta, p: &Prose, tb: &Tables) {
    let spans = rng.chance(0.3);
    let nbsp = rng.chance(0.3);
    // A label cell's text, sometimes split across <span>s as editors leave it.
    let label_html = |rng: &mut Rng, s: &str| -> String {
        if spans && s.chars().count() > 4 && rng.chance(0.5) {
            let chars: Vec<char> = s.chars().collect();
            let cut = rng.usize(1, chars.len() - 1);
            format!(
                "<span style=\"font-family:仿宋_GB2312\">{}</span><span>{}</span>",
                chars[..cut].iter().collect::<String>(),
                chars[cut..].iter().collect::<String>()
            )
        } else {
            s.to_string()
        }
    };
    let empty = if nbsp { "<td>&nbsp;</td>" } else { "<td></td>" };
    w.line(&format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>", m.title()));
    w.line("<style>td{border:1px solid #000}</style></head>\n<body>\n<div class=\"article-content\">");
    w.line(&format!("<p>{}</p>", p.intro));
    w.line(&format!("<p>{}</p>", SECTION_TITLES[0]));
    for (k, (h, body)) in p.one.iter().enumerate() {
        w.line(&format!("<p><strong>（{}）{}。</strong>{}</p>", CN_NUM[k], h, body));
    }
    w.line(&format!("<p>{}</p>", SECTION_TITLES[1]));
    w.line("<table border=\"1\" cellspacing=\"0\">");
    for b in t2_blocks(&tb.t2) {
        w.line(&format!("<tr><td colspan=\"4\">{}</td></tr>", b.heading));
        w.push("<tr>");
        for (k, c) in b.columns.iter().enumerate() {
            if b.columns.len() == 2 && k == 1 {
                w.push(&format!("<td colspan=\"3\">{}</td>", c));
            } else {
                w.push(&format!("<td>{}</td>", c));
            }
        }
        w.line("</tr>");
        for (key, label, vals) in &b.rows {
            w.push(&format!("<tr><td>{}</td>", label_html(rng, label)));
            for (col, v) in vals {
                w.push(if vals.len() == 1 { "<td colspan=\"3\">" } else { "<td>" });
                w.val(t2_cell(key, col), v);
                w.push("</td>");
            }
            w.line("</tr>");
        }
    }
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[2]));
    w.line("<table border=\"1\">");
    w.line(&format!("<tr>\n  <td colspan=\"3\" rowspan=\"3\">{}</td>\n  <td colspan=\"7\">申请人情况</td>\n</tr>", T3_HEADER_NOTE));
    // Merged header cells as rowspan, or as empty cells under them (testcity_2025.html).
    let rowspans = rng.chance(0.5);
    if rowspans {
        w.line("<tr>\n  <td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td>\n</tr>");
        w.line("<tr>\n  <td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>\n</tr>");
    } else {
        w.line("<tr>\n  <td>自然人</td><td colspan=\"5\">法人或其他组织</td><td>总计</td>\n</tr>");
        w.line(&format!("<tr>\n  {}<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>{}\n</tr>", empty, empty));
    }
    for i in 0..25 {
        w.push("<tr>");
        let label = label_html(rng, &m.t3_label(i));
        match i {
            0 | 1 | IDX_FORWARD => w.push(&format!("<td colspan=\"3\">{}</td>", label)),
            IDX_GRANTED => w.push(&format!("<td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">{}</td>", label)),
            3 | IDX_TOTAL => w.push(&format!("<td colspan=\"2\">{}</td>", label)),
            _ => {
                let g = group_of(i).expect("sub-item");
                if GROUPS[g].1 == i {
                    w.push(&format!("<td rowspan=\"{}\">{}</td>", GROUPS[g].2 - GROUPS[g].1 + 1, m.group_label(g)));
                }
                w.push(&format!("<td>{}</td>", label));
            }
        }
        for c in 0..7 {
            w.push("<td>");
            w.val(t3_cell(i, c), &tb.t3[i][c].to_string());
            w.push("</td>");
        }
        w.line("</tr>");
    }
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[3]));
    w.line("<table border=\"1\">");
    w.line("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>");
    if rowspans {
        w.line("<tr>\n  <td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td>\n  <td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td>\n</tr>");
        w.push("<tr>");
    } else {
        w.line("<tr>\n  <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>\n  <td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td>\n</tr>");
        w.push("<tr>");
        w.push(&empty.repeat(5));
    }
    for _ in 0..2 {
        w.push("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>");
    }
    w.line("</tr>");
    w.push("<tr>");
    for k in 0..15 {
        w.push("<td>");
        w.val(t4_cell(k / 5, k % 5), &tb.t4[k / 5][k % 5].to_string());
        w.push("</td>");
    }
    w.line("</tr>");
    w.line("</table>");
    w.line(&format!("<p>{}</p>", SECTION_TITLES[4]));
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("<p>（{}）{}：{}</p>", CN_NUM[k], h, body));
    }
    w.line(&format!("<p>{}</p>", SECTION_TITLES[5]));
    for s in &p.six {
        w.line(&format!("<p>{}</p>", s));
    }
    w.line("</div>\n</body></html>");
}
