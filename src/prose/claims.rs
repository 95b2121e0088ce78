//! What the prose says about the year's applications and disputes: counts (「全市共受理政府信息
//! 公开申请 3119 件」「上年结转 2 件」「行政复议 351 件，其中结果维持 72 件」), "none" statements
//! (「未收到政府信息公开申请」「未发生…行政复议」) and "all completed" statements (「均已按时办结」).
//!
//! Reading is deliberately narrow: a count is taken only when a known keyword stands right
//! before it (or, for 顺延/结转下年, right after), the sentence is about 政府信息公开 applications
//! (or disputes about them), the count is not a part (其中…, 自然人…, 网上…) or a change
//! (较上年增加…), and its scope is the agency's own (`scope`). Anything else is left unread: a
//! missed comparison costs less than a false alarm.

use super::scope::{markers_of, scope_of, Scope};
use super::{leading_number, Prose};
use crate::find::{Find, Keywords};
use crate::keywords;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// 收到/受理: 新收, or 新收 + 上年结转.
    Received,
    /// 新收.
    New,
    /// 上年结转.
    CarriedOver,
    /// 办结/答复: 三、（七）总计.
    Done,
    /// 办理: any of 新收, 新收 + 上年结转, 办结.
    Handled,
    /// 结转下年度 / 顺延到下年度.
    CarriedForward,
    /// 行政复议 总计.
    Review,
    /// 行政诉讼: 直接起诉 + 复议后起诉 (or 直接起诉 alone).
    Litigation,
    LitigationDirect,
    LitigationAfterReview,
    /// 其中结果维持/纠正/其他/尚未审结 of the 行政复议 just named (column key).
    ReviewPart(&'static str),
    LitigationPart(&'static str),
}

impl What {
    pub fn is_dispute(self) -> bool {
        matches!(self, What::Review | What::Litigation | What::LitigationDirect | What::LitigationAfterReview | What::ReviewPart(_) | What::LitigationPart(_))
    }
}

/// A count stated in the prose. Ranges are in `Prose::text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub what: What,
    pub value: i64,
    /// The number itself (for a "none" statement about disputes: the statement).
    pub num: (usize, usize),
    /// The keyword through the unit: 「受理政府信息公开申请 21 件」.
    pub phrase: (usize, usize),
}

#[derive(Debug, Default)]
pub struct Claims {
    pub counts: Vec<Claim>,
    /// 「未收到政府信息公开申请」: ranges of the statements.
    pub none_received: Vec<(usize, usize)>,
    /// 「均已按时办结」.
    pub all_done: Vec<(usize, usize)>,
}

/// Keywords, most specific first: the first group that has a keyword in the words before a
/// number decides what it counts.
const CARRIED_OVER: &[&str] = &[
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "上一年结转",
    "去年结转",
    "结转上年",
    "上年遗留",
    "上年度遗留",
    "上年未办结",
    "上年度未办结",
    "上年度转入",
    "上年转入",
];
const CARRIED_FORWARD: &[&str] = &[
    "结转下年",
    "结转下一年",
    "结转到下",
    "结转至下",
    "转下一年",
    "转入下年",
    "转入下一年",
    "转到下年",
    "转至下年",
    "顺延到下",
    "顺延至下",
    "延续至下年",
    "延期至下年",
    "结转至次年",
    "转入次年",
];
const NEW: &[&str] = &["新收"];
const RECEIVED: &[&str] = &["收到", "接收", "受理", "接到", "收悉"];
const DONE: &[&str] = &["办结", "答复", "处理完毕", "办理完毕", "办理完成", "完成答复"];
const HANDLED: &[&str] = &["办理", "处理"];
const REVIEW: &[&str] = &["行政复议", "复议"];
const LITIGATION: &[&str] = &["行政诉讼", "诉讼"];
const LIT_DIRECT: &[&str] = &["直接起诉", "直接提起诉讼", "直接提起行政诉讼"];
const LIT_AFTER: &[&str] = &["复议后起诉", "复议后提起诉讼", "复议后提起行政诉讼"];
const PARTS: &[(&str, &str)] = &[
    ("维持", "upheld"),
    ("纠正", "corrected"),
    ("其他结果", "other"),
    ("其他", "other"),
    ("尚未审结", "pending"),
    ("未审结", "pending"),
    ("审理中", "pending"),
];

