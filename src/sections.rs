//! Finding the six sections (一、总体情况 … 六、其他需要报告的事项) and the report's title.
//!
//! A heading is a line that starts with a Chinese numeral and 、 and names its section within
//! its first characters. The numeral printed is remembered separately from the section it names,
//! so a renumbered report is still understood (and D04 can say so).

use crate::find::Find;
use crate::format::SECTIONS;
use crate::text::{is_cjk_numeral, numeral_value};

#[derive(Debug, Clone)]
pub struct Heading {
    /// Which section (1..=6) the words name.
    pub number: u8,
    /// The numeral printed before 、 (may differ from `number`).
    pub printed: u8,
    /// Byte range of the heading text (without markdown marks) in the reader text.
    pub start: usize,
    pub end: usize,
    /// The line's end (body starts after it).
    pub line_end: usize,
    pub text: String,
}

/// Lines as (start, end-without-newline).
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    crate::find::lines_inclusive(text).map(move |l| {
        let s = pos;
        pos += l.len();
        let e = s + l.trim_end_matches(['\n', '\r']).len();
        (s, e)
    })
}

/// Strip markdown heading marks, bold marks and leading white space; return the offset skipped.
fn strip_marks(line: &str) -> usize {
    let mut i = 0;
    for (k, c) in line.char_indices() {
        if c == '#' || c == '*' || c.is_whitespace() || c == '\u{3000}' || c == '>' {
            i = k + c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// If this line is a section heading, which one.
pub fn heading_of(line: &str) -> Option<(u8, u8, usize)> {
    let skip = strip_marks(line);
    let rest = &line[skip..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    if !is_cjk_numeral(first) {
        return None;
    }
    let printed = numeral_value(first)?;
    // 「一、」, also 「一．」 and 「一 、」 as PDF text spaces it.
    let mut after = chars.next()?;
    let mut skipped = 2;
    while after == ' ' || after == '\u{3000}' {
        after = chars.next()?;
        skipped += 1;
    }
    if !matches!(after, '、' | '．' | '.' | '，') {
        return None;
    }
    let body: String = rest.chars().skip(skipped).take(32).filter(|c| !c.is_whitespace()).collect();
    // Headings are short; a long line that merely starts with 一、 is prose.
    let total: usize = rest.chars().filter(|c| !c.is_whitespace()).count();
    // Where each section key first occurs, found in one pass; then the keys in their order.
    let found: Vec<(usize, u16)> = section_keys().matches(&body).map(|m| (m.0, m.2)).collect();
    for (si, spec) in SECTIONS.iter().enumerate() {
        for ki in 0..spec.keys.len() {
            let tag = (si * 16 + ki) as u16;
            if let Some(&(p, _)) = found.iter().find(|f| f.1 == tag) {
                let before = body[..p].chars().count();
                if before <= 8 && (total <= 40 || before == 0) {
                    return Some((spec.number, printed, skip));
                }
            }
        }
    }
    // A heading with a slip inside one of its words (「行政法复议」): the section whose numeral
    // is printed, when one of its longer words is there with one stray character.
    let spec = SECTIONS.get(printed as usize - 1)?;
    let chars: Vec<char> = body.chars().collect();
    let near = spec.keys.iter().filter(|k| k.chars().count() >= 4).filter_map(|k| crate::text::find_with_one_stray(&chars, k)).map(|(s, _)| s).min()?;
    (near <= 8 && total <= 40).then_some((spec.number, printed, skip))
}

/// Every key of every section, tagged section × 16 + key.
fn section_keys() -> &'static crate::find::Keywords {
    static SET: std::sync::OnceLock<crate::find::Keywords> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let words: Vec<(&'static str, u16)> =
            SECTIONS.iter().enumerate().flat_map(|(si, spec)| spec.keys.iter().enumerate().map(move |(ki, k)| (*k, (si * 16 + ki) as u16))).collect();
        crate::find::Keywords::new(&words)
    })
}

/// All headings, the first of each section in document order.
pub fn find_headings(text: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    for (s, e) in lines(text) {
        let line = &text[s..e];
        if let Some((number, printed, skip)) = heading_of(line) {
            if out.iter().any(|h| h.number == number) {
                continue;
            }
            // A later heading for an earlier section is kept only if it comes after the
            // previous one; table 三's own "三、本年度办理结果" never matches (other words).
            let t = line[skip..].trim_end();
            out.push(Heading { number, printed, start: s + skip, end: s + skip + t.len(), line_end: e, text: t.to_string() });
        }
    }
    out
}

/// The report's title lines, year and agency, read from the top of the report.
pub struct Title {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub agency: Option<String>,
}

pub fn find_title(text: &str, first_heading: Option<usize>) -> Option<Title> {
    let mut limit = first_heading.unwrap_or(text.len().min(3000)).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &text[..limit];
    let ls: Vec<(usize, usize)> = lines(head).filter(|&(s, e)| !head[s..e].trim().is_empty()).take(12).collect();
    let mut first: Option<Title> = None;
    for (i, &(s, e)) in ls.iter().enumerate() {
        let line = head[s..e].trim();
        // A saved portal page's breadcrumb (「当前位置：首页 > … > 政府信息公开年报」) names the
        // column the report sits in, not the report.
        if is_breadcrumb(line) {
            continue;
        }
        let mut joined = strip_title_marks(line);
        let mut end = e;
        // A title wrapped as "…年度报\n告".
        // A title wrapped over two lines: 「…年政府信息公开工\n作年度报告」.
        if !joined.has("报告") && (joined.has("政府信息公开") || year_in(&joined).is_some()) && i + 1 < ls.len() {
            let (ns, ne) = ls[i + 1];
            joined.push_str(&strip_title_marks(head[ns..ne].trim()));
            end = ne;
        }
        let compact: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
        if !(compact.has("年度报告") || compact.has("年报") || compact.has("工作报告")) {
            continue;
        }
        if compact.chars().count() > 80 {
            continue;
        }
        let year = year_in(&compact);
        // The agency is what precedes the year (or 政府信息公开 when the year comes later).
        let year_at = year.and_then(|y| compact.find(&y.to_string()).or_else(|| compact.find(['二', '〇', '○', '零'])));
        let mut agency = match year_at {
            Some(p) => compact[..p].to_string(),
            None => String::new(),
        };
        if agency.has("政府信息公开") || year.is_none() {
            agency = compact.split("政府信息公开").next().unwrap_or("").to_string();
        }
        for p in ["关于", "《", "（", "("] {
            if let Some(a) = agency.strip_suffix(p) {
                agency = a.to_string();
            }
        }
        let agency = agency.trim_start_matches(['《', '（', '(']);
        let agency = agency.strip_prefix("关于").unwrap_or(agency).to_string();
        let agency = if agency.is_empty() && i > 0 {
            // "洪泽区人民政府\n2023 年政府信息公开工作年度报告"
            let (ps, pe) = ls[i - 1];
            let prev: String = strip_title_marks(head[ps..pe].trim()).chars().filter(|c| !c.is_whitespace()).collect();
            if prev.chars().count() <= 30 && !prev.contains('。') {
                Some(prev)
            } else {
                None
            }
        } else if agency.is_empty() {
            None
        } else {
            Some(agency)
        };
        let title = Title { text: compact, start: s, end, year, agency };
        // A line naming a report without a year (a column's name, 「政府信息公开年报」) gives
        // way to a title with its year below it.
        if title.year.is_some() {
            return Some(title);
        }
        first.get_or_insert(title);
    }
    first
}

/// A navigation line of a portal page: 「当前位置：首页 > 政务公开 > …」, 「首页 » 信息公开」.
fn is_breadcrumb(line: &str) -> bool {
    let l = line.trim_start();
    let arrows = l.chars().filter(|c| matches!(c, '>' | '＞' | '»' | '›' | '→')).count();
    ["当前位置", "您的位置", "您现在的位置", "所在位置", "现在位置"].iter().any(|p| l.starts_with(p)) || (arrows >= 2 && l.contains("首页"))
}

fn strip_title_marks(s: &str) -> String {
    let s = s.trim_start_matches(['#', '*', ' ']).trim_end_matches(['*', ' ']);
    // A crawler's header names the title as a field: 「标题: 平潭…年度报告」.
    let field = ["标题", "文章标题", "题目", "Title", "title"]
        .iter()
        .find_map(|k| s.strip_prefix(k).map(str::trim_start).and_then(|r| r.strip_prefix([':', '：'])))
        .map(str::trim_start);
    field.unwrap_or(s).to_string()
}

/// The first plausible report year (2000–2099) written as "2024年" or "二〇二四年".
pub fn year_in(s: &str) -> Option<i32> {
    arabic_year(s).or_else(|| chinese_year(s))
}

fn chinese_year(s: &str) -> Option<i32> {
    let cs: Vec<char> = s.chars().collect();
    let digit = |c: char| match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' => Some(0),
        c => numeral_value(c).filter(|v| *v <= 9).map(|v| v as i32),
    };
    for i in 0..cs.len().saturating_sub(4) {
        if cs[i + 4] == '年' {
            let ds: Option<Vec<i32>> = cs[i..i + 4].iter().map(|c| digit(*c)).collect();
            if let Some(ds) = ds {
                let y = ds.iter().fold(0, |a, d| a * 10 + d);
                if (2000..2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    None
}

fn arabic_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(|c| c.is_ascii_digit()) && (i == 0 || !b[i - 1].is_ascii_digit()) && (i + 4 == b.len() || !b[i + 4].is_ascii_digit()) {
            let y: i32 = s[i..i + 4].parse().ok()?;
            let rest = s[i + 4..].trim_start();
            if (2000..2100).contains(&y) && rest.starts_with('年') {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(heading_of("一、总体情况").map(|h| h.0), Some(1));
        assert_eq!(heading_of("## 一、总体情况").map(|h| h.0), Some(1));
        assert_eq!(heading_of("五、政府信息公开工作存在的主要问题及改进情况").map(|h| h.0), Some(5));
        assert_eq!(heading_of("一、本年新收政府信息公开申请数量"), None);
        assert_eq!(heading_of("三、本年度办理结果"), None);
        assert_eq!(heading_of("三 、本 年 度办 理 结果"), None);
        assert_eq!(heading_of("四 、政府信息公开行政复议、行政诉讼情况").map(|h| h.0), Some(4));
        assert_eq!(heading_of("四、结转下年度继续办理"), None);
    }

    #[test]
    fn title() {
        let t = find_title("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告", None).unwrap();
        assert_eq!(t.year, Some(2023));
        assert_eq!(t.agency.as_deref(), Some("洪泽区人民政府"));
        let t = find_title("\n红旗区科学技术局2024年政府信息公开工作年度报\n告\n", None).unwrap();
        assert_eq!(t.year, Some(2024));
        assert_eq!(t.agency.as_deref(), Some("红旗区科学技术局"));
        let t = find_title("某市生态环境局二〇二四年度政府信息公开工作年度报告\n", None).unwrap();
        assert_eq!(t.year, Some(2024));
        assert_eq!(t.agency.as_deref(), Some("某市生态环境局"));
        // A portal page: the breadcrumb names the column 「政府信息公开年报」, not the report.
        let page = "首页 | 政务公开\n当前位置：首页 > 政务公开 > 政府信息公开年报\n凤泉区人民政府2022年度政府信息公开工作年度报告\n发布时间：2023-03-13\n";
        let t = find_title(page, None).unwrap();
        assert_eq!((t.year, t.agency.as_deref()), (Some(2022), Some("凤泉区人民政府")));
        // A report whose title has no year still has its title.
        let t = find_title("某县人民政府政府信息公开工作年度报告\n本报告根据…\n", None).unwrap();
        assert_eq!((t.year, t.agency.as_deref()), (None, Some("某县人民政府")));
        let t = find_title("某县人民政府政府信息公开工作年度报告（2023年）\n", None).unwrap();
        assert_eq!(t.year, Some(2023));
        assert_eq!(t.agency.as_deref(), Some("某县人民政府"));
        let t = find_title("关于某区教育局2024年政府信息公开工作年度报告\n", None).unwrap();
        assert_eq!(t.agency.as_deref(), Some("某区教育局"));
        // A crawler's header field: the title is its value.
        let t = find_title("标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n发布时间: 2020-01-20\n", None).unwrap();
        assert_eq!((t.year, t.agency.as_deref()), (Some(2019), Some("平潭综合实验区")));
        assert_eq!(t.text, "平潭综合实验区2019年度政府信息公开工作年度报告");
    }
}
