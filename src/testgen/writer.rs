//! Writing a report with the byte span of every value cell, and the helpers the forms share
//! (wrapping, padding, page markers, section titles).

use super::*;

#[derive(Default)]
pub(crate) struct W {
    pub(crate) s: String,
    pub(crate) spans: Vec<(CellId, usize, usize)>,
}

impl W {
    pub(crate) fn push(&mut self, s: &str) {
        self.s.push_str(s);
    }
    pub(crate) fn line(&mut self, s: &str) {
        self.s.push_str(s);
        self.s.push('\n');
    }
    pub(crate) fn val(&mut self, cell: CellId, text: &str) {
        let start = self.s.len();
        self.s.push_str(text);
        self.spans.push((cell, start, self.s.len()));
    }
}

pub(crate) fn t3_cell(i: usize, c: usize) -> CellId {
    CellId { table: "t3", row: T3_ROWS[i], column: T3_COLUMNS[c] }
}
pub(crate) fn t4_cell(b: usize, c: usize) -> CellId {
    CellId { table: "t4", row: T4_BLOCKS[b], column: T4_COLUMNS[c] }
}
pub(crate) fn t2_cell(row: &'static str, column: &'static str) -> CellId {
    CellId { table: "t2", row, column }
}

/// Table 二 as (row key, label, [(column key, printed value)]), with its block headings.
pub(crate) struct T2Block {
    pub(crate) heading: &'static str,
    pub(crate) columns: &'static [&'static str],
    pub(crate) rows: Vec<(&'static str, &'static str, Vec<(&'static str, String)>)>,
}

pub(crate) fn t2_blocks(t: &T2) -> Vec<T2Block> {
    let doc = |v: &[i64; 3]| vec![("made", v[0].to_string()), ("repealed", v[1].to_string()), ("valid", v[2].to_string())];
    vec![
        T2Block {
            heading: "第二十条第（一）项",
            columns: &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            rows: vec![("regulations", "规章", doc(&t.regulations)), ("normative_documents", "行政规范性文件", doc(&t.normative_documents))],
        },
        T2Block {
            heading: "第二十条第（五）项",
            columns: &["信息内容", "本年处理决定数量"],
            rows: vec![("licensing", "行政许可", vec![("decisions", t.licensing.to_string())])],
        },
        T2Block {
            heading: "第二十条第（六）项",
            columns: &["信息内容", "本年处理决定数量"],
            rows: vec![
                ("punishment", "行政处罚", vec![("decisions", t.punishment.to_string())]),
                ("coercion", "行政强制", vec![("decisions", t.coercion.to_string())]),
            ],
        },
        T2Block {
            heading: "第二十条第（八）项",
            columns: &["信息内容", "本年收费金额（单位：万元）"],
            rows: vec![("fees", "行政事业性收费", vec![("amount", t.fees_text.clone())])],
        },
    ]
}

pub(crate) const SECTION_TITLES: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// Display width in a monospaced layout (CJK = 2).
pub(crate) fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

pub(crate) fn pad_to(s: &mut String, line_start: usize, col: usize) {
    let w = width(&s[line_start..]);
    let n = if col > w {
        col - w
    } else if w == 0 {
        0
    } else {
        1
    };
    for _ in 0..n {
        s.push(' ');
    }
}

/// Cut `s` into pieces of at most `n` characters.
pub(crate) fn wrap(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(n.max(1)).map(|c| c.iter().collect()).collect()
}

/// Prose as pdftotext gives it: lines of ~`n` characters, never starting with 、，。 etc.
pub(crate) fn wrap_prose(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = (i + n).min(chars.len());
        // Keep punctuation at the end of the line it closes (typesetting rule).
        while j < chars.len() && "，。、；：）》”".contains(chars[j]) {
            j += 1;
        }
        out.push(chars[i..j].iter().collect());
        i = j;
    }
    out
}

pub(crate) fn page_marker(rng: &mut Rng, page: &mut u32, layout: bool) -> String {
    *page += 1;
    let m = if rng.chance(0.8) { format!("-{}-", page) } else { format!("— {} —", page) };
    if layout {
        format!("{}{}", " ".repeat(rng.usize(30, 90)), m)
    } else {
        m
    }
}
