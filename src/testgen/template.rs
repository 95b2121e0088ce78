//! The template: the national format written out again, independently of `format.rs`, so a
//! mistake there cannot hide in both the generator and the reader.

/// Table 三 row keys (keys.md), 2021 format, in printed order.
pub const T3_ROWS: [&str; 25] = [
    "new",
    "carried_over",
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
    "total",
    "carried_forward",
];
pub const T3_COLUMNS: [&str; 7] = ["natural", "commercial", "research", "social", "legal", "other", "total"];
pub const T4_BLOCKS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
pub const T4_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];
pub const T2_ROWS: [&str; 6] = ["regulations", "normative_documents", "licensing", "punishment", "coercion", "fees"];

pub(crate) const IDX_GRANTED: usize = 2;
pub(crate) const IDX_TOTAL: usize = 23;
pub(crate) const IDX_FORWARD: usize = 24;
/// Rows 2..=22 are the 21 result items (（一）（二） and the sub-items of （三）–（六））.
pub(crate) fn is_result_item(i: usize) -> bool {
    (IDX_GRANTED..IDX_TOTAL).contains(&i)
}

pub(crate) const T3_HEADER_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Row labels of table 三 without item numbers (sub-items get theirs when rendered).
pub(crate) const T3_TEXT: [&str; 25] = [
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "予以公开",
    "部分公开（区分处理的，只计这一情形，不计其他情形）",
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
    "本机关不掌握相关政府信息",
    "没有现成信息需要另行制作",
    "补正后申请内容仍不明确",
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
    "总计",
    "结转下年度继续办理",
];

/// The sub-groups （三）–（六） of 三、本年度办理结果: (heading, first row, last row).
pub(crate) const GROUPS: [(&str, usize, usize); 4] = [("不予公开", 4, 11), ("无法提供", 12, 14), ("不予处理", 15, 19), ("其他处理", 20, 22)];

pub(crate) fn group_of(i: usize) -> Option<usize> {
    GROUPS.iter().position(|g| (g.1..=g.2).contains(&i))
}

pub(crate) const CN_NUM: [&str; 8] = ["一", "二", "三", "四", "五", "六", "七", "八"];

/// Table 二 of the 2019 trial format (国办公开办函〔2019〕60号), which keys.md does not cover:
/// (row key, label, column keys). The keys are those of `t2_2019` in
/// ../shared/fixtures/truth-new/pingtan_2019.json: 本年新制作数量 `new_made`, 本年新公开数量
/// `new_published`, 对外公开总数量 `total_published`; 上一年项目数量 `prev_items`, 本年增/减
/// `change` (may be negative), 处理决定数量 `decisions`; 采购项目数量 `projects`, 采购总金额
/// `total_amount` (printed with its unit: 「251000元」「12万元」).
pub const T2_2019_ROWS: [(&str, &str, &[&str]); 8] = [
    ("regulations", "规章", &["new_made", "new_published", "total_published"]),
    ("normative_documents", "规范性文件", &["new_made", "new_published", "total_published"]),
    ("licensing", "行政许可", &["prev_items", "change", "decisions"]),
    ("other_services", "其他对外管理服务事项", &["prev_items", "change", "decisions"]),
    ("punishment", "行政处罚", &["prev_items", "change", "decisions"]),
    ("coercion", "行政强制", &["prev_items", "change", "decisions"]),
    ("fees", "行政事业性收费", &["prev_items", "change"]),
    ("procurement", "政府集中采购", &["projects", "total_amount"]),
];

/// The 2019 table 二's blocks: (heading, column headers, rows of `T2_2019_ROWS` by index).
pub(crate) const T2_2019_BLOCKS: [(&str, &[&str], &[usize]); 5] = [
    ("第二十条第（一）项", &["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], &[0, 1]),
    ("第二十条第（五）项", &["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], &[2, 3]),
    ("第二十条第（六）项", &["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], &[4, 5]),
    ("第二十条第（八）项", &["信息内容", "上一年项目数量", "本年增/减"], &[6]),
    ("第二十条第（九）项", &["信息内容", "采购项目数量", "采购总金额"], &[7]),
];
