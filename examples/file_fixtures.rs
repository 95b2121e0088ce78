//! Generated reports (src/testgen/) rendered into the files users actually have, for
//! tests/files.rs and tests/browser/files.test.mjs. Run by scripts/gen-file-fixtures.sh, which
//! then prints the HTML to PDF with headless Chromium, converts the .docx to PDF with
//! LibreOffice, turns table pages sideways and reads every PDF's items with PDF.js.
//!
//!     cargo run --example file_fixtures -- reports OUT_DIR     reports, .docx, print HTML, truth
//!     cargo run --example file_fixtures -- rotate IN.pdf OUT.pdf   /Rotate 90 on table 三's pages
//!     cargo run --example file_fixtures -- bad OUT_DIR         files that cannot be read
//!
//! For each report NAME (`g<seed>`, and `long20`, a 20-page report):
//! - `NAME.truth.json`: every table value (keys.md shape) and the year;
//! - `NAME.html`: the report as a web page (testgen's HTML, title in the body);
//! - `NAME.print.html` (portrait, tables split across pages) and `NAME.wide.html` (tables 三
//!   and 四 on landscape pages), for Chromium's print-to-pdf;
//! - `NAME.docx`: Word, the tables with the national template's merged cells (`gridSpan`,
//!   `vMerge`), labels split across runs, empty cells, tables 三 and 四 in a landscape section.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use nianbao::testgen::{generate, generate_with, Form, Generated, Inject, Options, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS};
use serde_json::{json, Map, Value as J};

/// Seeds of the generated reports (a few, each rendered every way).
const SEEDS: &[u64] = &[3, 11, 42];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("reports") => reports(Path::new(&args[1])),
        Some("rotate") => rotate(Path::new(&args[1]), Path::new(&args[2])),
        Some("bad") => bad(Path::new(&args[1])),
        Some("printed") => printed(Path::new(&args[1]), args.get(2).and_then(|n| n.parse().ok()).unwrap_or(40)),
        Some("show") => {
            // The text a PDF is read as (natively, or from PDF.js items given as a .json).
            let path = Path::new(&args[1]);
            let c = if path.extension().and_then(|e| e.to_str()) == Some("json") {
                nianbao::check_positioned(&serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
            } else {
                nianbao::check_file(&std::fs::read(path).unwrap(), path.to_str())
            };
            println!("{}", c.text);
            for d in &c.report.diagnostics {
                println!("# {} {}", d.code.as_str(), d.message);
            }
        }
        Some("measure") => {
            let verbose = args.iter().any(|a| a == "-v");
            let rest: Vec<&String> = args[1..].iter().filter(|a| *a != "-v").collect();
            measure(Path::new(rest[0]), rest.get(1).map(|s| Path::new(s.as_str())), verbose)
        }
        _ => {
            eprintln!("usage: file_fixtures reports OUT_DIR | rotate IN.pdf OUT.pdf | bad OUT_DIR | printed OUT_DIR [COUNT] | measure DIR [ITEMS_DIR] [-v]");
            std::process::exit(2);
        }
    }
}

fn write(path: PathBuf, data: impl AsRef<[u8]>) {
    // Unchanged files keep their time, so that scripts/gen-printed-pdfs.sh prints only pages
    // that changed.
    if std::fs::read(&path).map(|old| old == data.as_ref()).unwrap_or(false) {
        return;
    }
    std::fs::write(&path, data).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
}

fn reports(out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    for &seed in SEEDS {
        let g = generate(seed, Form::Html);
        emit(out, &format!("g{}", seed), &g, 0);
    }
    // Blank and placeholder cells in table 三 (a blank 商业企业 in （二）, a 「/」 in 1.属于国家秘密).
    let g = generate(3, Form::Html);
    emit_blanks(out, "b3", &g);
    // A long report: section 一 with many paragraphs, 20 pages when printed.
    let g = generate(20, Form::Html);
    emit(out, "long20", &g, 190);
}

fn emit(out: &Path, name: &str, g: &Generated, extra_paragraphs: usize) {
    let doc = parse_html(&g.text, &g.title, extra_paragraphs);
    write(out.join(format!("{}.truth.json", name)), serde_json::to_string_pretty(&truth(g, name)).unwrap() + "\n");
    write(out.join(format!("{}.html", name)), page_html(&doc, &g.title, Print::Web));
    write(out.join(format!("{}.print.html", name)), page_html(&doc, &g.title, Print::Portrait));
    if extra_paragraphs == 0 {
        write(out.join(format!("{}.wide.html", name)), page_html(&doc, &g.title, Print::Wide));
        write(out.join(format!("{}.docx", name)), docx(&doc, seed_of(name)));
    }
}

/// The report with a blank cell and a placeholder in table 三: web page, print HTML, .docx, truth.
fn emit_blanks(out: &Path, name: &str, g: &Generated) {
    let mut doc = parse_html(&g.text, &g.title, 0);
    // (row label start, value index, new text)
    let edits = [("部分公开", 1usize, ""), ("属于国家秘密", 2usize, "/")];
    for b in doc.iter_mut() {
        if let Block::Table(3, rows) = b {
            for row in rows.iter_mut() {
                for (label, idx, text) in edits {
                    if row.iter().any(|c| c.text.contains(label)) {
                        let n = row.len();
                        // The seven values are the row's last seven cells.
                        row[n - 7 + idx].text = text.to_string();
                    }
                }
            }
        }
    }
    let mut t = truth(g, name);
    t["t3"]["rows"]["partial"][1] = J::Null;
    t["t3"]["rows"]["denied_1"][2] = json!("/");
    t["true_problems"] = json!([{ "rule": "T05" }, { "rule": "T05" }]);
    write(out.join(format!("{}.truth.json", name)), serde_json::to_string_pretty(&t).unwrap() + "\n");
    write(out.join(format!("{}.html", name)), page_html(&doc, &g.title, Print::Web));
    write(out.join(format!("{}.print.html", name)), page_html(&doc, &g.title, Print::Portrait));
    write(out.join(format!("{}.docx", name)), docx(&doc, 3));
}

fn seed_of(name: &str) -> u64 {
    name.trim_start_matches(|c: char| !c.is_ascii_digit()).parse().unwrap_or(1)
}

