//! The one rule registry: every code nianbao can report, its default severity, what triggers it
//! and an example (`RULES`), and the rule functions the pipeline runs with the codes each of them
//! reports (`CHECKERS`). The README's rule reference and the page's rule explanations are
//! generated from `RULES` (`nianbao rules --format markdown|json`); `check` runs `CHECKERS` in
//! order, skipping those whose codes are all switched off (CLI `--ignore W04`).

use super::Context;
use crate::code::Code;
use crate::model::{Diagnostic, Severity};
use serde::Serialize;

/// A rule function and the codes it may report.
pub struct Checker {
    /// Its module under `rules/`.
    pub name: &'static str,
    pub codes: &'static [Code],
    pub run: fn(&Context, &mut Vec<Diagnostic>),
}

/// The rule functions, in the order they run over a report. (X01–X03 compare two reports:
/// `previous::check_pair`, run when last year's report is given.)
pub const CHECKERS: &[Checker] = {
    use Code::*;
    &[
        Checker { name: "structure", codes: &[P01, P02, P03, P04, D01, D02, D03, D04, D05, T01, T02, T03, T04], run: super::structure::check },
        Checker { name: "cells", codes: &[T05, T06, T07], run: super::cells::check },
        Checker { name: "arithmetic", codes: &[A01, A02, A03, A04, A05], run: super::arithmetic::check },
        Checker { name: "counts", codes: &[C01, C02, C03, C04], run: super::counts::check },
        Checker { name: "year", codes: &[C05], run: super::year::check },
        Checker { name: "fee", codes: &[C06, C07], run: super::fee::check },
        Checker { name: "wording", codes: &[W01, W02, W03, W04], run: super::wording::check },
    ]
};

/// The codes `previous::check_pair` reports.
pub const PAIR_CODES: &[Code] = &[Code::X01, Code::X02, Code::X03];

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
    /// A short Chinese name.
    pub name: &'static str,
    /// When it fires, in plain words.
    pub when: &'static str,
    /// A typical case and what would be right.
    pub example: &'static str,
}

use Severity::{Error, Info, Warning};