/// Topics whose counts are not 政府信息公开 applications.
const OFF_TOPIC: &[&str] = &[
    "信访",
    "投诉",
    "举报",
    "热线",
    "12345",
    "咨询",
    "留言",
    "来电",
    "来信",
    "建议",
    "提案",
    "许可",
    "审批",
    "办件",
    "政务服务",
    "服务事项",
    "办事",
    "申请人",
    "补正",
    "告知书",
];
/// Words that make a count a change or a part, not the year's figure.
const NOT_THE_FIGURE: &[&str] = &["同比", "较上年", "比上年", "较去年", "比去年", "增加", "减少", "增长", "下降", "平均", "人次", "约", "近", "超过", "以上"];
const PART_OF_APPLICATIONS: &[&str] = &[
    "其中",
    "自然人",
    "网络",
    "网上",
    "当面",
    "信函",
    "邮寄",
    "传真",
    "电子邮件",
    "在线",
    "现场",
    "商业企业",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
];

/// Units a count of applications or disputes ends with.
const UNITS: &str = "件起宗份例";
const DISPUTE_UNITS: &str = "件起宗份例次";
// (`Ctx::counts` tests for these units and 为 with a character list, the cheap test every
// sentence goes through; `units_in_the_quick_test` keeps the two in step.)

const CLAUSE_BREAKS: &[char] = &['，', ',', '：', ':', '（', '）', '(', ')', '；', ';', '。', '\n'];

pub fn read(prose: &Prose, year: Option<i32>, agency: Option<&str>) -> Claims {
    let mut out = Claims::default();
    let t = &prose.text;
    let sentences = prose.sentences();
    let year_words = year_keywords(year);
    for (k, &(s, e)) in sentences.iter().enumerate() {
        let prev = if k > 0 && prose.section_at(sentences[k - 1].0) == prose.section_at(s) { &t[sentences[k - 1].0..sentences[k - 1].1] } else { "" };
        let st = &t[s..e];
        let ctx = Ctx { s, st, prev, agency, year_words: &year_words, prev_markers: Default::default() };
        ctx.counts(&mut out.counts);
        ctx.none_statements(&mut out);
        ctx.all_done(&mut out.all_done);
    }
    out
}

/// 「2023年结转」 (last year's) and 「结转至2025年」 (next year's) in a report for 2024.
fn year_keywords(year: Option<i32>) -> Vec<(String, What)> {
    let Some(y) = year else { return Vec::new() };
    vec![
        (format!("{}年结转", y - 1), What::CarriedOver),
        (format!("{}年度结转", y - 1), What::CarriedOver),
        (format!("结转至{}", y + 1), What::CarriedForward),
        (format!("结转到{}", y + 1), What::CarriedForward),
        (format!("转入{}", y + 1), What::CarriedForward),
        (format!("结转{}", y + 1), What::CarriedForward),
        (format!("顺延至{}", y + 1), What::CarriedForward),
        (format!("顺延到{}", y + 1), What::CarriedForward),
    ]
}

struct Ctx<'a> {
    /// Sentence start in `t`, and the sentence.
    s: usize,
    st: &'a str,
    prev: &'a str,
    agency: Option<&'a str>,
    year_words: &'a [(String, What)],
    /// The scope markers of the sentence before, worked out once for all the statements of
    /// this sentence that need them.
    prev_markers: std::cell::OnceCell<Scope>,
}

