//! The national format (国办公开办函〔2021〕30号) as data: sections, tables, rows, columns and
//! the sums that must hold. Readers and rules look things up here instead of hard-coding labels.
//!
//! Row `keys` are fragments that identify a row label after normalisation (see
//! `text::normalize_label`): they survive wrapping, spaces inside labels and the usual typos,
//! while `label` is the template wording used for T03 and for display.

/// One of the six sections.
pub struct SectionSpec {
    pub number: u8,
    pub numeral: char,
    pub title: &'static str,
    /// Any of these in a heading line (after its numeral) identifies the section.
    pub keys: &'static [&'static str],
}

pub const SECTIONS: &[SectionSpec] = &[
    SectionSpec { number: 1, numeral: '一', title: "总体情况", keys: &["总体情况", "概述", "基本情况"] },
    SectionSpec { number: 2, numeral: '二', title: "主动公开政府信息情况", keys: &["主动公开政府信息", "主动公开情况"] },
    SectionSpec {
        number: 3,
        numeral: '三',
        title: "收到和处理政府信息公开申请情况",
        keys: &["收到和处理政府信息公开申请", "收到和处理", "处理政府信息公开申请", "依申请公开政府信息情况", "依申请公开情况"],
    },
    SectionSpec {
        number: 4,
        numeral: '四',
        title: "政府信息公开行政复议、行政诉讼情况",
        keys: &["行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议,行政诉讼", "行政复议行政诉讼", "被申请行政复议", "行政复议"],
    },
    SectionSpec {
        number: 5,
        numeral: '五',
        title: "存在的主要问题及改进情况",
        keys: &["存在的主要问题", "存在主要问题", "存在问题", "主要问题及改进", "改进情况"],
    },
    SectionSpec { number: 6, numeral: '六', title: "其他需要报告的事项", keys: &["其他需要报告", "需要报告的事项", "其他事项"] },
];

/// A row of a table: its key (keys.md), its template label and the fragments that recognise it.
pub struct RowSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// Normalised fragments; a label containing any of them is this row.
    pub keys: &'static [&'static str],
    /// The heading of the group this sub-item belongs to, for messages ("（三）不予公开").
    pub group: Option<&'static str>,
    /// Only in the 2021 format (the three （六） sub-rows) or only in 2019 (`other`).
    pub variant: Variant,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Variant {
    Both,
    Only2021,
    Only2019,
}

pub struct ColumnSpec {
    pub key: &'static str,
    pub label: &'static str,
}

/// Table 二: each row has its own columns.
pub const T2_ROWS: &[RowSpec] = &[
    RowSpec { key: "regulations", label: "规章", keys: &["规章"], group: Some("第二十条第（一）项"), variant: Variant::Both },
    RowSpec {
        key: "normative_documents", label: "行政规范性文件", keys: &["规范性文件"], group: Some("第二十条第（一）项"), variant: Variant::Both
    },
    RowSpec { key: "licensing", label: "行政许可", keys: &["行政许可"], group: Some("第二十条第（五）项"), variant: Variant::Both },
    RowSpec { key: "punishment", label: "行政处罚", keys: &["行政处罚"], group: Some("第二十条第（六）项"), variant: Variant::Both },
    RowSpec { key: "coercion", label: "行政强制", keys: &["行政强制"], group: Some("第二十条第（六）项"), variant: Variant::Both },
    RowSpec { key: "fees", label: "行政事业性收费", keys: &["事业性收费"], group: Some("第二十条第（八）项"), variant: Variant::Both },
];

pub const T2_DOC_COLUMNS: &[&str] = &["made", "repealed", "valid"];
pub const T2_DECISION_COLUMNS: &[&str] = &["decisions"];
pub const T2_FEE_COLUMNS: &[&str] = &["amount"];

pub fn t2_columns(row: &str) -> &'static [&'static str] {
    match row {
        "regulations" | "normative_documents" => T2_DOC_COLUMNS,
        "fees" => T2_FEE_COLUMNS,
        _ => T2_DECISION_COLUMNS,
    }
}

pub fn t2_column_label(column: &str) -> &'static str {
    match column {
        "made" => "本年制发件数",
        "repealed" => "本年废止件数",
        "valid" => "现行有效件数",
        "decisions" => "本年处理决定数量",
        "amount" => "本年收费金额（单位：万元）",
        _ => "",
    }
}