// ---------------------------------------------------------------- truth

fn num(v: f64) -> J {
    if v.fract() == 0.0 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn truth(g: &Generated, name: &str) -> J {
    let t = &g.tables;
    let mut t2 = Map::new();
    for (key, vals) in t.t2_rows() {
        let cols: &[&str] = match key {
            "regulations" | "normative_documents" => &["made", "repealed", "valid"],
            "fees" => &["amount"],
            _ => &["decisions"],
        };
        let m: Map<String, J> = cols.iter().zip(vals.iter()).map(|(c, v)| (c.to_string(), num(*v))).collect();
        t2.insert(key.to_string(), J::Object(m));
    }
    debug_assert_eq!(t2.len(), T2_ROWS.len());
    let rows: Map<String, J> = T3_ROWS.iter().enumerate().map(|(i, k)| (k.to_string(), json!(t.t3[i].to_vec()))).collect();
    let t4: Map<String, J> = T4_BLOCKS
        .iter()
        .enumerate()
        .map(|(b, k)| (k.to_string(), J::Object(T4_COLUMNS.iter().enumerate().map(|(c, col)| (col.to_string(), json!(t.t4[b][c]))).collect())))
        .collect();
    json!({
        "file": format!("tests/data/files/{}", name),
        "generator": format!("src/testgen.rs seed {} (examples/file_fixtures.rs)", g.seed),
        "agency": g.agency,
        "year": g.year,
        "t2": t2,
        "t3": { "columns": T3_COLUMNS, "rows": rows },
        "t4": t4,
        "true_problems": [],
    })
}

// ---------------------------------------------------------------- the report's blocks

#[derive(Debug, Clone)]
struct TCell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

#[derive(Debug, Clone)]
enum Block {
    Title(String),
    Para(String),
    /// A table, and which one (2, 3, 4) by the section heading before it.
    Table(usize, Vec<Vec<TCell>>),
}

fn attr(tag: &str, name: &str) -> Option<usize> {
    let i = tag.find(&format!("{}=\"", name))?;
    let rest = &tag[i + name.len() + 2..];
    rest[..rest.find('"')?].parse().ok()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim().to_string()
}

/// testgen's HTML → blocks (it writes one `<p>` per paragraph and plain `<table>`s).
fn parse_html(html: &str, title: &str, extra: usize) -> Vec<Block> {
    let mut blocks = vec![Block::Title(title.to_string())];
    let body = &html[html.find("<body>").map(|i| i + 6).unwrap_or(0)..];
    let mut rest = body;
    let mut table_no = 1;
    let mut filler_done = false;
    loop {
        let p = rest.find("<p>");
        let t = rest.find("<table");
        let para_first = match (p, t) {
            (None, None) => break,
            (Some(p), Some(t)) => p < t,
            (p, _) => p.is_some(),
        };
        match (p, t) {
            (Some(p), _) if para_first => {
                let end = rest[p..].find("</p>").map(|e| p + e).unwrap_or(rest.len());
                let text = strip_tags(&rest[p + 3..end]);
                if text.starts_with("二、") && !filler_done {
                    for k in 0..extra {
                        blocks.push(Block::Para(filler(k)));
                    }
                    filler_done = true;
                }
                blocks.push(Block::Para(text));
                rest = &rest[(end + 4).min(rest.len())..];
            }
            (_, Some(t)) => {
                let end = rest[t..].find("</table>").map(|e| t + e).unwrap_or(rest.len());
                let table = &rest[t..end];
                let mut rows = Vec::new();
                for tr in table.split("<tr").skip(1) {
                    let mut cells = Vec::new();
                    for td in tr.split("<td").skip(1) {
                        let open_end = td.find('>').unwrap_or(0);
                        let tag = &td[..open_end];
                        let close = td.find("</td>").unwrap_or(td.len());
                        cells.push(TCell {
                            text: strip_tags(&td[open_end + 1..close]),
                            colspan: attr(tag, "colspan").unwrap_or(1),
                            rowspan: attr(tag, "rowspan").unwrap_or(1),
                        });
                    }
                    if !cells.is_empty() {
                        rows.push(cells);
                    }
                }
                table_no += 1;
                blocks.push(Block::Table(table_no, rows));
                rest = &rest[(end + 8).min(rest.len())..];
            }
            _ => break,
        }
    }
    blocks
}

/// Filler prose for the long report: work descriptions without numbers or years.
fn filler(k: usize) -> String {
    const PARTS: [&str; 6] = [
        "围绕重点领域信息公开，进一步规范公开内容和发布流程，做好政策文件的集中公开和动态更新",
        "加强政务新媒体管理，统一内容审核标准，及时回应社会关切，提升信息发布的权威性和时效性",
        "深化基层政务公开标准化规范化建设，完善公开事项目录，推动公开内容覆盖权力运行全流程",
        "健全政府信息公开工作机制，明确责任分工，强化业务培训，提升工作人员的公开意识和业务能力",
        "优化依申请公开办理流程，规范答复文书格式，加强与申请人的沟通，依法保障群众的知情权",
        "持续做好政策解读工作，丰富解读形式，增强解读的针对性和可读性，帮助群众准确理解政策",
    ];
    format!("{}；{}。", PARTS[k % 6], PARTS[(k / 6 + 1 + k) % 6])
}

// ---------------------------------------------------------------- HTML for printing

#[derive(Clone, Copy, PartialEq)]
enum Print {
    /// The web page (no print styles).
    Web,
    /// A4 portrait: table 三 runs over a page break.
    Portrait,
    /// Tables 三 and 四 on A4 landscape pages.
    Wide,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn page_html(blocks: &[Block], title: &str, print: Print) -> String {
    let mut h = String::new();
    let _ = write!(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\n", esc(title));
    h.push_str("body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC','WenQuanYi Micro Hei',serif;font-size:12pt;line-height:1.6}\n");
    h.push_str("h1{font-size:18pt;text-align:center;font-weight:normal}\np{text-indent:2em;margin:0.3em 0}\n");
    h.push_str(
        "table{border-collapse:collapse;margin:0.5em 0;font-size:9pt}td{border:1px solid #000;padding:2pt 4pt;text-align:center;vertical-align:middle}\n",
    );
    h.push_str("tr{page-break-inside:avoid;break-inside:avoid}\n");
    match print {
        Print::Web => {}
        Print::Portrait => h.push_str("@page{size:A4 portrait;margin:20mm 18mm}\n"),
        Print::Wide => h.push_str("@page{size:A4 portrait;margin:20mm 18mm}\n@page wide{size:A4 landscape;margin:15mm}\n.wide{page:wide}\n"),
    }
    h.push_str("</style></head>\n<body>\n");
    for b in blocks {
        match b {
            Block::Title(t) => {
                let _ = writeln!(h, "<h1>{}</h1>", esc(t));
            }
            Block::Para(t) => {
                let _ = writeln!(h, "<p>{}</p>", esc(t));
            }
            Block::Table(n, rows) => {
                let wide = print == Print::Wide && *n >= 3;
                let _ = writeln!(h, "<div{}><table>", if wide { " class=\"wide\"" } else { "" });
                for row in rows {
                    h.push_str("<tr>");
                    for c in row {
                        h.push_str("<td");
                        if c.colspan > 1 {
                            let _ = write!(h, " colspan=\"{}\"", c.colspan);
                        }
                        if c.rowspan > 1 {
                            let _ = write!(h, " rowspan=\"{}\"", c.rowspan);
                        }
                        let _ = write!(h, ">{}</td>", esc(&c.text));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</table></div>\n");
            }
        }
    }
    h.push_str("</body></html>\n");
    h
}

// ---------------------------------------------------------------- .docx

fn xml_esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A paragraph whose text is split over runs (as Word does after editing), some bold.
fn runs(text: &str, split: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 2 || split == 0 {
        return format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", xml_esc(text));
    }
    let cut = (split % (chars.len() - 1)) + 1;
    let (a, b): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
    format!(
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_esc(&a),
        xml_esc(&b)
    )
}

fn sect(landscape: bool) -> String {
    if landscape {
        "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>".into()
    } else {
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>".into()
    }
}

/// The table with the template's merged cells: a `colspan` is `w:gridSpan`, a `rowspan` is a
/// `w:vMerge` restart cell and continuation cells in the rows below.
fn docx_table(rows: &[Vec<TCell>], seed: u64, header_rows: usize, total_width: usize) -> String {
    // Lay the cells on the grid.
    let ncols = rows.iter().map(|r| r.iter().map(|c| c.colspan).sum::<usize>()).max().unwrap_or(1);
    // For each row: (grid column, cell or continuation (colspan)).
    let mut occupied: Vec<Vec<Option<usize>>> = vec![vec![None; ncols + 8]; rows.len() + 1]; // colspan of a continuing cell
    let mut placed: Vec<Vec<(usize, Option<&TCell>, usize)>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut cells = row.iter();
        while col < ncols {
            if let Some(span) = occupied[r][col] {
                placed[r].push((col, None, span));
                col += span;
                continue;
            }
            let Some(c) = cells.next() else { break };
            placed[r].push((col, Some(c), c.colspan));
            for k in 1..c.rowspan {
                if r + k < rows.len() {
                    occupied[r + k][col] = Some(c.colspan);
                }
            }
            col += c.colspan;
        }
    }
    let width = total_width / ncols;
    let mut x = String::new();
    x.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(x, "<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
    }
    x.push_str("</w:tblBorders></w:tblPr><w:tblGrid>");
    for _ in 0..ncols {
        let _ = write!(x, "<w:gridCol w:w=\"{}\"/>", width);
    }
    x.push_str("</w:tblGrid>");
    for (r, row) in placed.iter().enumerate() {
        x.push_str("<w:tr>");
        if r < header_rows {
            // Repeated at the top of every page the table runs onto.
            x.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (k, (_, cell, span)) in row.iter().enumerate() {
            x.push_str("<w:tc><w:tcPr>");
            let _ = write!(x, "<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", width * span);
            if *span > 1 {
                let _ = write!(x, "<w:gridSpan w:val=\"{}\"/>", span);
            }
            match cell {
                None => x.push_str("<w:vMerge/>"),
                Some(c) if c.rowspan > 1 => x.push_str("<w:vMerge w:val=\"restart\"/>"),
                _ => {}
            }
            x.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            match cell {
                Some(c) if !c.text.is_empty() => {
                    let split = ((seed as usize).wrapping_mul(31) + r * 7 + k * 3) % 5;
                    let _ = write!(x, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}</w:p>", runs(&c.text, split));
                }
                _ => x.push_str("<w:p/>"),
            }
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x
}

fn docx(blocks: &[Block], seed: u64) -> Vec<u8> {
    let mut body = String::new();
    let mut in_wide = false;
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Title(t) => {
                let _ =
                    write!(body, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"36\"/></w:rPr><w:t>{}</w:t></w:r></w:p>", xml_esc(t));
            }
            Block::Para(t) => {
                if in_wide && (t.starts_with("五、") || t.starts_with("五 ")) {
                    // End of the landscape section that holds tables 三 and 四.
                    let _ = write!(body, "<w:p><w:pPr>{}</w:pPr></w:p>", sect(true));
                    in_wide = false;
                }
                let next_is_t3 = matches!(blocks.get(i + 1), Some(Block::Table(3, _)));
                if next_is_t3 && !in_wide {
                    // End the portrait section before table 三's heading.
                    let _ = write!(body, "<w:p><w:pPr>{}</w:pPr></w:p>", sect(false));
                    in_wide = true;
                }
                let _ =
                    write!(body, "<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/></w:pPr>{}</w:p>", runs(t, (t.len() + seed as usize) % 3));
            }
            Block::Table(_, rows) => {
                body.push_str(&docx_table(rows, seed, 0, 9000));
                body.push_str("<w:p/>");
            }
        }
    }
    docx_package(&body, &sect(false))
}

/// A .docx holding `body` and the last section's properties.
fn docx_package(body: &str, last_sect: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}{}</w:body></w:document>",
        body,
        last_sect
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    zip(&[("[Content_Types].xml", content_types.as_bytes()), ("_rels/.rels", rels.as_bytes()), ("word/document.xml", document.as_bytes())])
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *t = c;
    }
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c = table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// A zip archive, every entry deflated.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_raw(&entries.iter().map(|(n, d)| (n.to_string(), miniz_oxide::deflate::compress_to_vec(d, 6), d.len() as u32, crc32(d))).collect::<Vec<_>>())
}

/// (name, deflated data, uncompressed size as declared, crc).
fn zip_raw(entries: &[(String, Vec<u8>, u32, u32)]) -> Vec<u8> {
    let mut z = Vec::new();
    let mut central = Vec::new();
    for (name, packed, size, crc) in entries {
        let off = z.len() as u32;
        let mut head = Vec::new();
        head.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0]);
        head.extend_from_slice(&crc.to_le_bytes());
        head.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        head.extend_from_slice(&size.to_le_bytes());
        head.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&head);
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(packed);
        central.extend_from_slice(b"PK\x01\x02\x14\x00");
        central.extend_from_slice(&head);
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&off.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_off = z.len() as u32;
    z.extend_from_slice(&central);
    z.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    z.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    z.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    z.extend_from_slice(&(central.len() as u32).to_le_bytes());
    z.extend_from_slice(&cd_off.to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z
}

// ---------------------------------------------------------------- sideways pages

/// Set /Rotate 90 on every page that holds table 三 (a table page printed sideways).
fn rotate(input: &Path, output: &Path) {
    let bytes = std::fs::read(input).unwrap();
    let items = nianbao::input::pdf::read_pdf(&bytes).unwrap_or_else(|e| panic!("{}: {:?}", input.display(), e));
    let mut pages: Vec<u32> =
        items.items.iter().filter(|i| i.text.contains("予以公开") || i.text.contains("申请人情况") || i.text.contains("不予处理")).map(|i| i.page).collect();
    pages.sort();
    pages.dedup();
    let mut doc = lopdf::Document::load_mem(&bytes).unwrap();
    let ids = doc.get_pages();
    for p in &pages {
        if let Some(id) = ids.get(p) {
            if let Ok(d) = doc.get_dictionary_mut(*id) {
                d.set("Rotate", lopdf::Object::Integer(90));
            }
        }
    }
    doc.save(output).unwrap();
    eprintln!("{}: pages {:?} turned", output.display(), pages);
}

// ---------------------------------------------------------------- unreadable files

fn bad(out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    // A scanned page: an image and no text at all.
    write(out.join("scanned.pdf"), image_only_pdf());
    // A damaged PDF: the first kilobytes of a real one.
    let real = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real/hongzequ_2024.pdf")).unwrap();
    write(out.join("damaged.pdf"), &real[..2048]);
    // A legacy Word file (OLE compound document header).
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(std::iter::repeat(0u8).take(4096));
    write(out.join("legacy.doc"), doc);
    // A zip bomb posing as .docx: document.xml unpacks to 100 MB of spaces.
    let mut packed = Vec::new();
    let chunk = vec![b' '; 1 << 20];
    // Deflate 100 × 1 MB of spaces as one stream (compressed once, repeated data compresses to
    // nearly nothing).
    let mut all = Vec::with_capacity(100 << 20);
    for _ in 0..100 {
        all.extend_from_slice(&chunk);
    }
    packed.extend(miniz_oxide::deflate::compress_to_vec(&all, 9));
    let entries = vec![("word/document.xml".to_string(), packed, (100u32) << 20, crc32(&all))];
    write(out.join("bomb.docx"), zip_raw(&entries));
}

fn image_only_pdf() -> Vec<u8> {
    // An 8×8 grey image drawn over the page.
    let pixels: Vec<u8> = (0..64).map(|i| if (i / 8 + i % 8) % 2 == 0 { 0x20 } else { 0xE0 }).collect();
    let content = b"q 500 0 0 700 50 70 cm /Im1 Do Q".to_vec();
    let objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(), content, b"\nendstream".to_vec()].concat(),
        [
            format!("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n", pixels.len())
                .into_bytes(),
            pixels,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        pdf.extend(o);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).into_bytes());
    for o in offsets {
        pdf.extend(format!("{:010} 00000 n \n", o).into_bytes());
    }
    pdf.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objs.len() + 1, xref).into_bytes());
    pdf
}

