//! The 2019 trial format (国办公开办函〔2019〕60号) as an HTML page, the way agencies published
//! it for report years 2019 and 2020 (and some later): table 二 with 本年新制作数量/本年新公开
//! 数量/对外公开总数量, 上一年项目数量/本年增/减/处理决定数量 and 政府集中采购; table 三 with
//! （六）其他处理 as one row (23 rows). Word-exported cell markup, `&nbsp;` standing for 0, whole
//! 总计 columns left blank, units inside cells (「251000元」「12万元」), negative 增/减 (「-18」).

use super::*;
use std::collections::HashSet;

/// Table 二 of the 2019 format: printed values per `T2_2019_ROWS` row, in column order.
#[derive(Clone, Debug, PartialEq)]
pub struct T2y2019 {
    pub rows: Vec<Vec<String>>,
}

/// Random 2019 table 二 values.
pub(crate) fn gen_t2_2019(rng: &mut Rng) -> T2y2019 {
    let profile = rng.usize(0, 3);
    let big = [3i64, 300, 20_000, 500_000][profile];
    let doc = |rng: &mut Rng, hi: i64| -> Vec<i64> {
        let made = rng.range(0, hi);
        let published = if rng.chance(0.8) { made } else { rng.range(0, made) };
        let total = published + if rng.chance(0.5) { 0 } else { rng.range(0, hi * 5) };
        vec![made, published, total]
    };
    let item = |rng: &mut Rng| -> Vec<i64> {
        let prev = if rng.chance(0.7) { rng.range(0, (big / 10).max(2)) } else { 0 };
        let step = (prev / 5).max(1);
        let change = match rng.below(3) {
            0 => 0,
            1 => rng.range(1, step),
            _ => -rng.range(1, step).min(prev),
        };
        let decisions = if rng.chance(0.6) { rng.range(0, big) } else { 0 };
        vec![prev, change, decisions]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let s = |v: Vec<i64>| v.into_iter().map(|x| x.to_string()).collect::<Vec<_>>();
    rows.push(s(if profile >= 2 { doc(rng, 3) } else { vec![0, 0, 0] }));
    rows.push(s(doc(rng, [2, 9, 40, 120][profile])));
    for _ in 0..4 {
        rows.push(s(item(rng)));
    }
    let fee_prev = if rng.chance(0.5) { rng.range(0, 60) } else { 0 };
    let fee_change = if fee_prev > 0 && rng.chance(0.3) { -rng.range(1, fee_prev.min(5)) } else { 0 };
    rows.push(s(vec![fee_prev, fee_change]));
    let projects = if profile == 0 || rng.chance(0.3) { 0 } else { rng.range(1, 200) };
    let amount = if projects == 0 {
        "0".to_string()
    } else {
        match rng.below(4) {
            0 => format!("{}元", rng.range(10_000, 99_999_999)),
            1 => format!("{}.{}{}元", rng.range(10_000, 99_999_999), rng.range(0, 9), rng.range(1, 9)),
            2 => format!("{}万元", rng.range(1, 9999)),
            _ => format!("{}.{}", rng.range(1, 9999), rng.range(1, 9)),
        }
    };
    rows.push(vec![projects.to_string(), amount]);
    T2y2019 { rows }
}

/// A 2019 table 三 has one （六） row: fold the three 2021 sub-rows into `other_1`'s place.
pub(crate) fn fold_other(t: &mut Tables) {
    for c in 0..7 {
        t.t3[20][c] += t.t3[21][c] + t.t3[22][c];
        t.t3[21][c] = 0;
        t.t3[22][c] = 0;
    }
}

/// Which cells of a 2019 report are printed blank: zeros (some tables all of them, some
/// none), sometimes the whole 总计 column of table 三 whatever it holds. Never `keep` (an
/// injected wrong number is printed).
pub(crate) fn blank_cells_2019(rng: &mut Rng, tb: &Tables, t2y: &T2y2019, keep: Option<CellId>) -> (HashSet<CellId>, Vec<&'static str>) {
    let mut blank = HashSet::new();
    let mut kinds = Vec::new();
    let p = |rng: &mut Rng| *rng.pick(&[0.0, 0.0, 0.5, 1.0]);
    let (p2, p3, p4) = (p(rng), p(rng), p(rng));
    let total_blank = rng.chance(0.25) && keep.map(|c| !(c.table == "t3" && c.column == "total")).unwrap_or(true);
    if p2 > 0.0 {
        kinds.push("t2-zeros-blank");
    }
    if p3 > 0.0 {
        kinds.push("t3-zeros-blank");
    }
    if p4 > 0.0 {
        kinds.push("t4-zeros-blank");
    }
    if total_blank {
        kinds.push("t3-total-column-blank");
    }
    for (r, (row, _, cols)) in T2_2019_ROWS.iter().enumerate() {
        for (c, column) in cols.iter().enumerate() {
            if t2y.rows[r][c] == "0" && rng.chance(p2) {
                blank.insert(CellId { table: "t2", row, column });
            }
        }
    }
    for row in t3_rows(true) {
        let i = t3_index(row).expect("row");
        for (c, column) in T3_COLUMNS.iter().enumerate() {
            let cell = CellId { table: "t3", row, column };
            if (c == 6 && total_blank) || (tb.t3[i][c] == 0 && rng.chance(p3)) {
                blank.insert(cell);
            }
        }
    }
    for (b, row) in T4_BLOCKS.iter().enumerate() {
        for (c, column) in T4_COLUMNS.iter().enumerate() {
            if tb.t4[b][c] == 0 && rng.chance(p4) {
                blank.insert(CellId { table: "t4", row, column });
            }
        }
    }
    if let Some(k) = keep {
        blank.remove(&k);
    }
    (blank, kinds)
}

pub(crate) struct Html2019 {
    /// Blank cells as `&nbsp;` only (for flattening: an empty `<td>` would leave nothing).
    pub(crate) nbsp_only: bool,
    /// The injected cell (never blank).
    pub(crate) keep: Option<CellId>,
}

/// Write the page; returns each cell's content as printed (entities decoded) and the kinds of
/// blanking chosen.
pub(crate) fn render_html2019(
    rng: &mut Rng,
    w: &mut W,
    m: &Meta,
    p: &Prose,
    tb: &Tables,
    t2y: &T2y2019,
    o: &Html2019,
) -> (Vec<(CellId, String)>, Vec<&'static str>) {
    let (blank, mut kinds) = blank_cells_2019(rng, tb, t2y, o.keep);
    let word = rng.chance(0.6);
    let empty = if o.nbsp_only || rng.chance(0.7) { "&nbsp;" } else { "" };
    let split_results = rng.chance(0.3);
    let five_long = rng.chance(0.5);
    if word {
        kinds.push("word-markup");
    }
    if empty.is_empty() {
        kinds.push("empty-td");
    }
    if split_results {
        kinds.push("t3-results-label-repeated");
    }
    let mut printed: Vec<(CellId, String)> = Vec::new();
    // A cell's opening and closing markup.
    let (open, close) = if word {
        ("<td width=\"57\" valign=\"center\" style=\"border:solid windowtext 1.0pt;padding:0cm 5.4pt\"><p class=\"MsoNormal\" align=\"center\" style=\"text-align:center\"><span style=\"font-size:10.5pt;font-family:仿宋_GB2312\">", "</span></p></td>")
    } else {
        ("<td>", "</td>")
    };
    let text_td = |s: &str, attrs: &str| -> String {
        if word {
            format!("<td{} valign=\"center\"><p class=\"MsoNormal\" align=\"center\"><span style=\"font-family:仿宋_GB2312\">{}</span></p></td>", attrs, s)
        } else {
            format!("<td{}>{}</td>", attrs, s)
        }
    };
    let value = |w: &mut W, printed: &mut Vec<(CellId, String)>, open: &str, cell: CellId, v: &str| {
        w.push(open);
        if blank.contains(&cell) {
            w.val(cell, empty);
            printed.push((cell, if empty.is_empty() { String::new() } else { "\u{a0}".to_string() }));
        } else {
            w.val(cell, v);
            printed.push((cell, v.to_string()));
        }
        w.push(close);
    };
    w.line(&format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>", m.title()));
    w.line("<style>td{border:1px solid #000}</style></head>\n<body>\n<div class=\"article-content\">");
    let para = |w: &mut W, s: &str| {
        if word {
            w.line(&format!("<p class=\"MsoNormal\" style=\"text-indent:32.0pt\"><span style=\"font-family:仿宋_GB2312\">{}</span></p>", s));
        } else {
            w.line(&format!("<p>{}</p>", s));
        }
    };
    para(w, &p.intro);
    para(w, SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        para(w, &format!("（{}）{}。{}", CN_NUM[k], h, body));
    }
    para(w, SECTION_TITLES[1]);
    w.line("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">");
    for (heading, columns, rows) in T2_2019_BLOCKS {
        w.line(&format!("<tr>{}</tr>", text_td(heading, " colspan=\"4\"")));
        w.push("<tr>");
        for (k, c) in columns.iter().enumerate() {
            let span = if columns.len() == 3 && k == 2 { " colspan=\"2\"" } else { "" };
            w.push(&text_td(c, span));
        }
        w.line("</tr>");
        for &r in rows.iter() {
            let (key, label, cols) = T2_2019_ROWS[r];
            w.push("<tr>");
            w.push(&text_td(label, ""));
            for (c, column) in cols.iter().enumerate() {
                // In a block of three columns the last spans two.
                let wide = open.replacen("<td", "<td colspan=\"2\"", 1);
                let o = if cols.len() == 2 && c == 1 { wide.as_str() } else { open };
                value(w, &mut printed, o, CellId { table: "t2", row: key, column }, &t2y.rows[r][c]);
            }
            w.line("</tr>");
        }
    }
    w.line("</table>");
    para(w, SECTION_TITLES[2]);
    w.line("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">");
    w.line(&format!("<tr>\n  {}\n  {}\n</tr>", text_td(T3_HEADER_NOTE, " colspan=\"3\" rowspan=\"3\""), text_td("申请人情况", " colspan=\"7\"")));
    w.line(&format!(
        "<tr>\n  {}{}{}\n</tr>",
        text_td("自然人", " rowspan=\"2\""),
        text_td("法人或其他组织", " colspan=\"5\""),
        text_td("总计", " rowspan=\"2\"")
    ));
    w.push("<tr>\n  ");
    for h in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] {
        w.push(&text_td(h, ""));
    }
    w.line("\n</tr>");
    // 23 rows: （六）其他处理 is one row, like （一）（二）.
    let rows = t3_rows(true);
    let results = 20; // 三、本年度办理结果 spans （一） to （七）
    for (n, row) in rows.iter().enumerate() {
        let i = t3_index(row).expect("row");
        w.push("<tr>");
        match *row {
            "new" | "carried_over" | "carried_forward" => w.push(&text_td(&m.t3_label(i), " colspan=\"3\"")),
            "granted" => {
                // Split over two pages, the merged label is printed again (pingtan_2019).
                let first = if split_results { 10 } else { results };
                w.push(&text_td("三、本年度办理结果", &format!(" rowspan=\"{}\"", first)));
                w.push(&text_td(&m.t3_label(i), " colspan=\"2\""));
            }
            "partial" | "total" => w.push(&text_td(&m.t3_label(i), " colspan=\"2\"")),
            "other" => w.push(&text_td(&format!("{}其他处理", m.paren(5)), " colspan=\"2\"")),
            _ => {
                if split_results && n == 12 {
                    w.push(&text_td("三、本年度办理结果", &format!(" rowspan=\"{}\"", results - 10)));
                }
                let g = group_of(i).expect("sub-item");
                if GROUPS[g].1 == i {
                    w.push(&text_td(&m.group_label(g), &format!(" rowspan=\"{}\"", GROUPS[g].2 - GROUPS[g].1 + 1)));
                }
                w.push(&text_td(&m.t3_label(i), ""));
            }
        }
        for (c, column) in T3_COLUMNS.iter().enumerate() {
            value(w, &mut printed, open, CellId { table: "t3", row, column }, &tb.t3[i][c].to_string());
        }
        w.line("</tr>");
    }
    w.line("</table>");
    para(w, SECTION_TITLES[3]);
    w.line("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">");
    w.line(&format!("<tr>{}{}</tr>", text_td("行政复议", " colspan=\"5\""), text_td("行政诉讼", " colspan=\"10\"")));
    w.push("<tr>");
    for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
        w.push(&text_td(h, " rowspan=\"2\""));
    }
    w.line(&format!("{}{}</tr>", text_td("未经复议直接起诉", " colspan=\"5\""), text_td("复议后起诉", " colspan=\"5\"")));
    w.push("<tr>");
    for _ in 0..2 {
        for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            w.push(&text_td(h, ""));
        }
    }
    w.line("</tr>");
    w.push("<tr>");
    for (b, row) in T4_BLOCKS.iter().enumerate() {
        for (c, column) in T4_COLUMNS.iter().enumerate() {
            value(w, &mut printed, open, CellId { table: "t4", row, column }, &tb.t4[b][c].to_string());
        }
    }
    w.line("</tr>");
    w.line("</table>");
    para(w, if five_long { "五、政府信息公开工作存在的主要问题及改进情况" } else { SECTION_TITLES[4] });
    for (k, (h, body)) in p.five.iter().enumerate() {
        para(w, &format!("（{}）{}：{}", CN_NUM[k], h, body));
    }
    para(w, SECTION_TITLES[5]);
    for s in &p.six {
        para(w, s);
    }
    w.line("</div>\n</body></html>");
    (printed, kinds)
}