/// Table 二 of the 2019 trial format (国办公开办函〔2019〕60号): eight rows in five blocks, each
/// block with its own columns (`t2_2019_columns`). No sums hold between its cells.
pub const T2_2019_ROWS: &[RowSpec] = &[
    RowSpec { key: "regulations", label: "规章", keys: &["规章"], group: Some("第二十条第（一）项"), variant: Variant::Only2019 },
    RowSpec {
        key: "normative_documents", label: "规范性文件", keys: &["规范性文件"], group: Some("第二十条第（一）项"), variant: Variant::Only2019
    },
    RowSpec { key: "licensing", label: "行政许可", keys: &["行政许可"], group: Some("第二十条第（五）项"), variant: Variant::Only2019 },
    RowSpec {
        key: "other_services",
        label: "其他对外管理服务事项",
        keys: &["其他对外管理服务事项", "对外管理服务事项"],
        group: Some("第二十条第（五）项"),
        variant: Variant::Only2019,
    },
    RowSpec { key: "punishment", label: "行政处罚", keys: &["行政处罚"], group: Some("第二十条第（六）项"), variant: Variant::Only2019 },
    RowSpec { key: "coercion", label: "行政强制", keys: &["行政强制"], group: Some("第二十条第（六）项"), variant: Variant::Only2019 },
    RowSpec {
        key: "fees", label: "行政事业性收费", keys: &["行政事业性收费", "事业性收费"], group: Some("第二十条第（八）项"), variant: Variant::Only2019
    },
    RowSpec {
        key: "procurement", label: "政府集中采购", keys: &["政府集中采购", "集中采购"], group: Some("第二十条第（九）项"), variant: Variant::Only2019
    },
];

pub const T2_2019_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { key: "new_made", label: "本年新制作数量" },
    ColumnSpec { key: "new_published", label: "本年新公开数量" },
    ColumnSpec { key: "total_published", label: "对外公开总数量" },
    ColumnSpec { key: "prev_items", label: "上一年项目数量" },
    ColumnSpec { key: "change", label: "本年增/减" },
    ColumnSpec { key: "decisions", label: "处理决定数量" },
    ColumnSpec { key: "projects", label: "采购项目数量" },
    ColumnSpec { key: "total_amount", label: "采购总金额" },
];

/// The columns of a row of the 2019 table 二.
pub fn t2_2019_columns(row: &str) -> &'static [&'static str] {
    match row {
        "regulations" | "normative_documents" => &["new_made", "new_published", "total_published"],
        "fees" => &["prev_items", "change"],
        "procurement" => &["projects", "total_amount"],
        _ => &["prev_items", "change", "decisions"],
    }
}

/// The columns of a row of table 二 (`t2`) or of the 2019 format's (`t2_2019`).
pub fn row_columns(table: &str, row: &str) -> &'static [&'static str] {
    match table {
        "t2" => t2_columns(row),
        "t2_2019" => t2_2019_columns(row),
        _ => &[],
    }
}

/// How a cell of the 2019 table 二 is written: a count; 本年增/减, which may be negative
/// (「-18」); 采购总金额, money with or without its unit (「75394432.52元」「251万元」, kept as
/// printed).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CellKind {
    Count,
    Signed,
    Money,
}

pub fn t2_2019_kind(column: &str) -> CellKind {
    match column {
        "change" => CellKind::Signed,
        "total_amount" => CellKind::Money,
        _ => CellKind::Count,
    }
}