// ---------------------------------------------------------------- printed PDFs (corpus)

/// How a report's web page is printed to PDF: the page (CSS `@page` size; margins vary with the
/// seed, so tables break at different rows), the tables' header rows in a `<thead>` (Chromium
/// repeats them on every page a table runs onto) or not (the header is printed once), rows
/// allowed to break across pages (`break-inside: auto`: a row's wrapped cells are cut between
/// two pages) or kept whole, the tables' font size, a narrow label column (long labels wrap
/// over two or three lines), and whether Chromium adds its running header (date, title) and
/// footer (address, page x/y).
struct Profile {
    name: &'static str,
    size: &'static str,
    thead: bool,
    split_rows: bool,
    table_pt: f32,
    label_em: Option<f32>,
    header_footer: bool,
}

const PROFILES: &[Profile] = &[
    Profile { name: "a4", size: "A4 portrait", thead: true, split_rows: false, table_pt: 9.0, label_em: None, header_footer: true },
    Profile { name: "a5", size: "A5 portrait", thead: true, split_rows: true, table_pt: 9.0, label_em: None, header_footer: true },
    Profile { name: "a5n", size: "A5 portrait", thead: false, split_rows: true, table_pt: 10.0, label_em: Some(4.5), header_footer: false },
    Profile { name: "a4l", size: "A4 landscape", thead: true, split_rows: false, table_pt: 10.5, label_em: None, header_footer: false },
    Profile { name: "letter", size: "letter portrait", thead: false, split_rows: false, table_pt: 10.5, label_em: Some(6.0), header_footer: true },
    Profile { name: "narrow", size: "120mm 180mm", thead: true, split_rows: true, table_pt: 8.0, label_em: Some(4.0), header_footer: true },
    Profile { name: "short", size: "240mm 110mm", thead: false, split_rows: true, table_pt: 9.0, label_em: None, header_footer: false },
    Profile { name: "big", size: "A4 portrait", thead: true, split_rows: true, table_pt: 13.0, label_em: Some(5.0), header_footer: true },
];