impl Ctx<'_> {
    fn about_applications(&self) -> bool {
        self.st.has("申请") && (self.st.has("公开") || self.prev.has("依申请") || self.prev.has("申请公开"))
    }

    fn about_disputes(&self) -> bool {
        self.st.has("公开") || self.prev.has("依申请")
    }

    /// Whose figure a statement at sentence offset `at` gives.
    fn own_scope(&self, at: usize) -> bool {
        match scope_of(tail(&self.st[..at], SCOPE_WINDOW), self.agency) {
            Scope::Own => true,
            Scope::Other => false,
            Scope::Silent => *self.prev_markers.get_or_init(|| markers_of(tail(self.prev, SCOPE_WINDOW), self.agency)) != Scope::Other,
        }
    }

    fn counts(&self, out: &mut Vec<Claim>) {
        let st = self.st;
        // A count needs a unit (件/起…) or 「为」: most sentences have neither.
        if !st.contains(['件', '起', '宗', '份', '例', '次', '为']) {
            return;
        }
        let apps = self.about_applications();
        let disputes = self.about_disputes();
        // The start of the words that belong to the next number: after the last count or break.
        let mut from = 0usize;
        let mut main_disputes: Vec<What> = Vec::new();
        let mut i = 0;
        let b = st.as_bytes();
        while i < st.len() {
            // Only digits, ASCII breaks and characters led by E3 (。), EF (full-width
            // punctuation) or E4/E5 (the numerals 一…十) can break a clause or start a number:
            // the others are stepped over on their lead byte.
            let x = b[i];
            if !(x.is_ascii_digit() || matches!(x, b',' | b':' | b'(' | b')' | b';' | b'\n' | 0xE3 | 0xE4 | 0xE5 | 0xEF)) {
                i += crate::text::utf8_len(x);
                continue;
            }
            let c = st[i..].chars().next().unwrap_or(' ');
            if CLAUSE_BREAKS.contains(&c) {
                i += c.len_utf8();
                from = i;
                continue;
            }
            let prev_c = st[..i].chars().next_back();
            let starts_number = c.is_ascii_digit() || matches!(c, '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十');
            if !starts_number
                || prev_c.is_some_and(|p| {
                    p.is_ascii_digit()
                        || matches!(
                            p,
                            '.' | '第' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '零' | '〇'
                        )
                })
            {
                i += c.len_utf8();
                continue;
            }
            let Some((value, len)) = number_at(st, i) else {
                i += c.len_utf8();
                continue;
            };
            let after = &st[i + len..];
            let unit = after.chars().next();
            let by_wei = st[..i].ends_with('为') && c.is_ascii_digit();
            let is_count = |units: &str| unit.is_some_and(|u| units.contains(u)) || (by_wei && unit.is_none_or(|u| CLAUSE_BREAKS.contains(&u) || u == '、'));
            if !is_count(DISPUTE_UNITS) || after.starts_with(['余', '多']) || after[unit.map_or(0, |u| u.len_utf8())..].starts_with(['余', '多']) {
                i += len;
                continue;
            }
            let unit_len = if unit.is_some_and(|u| DISPUTE_UNITS.contains(u)) { unit.map_or(0, |u| u.len_utf8()) } else { 0 };
            let num = (i, i + len);
            let end = i + len + unit_len;
            // A keyword stands close to its number: look back a bounded stretch only (a
            // sentence of thousands of numbers must not cost a scan per number).
            let mut pre = tail(&st[from..i], KEYWORD_WINDOW);
            let post = head(&st[end..], 60);
            let post = &post[..post.find(CLAUSE_BREAKS).unwrap_or(post.len())];
            let mut kw = last_keyword(pre, self.year_words).or_else(|| post_keyword(post, self.year_words));
            // 「收到政府信息公开申请，共计 5 件」: the keyword is in the clause before.
            if kw.is_none() && FILLERS.contains(&pre) && from > 0 && !counted_in_clause_before(st, from, out, self.s) {
                let brk = st[..from].char_indices().next_back().map_or(0, |(p, _)| p);
                let before = tail(&st[..brk], KEYWORD_WINDOW);
                let base = brk - before.len();
                let clause_start = before.rfind(CLAUSE_BREAKS).map(|p| base + p + st[base + p..].chars().next().map_or(1, |c| c.len_utf8())).unwrap_or(base);
                if clause_start < from {
                    pre = &st[clause_start..i];
                    kw = last_keyword(pre, self.year_words);
                }
            }
            let claim = kw.and_then(|(kpos, what)| {
                let kpos_in_st = pre.as_ptr() as usize - st.as_ptr() as usize + kpos.min(pre.len());
                let what = self.classify(what, pre, unit_len > 0 && unit.is_some_and(|u| UNITS.contains(u)) || by_wei, apps, disputes, &main_disputes)?;
                if !self.own_scope(kpos_in_st.min(i)) {
                    return None;
                }
                let phrase_start = kpos_in_st.min(i);
                Some(Claim { what, value, num: (self.s + num.0, self.s + num.1), phrase: (self.s + phrase_start, self.s + end) })
            });
            if let Some(cl) = claim {
                if matches!(cl.what, What::Review | What::Litigation | What::LitigationDirect | What::LitigationAfterReview) {
                    main_disputes.push(cl.what);
                }
                out.push(cl);
            }
            from = end;
            i = end.max(i + 1);
        }
        // "None" statements about disputes: 「未发生因政府信息公开引起的行政复议、行政诉讼」.
        let mut negs: Vec<usize> =
            keywords!(&["未发生", "没有发生", "未产生", "未出现", "无因", "未收到", "未有", "无涉及"]).matches(st).map(|m| m.0).collect();
        negs.sort();
        negs.dedup();
        let mut covered = 0;
        for (k, &p) in negs.iter().enumerate() {
            {
                if p < covered {
                    continue;
                }
                let clause = head(&st[p..], 300);
                let clause = &clause[..clause.find(['，', '。', '；', ',', ';', '\n']).unwrap_or(clause.len())];
                if !(clause.has("公开") || disputes) || !self.own_scope(p) {
                    continue;
                }
                // 「未收到…申请情况且无因…引起的行政复议」: the nearer negation speaks of the disputes.
                let first_dispute = ["复议", "诉讼"].iter().filter_map(|w| clause.find_str(w)).min().unwrap_or(clause.len());
                if negs.get(k + 1).is_some_and(|&q| q < p + first_dispute) {
                    continue;
                }
                let span = (self.s + p, self.s + p + clause.len());
                if clause.has("复议") || clause.has("诉讼") {
                    covered = p + clause.len();
                }
                if let Some(r) = clause.find_str("复议") {
                    if !clause[..r].has("复议后") {
                        out.push(Claim { what: What::Review, value: 0, num: span, phrase: span });
                    }
                }
                if clause.has("诉讼") {
                    out.push(Claim { what: What::Litigation, value: 0, num: span, phrase: span });
                }
            }
        }
    }

    /// What a number counts, given the keyword before it; `None` when the words say it is
    /// something else or a part.
    fn classify(&self, what: What, pre: &str, app_unit: bool, apps: bool, disputes: bool, main: &[What]) -> Option<What> {
        if keywords!(NOT_THE_FIGURE).any_in(pre) || pre.ends_with('各') {
            return None;
        }
        match what {
            What::ReviewPart(col) | What::LitigationPart(col) => {
                // 「其中行政复议结果维持 5 件」「行政诉讼结果维持 3 件」 say whose part it is.
                let review = pre.rfind_str("复议").filter(|p| !pre[*p..].starts_with("复议后"));
                let suit = pre.rfind_str("诉讼").or_else(|| pre.rfind_str("起诉"));
                match (review, suit) {
                    (Some(r), Some(l)) => return Some(if r > l { What::ReviewPart(col) } else { What::LitigationPart(col) }),
                    (Some(_), None) => return Some(What::ReviewPart(col)),
                    (None, Some(_)) => return Some(What::LitigationPart(col)),
                    (None, None) => {}
                }
                // Otherwise only right after exactly one 行政复议 or 行政诉讼 count, after 其中.
                if main.len() != 1 || !(pre.has("其中") || pre.has("结果") || pre.has("尚未") || pre.len() <= 12) {
                    return None;
                }
                match main[0] {
                    What::Review => Some(What::ReviewPart(col)),
                    What::Litigation => Some(What::LitigationPart(col)),
                    _ => None,
                }
            }
            w if w.is_dispute() => {
                if !disputes || OFF_TOPIC[..4].iter().any(|x| pre.has(x)) {
                    return None;
                }
                Some(w)
            }
            w => {
                if !apps || !app_unit || pre.has("复议") || pre.has("诉讼") || keywords!(OFF_TOPIC).any_in(pre) {
                    return None;
                }
                // 「其中自然人申请 20 件」「网上受理 8 件」 are parts of what was received;
                // 「予以公开答复 966 件」 is a part of what was completed (「其中办结 8 件」 is not).
                let whole_counts_part = matches!(w, What::Received | What::New | What::Handled);
                if keywords!(PART_OF_APPLICATIONS).matches(pre).any(|(_, x, _)| x != "其中" || whole_counts_part) {
                    return None;
                }
                if pre.has("法人") && !pre.has("公民") {
                    return None;
                }
                Some(w)
            }
        }
    }

    fn none_statements(&self, out: &mut Claims) {
        let st = self.st;
        if !(self.st.has("公开") || self.prev.has("依申请")) {
            return;
        }
        const NEGATIONS: &[&str] = &["尚未收到", "未收到", "没有收到", "未接到", "未接收", "未受理", "没有受理", "未发生", "没有发生", "无"];
        // Where each negation occurs, found in one pass; most sentences have none.
        let hits: Vec<(usize, &str)> = keywords!(NEGATIONS).matches(st).map(|m| (m.0, m.1)).collect();
        if hits.is_empty() {
            return;
        }
        let mut taken_until = 0;
        for &neg in NEGATIONS {
            for &(p, _) in hits.iter().filter(|h| h.1 == neg) {
                if p < taken_until {
                    continue;
                }
                let rest = head(&st[p + neg.len()..], 120);
                let clause = &rest[..rest.find(['，', '。', '；', ',', ';', '\n']).unwrap_or(rest.len())];
                if neg == "无" {
                    let ok = ["政府信息公开申请", "信息公开申请", "依申请公开", "申请公开", "公开申请", "申请"].iter().any(|w| clause.starts_with(w));
                    if !ok || st[..p].ends_with(['并', '从', '毫', '虚', '若']) {
                        continue;
                    }
                }
                let Some(a) = clause.find_str("申请") else { continue };
                if clause[..a].chars().count() > 30 || clause[a..].starts_with("申请人") {
                    continue;
                }
                // 「未发生因政府信息公开申请引起的行政复议」 is about disputes.
                let after: String = clause[a + "申请".len()..].chars().take(6).collect();
                if ["引起", "引发", "产生", "导致"].iter().any(|w| after.has(w)) {
                    continue;
                }
                // 「未发生因依申请公开被行政复议纠错或行政诉讼败诉情形」: about the disputes too.
                let near: String = clause[a + "申请".len()..].chars().take(12).collect();
                if ["复议", "诉讼", "纠错", "败诉"].iter().any(|w| near.has(w)) {
                    continue;
                }
                let about = &clause[..a];
                if about.has("复议") || about.has("诉讼") || keywords!(OFF_TOPIC).any_in(about) {
                    continue;
                }
                if !self.own_scope(p) {
                    continue;
                }
                let end = p + neg.len() + a + "申请".len();
                out.none_received.push((self.s + p, self.s + end));
                taken_until = end;
            }
        }
    }

    fn all_done(&self, out: &mut Vec<(usize, usize)>) {
        let st = self.st;
        // Every statement read here says 办结 (「均已按时办结」「办结率100%」); most sentences do not.
        if !st.has("办结") {
            return;
        }
        if !(st.has("申请") || self.prev.has("申请")) || !(st.has("公开") || self.prev.has("公开")) {
            return;
        }
        if keywords!(&["结转", "顺延", "下年", "下一年", "转入", "尚在办理", "正在办理", "仍在办理", "除", "复议", "诉讼"]).any_in(st)
        {
            return;
        }
        if keywords!(OFF_TOPIC).any_in(st) {
            return;
        }
        for rate in ["办结率100%", "办结率达100%", "办结率为100%", "办结率达到100%"] {
            if let Some(p) = st.find_str(rate) {
                if self.own_scope(p) {
                    out.push((self.s + p, self.s + p + rate.len()));
                }
                return;
            }
        }
        for (p, _) in st.match_indices("办结") {
            // 「均已按时办结」「全部办结」「已全部依法办结」: 均/全部 at most 8 characters before.
            let before = &st[..p];
            let window: String = before.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
            let Some(q) = ["全部", "均"].iter().filter_map(|w| window.rfind_str(w)).max() else { continue };
            // No clause break between 均 and 办结.
            if window[q..].contains(['，', ',', '：']) {
                continue;
            }
            let start = p - (window.len() - q);
            if self.own_scope(start) {
                out.push((self.s + start, self.s + p + "办结".len()));
            }
        }
    }
}