/// Table 三 rows in template order (2021), with the 2019 single （六） row in its place.
pub const T3_ROWS: &[RowSpec] = &[
    RowSpec { key: "new", label: "一、本年新收政府信息公开申请数量", keys: &["本年新收"], group: None, variant: Variant::Both },
    RowSpec { key: "carried_over", label: "二、上年结转政府信息公开申请数量", keys: &["上年结转"], group: None, variant: Variant::Both },
    RowSpec { key: "granted", label: "（一）予以公开", keys: &["予以公开"], group: Some("三、本年度办理结果"), variant: Variant::Both },
    RowSpec {
        key: "partial",
        label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        keys: &["部分公开"],
        group: Some("三、本年度办理结果"),
        variant: Variant::Both,
    },
    RowSpec { key: "denied_1", label: "1.属于国家秘密", keys: &["国家秘密"], group: Some("（三）不予公开"), variant: Variant::Both },
    RowSpec {
        key: "denied_2",
        label: "2.其他法律行政法规禁止公开",
        keys: &["行政法规禁止", "禁止公开", "其他法律行政"],
        group: Some("（三）不予公开"),
        variant: Variant::Both,
    },
    RowSpec {
        key: "denied_3", label: "3.危及“三安全一稳定”", keys: &["三安全一稳定", "危及"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "denied_4", label: "4.保护第三方合法权益", keys: &["第三方合法权益", "保护第三方"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "denied_5", label: "5.属于三类内部事务信息", keys: &["内部事务"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "denied_6", label: "6.属于四类过程性信息", keys: &["过程性信息"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "denied_7", label: "7.属于行政执法案卷", keys: &["行政执法案卷", "执法案卷"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "denied_8", label: "8.属于行政查询事项", keys: &["行政查询事项", "查询事项"], group: Some("（三）不予公开"), variant: Variant::Both
    },
    RowSpec {
        key: "unable_1", label: "1.本机关不掌握相关政府信息", keys: &["不掌握"], group: Some("（四）无法提供"), variant: Variant::Both
    },
    RowSpec {
        key: "unable_2", label: "2.没有现成信息需要另行制作", keys: &["另行制作", "没有现成"], group: Some("（四）无法提供"), variant: Variant::Both
    },
    RowSpec {
        key: "unable_3", label: "3.补正后申请内容仍不明确", keys: &["补正后", "仍不明确"], group: Some("（四）无法提供"), variant: Variant::Both
    },
    RowSpec {
        key: "not_processed_1", label: "1.信访举报投诉类申请", keys: &["信访举报", "投诉类"], group: Some("（五）不予处理"), variant: Variant::Both
    },
    RowSpec { key: "not_processed_2", label: "2.重复申请", keys: &["重复申请"], group: Some("（五）不予处理"), variant: Variant::Both },
    RowSpec {
        key: "not_processed_3", label: "3.要求提供公开出版物", keys: &["公开出版物"], group: Some("（五）不予处理"), variant: Variant::Both
    },
    RowSpec {
        key: "not_processed_4", label: "4.无正当理由大量反复申请", keys: &["大量反复"], group: Some("（五）不予处理"), variant: Variant::Both
    },
    RowSpec {
        key: "not_processed_5",
        label: "5.要求行政机关确认或重新出具已获取信息",
        keys: &["重新出具", "确认或重新"],
        group: Some("（五）不予处理"),
        variant: Variant::Both,
    },
    RowSpec {
        key: "other_1",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        keys: &["逾期不补正"],
        group: Some("（六）其他处理"),
        variant: Variant::Only2021,
    },
    RowSpec {
        key: "other_2",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        keys: &["收费通知", "缴纳费用"],
        group: Some("（六）其他处理"),
        variant: Variant::Only2021,
    },
    RowSpec { key: "other_3", label: "3.其他", keys: &[], group: Some("（六）其他处理"), variant: Variant::Only2021 },
    RowSpec { key: "other", label: "（六）其他处理", keys: &[], group: Some("三、本年度办理结果"), variant: Variant::Only2019 },
    RowSpec { key: "total", label: "（七）总计", keys: &[], group: Some("三、本年度办理结果"), variant: Variant::Both },
    RowSpec {
        key: "carried_forward", label: "四、结转下年度继续办理", keys: &["结转下年度", "结转下一年度", "转下年度"], group: None, variant: Variant::Both
    },
];

pub const T3_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { key: "natural", label: "自然人" },
    ColumnSpec { key: "legal_subtotal", label: "法人或其他组织（小计）" },
    ColumnSpec { key: "commercial", label: "商业企业" },
    ColumnSpec { key: "research", label: "科研机构" },
    ColumnSpec { key: "social", label: "社会公益组织" },
    ColumnSpec { key: "legal", label: "法律服务机构" },
    ColumnSpec { key: "other", label: "其他" },
    ColumnSpec { key: "total", label: "总计" },
];

/// The five legal-person columns (商业企业 … 其他).
pub const T3_LEGAL_COLUMNS: &[&str] = &["commercial", "research", "social", "legal", "other"];
/// The six applicant columns that add up to 总计.
pub const T3_APPLICANT_COLUMNS: &[&str] = &["natural", "commercial", "research", "social", "legal", "other"];

/// The result items that add up to （七）总计 (2021 format; 2019 uses `other`).
pub const T3_RESULT_ITEMS: &[&str] = &[
    "granted",
    "partial",
    "denied_1",
    "denied_2",
    "denied_3",
    "denied_4",
    "denied_5",
    "denied_6",
    "denied_7",
    "denied_8",
    "unable_1",
    "unable_2",
    "unable_3",
    "not_processed_1",
    "not_processed_2",
    "not_processed_3",
    "not_processed_4",
    "not_processed_5",
    "other_1",
    "other_2",
    "other_3",
    "other",
];

pub const T4_BLOCKS: &[RowSpec] = &[
    RowSpec { key: "review", label: "行政复议", keys: &[], group: None, variant: Variant::Both },
    RowSpec { key: "litigation_direct", label: "行政诉讼（未经复议直接起诉）", keys: &[], group: None, variant: Variant::Both },
    RowSpec { key: "litigation_after_review", label: "行政诉讼（复议后起诉）", keys: &[], group: None, variant: Variant::Both },
];

pub const T4_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { key: "upheld", label: "结果维持" },
    ColumnSpec { key: "corrected", label: "结果纠正" },
    ColumnSpec { key: "other", label: "其他结果" },
    ColumnSpec { key: "pending", label: "尚未审结" },
    ColumnSpec { key: "total", label: "总计" },
];

/// A sum the format requires. Applied by `rules::arithmetic` to whatever was read.
pub struct SumSpec {
    pub code: crate::code::Code,
    pub table: &'static str,
    pub shape: SumShape,
    /// How the sum is named in messages.
    pub name: &'static str,
}

pub enum SumShape {
    /// In every row: Σ parts (columns) = total (column).
    RowWise { parts: &'static [&'static str], total: &'static str },
    /// In every column: Σ parts (rows) = total (row).
    ColumnWise { parts: &'static [&'static str], total: &'static str },
    /// In every column: Σ lhs rows = Σ rhs rows.
    ColumnBalance { lhs: &'static [&'static str], rhs: &'static [&'static str] },
}

pub const SUMS: &[SumSpec] = &[
    SumSpec {
        code: crate::code::Code::A01,
        table: "t3",
        shape: SumShape::RowWise { parts: T3_APPLICANT_COLUMNS, total: "total" },
        name: "自然人与各类法人或其他组织之和应等于总计",
    },
    SumSpec {
        code: crate::code::Code::A05,
        table: "t3",
        shape: SumShape::RowWise { parts: T3_LEGAL_COLUMNS, total: "legal_subtotal" },
        name: "五类法人或其他组织之和应等于其小计",
    },
    SumSpec {
        code: crate::code::Code::A02,
        table: "t3",
        shape: SumShape::ColumnWise { parts: T3_RESULT_ITEMS, total: "total" },
        name: "各项办理结果之和应等于（七）总计",
    },
    SumSpec {
        code: crate::code::Code::A03,
        table: "t3",
        shape: SumShape::ColumnBalance { lhs: &["new", "carried_over"], rhs: &["total", "carried_forward"] },
        name: "第一项加第二项之和应等于第三项加第四项之和",
    },
    SumSpec {
        code: crate::code::Code::A04,
        table: "t4",
        shape: SumShape::RowWise { parts: &["upheld", "corrected", "other", "pending"], total: "total" },
        name: "结果维持、结果纠正、其他结果、尚未审结之和应等于总计",
    },
];

pub fn t3_row(key: &str) -> Option<&'static RowSpec> {
    T3_ROWS.iter().find(|r| r.key == key)
}