/// Where a cell's text sits in its cell, varied with the seed (a value beside a label wrapped
/// over several lines is level with its first, middle or last line).
const VALIGN: &[&str] = &["middle", "top", "bottom"];

/// The fonts printed with: Noto Serif CJK (Chromium embeds it as Type 3 fonts), WenQuanYi
/// Micro Hei (a TrueType CID font), Noto Sans CJK.
const FONTS: &[&str] = &["'Noto Serif CJK SC'", "'WenQuanYi Micro Hei'", "'Noto Sans CJK SC'"];

/// The print style sheet of a profile; `k` varies the margins and the font.
fn print_css(p: &Profile, k: u64) -> String {
    let (top, bottom, side) = (8 + (k * 7) % 15, 8 + (k * 11) % 13, 8 + (k * 5) % 10);
    let mut css = format!(
        "@page{{size:{};margin:{}mm {}mm {}mm {}mm}}\nbody{{font-family:{},serif;font-size:12pt;line-height:1.6}}\n",
        p.size,
        top,
        side,
        bottom,
        side,
        FONTS[(k % FONTS.len() as u64) as usize]
    );
    css.push_str("h1{font-size:18pt;text-align:center;font-weight:normal}\np{text-indent:2em;margin:0.3em 0}\ntd p{text-indent:0;margin:0}\n");
    let _ = writeln!(
        css,
        "table{{border-collapse:collapse;margin:0.5em 0;font-size:{}pt}}td{{border:1px solid #000;padding:2pt 4pt;text-align:center;vertical-align:{}}}",
        p.table_pt,
        VALIGN[((k / 3) % VALIGN.len() as u64) as usize]
    );
    let brk = if p.split_rows { "auto" } else { "avoid" };
    let _ = writeln!(css, "tr{{page-break-inside:{};break-inside:{}}}", brk, brk);
    if let Some(em) = p.label_em {
        let _ = writeln!(css, "td.l{{width:{}em;min-width:{}em}}", em, em);
    }
    // Labels and values centred, or labels to the left and values to the right or centred, or
    // labels spread over the cell's width (分散对齐).
    match (k / 9) % 4 {
        1 => css.push_str("td.l{text-align:left}td.v{text-align:right}\n"),
        2 => css.push_str("td.l{text-align:left}\n"),
        3 => css.push_str("td.l{text-align:justify;text-align-last:justify}\n"),
        _ => {}
    }
    // The page's own running header and footer (CSS margin boxes) when Chromium's are off: page
    // numbers 「- 3 -」, 「第 3 页 共 7 页」 or 「3」, the agency or the report's title at the top.
    if !p.header_footer {
        match (k / 2) % 4 {
            1 => css.push_str("@page{@bottom-center{content:\"- \" counter(page) \" -\";font-size:10pt}}\n"),
            2 => css.push_str("@page{@top-center{content:\"政府信息公开工作年度报告\";font-size:9pt}@bottom-right{content:\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";font-size:9pt}}\n"),
            3 => css.push_str("@page{@top-right{content:\"政务公开\";font-size:9pt}@bottom-center{content:counter(page);font-size:9pt}}\n"),
            _ => {}
        }
    }
    css
}