/// Words between a clause break and a count that leave the keyword in the clause before.
const FILLERS: &[&str] = &["共计", "共", "合计", "总计", "计", "数量为", "为", "达", "共有", "总数为", "数量", "共计为"];

/// Whether the clause before `from` (a clause start) already gave a count.
fn counted_in_clause_before(st: &str, from: usize, out: &[Claim], s: usize) -> bool {
    let brk = st[..from].char_indices().next_back().map_or(0, |(p, _)| p);
    let before = tail(&st[..brk], KEYWORD_WINDOW);
    let clause_start = before.rfind(CLAUSE_BREAKS).map_or(brk - before.len(), |p| brk - before.len() + p);
    out.iter().rev().take_while(|c| c.num.0 >= s + clause_start).any(|c| c.num.0 < s + from)
}

/// How far before a number its keyword may stand (bytes).
const KEYWORD_WINDOW: usize = 150;
/// How far before a statement its subject and scope words are looked for (bytes).
const SCOPE_WINDOW: usize = 600;

/// The first `max` bytes of `s` (at a character boundary).
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// The last `max` bytes of `s` (at a character boundary).
fn tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = s.len() - max;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// A count at `i`: digits or a number in words.
fn number_at(st: &str, i: usize) -> Option<(i64, usize)> {
    let (v, len) = leading_number(&st[i..])?;
    Some((v, len))
}

