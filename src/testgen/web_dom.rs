//! Forms `WebDom` and `WebDom2019`: a report's HTML page as a crawler's `textContent` (or a
//! browser's select-all copy on some portals) gives it, modelled on
//! ../shared/fixtures/real/pingtan_{2019,2022}.txt:
//! - no separators between table cells (`801000081` = 80|1|0|0|0|0|81), the whole report on
//!   one line, paragraphs joined with a space or with nothing, so section headings sit mid-line
//!   after a 。 or a space and a sub-item's number runs into the digits before it
//!   (`…00000002.其他法律…`);
//! - each table in its own markup style: minified (cells and header words run together),
//!   pretty-printed (the source's white space between `<td>`s becomes a space), or white space
//!   only after label cells (`…相关政府信息 370000037`);
//! - stray spaces at cell boundaries from `&nbsp;` or formatting inside a cell (`230 000023`);
//! - `&nbsp;` kept as U+00A0 or turned into a space and collapsed with the rest;
//! - in front a crawler's header (`标题: …` … `==================== 正文 ====================`)
//!   or the portal's chrome (当前位置, menus, 登录/注册, 字号：大 中 小), and sometimes its
//!   footer (网站地图, 版权所有, 网站标识码, ICP备案, 打印本页 关闭窗口).
//!
//! The page is rewritten and flattened with `rewrite::Rw`, so every cell's span follows its
//! characters into the final text, cells inside a run included.

use super::*;
use std::collections::HashMap;

/// How one table's markup is laid out in the page source.
#[derive(Clone, Copy, PartialEq, Debug)]
enum TableStyle {
    /// No white space between tags: every cell runs into the next.
    Minify,
    /// White space before every `<tr>`/`<td>`: a space between all cells.
    Pretty,
    /// A line break after each label cell only: a space between a label and its numbers.
    LabelGap,
    /// As the generator wrote it (header rows spaced, value rows not).
    Keep,
}

pub(crate) struct Flat {
    pub(crate) text: String,
    /// Every cell's span in `text`, blank cells included (zero-width where nothing shows one).
    pub(crate) spans: Vec<(CellId, usize, usize)>,
    pub(crate) damage: Vec<&'static str>,
    /// How blank cells show in the text (for counting readings).
    pub(crate) blanks: Blanks,
    /// Where the report is in `text`, between the page's header and footer.
    pub(crate) body: (usize, usize),
}