fn is_placeholder_cell(s: &str) -> bool {
    matches!(s.trim(), "/" | "-" | "—" | "无")
}

fn is_value_cell(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The report's page for printing with a profile.
fn printed_html(blocks: &[Block], title: &str, p: &Profile, k: u64) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\n{}</style></head>\n<body>\n",
        esc(title),
        print_css(p, k)
    );
    for b in blocks {
        match b {
            Block::Title(t) => {
                let _ = writeln!(h, "<h1>{}</h1>", esc(t));
            }
            Block::Para(t) => {
                let _ = writeln!(h, "<p>{}</p>", esc(t));
            }
            Block::Table(n, rows) => {
                // Header rows: those before the first row with a value (tables 三 and 四).
                let header = if p.thead && *n >= 3 { rows.iter().position(|r| r.iter().any(|c| is_value_cell(&c.text))).unwrap_or(0) } else { 0 };
                h.push_str("<table>\n");
                for (r, row) in rows.iter().enumerate() {
                    if header > 0 && r == 0 {
                        h.push_str("<thead>\n");
                    }
                    if header > 0 && r == header {
                        h.push_str("<tbody>\n");
                    }
                    let data_row = r >= header && row.iter().any(|c| is_value_cell(&c.text));
                    h.push_str("<tr>");
                    for c in row {
                        h.push_str("<td");
                        if c.colspan > 1 {
                            let _ = write!(h, " colspan=\"{}\"", c.colspan);
                        }
                        if c.rowspan > 1 {
                            let _ = write!(h, " rowspan=\"{}\"", c.rowspan);
                        }
                        if data_row && !is_value_cell(&c.text) && !c.text.is_empty() && !is_placeholder_cell(&c.text) {
                            h.push_str(" class=\"l\"");
                        } else if data_row {
                            h.push_str(" class=\"v\"");
                        }
                        let _ = write!(h, ">{}</td>", esc(&c.text));
                    }
                    h.push_str("</tr>\n");
                    if header > 0 && r + 1 == header {
                        h.push_str("</thead>\n");
                    }
                }
                if header > 0 {
                    h.push_str("</tbody>\n");
                }
                h.push_str("</table>\n");
            }
        }
    }
    h.push_str("</body></html>\n");
    h
}