/// The keyword nearest before a number, most specific group first.
fn last_keyword(pre: &str, year_words: &[(String, What)]) -> Option<(usize, What)> {
    for (w, what) in year_words {
        if let Some(p) = pre.rfind_str(w.as_str()) {
            return Some((p, *what));
        }
    }
    // Every group's last keyword, found in one pass over the words before the number.
    let mut last: [Option<(usize, &str)>; GROUPS] = [None; GROUPS];
    for (p, w, g) in keyword_groups().matches(pre) {
        // Per group the one ending last; of those ending at the same place the longest
        // (行政复议, not 复议).
        let slot = &mut last[g as usize];
        if slot.is_none_or(|(q, v)| (p + w.len(), w.len()) >= (q + v.len(), v.len())) {
            *slot = Some((p, w));
        }
    }
    let at = |g: usize| last[g].map(|x| x.0);
    for (g, what) in
        [(G_FORWARD, What::CarriedForward), (G_OVER, What::CarriedOver), (G_LIT_AFTER, What::LitigationAfterReview), (G_LIT_DIRECT, What::LitigationDirect)]
    {
        if let Some(p) = at(g) {
            return Some((p, what));
        }
    }
    // 行政复议 / 行政诉讼 and the parts of the one just named: the nearest wins.
    let mut best: Option<(usize, What)> = None;
    let mut consider = |p: usize, w: What| {
        if best.is_none_or(|b| p > b.0) {
            best = Some((p, w));
        }
    };
    if let Some(p) = at(G_REVIEW) {
        if !pre[p..].starts_with("复议后") {
            consider(p, What::Review);
        }
    }
    if let Some(p) = at(G_LITIGATION) {
        consider(p, What::Litigation);
    }
    for (k, (_, col)) in PARTS.iter().enumerate() {
        if let Some(p) = at(G_PARTS + k) {
            consider(p, What::ReviewPart(col));
        }
    }
    if best.is_some() {
        return best;
    }
    // 新收 / 办结 / 收到 / 办理: one of them names the figure; two (「收到并办理」「受理…并答复」)
    // leave it open, and then any of 新收, 新收 + 上年结转 and 办结 is accepted.
    let mut found: Vec<(usize, What)> = Vec::new();
    for (g, what) in [(G_NEW, What::New), (G_DONE, What::Done), (G_RECEIVED, What::Received), (G_HANDLED, What::Handled)] {
        if let Some(p) = at(g) {
            // 「办理结果」 is not 办理.
            if what == What::Handled && pre[p..].starts_with("办理结果") {
                continue;
            }
            found.push((p, what));
        }
    }
    match found.len() {
        0 => None,
        1 => Some(found[0]),
        _ if found.iter().all(|f| matches!(f.1, What::New | What::Received)) => found.iter().find(|f| f.1 == What::New).copied(),
        _ => Some((found.iter().map(|f| f.0).min().unwrap_or(0), What::Handled)),
    }
}