pub fn row_label(table: &str, key: &str) -> &'static str {
    let rows = match table {
        "t2" => T2_ROWS,
        "t2_2019" => T2_2019_ROWS,
        "t3" => T3_ROWS,
        _ => T4_BLOCKS,
    };
    rows.iter().find(|r| r.key == key).map(|r| r.label).unwrap_or("")
}

pub fn column_label(table: &str, key: &str) -> &'static str {
    match table {
        "t2" => t2_column_label(key),
        "t2_2019" => T2_2019_COLUMNS.iter().find(|c| c.key == key).map(|c| c.label).unwrap_or(""),
        "t3" => T3_COLUMNS.iter().find(|c| c.key == key).map(|c| c.label).unwrap_or(""),
        _ => T4_COLUMNS.iter().find(|c| c.key == key).map(|c| c.label).unwrap_or(""),
    }
}

/// A short human name of a cell for messages: 「表三（七）总计·自然人」.
pub fn cell_name(table: &str, row: &str, column: &str) -> String {
    match table {
        "t2" | "t2_2019" => format!("表二「{}」{}", row_label(table, row), column_label(table, column)),
        "t3" => {
            let spec = t3_row(row);
            let label = spec.map(|s| short_t3_label(s)).unwrap_or_default();
            format!("表三「{}」{}列", label, column_label(table, column))
        }
        _ => format!("表四{}「{}」", row_label(table, row), column_label(table, column)),
    }
}

