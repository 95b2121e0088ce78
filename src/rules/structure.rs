//! Document and table structure: D01–D05, T01–T04, and the reading notes P01–P03.

use super::diag;
use super::Code;
use super::Context;
use crate::doc::Doc;
use crate::find::Find;
use crate::format::{short_t3_label, t3_row, SECTIONS, T2_ROWS, T3_ROWS};
use crate::model::{Diagnostic, Severity, Span};
use crate::sections::lines;
use crate::text::{is_cjk_numeral, normalize_label};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let text = doc.text();
    let start_span = doc.span(0, first_line_end(text));
    let no_tables = doc.t2.is_none() && doc.t3.is_none() && doc.t4.is_none();
    if no_tables {
        let msg = if text.trim().is_empty() {
            "没有内容：请粘贴或拖入年度报告全文。".to_string()
        } else {
            "没有找到表二、表三、表四中的任何一张：这不像是按 2021 年格式编写的政府信息公开工作年度报告。请确认粘贴的是报告全文（含三张表格）。".to_string()
        };
        out.push(diag(Code::D01, msg, vec![start_span]));
        // Without tables and headings there is nothing more to say about structure.
        if doc.headings.len() < 3 {
            return;
        }
    }
    year(doc, out, start_span);
    format_2019(doc, out);
    sections(doc, out, start_span);
    second_numbering(doc, out);
    tables(doc, out);
}

fn first_line_end(text: &str) -> usize {
    let t = text.trim_start();
    let s = text.len() - t.len();
    let mut e = t.find('\n').unwrap_or(t.len()).min(200);
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    s + e
}

fn year(doc: &Doc, out: &mut Vec<Diagnostic>, start: Span) {
    if doc.year.is_some() {
        return;
    }
    let (span, what) = match &doc.title {
        Some(t) => (doc.span(t.start, t.end), format!("标题「{}」中", t.text)),
        None => (start, "报告开头".to_string()),
    };
    out.push(diag(Code::D05, format!("{}没有写明报告年度。标题应为「××××年政府信息公开工作年度报告」，年份据此核对正文和上年结转。", what), vec![span]));
}

fn format_2019(doc: &Doc, out: &mut Vec<Diagnostic>) {
    if !doc.format_2019 {
        return;
    }
    let Some((_, facts)) = &doc.t2 else { return };
    let span = doc.span(facts.region.0, first_line_end_from(doc.text(), facts.region.0));
    let mut d = diag(
        Code::D02,
        "表二使用的是 2019 年试行格式（「本年新制作数量」「对外公开总数量」等栏目）。2021 年起应使用国办公开办函〔2021〕30号规定的格式：本年制发件数、本年废止件数、现行有效件数。".to_string(),
        vec![span],
    );
    if let Some(y) = doc.year {
        if y < 2021 {
            d.severity = Severity::Info;
            d.message = format!("表二使用的是 2019 年试行格式；{} 年度报告可以使用该格式，2021 年度起须改用新格式。", y);
        }
    }
    out.push(d);
}

fn first_line_end_from(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let skip = rest.len() - rest.trim_start().len();
    let s = from + skip;
    s + text[s..].find('\n').unwrap_or(text.len() - s)
}

fn sections(doc: &Doc, out: &mut Vec<Diagnostic>, start: Span) {
    for spec in SECTIONS {
        if doc.heading(spec.number).is_some() {
            continue;
        }
        if !has_content(doc, spec.number) {
            out.push(diag(Code::D03, format!("缺少第{}部分「{}、{}」。年度报告应依次包含六个部分。", spec.numeral, spec.numeral, spec.title), vec![start]));
        } else if let Some((s, e)) = unnumbered_heading(doc, spec) {
            // The section is there, its heading without its number.
            let printed = doc.text()[s..e].trim();
            let mut d = diag(Code::D04, format!("「{}」缺少部分编号，应为「{}、{}」。", printed, spec.numeral, spec.title), vec![doc.span(s, e)]);
            d.suggestion = Some(format!("{}、{}", spec.numeral, spec.title));
            out.push(d);
        }
    }
    // Order and numbering of the headings that are there.
    let mut last = 0u8;
    for h in &doc.headings {
        let span = doc.span(h.start, h.end);
        if h.printed != h.number {
            let spec = &SECTIONS[(h.number - 1) as usize];
            out.push(diag(
                Code::D04,
                format!("「{}」编号为「{}、」，按格式应为第{}部分「{}、{}」。", h.text, numeral(h.printed), spec.numeral, spec.numeral, spec.title),
                vec![span],
            ));
        } else if h.number < last {
            out.push(diag(Code::D04, format!("「{}」排在了后面部分之后：六个部分应按一至六的顺序排列。", h.text), vec![span]));
        }
        last = last.max(h.number);
    }
}

