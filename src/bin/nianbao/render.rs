//! Text output in the style of compilers and linters:
//! `file:line:col: error[A03]: message`, the source line, and a caret line under the characters.
//!
//! A report pasted from a web page is often one line of ten thousand characters: such a line is
//! shown as a window around the finding, as rustc does, with `…` where it is cut.

use nianbao::input::Source;
use nianbao::{Report, Span};

/// The widest source line shown, in terminal columns (a CJK character takes two).
const MAX_WIDTH: usize = 100;
/// Characters of context kept before the marked ones when a line is cut.
const CONTEXT_BEFORE: usize = 16;
/// The most marked characters shown; a longer span is cut in its middle.
const MAX_MARKED: usize = 40;
const CUT: char = '…';

/// `original` (the text the spans point into) is given up: it becomes the source the lines are
/// quoted from, without a copy.
pub fn render_text(name: &str, original: String, report: &Report) -> String {
    let empty = original.is_empty();
    let src = Source::plain(original);
    let mut out = String::new();
    for d in &report.diagnostics {
        let sp = d.spans.first().copied().unwrap_or_default();
        let (line, col) = if sp.line == 0 { (1, 1) } else { (sp.line, sp.col) };
        // A PDF's lines are those of the text read from it; the page says where it is printed.
        let page = sp.page.map(|p| format!("（第 {} 页）", p)).unwrap_or_default();
        out.push_str(&format!("{}:{}:{}: {}[{}]: {}{}\n", name, line, col, d.severity.as_str(), d.code.as_str(), d.message, page));
        if sp.line > 0 && !empty {
            out.push_str(&snippet(&src, sp));
        }
    }
    out.push_str(&format!(
        "{}: {} 个错误，{} 个警告，{} 个提示（{}，{}，{}）\n",
        name,
        report.summary.errors,
        report.summary.warnings,
        report.summary.infos,
        report.input_form,
        report.format,
        report.year.map(|y| format!("{} 年度", y)).unwrap_or_else(|| "年度不明".into())
    ));
    out
}

/// Terminal columns of a character: two for CJK and other wide characters.
fn width_of(c: char) -> usize {
    if (c as u32) >= 0x1100 && !c.is_ascii() {
        2
    } else {
        1
    }
}

fn width(s: &[char]) -> usize {
    s.iter().map(|&c| width_of(c)).sum()
}

fn snippet(src: &Source, sp: Span) -> String {
    let text = src.line_text(sp.line);
    let chars = || text.chars().map(|c| if c == '\t' { ' ' } else { c });
    let n = text.chars().count();
    let start = (sp.col as usize).saturating_sub(1).min(n);
    let len = if sp.end_line == sp.line { (sp.end_col as usize).saturating_sub(sp.col as usize) } else { n - start };
    let len = len.max(1).min(n.saturating_sub(start).max(1));
    let fits = chars().try_fold(0, |w, c| Some(w + width_of(c)).filter(|&w| w <= MAX_WIDTH)).is_some();
    let (shown, pad, marked) = if fits {
        window(&chars().collect::<Vec<char>>(), start, len)
    } else {
        // Only the characters the window can show are listed (a web page's line can be tens of
        // megabytes): one before its first (so it still starts with …), one after the most it
        // can show after the span (so it still ends with … where the line goes on), and of a
        // long span its first and last characters, one more on each side of the cut than shown.
        let end = (start + len).min(n);
        let a = start.saturating_sub(CONTEXT_BEFORE + 1);
        let b = (end + MAX_WIDTH + 1).min(n);
        let half = MAX_MARKED / 2;
        let (gap_from, gap_to) = if end - start > MAX_MARKED + 2 { (start + half + 1, end - half - 1) } else { (b, b) };
        let line: Vec<char> = chars().enumerate().skip(a).take(b - a).filter(|(i, _)| *i < gap_from || *i >= gap_to).map(|x| x.1).collect();
        let len = (end - start) - (gap_to - gap_from);
        cut_window(&line, start - a, len)
    };
    format!("  {:>5} | {}\n        | {}{}\n", sp.line, shown, " ".repeat(pad), "^".repeat(marked.max(1)))
}