/// Flatten `html` (a page of `render_html` or `render_html2019`, with the spans of its value
/// cells, blank ones included) as a crawler would. `blank_cells`: the page has blank value cells
/// (`&nbsp;`), so stray white space inside cells is plain spaces only.
pub(crate) fn flatten_page(rng: &mut Rng, html: &str, mut spans: Vec<(CellId, usize, usize)>, m: &Meta, blank_cells: bool) -> Flat {
    let mut damage: Vec<&'static str> = Vec::new();
    let article_open = "<div class=\"article-content\">";
    let body_start = html.find(article_open).map(|p| p + article_open.len()).unwrap_or(0);

    // 1. The page source: each table's layout, stray spaces in some value cells, sometimes the
    //    title as the article's first paragraph.
    let tables: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut from = 0;
        while let Some(s) = html[from..].find("<table").map(|p| p + from) {
            let e = html[s..].find("</table>").map(|p| p + s + "</table>".len()).unwrap_or(html.len());
            v.push((s, e));
            from = e;
        }
        v
    };
    let styles: Vec<TableStyle> = tables
        .iter()
        .map(|_| {
            let r = rng.below(100);
            if r < 45 {
                TableStyle::Minify
            } else if r < 65 {
                TableStyle::Pretty
            } else if r < 80 {
                TableStyle::LabelGap
            } else {
                TableStyle::Keep
            }
        })
        .collect();
    for (k, s) in styles.iter().enumerate() {
        damage.push(match (k, s) {
            (0, TableStyle::Minify) => "t2-run-together",
            (0, TableStyle::Pretty) => "t2-spaced",
            (0, TableStyle::LabelGap) => "t2-space-after-labels",
            (0, TableStyle::Keep) => "t2-as-written",
            (1, TableStyle::Minify) => "t3-run-together",
            (1, TableStyle::Pretty) => "t3-spaced",
            (1, TableStyle::LabelGap) => "t3-space-after-labels",
            (1, TableStyle::Keep) => "t3-as-written",
            (_, TableStyle::Minify) => "t4-run-together",
            (_, TableStyle::Pretty) => "t4-spaced",
            (_, TableStyle::LabelGap) => "t4-space-after-labels",
            (_, TableStyle::Keep) => "t4-as-written",
        });
    }
    let stray_p = *rng.pick(&[0.0, 0.0, 0.03, 0.1]);
    if stray_p > 0.0 {
        damage.push("stray-spaces");
    }
    let title_first = rng.chance(0.5);
    let title_html =
        format!("<p style=\"text-align:center\"><strong>{}</strong></p>\n", if rng.chance(0.5) { m.title() } else { m.title().replace("年政府", "年度政府") });
    // Stray white space at value cells: (before, after) by span index.
    let mut stray: HashMap<usize, (bool, bool, &'static str)> = HashMap::new();
    for (k, (_, s, e)) in spans.iter().enumerate() {
        let t = tables.iter().position(|(a, b)| a <= s && s < b);
        let blank = html[*s..*e].trim().is_empty() || &html[*s..*e] == "&nbsp;";
        if blank || t.map(|t| styles[t] == TableStyle::Pretty).unwrap_or(true) {
            continue;
        }
        if rng.chance(stray_p) {
            let ws = if !blank_cells && rng.chance(0.5) { "&nbsp;" } else { " " };
            let before = rng.chance(0.5);
            stray.insert(k, (before, !before, ws));
        }
    }
    let mut starts: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut ends: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, (_, s, e)) in spans.iter().enumerate() {
        starts.entry(*s).or_default().push(k);
        ends.entry(*e).or_default().push(k);
    }
    // Places where something may happen; plain text between them is copied in one go.
    let mut marks: Vec<usize> = spans.iter().flat_map(|s| [s.1, s.2]).chain([body_start]).chain(tables.iter().flat_map(|t| [t.0, t.1])).collect();
    marks.sort_unstable();
    marks.dedup();
    let source = {
        let mut rw = Rw::new(html);
        let mut value_td = false;
        while !rw.done() {
            let i = rw.i;
            if i == body_start && title_first {
                rw.emit("\n");
                rw.emit(&title_html);
            }
            if let Some(ks) = ends.get(&i) {
                for k in ks {
                    if let Some((_, true, ws)) = stray.get(k) {
                        rw.emit(ws);
                    }
                }
            }
            if let Some(ks) = starts.get(&i) {
                value_td = true;
                for k in ks {
                    if let Some((true, _, ws)) = stray.get(k) {
                        rw.emit(ws);
                    }
                }
            }
            let style = tables.iter().position(|(a, b)| *a <= i && i < *b).map(|t| styles[t]);
            let rest = rw.rest();
            match style {
                Some(TableStyle::Minify) if rest.starts_with(char::is_whitespace) && rw.out.ends_with('>') => {
                    let n = rest.len() - rest.trim_start().len();
                    if rest[n..].starts_with('<') {
                        rw.drop(n);
                        continue;
                    }
                }
                Some(TableStyle::Pretty) if rest.starts_with("<tr") || rest.starts_with("<td") || rest.starts_with("</tr") => {
                    rw.emit(if rest.starts_with("<td") { "\n      " } else { "\n    " });
                }
                _ => {}
            }
            if rest.starts_with("<td") {
                value_td = false;
            }
            if rest.starts_with("</td>") {
                rw.copy(5);
                if style == Some(TableStyle::LabelGap) && !value_td {
                    rw.emit("\n");
                }
                continue;
            }
            let first = rest.chars().next().map(char::len_utf8).unwrap_or(1);
            let next_mark = marks.get(marks.partition_point(|&m| m <= i)).copied().unwrap_or(html.len());
            let plain =
                rest[first..].find(|c: char| c == '<' || (style == Some(TableStyle::Minify) && c.is_whitespace())).map(|p| p + first).unwrap_or(rest.len());
            rw.copy(plain.min(next_mark - i).max(first));
        }
        rw.finish(&mut spans)
    };

    // 2. textContent of the article: tags dropped (no line breaks for blocks), entities decoded.
    let body_start = source.find(article_open).map(|p| p + article_open.len()).unwrap_or(0);
    let body_end = source.rfind("</div>").filter(|&p| p >= body_start).unwrap_or(source.len());
    let content = {
        let mut rw = Rw::new(&source);
        rw.drop(body_start);
        while rw.i < body_end {
            let rest = rw.rest();
            if rest.starts_with("<!--") {
                let n = rest.find("-->").map(|p| p + 3).unwrap_or(rest.len());
                rw.drop(n);
            } else if rest.starts_with('<') {
                let n = rest.find('>').map(|p| p + 1).unwrap_or(rest.len());
                rw.drop(n);
            } else if rest.starts_with('&') {
                match entity(rest) {
                    Some((n, s)) => rw.replace(n, s),
                    None => rw.copy(1),
                }
            } else {
                let n = rest.find(['<', '&']).unwrap_or(rest.len()).min(body_end - rw.i);
                rw.copy(n);
            }
        }
        let n = source.len() - body_end;
        rw.drop(n);
        rw.finish(&mut spans)
    };

    // 3. White space: U+00A0 kept or made a space; line breaks collapsed to a space or dropped.
    let nbsp_to_space = rng.chance(0.5);
    let join_lines = rng.chance(0.5);
    damage.push(if nbsp_to_space { "nbsp-as-space" } else { "nbsp-kept" });
    damage.push(if join_lines { "lines-joined" } else { "white-space-collapsed" });
    let blanks = match (blank_cells, nbsp_to_space) {
        (false, _) => Blanks::None,
        (true, false) => Blanks::Nbsp,
        (true, true) => Blanks::AnyWs,
    };
    let line = {
        let is_ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n') || (nbsp_to_space && c == '\u{a0}');
        let mut rw = Rw::new(&content);
        while !rw.done() {
            let rest = rw.rest();
            let run: usize = rest.chars().take_while(|&c| is_ws(c)).map(char::len_utf8).sum();
            if run == 0 {
                let n = rest.find(is_ws).unwrap_or(rest.len());
                rw.copy(n);
                continue;
            }
            let at_edge = rw.out.is_empty() || run == rest.len();
            let spaced = !join_lines || rest[..run].chars().any(|c| c == ' ' || c == '\u{a0}');
            rw.replace(run, if spaced && !at_edge { " " } else { "" });
        }
        rw.finish(&mut spans)
    };

    // 4. What is around the article.
    let (head, foot) = page_furniture(rng, m, &mut damage);
    let mut text = head;
    let off = text.len();
    text.push_str(&line);
    text.push_str(&foot);
    for s in spans.iter_mut() {
        s.1 += off;
        s.2 += off;
    }
    Flat { body: (off, off + line.len()), text, spans, damage, blanks }
}