/// Is a section's content there although its heading is not (a converter dropped it, or it was
/// written differently)? Tables 二, 三 and 四 are their sections' content; 五 is there when,
/// after table 四, the text speaks of the problems and their improvement; 六 when, after that,
/// it speaks of the fee or of other matters to report. Section 一 is known by its heading only:
/// every report's preamble speaks of the same things.
fn has_content(doc: &Doc, n: u8) -> bool {
    let text = doc.text();
    let after_tables = [&doc.t2, &doc.t3, &doc.t4].iter().filter_map(|t| t.as_ref().map(|t| t.1.cells_end)).max().unwrap_or(text.len());
    let tail = |from: usize, until: usize| text.get(from.min(until)..until).unwrap_or("");
    let six = doc.heading(6).map_or(text.len(), |h| h.start);
    match n {
        2 => doc.t2.is_some() || doc.format_2019,
        3 => doc.t3.is_some(),
        4 => doc.t4.is_some(),
        5 => {
            let t = tail(after_tables, six);
            ["存在的主要问题", "存在问题", "主要问题", "问题和不足", "不足之处"].iter().any(|w| t.has(w)) && ["改进", "整改", "措施"].iter().any(|w| t.has(w))
        }
        6 => {
            let from = doc.heading(5).map_or(after_tables, |h| h.line_end);
            let t = tail(from, text.len());
            ["其他需要报告", "信息处理费", "处理费"].iter().any(|w| t.has(w))
        }
        _ => false,
    }
}

/// A short line that is a section's heading without its numeral (「其他需要报告的事项」).
fn unnumbered_heading(doc: &Doc, spec: &crate::format::SectionSpec) -> Option<(usize, usize)> {
    let text = doc.text();
    lines(text).find(|&(s, e)| {
        let t = text[s..e].trim_matches(|c: char| c.is_whitespace() || c == '#' || c == '*');
        t.chars().count() <= 24 && spec.keys.iter().any(|k| t.starts_with(k))
    })
}

fn numeral(n: u8) -> char {
    "一二三四五六七八九十".chars().nth((n as usize).saturating_sub(1)).unwrap_or('?')
}

/// 「一、」-level numbering inside a prose section collides with the section numbers.
fn second_numbering(doc: &Doc, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    for n in [1u8, 5, 6] {
        let Some((s, e)) = doc.section_body(n) else {
            continue;
        };
        let mut spans = Vec::new();
        let mut shown = Vec::new();
        for (ls, le) in lines(&text[s..e]) {
            let line = &text[s + ls..s + le];
            let t = line.trim_start_matches([' ', '\u{3000}', '\t', '#', '*']);
            let mut cs = t.chars();
            if let (Some(c), Some('、')) = (cs.next(), cs.next()) {
                if is_cjk_numeral(c) {
                    let at = s + ls + (line.len() - t.len());
                    let end = at + t.char_indices().nth(2).map(|(i, _)| i).unwrap_or(t.len());
                    spans.push(doc.span(at, end));
                    shown.push(t.chars().take(8).collect::<String>());
                }
            }
        }
        if !spans.is_empty() {
            let spec = &SECTIONS[(n - 1) as usize];
            out.push(diag(
                Code::D04,
                format!(
                    "第{}部分「{}」内又用了「一、二、」这一级编号（{}），与六个部分的编号冲突。部分内的层次请用（一）（二）或 1. 2.。",
                    spec.numeral,
                    spec.title,
                    shown.iter().map(|s| format!("「{}…」", s)).collect::<Vec<_>>().join("")
                ),
                spans,
            ));
        }
    }
}