// The keyword groups of `last_keyword`, tagged by group; each word of PARTS is a group of its own.
const G_FORWARD: usize = 0;
const G_OVER: usize = 1;
const G_LIT_AFTER: usize = 2;
const G_LIT_DIRECT: usize = 3;
const G_REVIEW: usize = 4;
const G_LITIGATION: usize = 5;
const G_NEW: usize = 6;
const G_DONE: usize = 7;
const G_RECEIVED: usize = 8;
const G_HANDLED: usize = 9;
const G_PARTS: usize = 10;
const GROUPS: usize = G_PARTS + PARTS.len();

fn keyword_groups() -> &'static Keywords {
    static SET: std::sync::OnceLock<Keywords> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lists: [(&[&'static str], usize); 10] = [
            (CARRIED_FORWARD, G_FORWARD),
            (CARRIED_OVER, G_OVER),
            (LIT_AFTER, G_LIT_AFTER),
            (LIT_DIRECT, G_LIT_DIRECT),
            (REVIEW, G_REVIEW),
            (LITIGATION, G_LITIGATION),
            (NEW, G_NEW),
            (DONE, G_DONE),
            (RECEIVED, G_RECEIVED),
            (HANDLED, G_HANDLED),
        ];
        let mut words: Vec<(&'static str, u16)> = lists.iter().flat_map(|(l, g)| l.iter().map(move |w| (*w, *g as u16))).collect();
        words.extend(PARTS.iter().enumerate().map(|(k, (w, _))| (*w, (G_PARTS + k) as u16)));
        Keywords::new(&words)
    })
}

