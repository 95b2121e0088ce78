//! Form `MdDamaged`: what PDF→markdown converters (and OCR or LLM conversions) write, modelled
//! on ../shared/fixtures/real/shanghai_bangongting_2025.md. Each report gets a few kinds of
//! damage at random (`Generated::damage` names them), so that both easy and nasty reports
//! occur:
//! - tables: one md table per row or per page, each with its own `|---|` line; placeholder
//!   headers (`| 数据1 | 数据2 | … |`); a header row of another table above the last rows;
//!   `## 表三：…` captions repeated between the pieces; the header of table 三 as loose lines
//!   and a broken header row (`| 等于第三项加第四项之和） | 自然人 | 商业 | 科研 | 总计 |`);
//! - rows: a label in one row and its numbers in the next, or as loose lines before a numbers
//!   row; a numbers row with no label at all; rows shifted by one column with a stray fragment
//!   of the group label in the first cell (`| （三）不 | 4.保护第三方合法权益 | 0 | …`); a label
//!   cut to a middle fragment (`| 行政机关不再处理其政府信息公 | 40 | …`) with its head and tail
//!   as loose lines;
//! - cells: blank cells and `-` placeholders; notes in table 二 cells (`22（其中修订16件）`),
//!   sometimes floated out of the table as loose lines before it (`22`, `（其中修订 16 件）`)
//!   while their row lacks the cell;
//! - table 四: loose header words and a header row of 6 or 12 columns over the 15 values;
//! - the page: prose hard-wrapped at a fixed width, spaces between digits and CJK, page markers
//!   `— 4 —`.
//!
//! `Shown` records what the damage cost: rows placed only by order or context are `Inferred`,
//! a floated value and the rest of its row are `Lost`.

use super::wild::Page;
use super::*;
use std::collections::HashSet;

/// Page markers every so many lines of prose.
struct Pager {
    on: bool,
    lines: usize,
    per_page: usize,
    page: u32,
}

impl Pager {
    fn line(&mut self, w: &mut W, s: &str) {
        w.line(s);
        self.lines += 1;
        if self.on && self.lines >= self.per_page {
            self.mark(w);
        }
    }
    fn mark(&mut self, w: &mut W) {
        if self.on {
            w.line(&format!("— {} —", self.page));
            self.page += 1;
            self.lines = 0;
        }
    }
}

/// What a piece of table text is.
enum Item {
    /// A table row (cells in printed order).
    Row(Vec<GC>),
    /// Lines outside any table.
    Loose(Vec<String>),
    /// The next row starts a new md table.
    Break,
    /// A page ends here (marker between pieces).
    Page,
}

struct Damage {
    kinds: Vec<&'static str>,
    q: f64,
}

impl Damage {
    /// Take this kind of damage with the report's probability.
    fn take(&mut self, rng: &mut Rng, kind: &'static str) -> bool {
        let yes = rng.chance(self.q);
        if yes {
            self.kinds.push(kind);
        }
        yes
    }
    fn has(&self, kind: &str) -> bool {
        self.kinds.contains(&kind)
    }
}

/// Put a space between CJK text and ASCII digits, as converters do (「2025 年」「22 件」).
fn space_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let cjk = |x: char| ('\u{4e00}'..='\u{9fff}').contains(&x);
            if (p.is_ascii_digit() && cjk(c)) || (cjk(p) && c.is_ascii_digit()) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

fn cut(s: &str, at: usize) -> (String, String) {
    let chars: Vec<char> = s.chars().collect();
    let at = at.min(chars.len());
    (chars[..at].iter().collect(), chars[at..].iter().collect())
}