/// A web page that is not ours (the real HTML report, its Word form) restyled for printing:
/// the profile's style sheet added, the header rows of tables 三 and 四 put in a `<thead>`.
fn restyled_html(html: &str, p: &Profile, k: u64) -> String {
    let css = format!("<style>\n{}</style>", print_css(p, k));
    let mut out = match html.find("</head>") {
        Some(i) => format!("{}{}{}", &html[..i], css, &html[i..]),
        None => format!("{}{}", css, html),
    };
    // The title as a portal page shows it above the article (the fixture has it only in <title>).
    if let (Some(t0), Some(t1), Some(b)) = (out.find("<title>"), out.find("</title>"), out.find("<body>")) {
        let title = out[t0 + 7..t1].to_string();
        out.insert_str(b + 6, &format!("\n<h1>{}</h1>", title));
    }
    if p.thead {
        let mut done = String::new();
        let mut rest = out.as_str();
        let mut n = 0;
        while let Some(t) = rest.find("<table") {
            let end = rest[t..].find("</table>").map(|e| t + e).unwrap_or(rest.len());
            done.push_str(&rest[..t]);
            let table = &rest[t..end];
            n += 1;
            // Rows: split before each <tr.
            let first = table.find("<tr").unwrap_or(table.len());
            let mut rows: Vec<&str> = Vec::new();
            let mut at = first;
            while at < table.len() {
                let next = table[at + 3..].find("<tr").map(|e| at + 3 + e).unwrap_or(table.len());
                rows.push(&table[at..next]);
                at = next;
            }
            let has_value = |row: &str| {
                row.split("<td")
                    .skip(1)
                    .any(|td| is_value_cell(&strip_tags(&td[td.find('>').map(|i| i + 1).unwrap_or(0)..td.find("</td>").unwrap_or(td.len())])))
            };
            let header = rows.iter().position(|r| has_value(r)).unwrap_or(0);
            if n >= 2 && header > 0 {
                done.push_str(&table[..first]);
                done.push_str("<thead>");
                done.push_str(&rows[..header].concat());
                done.push_str("</thead><tbody>");
                done.push_str(&rows[header..].concat());
                done.push_str("</tbody>");
            } else {
                done.push_str(table);
            }
            rest = &rest[end..];
        }
        done.push_str(rest);
        out = done;
    }
    // Label cells of value rows get the narrow-label class.
    if p.label_em.is_some() {
        let mut s = String::new();
        for (i, tr) in out.split("<tr").enumerate() {
            if i == 0 {
                s.push_str(tr);
                continue;
            }
            s.push_str("<tr");
            let row_end = tr.find("</tr>").unwrap_or(tr.len());
            let is_data = tr[..row_end]
                .split("<td")
                .skip(1)
                .any(|td| is_value_cell(&strip_tags(&td[td.find('>').map(|i| i + 1).unwrap_or(0)..td.find("</td>").unwrap_or(td.len())])));
            if !is_data {
                s.push_str(tr);
                continue;
            }
            let mut first = true;
            for td in tr.split("<td") {
                if first {
                    s.push_str(td);
                    first = false;
                    continue;
                }
                let text = strip_tags(&td[td.find('>').map(|i| i + 1).unwrap_or(0)..td.find("</td>").unwrap_or(td.len())]);
                s.push_str("<td");
                if !text.is_empty() && !is_value_cell(&text) {
                    s.push_str(" class=\"l\"");
                }
                s.push_str(td);
            }
        }
        out = s;
    }
    out
}

/// The printed corpus: for `count` seeds from 100, the truth, the web page (its findings are
/// the expected ones) and one print page per profile; the real HTML report and its Word form
/// the same ways; a few .docx with A5 pages and repeated header rows (LibreOffice breaks the
/// tables inside). `print.tsv` lists what to print: html, pdf, Chromium flags.
fn printed(out: &Path, count: u64) {
    std::fs::create_dir_all(out).unwrap();
    let mut list = String::new();
    let add = |list: &mut String, name: &str, p: &Profile| {
        let flags = if p.header_footer { "" } else { "--no-pdf-header-footer" };
        let _ = writeln!(list, "{}.{}.html\t{}.{}.pdf\t{}", name, p.name, name, p.name, flags);
    };
    for seed in 100..100 + count {
        // Two reports in seven with a wrong number in table 三, two in table 四 (seed % 7, apart
        // from the font's seed % 3): the truth names the cell (`injected`), and an A-finding
        // must name it in every print.
        let inject = match seed % 7 {
            1 | 4 => Inject::AnyT3,
            2 | 5 => Inject::AnyT4,
            _ => Inject::No,
        };
        let g = generate_with(seed, &Options { inject, ..Options::new(Form::Html) });
        let name = format!("s{}", seed);
        let mut doc = parse_html(&g.text, &g.title, 0);
        let mut t = truth(&g, &name);
        if let Some(i) = &g.injection {
            t["injected"] = json!({ "table": i.cell.table, "row": i.cell.row, "column": i.cell.column, "original": i.original, "printed": i.printed });
        }
        if seed % 5 == 0 {
            blank_zeros(&mut doc, &mut t, seed);
        }
        write(out.join(format!("{}.truth.json", name)), serde_json::to_string_pretty(&t).unwrap() + "\n");
        write(out.join(format!("{}.html", name)), page_html(&doc, &g.title, Print::Web));
        for p in PROFILES {
            write(out.join(format!("{}.{}.html", name, p.name)), printed_html(&doc, &g.title, p, seed));
            add(&mut list, &name, p);
        }
        if seed % 4 == 0 {
            write(out.join(format!("{}.a5.docx", name)), docx_a5(&doc, seed));
        }
    }
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let real = [
        ("testcity", shared.join("real/testcity_2025.html")),
        ("tcword", Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/derived/testcity_2025.word.html")),
    ];
    let mut t: J = serde_json::from_str(&std::fs::read_to_string(shared.join("truth/testcity_2025.json")).unwrap()).unwrap();
    for (name, path) in real {
        let html = std::fs::read_to_string(&path).unwrap();
        t["file"] = json!(format!("printed from {}", path.file_name().unwrap().to_string_lossy()));
        write(out.join(format!("{}.truth.json", name)), serde_json::to_string_pretty(&t).unwrap() + "\n");
        write(out.join(format!("{}.html", name)), &html);
        for (k, p) in PROFILES.iter().enumerate() {
            write(out.join(format!("{}.{}.html", name, p.name)), restyled_html(&html, p, k as u64 + name.len() as u64));
            add(&mut list, name, p);
        }
    }
    write(out.join("print.tsv"), list);
}

/// Two zeros of table 三 printed as a blank cell and as 「/」 (rows and columns vary with the
/// seed), in the page and the truth.
fn blank_zeros(doc: &mut [Block], t: &mut J, seed: u64) {
    let tables = &t["t3"]["rows"];
    let mut edits: Vec<(usize, usize, &str)> = Vec::new();
    for (k, text) in [(0u64, ""), (1, "/")] {
        let start = ((seed / 5 + 11 * k) % 25) as usize;
        let col = ((seed / 5 + k) % 6) as usize;
        // Never the injected cell (a blank wrong number would no longer be wrong).
        let injected = |r: usize| t["injected"]["row"] == json!(T3_ROWS[r]) && t["injected"]["column"] == json!(T3_COLUMNS[col]);
        let found = (0..25).map(|d| (start + d) % 25).find(|&r| tables[T3_ROWS[r]][col] == json!(0) && !edits.iter().any(|e| e.0 == r) && !injected(r));
        if let Some(r) = found {
            edits.push((r, col, text));
        }
    }
    for b in doc.iter_mut() {
        if let Block::Table(3, rows) = b {
            let header = rows.iter().position(|r| r.iter().any(|c| is_value_cell(&c.text))).unwrap_or(0);
            for &(r, col, text) in &edits {
                let row = &mut rows[header + r];
                let n = row.len();
                row[n - 7 + col].text = text.to_string();
            }
        }
    }
    for &(r, col, text) in &edits {
        t["t3"]["rows"][T3_ROWS[r]][col] = if text.is_empty() { J::Null } else { json!(text) };
    }
}

fn sect_a5() -> String {
    "<w:sectPr><w:pgSz w:w=\"8391\" w:h=\"11906\"/><w:pgMar w:top=\"851\" w:right=\"720\" w:bottom=\"851\" w:left=\"720\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/></w:sectPr>".into()
}

/// Word with A5 pages throughout: tables 三 and 四 run over several pages, their header rows
/// marked to repeat (`w:tblHeader`), rows free to split.
fn docx_a5(blocks: &[Block], seed: u64) -> Vec<u8> {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => {
                let _ =
                    write!(body, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr><w:t>{}</w:t></w:r></w:p>", xml_esc(t));
            }
            Block::Para(t) => {
                let _ =
                    write!(body, "<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/></w:pPr>{}</w:p>", runs(t, (t.len() + seed as usize) % 3));
            }
            Block::Table(n, rows) => {
                // Header rows repeated on each page (but for every third report).
                let header = if *n >= 3 && seed % 3 != 0 { rows.iter().position(|r| r.iter().any(|c| is_value_cell(&c.text))).unwrap_or(0) } else { 0 };
                let table = docx_table(rows, seed, header, 6800);
                // Tables in 9 pt, but for every other report in the default size: then numbers
                // of three or four digits wrap inside table 四's narrow cells, as in Word.
                let table = if seed % 8 == 0 {
                    table
                } else {
                    table
                        .replace("<w:r><w:t", "<w:r><w:rPr><w:sz w:val=\"18\"/></w:rPr><w:t")
                        .replace("<w:rPr><w:b/></w:rPr>", "<w:rPr><w:b/><w:sz w:val=\"18\"/></w:rPr>")
                };
                body.push_str(&table);
                body.push_str("<w:p/>");
            }
        }
    }
    docx_package(&body, &sect_a5())
}