/// 「103 件顺延到下年度答复」「2 件结转至下年度办理」「5 件已办结」.
fn post_keyword(post: &str, year_words: &[(String, What)]) -> Option<(usize, What)> {
    let head: String = post.chars().take(8).collect();
    for (w, what) in year_words {
        if *what == What::CarriedForward && head.has(w.as_str()) {
            return Some((usize::MAX, What::CarriedForward));
        }
    }
    if CARRIED_FORWARD.iter().any(|w| head.has(w)) {
        return Some((usize::MAX, What::CarriedForward));
    }
    if ["已办结", "已全部办结", "已答复"].iter().any(|w| post.starts_with(w)) {
        return Some((usize::MAX, What::Done));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::tests::with_doc;

    type Seen = (Vec<(What, i64, String)>, Vec<String>, Vec<String>);

    fn read_body(agency: &str, body: &str) -> Seen {
        let text = format!("{}2024年政府信息公开工作年度报告\n一、总体情况\n{}\n五、存在的主要问题及改进情况\n信息公开工作仍有不足。\n", agency, body);
        with_doc(&text, |doc| {
            let p = Prose::read(doc);
            let c = read(&p, doc.year, doc.title.as_ref().and_then(|t| t.agency.as_deref()));
            let show = |r: (usize, usize)| p.text[r.0..r.1].to_string();
            (
                c.counts.iter().map(|c| (c.what, c.value, show(c.num))).collect(),
                c.none_received.iter().map(|r| show(*r)).collect(),
                c.all_done.iter().map(|r| show(*r)).collect(),
            )
        })
    }

    fn counts(agency: &str, body: &str) -> Vec<(What, i64)> {
        read_body(agency, body).0.into_iter().map(|c| (c.0, c.1)).collect()
    }

    #[test]
    fn huaian_2024_counts() {
        let body = "（二）依申请公开情况。定期对政府信息公开申请集中的领\n域和热点问题进行研判。2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。";
        use What::*;
        assert_eq!(
            counts("淮安市人民政府\n", body),
            vec![
                (Received, 3119),
                (Done, 3050),
                (CarriedOver, 34),
                (CarriedForward, 103),
                (Review, 351),
                (ReviewPart("upheld"), 72),
                (ReviewPart("corrected"), 64),
                (ReviewPart("other"), 178),
                (ReviewPart("pending"), 37),
                (Litigation, 46),
                (LitigationPart("upheld"), 25),
                (LitigationPart("corrected"), 5),
                (LitigationPart("other"), 9),
                (LitigationPart("pending"), 7),
            ]
        );
    }

    #[test]
    fn shanghai_2019_sentences() {
        // 2019年上海市人民政府办公厅政府信息公开工作年度报告: the office on behalf of the
        // government (代表) — not compared, and neither is what follows in that sentence group.
        let body = "（二）依申请公开方面\n严格执行新出台的《条例》，进一步规范政府信息公开申请办理工作。市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录。";
        assert_eq!(counts("上海市人民政府办公厅", body), vec![(What::Review, 7), (What::Litigation, 9)]);
    }

    #[test]
    fn scope_decides() {
        // hongzequ_2023: 全区 is the 区人民政府's own scope.
        assert_eq!(
            counts(
                "洪泽区人民政府\n",
                "（二）依申请公开情况。进一步规范依申请公开流程，畅通\n依申请公开受理渠。2023 年全区受理政府信息公开申请 21 件，\n均在法定期限答复。"
            ),
            vec![(What::Received, 21)]
        );
        // hongzequ_2024: 区政府办代表区政府 is narrower.
        assert_eq!(counts("淮安市洪泽区人民政府\n", "2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。"), vec![]);
        assert_eq!(counts("红旗区科学技术局", "2024年，全区共受理政府信息公开申请 40 件。"), vec![]);
        assert_eq!(counts("红旗区科学技术局", "自2019年以来，我局累计受理政府信息公开申请 40 件。"), vec![]);
    }

    #[test]
    fn phrasings() {
        use What::*;
        let a = "某某区科学技术局";
        assert_eq!(
            counts(a, "上年度结转依申请公开数量为 0，2024年度办结数量为 0，转下一年办理数\n量为 0。"),
            vec![(CarriedOver, 0), (Done, 0), (CarriedForward, 0)]
        );
        assert_eq!(counts(a, "2024年，我局共收到政府信息公开申请十二件，上年结转两件，已办结十四件。"), vec![(Received, 12), (CarriedOver, 2), (Done, 14)]);
        assert_eq!(counts(a, "全年新收政府信息公开申请5件，结转下年度继续办理1件。"), vec![(New, 5), (CarriedForward, 1)]);
        assert_eq!(counts(a, "我局收到政府信息公开申请，共计 5 件。"), vec![(Received, 5)]);
        assert_eq!(counts(a, "全年因政府信息公开引起行政复议2件、行政诉讼1件。"), vec![(Review, 2), (Litigation, 1)]);
        // Phrasings of real reports (paraphrased).
        assert_eq!(
            counts(a, "全年共收到政府信息公开申请40件，上年度结转办理3件，其中结转2025年度6件，其余37件全部按时答复。"),
            vec![(Received, 40), (CarriedOver, 3), (CarriedForward, 6)]
        );
        assert_eq!(
            counts(a, "我局收到政府信息公开申请12件，现已办结12件，全年因政府信息公开产生行政复议案件4件和行政诉讼案件2件，其中行政复议结果维持3件，尚未审结1件，行政诉讼结果维持2件。"),
            vec![(Received, 12), (Done, 12), (Review, 4), (Litigation, 2), (ReviewPart("upheld"), 3), (LitigationPart("upheld"), 2)]
        );
        assert_eq!(counts(a, "2024年，共收到并办理依申请公开政府信息15件。"), vec![(Handled, 15)]);
        assert_eq!(counts(a, "2024年未产生因政府信息公开申请提请的行政复议和行政诉讼案件。"), vec![(Review, 0), (Litigation, 0)]);
        // Parts, changes and other topics are not the year's figure.
        assert_eq!(counts(a, "共收到政府信息公开申请21件，其中自然人申请20件，较上年增加5件。"), vec![(Received, 21)]);
        assert_eq!(counts(a, "通过网上受理政府信息公开申请8件。"), vec![]);
        assert_eq!(counts(a, "共答复政府信息公开申请20件，其中予以公开答复12件，不予公开3件。"), vec![(Done, 20)]);
        assert_eq!(counts(a, "共收到政府信息公开申请10件，其中办结8件，结转下年度2件。"), vec![(Received, 10), (Done, 8), (CarriedForward, 2)]);
        assert_eq!(counts(a, "全年受理行政许可申请500件，办理政务服务事项300件。"), vec![]);
        assert_eq!(counts(a, "全年受理信访件30件。"), vec![]);
        assert_eq!(counts(a, "主动公开政府信息105条，受理群众咨询12件。"), vec![]);
        assert_eq!(counts(a, "收到政府信息公开申请200余件。"), vec![]);
        assert_eq!(counts(a, "全年受理申请 5 件。"), vec![], "no word of 公开 in the sentence or before");
    }

    #[test]
    fn none_and_all_done() {
        let a = "红旗区科学技术局";
        assert_eq!(
            read_body(a, "截止 2024年 12月 31诶，我局未收到公民、法人和其他组织提出的政府信息公开申请。").1,
            vec!["未收到公民、法人和其他组织提出的政府信息公开申请"]
        );
        assert_eq!(read_body(a, "二）依申请公开。科工局认真履行政府信息公开申请受理义务。未收到依申请公开政府信息事项。").1, vec!["未收到依申请"]);
        assert_eq!(read_body(a, "本年度无政府信息公开申请。").1, vec!["无政府信息公开申请"]);
        assert!(read_body(a, "未收到申请人补正材料的，按规定处理。依申请公开工作规范。").1.is_empty());
        assert!(read_body(a, "全区各部门均未收到政府信息公开申请。").1.is_empty());
        assert!(read_body(a, "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。").1.is_empty());
        // 003: no applications and no disputes.
        let s = read_body(a, "2025 年我局未收到公民、法人及\n\n其他组织向我局提出的政府信息公开申请情况且无因政府信息公开申请引起的行政复议、行政诉讼案件。");
        assert_eq!(s.1.len(), 1);
        assert_eq!(s.0.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), vec![(What::Review, 0), (What::Litigation, 0)]);
        assert!(s.0[0].2.starts_with("无因政府信息公开申请引起的行政复议"), "{:?}", s.0[0].2);
        assert_eq!(read_body(a, "2024年共收到政府信息公开申请5件，均已按时办结。").2, vec!["均已按时办结"]);
        assert_eq!(read_body(a, "共收到政府信息公开申请5件，办结率达100%。").2, vec!["办结率达100%"]);
        assert!(read_body(a, "共收到政府信息公开申请5件，除1件结转下年度外均已办结。").2.is_empty());
        assert!(read_body(a, "行政复议案件均已办结。").2.is_empty());
    }

    #[test]
    fn units_in_the_quick_test() {
        let a = "红旗区科学技术局";
        for u in DISPUTE_UNITS.chars() {
            assert_eq!(counts(a, &format!("全年因政府信息公开引起行政复议2{}。", u)), vec![(What::Review, 2)], "{}", u);
        }
    }
}