fn tables(doc: &Doc, out: &mut Vec<Diagnostic>) {
    // T01: a section heading without its table.
    for (n, id, name) in
        [(2u8, "t2", "表二（主动公开政府信息情况）"), (3, "t3", "表三（收到和处理政府信息公开申请情况）"), (4, "t4", "表四（行政复议、行政诉讼情况）")]
    {
        if doc.table(id).is_none() {
            if let Some(h) = doc.heading(n) {
                out.push(diag(Code::T01, format!("有「{}」这一部分，但没有找到{}。", h.text, name), vec![doc.span(h.start, h.end)]));
            }
        }
    }
    for id in ["t2", "t3", "t4"] {
        let Some((table, facts)) = doc.table(id) else {
            continue;
        };
        // Table 二 in the 2019 format has its own rows and columns.
        let id = table.table;
        let t2 = id.starts_with("t2");
        let tname = match id {
            "t2" | "t2_2019" => "表二",
            "t3" => "表三",
            _ => "表四",
        };
        let region = doc.span(facts.region.0, first_line_end_from(doc.text(), facts.region.0.min(doc.text().len())));
        // T02: template rows missing.
        let mut missing: Vec<&'static str> = facts.missing_rows.clone();
        if id == "t3" && !doc.format_2019 {
            if let Some(p) = &facts.single_other_row {
                missing.retain(|k| !k.starts_with("other_"));
                out.push(diag(
                    Code::T02,
                    "表三「（六）其他处理」只有一行（2019 年试行格式的写法）。2021 年格式要求分为三个子项：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他。".to_string(),
                    vec![doc.span(p.start, p.end)],
                ));
            }
        }
        if doc.format_2019 {
            missing.retain(|k| !k.starts_with("other_"));
        }
        // A text that ends inside the table (a paste cut short): the missing tail is one
        // reading problem, not a list of missing rows.
        let text_end = doc.text().trim_end().len();
        if facts.region.1 >= text_end && !missing.is_empty() {
            let last_read = table.rows.last().map(|r| r.key);
            let order: Vec<&str> = match id {
                "t2" => T2_ROWS.iter().map(|r| r.key).collect(),
                "t2_2019" => crate::format::T2_2019_ROWS.iter().map(|r| r.key).collect(),
                "t3" => crate::read::t3::template_rows(if table.row("other").is_some() {
                    crate::format::Variant::Only2019
                } else {
                    crate::format::Variant::Only2021
                }),
                _ => crate::format::T4_BLOCKS.iter().map(|r| r.key).collect(),
            };
            let cut = last_read.and_then(|k| order.iter().position(|o| *o == k)).map(|p| p + 1).unwrap_or(0);
            let tail: Vec<&str> = order[cut..].to_vec();
            if !tail.is_empty() && tail.iter().all(|k| missing.contains(k)) {
                missing.retain(|k| !tail.contains(k));
                let at = table.rows.last().and_then(|r| r.cells.last().and_then(|c| c.span).or(r.label_span)).unwrap_or(region);
                out.push(diag(
                    Code::P01,
                    format!(
                        "文本在{}「{}」之后就结束了，后面 {} 行及其后的内容没有读到：粘贴或复制可能不完整，请粘贴报告全文。",
                        tname,
                        last_read.map(|k| row_name(id, k)).unwrap_or_default(),
                        tail.len()
                    ),
                    vec![at],
                ));
            }
        }
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|k| format!("「{}」", row_name(id, k))).collect();
            let shown = if names.len() > 4 { format!("{}等 {} 行", names[..3].join("、"), names.len()) } else { names.join("、") };
            out.push(diag(Code::T02, format!("{}缺少模板规定的行：{}。", tname, shown), vec![region]));
        }
        // T03: labels that differ from the template.
        for (key, piece) in &facts.labels {
            let template = template_label(id, key);
            if template.is_empty() {
                continue;
            }
            let got = core(&piece.norm);
            let want = template_core(template);
            let want: &str = &want;
            if got == want || label_variant_ok(key, &got, &want) {
                continue;
            }
            let printed = &doc.text()[piece.start..piece.end];
            // In a grid a label stands in one cell: pieces gathered over several lines are
            // what a converter scattered (「1.申请人无正当理由逾期不补正、」…「开申请」), not
            // the report's wording.
            if printed.contains('\n') && matches!(doc.input_form, "markdown" | "tsv" | "html" | "docx") {
                continue;
            }
            let mut d = diag(
                Code::T03,
                format!("{}行名「{}」与格式模板不一致，应为「{}」。", tname, printed.split_whitespace().collect::<String>(), template),
                vec![doc.span(piece.start, piece.end)],
            );
            d.suggestion = Some(template.to_string());
            out.push(d);
        }
        // T04: missing columns and rows of the wrong width.
        if facts.missing_columns.contains(&"total") {
            out.push(diag(
                Code::T04,
                format!("{}没有「总计」列：每行只有自然人和五类法人或其他组织共 6 个数，缺少各行的总计，无法核对行合计。", tname),
                vec![region],
            ));
        }
        let mut by_count: Vec<(usize, Vec<&'static str>)> = Vec::new();
        for (k, n) in &facts.miscounted {
            match by_count.iter_mut().find(|x| x.0 == *n) {
                Some(x) => x.1.push(k),
                None => by_count.push((*n, vec![k])),
            }
        }
        for (n, keys) in by_count {
            let want = if t2 { table.columns_of(keys[0]).len() } else { table.columns.len().max(if id == "t4" { 5 } else { 0 }) };
            let spans: Vec<Span> =
                keys.iter().filter_map(|k| table.row(k).and_then(|r| r.label_span.or_else(|| r.cells.first().and_then(|c| c.span)))).collect();
            let names: Vec<String> = keys.iter().map(|k| format!("「{}」", row_name(id, k))).collect();
            let shown = if names.len() > 4 { format!("{}等 {} 行", names[..3].join("、"), names.len()) } else { names.join("、") };
            out.push(diag(
                Code::T04,
                format!("{}{}只有 {} 个数，应为 {} 个（每列一个）。缺了哪一列无法判断，这些行不参与合计核对。", tname, shown, n, want),
                if spans.is_empty() { vec![region] } else { spans },
            ));
        }
        // P01: parts that could not be read.
        for (what, s, e) in &facts.unread {
            let span = if *e > *s { doc.span(*s, *e) } else { region };
            out.push(diag(Code::P01, format!("{}：{}。这部分不作推测，相关核对跳过。", tname, what), vec![span]));
        }
        // P02: ambiguous digit runs.
        for a in &facts.ambiguous {
            let readings: Vec<&str> = a.readings.iter().take(6).map(String::as_str).collect();
            let used = match a.used {
                Some(i) => format!(
                    "表中暂按第 {} 种读法（{}）显示，各读法不同的格标为「请核对」{}",
                    i + 1,
                    readings.get(i).cloned().unwrap_or_default(),
                    // Table 二 has no sums to report on.
                    if t2 { "" } else { "，不据此报告合计错误" }
                ),
                None => "没有一种能使整张表平衡，这一行不作推测".to_string(),
            };
            let rowname = if id == "t4" { String::new() } else { format!("「{}」", row_name(id, a.row)) };
            let digits = &doc.text()[a.start..a.end];
            // Table 二 has no sums: every split is possible.
            let kind = if t2 { "可能的拆法" } else { "符合勾稽关系的拆法" };
            if a.readings.len() == 1 && a.used.is_some() {
                // The readings differ only in which cells are blank: the numbers (blank = 0)
                // are the same, and so is every sum.
                out.push(diag(
                    Code::P02,
                    format!(
                        "{}{}的数字「{}」只有一种读法（{}），但空白格被网页并成了空格，哪几格原本是空白、哪几格填的是 0 无法确定。这些格标为「请核对」，合计核对不受影响。请对照原表核实。",
                        tname, rowname, digits, readings[0]
                    ),
                    vec![doc.span(a.start, a.end)],
                ));
                continue;
            }
            out.push(diag(
                Code::P02,
                format!(
                    "{}{}的数字「{}」连在一起，{}有 {} 种：{}{}；{}。请对照原表核实。",
                    tname,
                    rowname,
                    digits,
                    kind,
                    a.readings.len(),
                    readings.join("；"),
                    if a.readings.len() > 6 { "…" } else { "" },
                    used
                ),
                vec![doc.span(a.start, a.end)],
            ));
        }
        // P02: a run that balances only with its white space taken for collapsed blank cells.
        for (s, e, reading) in &facts.spaces_as_blanks {
            out.push(diag(
                Code::P02,
                format!(
                    "{}的数字「{}」连在一起，按连写找不到能使各组合计平衡的拆法；把其中的空格当作被网页并掉的空白格时，只有一种读法平衡（{}）。这也可能是巧合，表中按此读法显示，各格标为「请核对」，不据此报告合计错误。请对照原表核实。",
                    tname,
                    doc.text()[*s..*e].trim(),
                    reading
                ),
                vec![doc.span(*s, *e)],
            ));
        }
        // P04: rows placed by inference (their label lost, a cell floated out of the table).
        if !facts.inferred.is_empty() {
            let names: Vec<String> = facts.inferred.iter().map(|k| format!("「{}」", row_name(id, k))).collect();
            let why = if t2 {
                "有一格在文本中跑到了表格外面，已按顺序和格内说明放回"
            } else {
                "的数字前没有行名（转换时丢失），已按表格顺序归入"
            };
            let unchecked = super::arithmetic::uncertain_failures(table);
            let sums = if t2 {
                String::new()
            } else if unchecked > 0 {
                format!("，涉及这些格的合计有 {} 处不平衡，但因位置不确定没有报告为错误", unchecked)
            } else {
                "，不据此报告合计错误".to_string()
            };
            let spans: Vec<Span> =
                facts.inferred.iter().filter_map(|k| table.row(k)).flat_map(|r| r.cells.iter().filter(|c| !c.certain).filter_map(|c| c.span)).collect();
            out.push(diag(
                Code::P04,
                format!("{}{}{}。这些格标为「请核对」{}。请对照原表核实。", tname, names.join("、"), why, sums),
                if spans.is_empty() { vec![region] } else { spans },
            ));
        }
        // P04: markdown rows with more fields than columns, blank at both ends.
        if !facts.misaligned.is_empty() {
            let names: Vec<String> = facts.misaligned.iter().map(|k| format!("「{}」", row_name(id, k))).collect();
            let spans: Vec<Span> =
                facts.misaligned.iter().filter_map(|k| table.row(k)).flat_map(|r| r.cells.iter().filter(|c| !c.certain).filter_map(|c| c.span)).collect();
            out.push(diag(
                Code::P04,
                format!(
                    "{}{}的空白格比列数多，无法确定空白格各属于哪一列。位置不确定的格标为「请核对」，不据此报告合计错误。请对照原表核实。",
                    tname,
                    names.join("、")
                ),
                if spans.is_empty() { vec![region] } else { spans },
            ));
        }
        if facts.method == "run-together" {
            out.push(diag(Code::P03, format!("{}的数字之间没有分隔（网页文本连写），已按表格勾稽关系拆分。", tname), vec![region]));
        }
        // P03: where several splits balanced, the prose's own count chose one.
        for d in &facts.decided {
            let mut rows: Vec<&'static str> = d.cells.iter().map(|c| c.0).collect();
            rows.dedup();
            let shown: Vec<String> = rows
                .iter()
                .filter_map(|k| table.row(k))
                .map(|r| {
                    // The numbers, as the P02 lists them (blank as 0).
                    let cells: Vec<String> = r.cells.iter().map(|c| c.value.int().unwrap_or(0).to_string()).collect();
                    format!("「{}」{}", row_name(id, r.key), cells.join("|"))
                })
                .collect();
            let said: Vec<String> = d.by.iter().map(|b| format!("「{}」（{}为 {}）", b.1, b.2, b.3)).collect();
            let mut spans: Vec<Span> = d.by.iter().map(|b| doc.span(b.0 .0, b.0 .1)).collect();
            spans.extend(d.runs.iter().map(|r| doc.span(r.1, r.2)));
            out.push(diag(
                Code::P03,
                format!(
                    "{}的数字连在一起，按勾稽关系有 {} 种拆法，正文{}只与其中一种相符，已按这种拆法读取：{}。{}如正文本身有误，请对照原表核实。",
                    tname,
                    d.readings,
                    said.join("、"),
                    shown.join("；"),
                    if d.open.is_empty() {
                        "这些格不再标为「请核对」。"
                    } else {
                        "其中有几格是空白还是填的 0 仍无法确定，仍标为「请核对」。"
                    }
                ),
                spans,
            ));
        }
    }
}