/// `&name;` / `&#n;` at the start of `s`: (length, decoded).
fn entity(s: &str) -> Option<(usize, &'static str)> {
    for (e, d) in [
        ("&nbsp;", "\u{a0}"),
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#160;", "\u{a0}"),
        ("&ensp;", "\u{2002}"),
        ("&emsp;", "\u{2003}"),
    ] {
        if s.starts_with(e) {
            return Some((e.len(), d));
        }
    }
    None
}

/// A crawler's header or the portal's chrome before the article, and sometimes its footer.
fn page_furniture(rng: &mut Rng, m: &Meta, damage: &mut Vec<&'static str>) -> (String, String) {
    let district = m.agency.split('区').next().unwrap_or("").to_string();
    let site = format!("{}区人民政府", district);
    let month = rng.range(1, 3);
    let day = rng.range(10, 28);
    let date = format!("{}-{:02}-{:02}", m.year + 1, month, day);
    let time = format!("{:02}:{:02}", rng.range(8, 18), rng.range(0, 59));
    let id = rng.range(10_000, 99_999);
    let domain: String = (0..rng.usize(3, 6)).map(|_| (b'a' + rng.below(26) as u8) as char).collect();
    let title = if rng.chance(0.5) { m.title() } else { m.title().replace("年政府", "年度政府") };
    let one_line = rng.chance(0.3);
    let sep = if one_line { " " } else { "\n" };
    let mut head = String::new();
    match rng.below(3) {
        0 => {
            damage.push("crawler-header");
            let ym = format!("{}{:02}", m.year + 1, month);
            let _ = write!(head, "标题: {}\n发布时间: {} {}\n文号: \n", title, date, time);
            let _ = write!(head, "发布机构: {}\n栏目: 政府信息公开年报\n", if rng.chance(0.5) { m.agency.as_str() } else { "" });
            let _ = writeln!(head, "原文链接: https://www.{}.gov.cn/zwgk/zfxxgk/zfxxgknb/{}/t{}{:02}_{}.htm", domain, ym, ym, day, id);
            let _ = writeln!(head, "本地目录: zwgk/zfxxgk/zfxxgknb/{}/{}_{}", ym, id, title);
            if rng.chance(0.7) {
                head.push_str("页面链接与图片详见 links.tsv(同目录)\n");
            }
            head.push_str("==================== 正文 ====================\n");
        }
        1 => {
            damage.push("site-chrome");
            let mut parts: Vec<String> = Vec::new();
            if rng.chance(0.6) {
                parts.push(
                    rng.pick(&["无障碍浏览 | 长者模式 | 繁體 | 登录 | 注册", "登录 注册 无障碍 English", "您好，欢迎访问！ 登录 | 注册 | 个人中心"])
                        .to_string(),
                );
            }
            parts.push(site.clone());
            parts.push(
                rng.pick(&["首页 政务公开 政务服务 互动交流 走进", "首页 | 要闻动态 | 政务公开 | 政务服务 | 政民互动 | 走进"]).to_string()
                    + &district
                    + "区",
            );
            parts.push(format!(
                "当前位置：首页 > 政务公开 > {} > 政府信息公开年报{}",
                rng.pick(&["法定主动公开内容", "政府信息公开", "部门信息公开"]),
                if rng.chance(0.5) { " > " } else { "" }
            ));
            if rng.chance(0.5) {
                parts.push("全真版 文字版 -->".to_string());
            }
            parts.push(title.clone());
            parts.push(format!(
                "发布时间：{}{}　来源：{}　{}字号：大 中 小",
                date,
                if rng.chance(0.5) { format!(" {}", time) } else { String::new() },
                if rng.chance(0.5) { &m.agency } else { &site },
                if rng.chance(0.5) { format!("浏览次数：{}　", rng.range(20, 9000)) } else { String::new() }
            ));
            if rng.chance(0.4) {
                parts.push("【打印】【关闭】 分享到：".to_string());
            }
            head = parts.join(sep) + sep;
        }
        _ => damage.push("no-header"),
    }
    let mut foot = String::new();
    if rng.chance(if damage.contains(&"site-chrome") { 0.8 } else { 0.3 }) {
        damage.push("site-footer");
        let mut parts: Vec<String> = vec![String::new()];
        parts.push(rng.pick(&["【打印本页】 【关闭窗口】", "打印本页 关闭窗口", "[ 打印本页 ] [ 关闭窗口 ]"]).to_string());
        if rng.chance(0.3) {
            parts.push(format!("上一篇：{}{}年政府信息公开工作年度报告", m.agency, m.year - 1));
        }
        parts.push(rng.pick(&["网站地图 | 联系我们 | 使用帮助", "网站地图 联系我们 隐私声明", "关于我们 | 网站地图 | 联系我们"]).to_string());
        parts.push(format!("主办单位：{}办公室　版权所有：{}", site, site));
        parts.push(format!(
            "网站标识码：{}　{}ICP备{}号-{}　公网安备 {}号",
            rng.range(1_000_000_000, 9_999_999_999),
            rng.pick(&["豫", "苏", "闽", "沪", "京"]),
            rng.range(10_000_000, 99_999_999),
            rng.range(1, 3),
            rng.range(10_000_000_000_000, 99_999_999_999_999)
        ));
        if rng.chance(0.3) {
            parts.push("建议使用1920×1080分辨率浏览本网站".to_string());
        }
        foot = parts.join(sep);
        if !one_line {
            foot.push('\n');
        }
    } else if !one_line {
        foot.push('\n');
    }
    (head, foot)
}