/// Row label shortened for messages: sub-items carry their group (（三）不予公开 1.属于国家秘密).
pub fn short_t3_label(spec: &RowSpec) -> String {
    let base: String = spec.label.split('（').next().unwrap_or(spec.label).to_string();
    let base = if base.is_empty() { spec.label.chars().take(12).collect() } else { base };
    match spec.group {
        Some(g) if g.starts_with('（') && spec.key != "other" && spec.key != "total" => {
            format!("{} {}", g, base)
        }
        _ => {
            if spec.key == "partial" {
                "（二）部分公开".to_string()
            } else {
                base
            }
        }
    }
}

/// The first row of `rows` (in template order) one of whose keys occurs in `label`.
fn first_row_in(rows: &'static [RowSpec], set: &crate::find::Keywords, label: &str) -> Option<&'static RowSpec> {
    set.matches(label).map(|m| m.2).min().map(|i| &rows[i as usize])
}

fn row_keys(rows: &'static [RowSpec]) -> crate::find::Keywords {
    let words: Vec<(&'static str, u16)> = rows.iter().enumerate().flat_map(|(i, r)| r.keys.iter().map(move |k| (*k, i as u16))).collect();
    crate::find::Keywords::new(&words)
}

/// The row of table 二 a normalised label names (its keys found in one pass over the label).
pub fn t2_row_in(label: &str) -> Option<&'static RowSpec> {
    static SET: std::sync::OnceLock<crate::find::Keywords> = std::sync::OnceLock::new();
    first_row_in(T2_ROWS, SET.get_or_init(|| row_keys(T2_ROWS)), label)
}

/// The row of table 三 whose label begins with this normalised piece (at least five
/// characters after its item number): a label wrapped before its distinctive words
/// (「1、申请人无正当理由逾期不补」 and then, after a blank line, 「正、…」).
pub fn t3_row_starting(label: &str) -> Option<&'static RowSpec> {
    static CORES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let cores = CORES.get_or_init(|| T3_ROWS.iter().map(|r| strip_item_number(&crate::text::normalize_label(r.label)).to_string()).collect());
    let piece = strip_item_number(label);
    if piece.chars().count() < 5 {
        return None;
    }
    let mut found = cores.iter().enumerate().filter(|(_, c)| c.starts_with(piece));
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(&T3_ROWS[i]),
        _ => None,
    }
}

/// A label without the item number it starts with (「（一）」「1.」「一、」).
fn strip_item_number(s: &str) -> &str {
    let t = s.trim_start_matches(|c: char| c.is_ascii_digit() || crate::text::is_cjk_numeral(c));
    let t = t.strip_prefix(['.', '、', '．']).unwrap_or(t);
    if let Some(rest) = s.strip_prefix('（') {
        if let Some(p) = rest.find('）') {
            if rest[..p].chars().all(crate::text::is_cjk_numeral) {
                return &rest[p + '）'.len_utf8()..];
            }
        }
    }
    t
}

/// The row of table 三 a normalised label names.
pub fn t3_row_in(label: &str) -> Option<&'static RowSpec> {
    static SET: std::sync::OnceLock<crate::find::Keywords> = std::sync::OnceLock::new();
    first_row_in(T3_ROWS, SET.get_or_init(|| row_keys(T3_ROWS)), label)
}