fn template_label(table: &str, key: &str) -> &'static str {
    match table {
        "t2" => T2_ROWS.iter().find(|r| r.key == key).map(|r| r.label).unwrap_or(""),
        "t3" => t3_row(key).map(|r| r.label).unwrap_or(""),
        _ => "",
    }
}

fn row_name(table: &str, key: &str) -> String {
    match table {
        "t3" => t3_row(key).map(short_t3_label).unwrap_or_default(),
        "t2" => template_label(table, key).to_string(),
        _ => crate::format::row_label(table, key).to_string(),
    }
}

/// A label without its item number and closing punctuation: 「1.属于国家秘密：」 → 「属于国家秘密」.
fn core(norm: &str) -> &str {
    let mut s = norm;
    // （一） / 一、 / 1.
    if s.starts_with('（') {
        if let Some(p) = s.find('）') {
            if s[..p].chars().skip(1).all(is_cjk_numeral) {
                s = &s[p + '）'.len_utf8()..];
            }
        }
    }
    let mut cs = s.char_indices();
    if let (Some((_, c)), Some((i, '、'))) = (cs.next(), cs.next()) {
        if is_cjk_numeral(c) {
            s = &s[i + '、'.len_utf8()..];
        }
    }
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && s[digits..].starts_with('.') {
        s = &s[digits + 1..];
    }
    s.trim_end_matches(['：', '。', '；', '，'])
}