// ---------------------------------------------------------------- measuring the corpus

/// Cells of a truth file: (path, value).
fn truth_cells(t: &J) -> Vec<(String, J)> {
    fn walk(path: String, v: &J, out: &mut Vec<(String, J)>) {
        match v {
            J::Object(o) => {
                for (k, x) in o {
                    if k != "columns" {
                        walk(format!("{}.{}", path, k), x, out);
                    }
                }
            }
            J::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(format!("{}[{}]", path, i), x, out);
                }
            }
            x => out.push((path, x.clone())),
        }
    }
    let mut out = Vec::new();
    for k in ["t2", "t3", "t4"] {
        walk(k.to_string(), &t[k], &mut out);
    }
    out
}

/// A JSON value by a path of the form t3.rows.granted[2].
fn at<'a>(v: &'a J, path: &str) -> Option<&'a J> {
    let mut cur = v;
    for part in path.split('.') {
        let (key, idx) = match part.find('[') {
            Some(i) => (&part[..i], Some(part[i + 1..part.len() - 1].parse::<usize>().ok()?)),
            None => (part, None),
        };
        cur = cur.get(key)?;
        if let Some(i) = idx {
            cur = cur.get(i)?;
        }
    }
    Some(cur)
}

fn plain(v: &J) -> J {
    match v {
        J::Object(o) if o.contains_key("value") => o["value"].clone(),
        J::Object(o) => J::Object(o.iter().map(|(k, v)| (k.clone(), plain(v))).collect()),
        J::Array(a) => J::Array(a.iter().map(plain).collect()),
        x => x.clone(),
    }
}

fn same(a: &J, b: &J) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    files: usize,
    exact_files: usize,
    exact: usize,
    /// Marked `certain: false` (whatever the value), in a table with a P01/P02/P04 finding.
    uncertain: usize,
    /// Marked uncertain in a table without a P01/P02/P04 finding.
    uncertain_without_p: usize,
    wrong: usize,
    missing: usize,
    /// Reports with an injected wrong number, and those where an A-finding names its cell.
    injected: usize,
    caught: usize,
    /// Findings in P/D/T/A beyond the expected ones, and A findings among them.
    extra: usize,
    false_a: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.files += o.files;
        self.exact_files += o.exact_files;
        self.exact += o.exact;
        self.uncertain += o.uncertain;
        self.uncertain_without_p += o.uncertain_without_p;
        self.injected += o.injected;
        self.caught += o.caught;
        self.wrong += o.wrong;
        self.missing += o.missing;
        self.extra += o.extra;
        self.false_a += o.false_a;
    }
}