pub const RULES: &[Rule] = &[
    Rule {
        code: Code::P01,
        severity: Warning,
        name: "部分单元格无法读取",
        when: "找到了表格，但有的单元格或行读不出来（位置不明、数字缺失）。检查结果只依据读出的数值，读不出的不作推测。",
        example: "表三「（四）无法提供 2.」一行只读到 3 个数，无法确定各列归属。",
    },
    Rule {
        code: Code::P02,
        severity: Warning,
        name: "数字拆分有歧义",
        when: "网页文本中一行数字连在一起（如 801000081），按表格勾稽关系有不止一种拆法都能平衡；列出所有可能的读法和采用的读法。",
        example: "「1100011」可读作 1|1|0|0|0|0|… 或 …，请核对原表。",
    },
    Rule {
        code: Code::P03,
        severity: Info,
        name: "识别到的输入形式",
        when: "说明报告文本的形式（PDF 提取文本、Markdown、制表符分隔、网页、连写数字等），数字需按勾稽关系拆分时给出。连写的数字有几种拆法都平衡，而正文说的本机关件数（如「行政复议11件」）只与其中一种相符时，说明已按这种拆法读取、是正文哪个数决定的。",
        example: "表格数字无分隔符，已按勾稽关系拆分。",
    },
    Rule {
        code: Code::P04,
        severity: Warning,
        name: "数值位置不确定，请核对",
        when: "读出了数，但它属于哪一格要靠推断：行与行名错开了一列、行名和数字分在两处、一行数字前没有行名、数值跑到了表格外面。这些格标为「请核对」，不据此报告合计错误。",
        example: "表二「55（含自然失效29件）」出现在表格上方，按顺序归入「行政规范性文件」本年废止件数，请核对原表。",
    },
    Rule {
        code: Code::D01,
        severity: Error,
        name: "不是标准格式的年报",
        when: "三张表（表二、表三、表四）一张也找不到。",
        example: "粘贴的是工作总结而非年度报告。",
    },
    Rule {
        code: Code::D02,
        severity: Error,
        name: "使用了 2019 年试行格式",
        when: "表二或表三是 2019 年试行格式（国办公开办函〔2019〕60号）。报告年度 2021 年及以后为错误，2019–2020 年为提示。",
        example: "表二出现「本年新制作数量」「对外公开总数量」，应改用 2021 年格式。",
    },
    Rule {
        code: Code::D03,
        severity: Error,
        name: "缺少部分",
        when: "六个部分（一、总体情况 … 六、其他需要报告的事项）缺少一个或多个。",
        example: "没有「六、其他需要报告的事项」。",
    },
    Rule {
        code: Code::D04,
        severity: Warning,
        name: "部分顺序或编号不规范",
        when: "部分顺序颠倒、重复编号，或在某一部分内重新使用「一、二、」这一级编号，与部分编号冲突。",
        example: "「五、存在的主要问题」下又写「一、存在问题」「二、改进措施」，应改为（一）（二）。",
    },
    Rule {
        code: Code::D05,
        severity: Warning,
        name: "无法确定报告年度",
        when: "标题中找不到报告年度（如「2024年政府信息公开工作年度报告」）。",
        example: "标题只写了「政府信息公开工作年度报告」。",
    },
    Rule {
        code: Code::T01,
        severity: Error,
        name: "缺少表格",
        when: "有该部分的标题，但找不到对应的表格。",
        example: "「三、收到和处理政府信息公开申请情况」下没有表格。",
    },
    Rule {
        code: Code::T02,
        severity: Error,
        name: "缺少模板行",
        when: "表格少了格式规定的行。",
        example: "表三「（六）其他处理」只有一行，缺少 1、2、3 三个子项（2021 年格式）。",
    },
    Rule {
        code: Code::T03,
        severity: Warning,
        name: "行或列名称与模板不符",
        when: "行名、列名与格式模板不一致（错字、漏字、改写）。",
        example: "「2.其他法律行政止公开」应为「2.其他法律行政法规禁止公开」。",
    },
    Rule {
        code: Code::T04,
        severity: Error,
        name: "一行的数值个数不对",
        when: "一行的数值比表格的列多或少，例如缺少「总计」列。",
        example: "表三没有「总计」列，每行只有 6 个数。",
    },
    Rule {
        code: Code::T05,
        severity: Warning,
        name: "空白或占位符",
        when: "应填数字的单元格为空或填了「/」「-」「—」「无」，没有的应填 0。",
        example: "表四「结果纠正」填了「/」，应填 0。",
    },
    Rule {
        code: Code::T06,
        severity: Warning,
        name: "数字单元格中有文字",
        when: "数字单元格里写了说明文字。",
        example: "「22（其中修订16件）」应只填 22，说明写在正文。",
    },
    Rule {
        code: Code::T07, severity: Error, name: "负数或小数", when: "件数为负数或小数（收费金额可以有小数）。", example: "「本年新收」填了 -1 或 2.5。"
    },
    Rule {
        code: Code::A01,
        severity: Error,
        name: "表三行合计不符",
        when: "表三某一行：自然人 + 五类法人或其他组织 ≠ 总计。",
        example: "「一、本年新收」自然人 80 + 其他各列 1 = 81，总计却填 82。",
    },
    Rule {
        code: Code::A02,
        severity: Error,
        name: "表三办理结果合计不符",
        when: "表三某一列：（七）总计 ≠ （一）至（六）各项之和。",
        example: "自然人列各项办理结果之和为 20，（七）总计填 21。",
    },
    Rule {
        code: Code::A03,
        severity: Error,
        name: "表三收办平衡不符",
        when: "表三某一列：第一项（本年新收）+ 第二项（上年结转）≠ 第三项（七）总计 + 第四项（结转下年度）。",
        example: "新收 21 + 结转 0 = 21，办结 20 + 结转下年 0 = 20。",
    },
    Rule {
        code: Code::A04,
        severity: Error,
        name: "表四合计不符",
        when: "表四行政复议、直接起诉、复议后起诉任一组：维持 + 纠正 + 其他 + 尚未审结 ≠ 总计。",
        example: "行政复议维持 10 + 纠正 1 = 11，总计填 0。",
    },
    Rule {
        code: Code::A05,
        severity: Error,
        name: "表三法人小计不符",
        when: "表三多出「法人或其他组织」小计列时：五类之和 ≠ 小计。",
        example: "商业企业 2 + 其他 1 = 3，小计填 2。",
    },
    Rule {
        code: Code::C01,
        severity: Warning,
        name: "正文申请数与表三不符",
        when: "正文说的收到、受理、新收、上年结转、办结（答复）、结转下年度件数与表三的总计不一致。只比较本机关自己的数字：「全区各部门」「累计」「代表区政府」等范围不同或说不清的不比较；「收到 N 件」可以是新收，也可以是新收加上年结转。",
        example: "区政府报告正文「全区共受理政府信息公开申请 25 件」，表三本年新收总计 21。",
    },
    Rule {
        code: Code::C02,
        severity: Error,
        name: "正文称未收到申请但表三有数",
        when: "正文说没有收到政府信息公开申请（「未收到…申请」「受理申请 0 件」），而表三本年新收大于 0；或正文说收到了申请，而表三新收和上年结转都是 0。",
        example: "正文「未收到政府信息公开申请」，表三新收 3 件。",
    },
    Rule {
        code: Code::C03,
        severity: Warning,
        name: "正文复议诉讼数与表四不符",
        when: "正文说的行政复议、行政诉讼件数（包括「其中结果维持…」各项和「未发生…行政复议、行政诉讼」）与表四不一致。行政诉讼按直接起诉加复议后起诉合计比较。",
        example: "正文「行政复议 2 起」，表四行政复议总计 3。",
    },
    Rule {
        code: Code::C04,
        severity: Warning,
        name: "正文称全部办结但有结转",
        when: "正文说申请「均已办结」「全部办结」或「办结率 100%」，而表三「四、结转下年度继续办理」大于 0。",
        example: "「均已按时办结」，结转下年度 2 件。",
    },
    Rule {
        code: Code::C05,
        severity: Warning,
        name: "年份与报告年度不符",
        when: "叙述本年工作的句子用了前一两年的年份（常见于沿用上年文字）。计划（「2025年将…」）、日期、所引文件的名称和文号、统计期限、比较（「较2023年」「2019年以来」）不算。",
        example: "2024 年度报告中写「2023 年，我局主动公开…」。",
    },
    Rule {
        code: Code::C06,
        severity: Warning,
        name: "未说明信息处理费",
        when: "2021 年度起的报告，「六、其他需要报告的事项」没有说明信息处理费的收取情况（只写「无」也算没有说明）。「未收取信息处理费」「未向申请人收取任何费用」「信息处理费 0 元」「无政府信息公开收费项目」都是说明。",
        example: "第六部分只写「无」。",
    },
    Rule {
        code: Code::C07,
        severity: Warning,
        name: "问题与改进部分过于简单",
        when: "「五、存在的主要问题及改进情况」为空、只写「无」，或不足 20 个字。",
        example: "第五部分只写「无」。",
    },
    Rule {
        code: Code::W01,
        severity: Warning,
        name: "常见误用词",
        when: "常见误用词，列表见 src/rules/wordlist.tsv，每条附正确写法和理由：日期或「目前」前的「截止」应为「截至」，「健立建全」应为「建立健全」，「布署」应为「部署」等。只收每次出现都错的写法。",
        example: "「截止2024年12月31日」应为「截至2024年12月31日」。",
    },
    Rule {
        code: Code::W02, severity: Warning, name: "括号或引号不配对", when: "正文中（ ）〔 〕《 》“ ” 不成对（跨 PDF 换行也能配对）。只少左括号的序号如「二）」提示改为「（二）」。", example: "「二）依申请公开」缺少左括号，应为「（二）」。"
    },
    Rule {
        code: Code::W03,
        severity: Warning,
        name: "日期写错",
        when: "日期写错或不存在：「12月31诶」（“日”写成了别的字）、「2024年13月」、「2月30日」、平年的「2月29日」。",
        example: "「12月31诶」应为「12月31日」。",
    },
    Rule { code: Code::W04, severity: Info, name: "词语重复", when: "同一个词（两到六个字）连续出现两次，如「资金资金」「公开公开」；「常常」「人人」「一个一个」等叠词不算。", example: "「资金资金」。" },
    Rule {
        code: Code::X01,
        severity: Error,
        name: "上年结转与上年报告不符",
        when: "本年「二、上年结转」≠ 上年报告「四、结转下年度继续办理」（逐列）。两份报告的年份不相邻时不比较。",
        example: "上年结转下年度 3 件，本年上年结转填 2。",
    },
    Rule {
        code: Code::X02,
        severity: Error,
        name: "现行有效件数不连续",
        when: "本年现行有效件数 ≠ 上年现行有效件数 + 本年制发 − 本年废止（规章、行政规范性文件）。",
        example: "上年有效 5 + 制发 3 − 废止 0 = 8，本年填 9。",
    },
    Rule {
        code: Code::X03, severity: Warning, name: "与上年报告大量重复", when: "第一、五、六部分有一半以上的文字与上年报告相同（按 16 字以上的重复段落计，数字不计），并标出这些段落。", example: "第一部分除年份和数字外与上年报告相同。"
    },
];

/// The registry's entry for a code (every code has one: `every_code_is_registered_once`).
pub fn rule(code: Code) -> &'static Rule {
    RULES.iter().find(|r| r.code == code).unwrap_or(&RULES[0])
}

/// The rule reference as Markdown (README), generated from `RULES`.
pub fn markdown_reference() -> String {
    let mut s = String::from("| 代码 | 级别 | 名称 | 何时报告 | 例子 |\n|---|---|---|---|---|\n");
    for r in RULES {
        s.push_str(&format!("| {} | {} | {} | {} | {} |\n", r.code, r.severity.as_str(), r.name, r.when.replace('|', "\\|"), r.example.replace('|', "\\|")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_registered_once_and_reported_by_one_checker() {
        for &c in Code::ALL {
            assert_eq!(RULES.iter().filter(|r| r.code == c).count(), 1, "{} in RULES", c);
            let by = CHECKERS.iter().filter(|k| k.codes.contains(&c)).count() + PAIR_CODES.iter().filter(|&&x| x == c).count();
            assert_eq!(by, 1, "{} is reported by {} checkers", c, by);
        }
        assert_eq!(RULES.len(), Code::ALL.len());
    }
}