/// `core(normalize_label(template))`, worked out once per process for every template label
/// (this runs for every label of every report).
fn template_core(template: &'static str) -> std::borrow::Cow<'static, str> {
    static CORES: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    let cores = CORES.get_or_init(|| T2_ROWS.iter().chain(T3_ROWS.iter()).map(|r| (r.label, core(&normalize_label(r.label)).to_string())).collect());
    match cores.iter().find(|c| c.0 == template) {
        Some(c) => std::borrow::Cow::Borrowed(c.1.as_str()),
        None => std::borrow::Cow::Owned(core(&normalize_label(template)).to_string()),
    }
}

/// Whether a printed label differs from the template in a way worth a warning. PDF text wraps
/// and interleaves labels, so only clear typos count: characters left out inside the label
/// (「其他法律行政止公开」, 「规范性文件」) or one or two characters replaced. A label cut
/// off at its end (wrapped) or with neighbouring header words around it is not flagged.
fn label_variant_ok(key: &str, got: &str, want: &str) -> bool {
    if got.contains(want) || want.starts_with(got) {
        return true;
    }
    let g: Vec<char> = got.chars().collect();
    let w: Vec<char> = want.chars().collect();
    let omission = crate::text::is_subsequence(g.iter().copied(), w.iter().copied());
    let substitution = g.len() == w.len() && g.iter().zip(&w).filter(|(a, b)| a != b).count() <= 2;
    if !(omission || substitution) {
        return true;
    }
    match key {
        // 「（二）部分公开」 without its parenthetical explanation.
        "partial" => got == "部分公开" || want.starts_with(got) && got.starts_with("部分公开"),
        // 「（七）总计」 printed as 「总计」 or 「合计」.
        "total" => got == "总计" || got == "合计",
        _ => false,
    }
}