fn in_scope(codes: impl Iterator<Item = String>) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for c in codes.filter(|c| c.starts_with(['P', 'D', 'T', 'A'])) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// Cells and findings of a report against the truth; the values as read.
fn score(report: &nianbao::Report, truth: &J, want: &std::collections::BTreeMap<String, usize>, notes: &mut Vec<String>) -> (Score, J) {
    let full = serde_json::to_value(report).unwrap();
    let got = plain(&full);
    let mut s = Score { files: 1, ..Default::default() };
    // Tables with a reading note that says some cells are uncertain.
    let p_tables: Vec<&str> =
        report.diagnostics.iter().filter(|d| matches!(d.code.as_str(), "P01" | "P02" | "P04")).filter_map(nianbao::testgen::quality::table_of).collect();
    for (path, v) in truth_cells(truth) {
        // The cell as the JSON gives it: {"value": …, "certain": false, …}.
        let uncertain = at(&full, &path).and_then(|c| c.get("certain")) == Some(&J::Bool(false));
        if uncertain {
            let table = &path[..2];
            if p_tables.iter().any(|t| *t == table) {
                s.uncertain += 1;
            } else {
                s.uncertain_without_p += 1;
                notes.push(format!("{} uncertain without a P-note for its table", path));
            }
            continue;
        }
        match at(&got, &path) {
            Some(g) if same(g, &v) => s.exact += 1,
            Some(J::Null) | None if !v.is_null() => {
                s.missing += 1;
                notes.push(format!("{} missing (want {})", path, v));
            }
            Some(g) => {
                s.wrong += 1;
                notes.push(format!("{} = {} (want {})", path, g, v));
            }
            None => {
                s.wrong += 1;
                notes.push(format!("{} absent (want null)", path));
            }
        }
    }
    let have = in_scope(report.diagnostics.iter().map(|d| d.code.as_str().to_string()));
    for (c, n) in &have {
        let extra = n.saturating_sub(*want.get(c).unwrap_or(&0));
        if extra > 0 {
            s.extra += extra;
            if c.starts_with('A') {
                s.false_a += extra;
            }
            for d in report.diagnostics.iter().filter(|d| d.code.as_str() == c) {
                notes.push(format!("{} {}", c, d.message));
            }
        }
    }
    if let Some(inj) = truth.get("injected") {
        s.injected = 1;
        let names = |d: &nianbao::model::Diagnostic| {
            d.code.as_str().starts_with('A')
                && d.cells.iter().any(|c| inj["table"] == json!(c.table) && inj["row"] == json!(c.row) && inj["column"] == json!(c.column))
        };
        if report.diagnostics.iter().any(names) {
            s.caught = 1;
        } else {
            notes.push(format!("injected {} not caught at its cell", inj));
        }
    }
    if s.wrong == 0 && s.missing == 0 && s.extra == 0 && s.uncertain_without_p == 0 && s.injected == s.caught {
        s.exact_files = 1;
    }
    (s, got)
}

/// Read every PDF of a folder natively and, where `ITEMS/<name>.items.json` is there, from
/// PDF.js's items, and compare every table cell with the truth. Prints one line per file
/// with problems (all with `-v`), then the totals by profile and in all.
fn measure(dir: &Path, items: Option<&Path>, verbose: bool) {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().and_then(|e| e.to_str()) == Some("pdf")).collect();
    files.sort();
    let mut by: std::collections::BTreeMap<(String, &str), Score> = Default::default();
    let mut differ = 0;
    let mut compared = 0;
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let report_name = file.split('.').next().unwrap().to_string();
        let profile = file.trim_end_matches(".pdf").splitn(2, '.').nth(1).unwrap_or("").to_string();
        let Ok(t) = std::fs::read_to_string(dir.join(format!("{}.truth.json", report_name))) else { continue };
        let truth: J = serde_json::from_str(&t).unwrap();
        let want = match std::fs::read_to_string(dir.join(format!("{}.html", report_name))) {
            Ok(html) => in_scope(nianbao::check_html(&html).diagnostics.iter().map(|d| d.code.as_str().to_string())),
            Err(_) => Default::default(),
        };
        let bytes = std::fs::read(path).unwrap();
        let c = nianbao::check_file(&bytes, path.to_str());
        let mut notes = Vec::new();
        let (s, native) = score(&c.report, &truth, &want, &mut notes);
        by.entry((profile.clone(), "native")).or_default().add(&s);
        let mut line =
            format!("{:<24} native {:>3}/{:<3} wrong {:>2} missing {:>3} extra {}", file, s.exact, s.exact + s.wrong + s.missing, s.wrong, s.missing, s.extra);
        let mut bad = s.exact_files == 0;
        if let Some(dir) = items {
            let p = dir.join(format!("{}.items.json", file.trim_end_matches(".pdf")));
            if let Ok(j) = std::fs::read_to_string(&p) {
                let doc: nianbao::input::positioned::PositionedDoc = serde_json::from_str(&j).unwrap();
                let c2 = nianbao::check_positioned(&doc);
                let mut notes2 = Vec::new();
                let (s2, pdfjs) = score(&c2.report, &truth, &want, &mut notes2);
                by.entry((profile.clone(), "pdfjs")).or_default().add(&s2);
                compared += 1;
                let same_values = ["t2", "t3", "t4"].iter().all(|k| native[*k] == pdfjs[*k]);
                if !same_values {
                    differ += 1;
                }
                let _ = write!(
                    line,
                    " | pdfjs {:>3} wrong {:>2} missing {:>3} extra {}{}",
                    s2.exact,
                    s2.wrong,
                    s2.missing,
                    s2.extra,
                    if same_values { "" } else { " (values differ from native)" }
                );
                bad |= s2.exact_files == 0 || !same_values;
                if verbose || s2.exact_files == 0 {
                    notes.extend(notes2.into_iter().map(|n| format!("pdfjs: {}", n)));
                }
            }
        }
        if bad || verbose {
            println!("{}", line);
            for n in notes.iter().take(12) {
                println!("    {}", n);
            }
        }
    }
    // Markdown rows, for QUALITY.md.
    println!("\n| profile | path | files | exact files | cells exact | exact % | uncertain (with P) | uncertain without P | wrong | missing | extra findings | false A | injected caught |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let row = |profile: &str, how: &str, s: &Score| {
        let cells = s.exact + s.uncertain + s.uncertain_without_p + s.wrong + s.missing;
        println!(
            "| {} | {} | {} | {} | {}/{} | {:.1} % | {} | {} | {} | {} | {} | {} | {}/{} |",
            profile,
            how,
            s.files,
            s.exact_files,
            s.exact,
            cells,
            100.0 * s.exact as f64 / cells.max(1) as f64,
            s.uncertain,
            s.uncertain_without_p,
            s.wrong,
            s.missing,
            s.extra,
            s.false_a,
            s.caught,
            s.injected
        );
    };
    let mut total: std::collections::BTreeMap<&str, Score> = Default::default();
    for ((profile, how), s) in &by {
        row(profile, how, s);
        total.entry(how).or_default().add(s);
    }
    for (how, s) in &total {
        row("all", how, s);
    }
    if compared > 0 {
        println!("PDF.js values differ from native: {} of {}", differ, compared);
    }
}