pub(crate) fn render_md_damaged(rng: &mut Rng, m: &Meta, p: &Prose, tb: &Tables, keep: Option<CellId>) -> Page {
    let mut d = Damage { kinds: Vec::new(), q: *rng.pick(&[0.08, 0.2, 0.35, 0.6]) };
    let mut w = W::default();
    let mut printed: Vec<(CellId, String)> = Vec::new();
    let mut shown: Vec<(CellId, Shown, &'static str)> = Vec::new();
    let hard_wrap = rng.chance(0.75);
    if hard_wrap {
        d.kinds.push("hard-wrapped-prose");
    }
    let spaced = rng.chance(0.5);
    if spaced {
        d.kinds.push("digits-spaced-in-prose");
    }
    let width = rng.usize(26, 34);
    let mut pg = Pager { on: d.take(rng, "page-markers") || rng.chance(0.3), lines: 0, per_page: rng.usize(22, 34), page: 1 };
    if pg.on && !d.has("page-markers") {
        d.kinds.push("page-markers");
    }
    let prose = |w: &mut W, pg: &mut Pager, s: &str| {
        let s = if spaced { space_digits(s) } else { s.to_string() };
        if hard_wrap {
            for l in wrap_prose(&s, width) {
                pg.line(w, &l);
            }
        } else {
            pg.line(w, &s);
        }
    };

    // Title and prose of section 一.
    if rng.chance(0.3) {
        w.line("正文");
    }
    let title = if spaced { space_digits(&m.title()) } else { m.title() };
    if rng.chance(0.5) {
        let (a, b) = cut(&title, title.chars().count() - 6);
        w.line(&a);
        w.line(&b);
    } else {
        w.line(&title);
    }
    prose(&mut w, &mut pg, &p.intro);
    w.line("");
    w.line(SECTION_TITLES[0]);
    for (k, (h, body)) in p.one.iter().enumerate() {
        w.line(&format!("（{}）{}", CN_NUM[k], h));
        prose(&mut w, &mut pg, body);
        w.line("");
    }

    // Table 二.
    w.line(SECTION_TITLES[1]);
    render_t2(rng, &mut w, &mut d, tb, &mut printed, &mut shown);
    pg.mark(&mut w);
    w.line("");

    // Which zero cells of tables 三 and 四 are blank or a placeholder.
    let mut odd: Vec<(CellId, &'static str)> = Vec::new();
    let blank = d.take(rng, "blank-cells");
    let dash = d.take(rng, "dash-placeholders");
    if blank || dash {
        let p_cell = *rng.pick(&[0.1, 0.3, 1.0]);
        for (i, row) in T3_ROWS.iter().enumerate() {
            for (c, column) in T3_COLUMNS.iter().enumerate() {
                let cell = CellId { table: "t3", row, column };
                if tb.t3[i][c] == 0 && Some(cell) != keep && rng.chance(p_cell) {
                    odd.push((cell, if blank && (!dash || rng.chance(0.5)) { "" } else { "-" }));
                }
            }
        }
        for (b, row) in T4_BLOCKS.iter().enumerate() {
            for (c, column) in T4_COLUMNS.iter().enumerate() {
                let cell = CellId { table: "t4", row, column };
                if tb.t4[b][c] == 0 && Some(cell) != keep && rng.chance(p_cell) {
                    odd.push((cell, if blank && (!dash || rng.chance(0.5)) { "" } else { "-" }));
                }
            }
        }
    }
    let mut value = |cell: CellId, v: i64| -> GC {
        let text = odd.iter().find(|o| o.0 == cell).map(|o| o.1.to_string()).unwrap_or_else(|| v.to_string());
        printed.push((cell, text.clone()));
        GC::V(cell, text)
    };

    // Table 三.
    w.line(SECTION_TITLES[2]);
    let items = t3_items(rng, &mut d, m, tb, &mut value, &mut shown);
    let caption = "## 表三：收到和处理政府信息公开申请情况";
    write_items(rng, &mut w, &mut d, &mut pg, items, caption);
    w.line("");

    // Table 四.
    w.line(SECTION_TITLES[3]);
    let vals: Vec<GC> = (0..15).map(|k| value(t4_cell(k / 5, k % 5), tb.t4[k / 5][k % 5])).collect();
    if d.take(rng, "t4-header-mismatch") {
        w.line("行政复议行政诉讼");
        w.line("未经复议直接起诉复议后起诉");
        w.line("结果结果其他尚未");
        w.line("总计结果结果其他尚未结果结果其他尚未");
        w.line("维持纠正结果审结维持纠正结果审结");
        if rng.chance(0.5) {
            w.line("注：行政复议、行政诉讼数量含上年度结转数量。");
        }
        let head: Vec<GC> = if rng.chance(0.5) {
            ["维持", "纠正", "结果", "审结", "总计", "总计"].iter().map(|s| t(s)).collect()
        } else {
            let h = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
            h.iter().chain(h.iter()).take(12).map(|s| t(s)).collect()
        };
        let n = head.len();
        grid_row(&mut w, Grid::Markdown, &head, false);
        w.line(&format!("|{}", "---|".repeat(n)));
        grid_row(&mut w, Grid::Markdown, &vals, false);
        w.line(&format!("|{}", "---|".repeat(15)));
    } else {
        let mut r1 = vec![t("行政复议")];
        r1.extend((0..4).map(|_| t("")));
        r1.push(t("行政诉讼"));
        r1.extend((0..9).map(|_| t("")));
        grid_row(&mut w, Grid::Markdown, &r1, false);
        w.line(&format!("|{}", "---|".repeat(15)));
        let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let mut r2: Vec<GC> = heads.iter().map(|s| t(s)).collect();
        r2.push(t("未经复议直接起诉"));
        r2.extend((0..4).map(|_| t("")));
        r2.push(t("复议后起诉"));
        r2.extend((0..4).map(|_| t("")));
        grid_row(&mut w, Grid::Markdown, &r2, false);
        let mut r3: Vec<GC> = (0..5).map(|_| t("")).collect();
        for _ in 0..2 {
            r3.extend(heads.iter().map(|s| t(s)));
        }
        grid_row(&mut w, Grid::Markdown, &r3, false);
        grid_row(&mut w, Grid::Markdown, &vals, false);
    }
    w.line("");

    // Sections 五 and 六.
    w.line(SECTION_TITLES[4]);
    for (k, (h, body)) in p.five.iter().enumerate() {
        w.line(&format!("（{}）{}", CN_NUM[k], h));
        prose(&mut w, &mut pg, body);
        w.line("");
    }
    w.line(SECTION_TITLES[5]);
    for s in &p.six {
        prose(&mut w, &mut pg, s);
    }
    pg.mark(&mut w);
    Page { text: w.s, spans: w.spans, printed, shown, damage: d.kinds, runs: None, body: None }
}

/// Table 二: blocks as md tables or loose lines, notes in cells, notes floated out.
fn render_t2(rng: &mut Rng, w: &mut W, d: &mut Damage, tb: &Tables, printed: &mut Vec<(CellId, String)>, shown: &mut Vec<(CellId, Shown, &'static str)>) {
    let blocks = t2_blocks(&tb.t2);
    // Notes in cells of block (一): 「22（其中修订16件）」.
    let floated = d.take(rng, "t2-floated-notes");
    let noted = floated || d.take(rng, "t2-notes-in-cells");
    let mut notes: Vec<(CellId, String, String)> = Vec::new(); // (cell, number, note)
    if noted {
        for (key, _, vals) in &blocks[0].rows {
            for (col, v) in vals {
                let n: i64 = v.parse().unwrap_or(0);
                if *col != "valid" && n > 0 && notes.iter().all(|x| x.0.row != *key) && rng.chance(0.6) {
                    let k = rng.range(1, n);
                    let note = format!("{}{}件", rng.pick(&["其中修订", "含自然失效", "其中新制定", "含修改"]), k);
                    notes.push((t2_cell(key, col), v.clone(), note));
                }
            }
        }
        if notes.is_empty() {
            d.kinds.retain(|k| !k.starts_with("t2-") || !k.contains("notes"));
        }
    }
    let note_of = |cell: CellId| notes.iter().find(|x| x.0 == cell);
    let loose_blocks = d.take(rng, "t2-loose-blocks");
    let per_row = d.take(rng, "t2-piece-per-row");
    let caption = "## 表二：主动公开政府信息情况";
    let floating = floated && !notes.is_empty();
    // Block (一) first: its heading, then the floated values as loose lines.
    let block_table = |w: &mut W, printed: &mut Vec<(CellId, String)>, shown: &mut Vec<(CellId, Shown, &'static str)>, b: &T2Block| {
        let mut head: Vec<GC> = b.columns.iter().map(|c| t(c)).collect();
        while head.len() < 4 {
            head.push(t(""));
        }
        let n = head.len();
        grid_row(w, Grid::Markdown, &head, false);
        w.line(&format!("|{}", "---|".repeat(n)));
        for (key, label, vals) in &b.rows {
            let mut cells = vec![t(label)];
            let lost = floating && vals.iter().any(|(col, _)| note_of(t2_cell(key, col)).is_some());
            for (col, v) in vals {
                let cell = t2_cell(key, col);
                if lost {
                    shown.push((cell, Shown::Lost, "value floated out of the table; its row lost a cell"));
                }
                match note_of(cell) {
                    Some(_) if floating => {}
                    Some((_, num, note)) => {
                        let s = format!("{}（{}）", num, note);
                        printed.push((cell, s.clone()));
                        cells.push(GC::V(cell, s));
                    }
                    None => {
                        printed.push((cell, v.clone()));
                        cells.push(GC::V(cell, v.clone()));
                    }
                }
            }
            if per_row {
                w.line(caption);
                let n = cells.len();
                grid_row(w, Grid::Markdown, &cells, false);
                w.line(&format!("|{}", "---|".repeat(n)));
            } else {
                grid_row(w, Grid::Markdown, &cells, false);
            }
        }
    };
    w.line(blocks[0].heading);
    if floating {
        for (cell, num, note) in &notes {
            // 「22」 and 「（其中修订 16 件）」 on lines of their own.
            let start = w.s.len();
            w.line(num);
            w.push(&format!("（{}）", space_digits(note)));
            w.spans.push((*cell, start, w.s.len()));
            w.line("");
            printed.push((*cell, format!("{}（{}）", num, note)));
        }
    }
    let rest_loose = |w: &mut W, printed: &mut Vec<(CellId, String)>| {
        for b in &blocks[1..] {
            w.line(b.heading);
            w.line(&b.columns.concat());
            for (key, label, vals) in &b.rows {
                w.push(label);
                for (col, v) in vals {
                    w.push(" ");
                    w.val(t2_cell(key, col), v);
                    printed.push((t2_cell(key, col), v.clone()));
                }
                w.line("");
            }
        }
    };
    if floating && loose_blocks {
        // The other blocks as loose text, then block (一)'s table at the end (the Shanghai page).
        rest_loose(w, printed);
        block_table(w, printed, shown, &blocks[0]);
        return;
    }
    block_table(w, printed, shown, &blocks[0]);
    if loose_blocks {
        rest_loose(w, printed);
        return;
    }
    for b in &blocks[1..] {
        let mut head = vec![t(b.heading)];
        head.extend((1..4).map(|_| t("")));
        grid_row(w, Grid::Markdown, &head, false);
        w.line(&format!("|{}", "---|".repeat(4)));
        let mut cols: Vec<GC> = b.columns.iter().map(|c| t(c)).collect();
        while cols.len() < 4 {
            cols.push(t(""));
        }
        grid_row(w, Grid::Markdown, &cols, false);
        for (key, label, vals) in &b.rows {
            let mut cells = vec![t(label)];
            for (col, v) in vals {
                printed.push((t2_cell(key, col), v.clone()));
                cells.push(GC::V(t2_cell(key, col), v.clone()));
            }
            while cells.len() < 4 {
                cells.push(t(""));
            }
            grid_row(w, Grid::Markdown, &cells, false);
        }
    }
}

/// How the group labels （三）–（六） and 三、本年度办理结果 survive.
#[derive(Clone, Copy, PartialEq)]
enum Groups {
    /// In label columns of their own (ten columns, as in `Markdown`).
    Columns,
    /// As loose lines cut every few characters between table pieces (「（四）无」「法提供」).
    Loose,
    /// As fragments in an extra first cell of rows in the group's middle (「| （三）不 | 4.保护…」).
    Fragments,
    /// Lost.
    Dropped,
}

/// Table 三 as items: header, rows with their damage.
fn t3_items(
    rng: &mut Rng,
    d: &mut Damage,
    m: &Meta,
    tb: &Tables,
    value: &mut dyn FnMut(CellId, i64) -> GC,
    shown: &mut Vec<(CellId, Shown, &'static str)>,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let groups = if d.take(rng, "t3-group-label-fragments") {
        Groups::Fragments
    } else if d.take(rng, "t3-group-labels-loose") {
        Groups::Loose
    } else if rng.chance(0.5) {
        Groups::Columns
    } else {
        d.kinds.push("t3-group-labels-dropped");
        Groups::Dropped
    };
    let label_cols = if groups == Groups::Columns { 3 } else { 1 };
    // The header.
    if d.take(rng, "t3-loose-header") {
        let (a, b) = cut(T3_HEADER_NOTE, 22);
        items.push(Item::Loose(vec![
            "申请人情况".into(),
            "法人或其他组织".into(),
            a,
            "社会法律".into(),
            "公益服务其他".into(),
            "企业机构".into(),
            "组织机构".into(),
        ]));
        items.push(Item::Row(vec![t(&b), t("自然人"), t("商业"), t("科研"), t("总计")]));
        items.push(Item::Break);
    } else {
        let mut h1 = vec![t(T3_HEADER_NOTE)];
        h1.extend((1..label_cols).map(|_| t("")));
        h1.push(t("申请人情况"));
        h1.extend((0..6).map(|_| t("")));
        items.push(Item::Row(h1));
        let mut h2: Vec<GC> = (0..label_cols).map(|_| t("")).collect();
        h2.push(t("自然人"));
        h2.push(t("法人或其他组织"));
        h2.extend((0..4).map(|_| t("")));
        h2.push(t("总计"));
        items.push(Item::Row(h2));
        let mut h3: Vec<GC> = (0..label_cols + 1).map(|_| t("")).collect();
        h3.extend(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|s| t(s)));
        h3.push(t(""));
        items.push(Item::Row(h3));
    }
    // Row damage.
    let label_row = d.take(rng, "t3-label-row-then-numbers");
    let label_loose = d.take(rng, "t3-label-loose-then-numbers");
    let unlabelled = d.take(rng, "t3-unlabelled-row");
    let middle = d.take(rng, "t3-label-middle-fragment");
    let per_row = d.take(rng, "t3-piece-per-row");
    let per_page = !per_row && d.take(rng, "t3-piece-per-page");
    let foreign = d.take(rng, "t3-foreign-header");
    let page_at: HashSet<usize> = if per_page { (0..rng.usize(1, 2)).map(|_| rng.usize(5, 20)).collect() } else { HashSet::new() };
    let foreign_at = if foreign { 25 - rng.usize(2, 3) } else { 99 };
    // Which rows carry a fragment of their group's label (group, row, fragment).
    let mut frag: Vec<(usize, String)> = Vec::new();
    if groups == Groups::Fragments {
        for (g, grp) in GROUPS.iter().enumerate() {
            let label = m.group_label(g);
            let n_rows = grp.2 - grp.1 + 1;
            let (a, b) = cut(&label, label.chars().count() - 3);
            let first = grp.1 + (n_rows - 2) / 2;
            frag.push((first, a));
            frag.push((first + 1, b));
        }
    }
    let frag_of = |i: usize| frag.iter().find(|f| f.0 == i).map(|f| f.1.clone());
    let in_frag_group = |i: usize| groups == Groups::Fragments && group_of(i).is_some();
    let mut pending_label: Option<Vec<String>> = None;
    for i in 0..25 {
        if page_at.contains(&i) {
            items.push(Item::Page);
        }
        if i == foreign_at {
            items.push(Item::Break);
            let head = if rng.chance(0.5) {
                vec![t("信息内容"), t("本年制发件数"), t("本年废止件数"), t("现行有效件数")]
            } else {
                ["维持", "纠正", "结果", "审结", "总计"].iter().map(|s| t(s)).collect()
            };
            items.push(Item::Row(head));
        }
        if per_row && i > 0 {
            items.push(Item::Break);
        }
        // Group labels.
        let first_of_group = group_of(i).filter(|&g| GROUPS[g].1 == i);
        if groups == Groups::Loose {
            if i == IDX_GRANTED {
                items.push(Item::Loose(vec!["三、本".into(), "年度办".into(), "理结果".into()]));
            }
            if let Some(g) = first_of_group {
                let l = m.group_label(g);
                let (a, b) = cut(&l, l.chars().count() - 3);
                items.push(Item::Loose(vec![a, b]));
            }
        }
        let label = m.t3_label(i);
        let vals: Vec<GC> = (0..7).map(|c| value(t3_cell(i, c), tb.t3[i][c])).collect();
        let mut lead: Vec<GC> = Vec::new();
        if groups == Groups::Columns {
            lead.push(t(if i == IDX_GRANTED { "三、本年度办理结果" } else { "" }));
            if group_of(i).is_some() {
                lead.push(t(&first_of_group.map(|g| m.group_label(g)).unwrap_or_default()));
            } else if matches!(i, 0 | 1 | IDX_FORWARD) {
                lead.push(t(""));
            }
        }
        let fragment = frag_of(i);
        // At most one kind of damage per row; rows with a group fragment keep their label.
        let r = if fragment.is_some() || groups == Groups::Columns || i == 0 { 99 } else { rng.below(100) };
        let long = label.chars().count() >= 16;
        let inferred = |shown: &mut Vec<(CellId, Shown, &'static str)>, why: &'static str| {
            for c in 0..7 {
                shown.push((t3_cell(i, c), Shown::Inferred, why));
            }
        };
        if let Some(l) = pending_label.take() {
            // The label of the next row floated up before this one.
            items.push(Item::Loose(l));
        }
        if label_row && r < 12 {
            items.push(Item::Row(vec![t(&label)]));
            items.push(Item::Row(vals));
            inferred(shown, "label in one row, its numbers in the next");
        } else if label_loose && (12..24).contains(&r) {
            items.push(Item::Loose(wrap(&label, 18)));
            items.push(Item::Row(vals));
            inferred(shown, "label as loose text, its numbers in a table of their own");
        } else if unlabelled && (24..34).contains(&r) {
            if rng.chance(0.5) && i + 1 < 25 {
                // Its label floats off, after the row.
                pending_label = Some(wrap(&label, 16));
            }
            items.push(Item::Row(vals));
            inferred(shown, "a row of numbers without a label");
        } else if middle && long && (34..60).contains(&r) {
            let n = label.chars().count();
            let a = rng.usize(5, n / 2);
            let b = rng.usize(a + 4, (a + 16).min(n - 2));
            let (head, rest) = cut(&label, a);
            let (mid, tail) = cut(&rest, b - a);
            items.push(Item::Loose(vec![head, tail]));
            let mut row = vec![t(&mid)];
            row.extend(vals);
            items.push(Item::Row(row));
            inferred(shown, "label cut to a fragment from its middle");
        } else {
            let mut row = lead;
            if let Some(f) = fragment {
                row.push(t(&f));
                row.push(t(&label));
                row.extend(vals);
                inferred(shown, "row shifted by a stray fragment of its group's label");
            } else {
                row.push(t(&label));
                row.extend(vals);
                if in_frag_group(i) {
                    row.push(t(""));
                }
            }
            items.push(Item::Row(row));
        }
    }
    if let Some(l) = pending_label {
        items.push(Item::Loose(l));
    }
    items
}

/// Write table items as md tables: each piece with its rule line, captions and placeholder
/// headers as the damage says.
fn write_items(rng: &mut Rng, w: &mut W, d: &mut Damage, pg: &mut Pager, items: Vec<Item>, caption: &str) {
    let captions = d.take(rng, "t3-caption-repeated");
    let placeholder = d.take(rng, "t3-placeholder-header");
    let mut in_table = false;
    let mut first_piece = true;
    for it in items {
        match it {
            Item::Row(cells) => {
                let n = cells.len();
                if !in_table {
                    if captions && !first_piece {
                        w.line(caption);
                    }
                    if placeholder && rng.chance(0.6) {
                        let head: Vec<GC> = (1..=n).map(|k| GC::T(format!("数据{}", k))).collect();
                        grid_row(w, Grid::Markdown, &head, false);
                        w.line(&format!("|{}", "---|".repeat(n)));
                        grid_row(w, Grid::Markdown, &cells, false);
                    } else {
                        grid_row(w, Grid::Markdown, &cells, false);
                        w.line(&format!("|{}", "---|".repeat(n)));
                    }
                    in_table = true;
                    first_piece = false;
                } else {
                    grid_row(w, Grid::Markdown, &cells, false);
                }
            }
            Item::Loose(lines) => {
                if in_table && rng.chance(0.5) {
                    w.line("");
                }
                for l in lines {
                    w.line(&l);
                }
                in_table = false;
            }
            Item::Break => in_table = false,
            Item::Page => {
                w.line(&format!("— {} —", pg.page));
                pg.page += 1;
                pg.lines = 0;
                in_table = false;
            }
        }
    }
}