/// The part of `line` to show for the characters `start..start + len`: the text, the columns
/// before the carets, and how many carets. A line that fits is shown whole; a longer one keeps a
/// little context before the span and fills the rest after it, with `…` where it is cut; a span
/// longer than `MAX_MARKED` characters shows its beginning and end with `…` between.
fn window(line: &[char], start: usize, len: usize) -> (String, usize, usize) {
    let end = (start + len).min(line.len());
    if width(line) <= MAX_WIDTH {
        return (line.iter().collect(), width(&line[..start]), width(&line[start..end]));
    }
    cut_window(line, start, len)
}

/// `window` of a line that does not fit.
fn cut_window(line: &[char], start: usize, len: usize) -> (String, usize, usize) {
    let end = (start + len).min(line.len());
    let from = start.saturating_sub(CONTEXT_BEFORE);
    let mut shown = String::new();
    let mut cols = 0;
    if from > 0 {
        shown.push(CUT);
        cols += width_of(CUT);
    }
    shown.extend(&line[from..start]);
    cols += width(&line[from..start]);
    let pad = cols;
    // The marked characters, cut in the middle when there are too many.
    let marked: Vec<char> = if end - start > MAX_MARKED {
        let half = MAX_MARKED / 2;
        line[start..start + half].iter().copied().chain(std::iter::once(CUT)).chain(line[end - half..end].iter().copied()).collect()
    } else {
        line[start..end].to_vec()
    };
    shown.extend(&marked);
    cols += width(&marked);
    let carets = width(&marked);
    // Context after, up to the width.
    let mut after = end;
    while after < line.len() && cols + width_of(line[after]) + width_of(CUT) <= MAX_WIDTH {
        shown.push(line[after]);
        cols += width_of(line[after]);
        after += 1;
    }
    if after < line.len() {
        shown.push(CUT);
    }
    (shown, pad, carets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let l = chars("截止2024年12月31日，我局");
        assert_eq!(window(&l, 0, 2), ("截止2024年12月31日，我局".to_string(), 0, 4));
        assert_eq!(window(&l, 2, 4), ("截止2024年12月31日，我局".to_string(), 4, 4));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line: String = "很".repeat(5000) + "截止2024年" + &"长".repeat(5000);
        let l = chars(&line);
        let (shown, pad, carets) = window(&l, 5000, 2);
        assert!(shown.starts_with(CUT) && shown.ends_with(CUT), "{}", shown);
        assert!(shown.contains("截止2024年"));
        assert!(width(&chars(&shown)) <= MAX_WIDTH + 2, "{}", width(&chars(&shown)));
        // The carets stand under 截止: after … and 16 characters of context.
        assert_eq!(pad, width_of(CUT) + 2 * CONTEXT_BEFORE);
        assert_eq!(carets, 4);
        let before: Vec<char> = shown.chars().collect();
        let mut col = 0;
        let mut at = 0;
        while col < pad {
            col += width_of(before[at]);
            at += 1;
        }
        assert_eq!(before[at], '截');
    }

    #[test]
    fn a_long_span_is_cut_in_its_middle() {
        let line: String = "a".repeat(50) + &"数".repeat(3000) + &"b".repeat(50);
        let l = chars(&line);
        let (shown, pad, carets) = window(&l, 50, 3000);
        assert_eq!(pad, width_of(CUT) + CONTEXT_BEFORE);
        assert_eq!(carets, 2 * MAX_MARKED + width_of(CUT));
        assert_eq!(shown.matches(CUT).count(), 3, "{}", shown);
        // The span at the end of the line: no … after it.
        let (shown, _, _) = window(&l[..3050], 50, 3000);
        assert!(!shown.ends_with('b') && shown.ends_with('数'), "{}", shown);
    }
}
