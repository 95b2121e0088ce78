//! Rows of one-line web text whose cells may be blank (2019-format pages leave 0 blank): a
//! row's values are the digits and white space after its label, and a blank cell shows, if at
//! all, as white space.
//!
//! How a blank shows depends on how the page was flattened, and the reader cannot know it
//! beforehand, so each way is a hypothesis the table's own arithmetic must confirm:
//! - `Nbsp`: the page's `&nbsp;` kept as U+00A0, one per blank cell; spaces only separate;
//! - `Separators`: no blank cells, every white space (U+00A0 too) separates cells;
//! - `AnyWs`: blanks turned into spaces and collapsed with the rest: a stretch of white space
//!   may stand for any number of blank cells. Only tried where a row is proven to hold blank
//!   cells (fewer digits than cells).
//!
//! A row's readings are the ways to cut its digits into numbers without leading zeros and to
//! place blanks where the hypothesis allows, that balance the row; the table's readings are
//! the combinations of row readings that balance every column, over all hypotheses. One
//! reading: taken. Several: the cells they disagree on are uncertain (P02), and every reading
//! is kept for the counts the prose states to choose from (`prose::choose`). None: the rows
//! with a single balanced reading are taken, the others are left unread (P01).

use super::tokens::{Kind, Tok};
use super::{Ambiguity, Readings};
use crate::model::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blanks {
    Nbsp,
    Separators,
    AnyWs,
}

/// One cell of a reading: its place in the text and its value (`None`: blank).
pub type Cell = (usize, usize, Option<i64>);

/// Why a row is left unread when no reading of it balances (`Read::unread`).
pub const NO_BALANCED_READING: &str = "无法拆成能使本行平衡的数";

/// The longest number a cell holds.
const MAX_LEN: usize = 9;
const MAX_ROW_READINGS: usize = 64;
const MAX_STEPS: usize = 400_000;
const MAX_COMBINATIONS: usize = 200_000;

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\r')
}

/// Is `s` the values of a web row: digits and white space only, some of either?
pub fn is_value_text(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || is_ws(c))
}

/// The digits of `s`.
pub fn digit_count(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// Every reading of `text[s..e]` as `n` cells that `ok` accepts (it sees the whole row), at
/// most `MAX_ROW_READINGS`; `None` when there are more, or too many to look through.
pub fn row_readings(text: &str, s: usize, e: usize, n: usize, blanks: Blanks, ok: &dyn Fn(&[Option<i64>]) -> bool) -> Option<Vec<Vec<Cell>>> {
    let chars: Vec<(usize, char)> = text[s..e].char_indices().map(|(i, c)| (s + i, c)).collect();
    let mut out = Vec::new();
    // No digits: a row of blank cells, whatever white space is left of them.
    if blanks == Blanks::AnyWs && digit_count(&text[s..e]) == 0 {
        let at = chars.first().map_or(s, |c| c.0);
        let all = vec![None; n];
        return Some(if ok(&all) { vec![vec![(at, at, None); n]] } else { Vec::new() });
    }
    let mut cur: Vec<Cell> = Vec::with_capacity(n);
    let mut steps = 0usize;
    let mut vals: Vec<Option<i64>> = Vec::with_capacity(n);
    #[allow(clippy::too_many_arguments)]
    fn rec(
        ch: &[(usize, char)],
        end: usize,
        p: usize,
        n: usize,
        blanks: Blanks,
        cur: &mut Vec<Cell>,
        vals: &mut Vec<Option<i64>>,
        ok: &dyn Fn(&[Option<i64>]) -> bool,
        out: &mut Vec<Vec<Cell>>,
        steps: &mut usize,
    ) -> bool {
        *steps += 1;
        if *steps > MAX_STEPS || out.len() > MAX_ROW_READINGS {
            return false;
        }
        let byte = |i: usize| if i < ch.len() { ch[i].0 } else { end };
        // Digits left must fit in the cells left (each cell at least one digit or a blank).
        if p == ch.len() || cur.len() == n {
            let rest_ok = ch[p..].iter().all(|(_, c)| is_ws(*c) && !(blanks == Blanks::Nbsp && *c == '\u{a0}'));
            if cur.len() == n && rest_ok && ok(vals) {
                out.push(cur.clone());
            }
            return true;
        }
        let c = ch[p].1;
        if is_ws(c) {
            match blanks {
                Blanks::Separators => return rec(ch, end, p + 1, n, blanks, cur, vals, ok, out, steps),
                Blanks::Nbsp => {
                    if c == '\u{a0}' {
                        cur.push((ch[p].0, ch[p].0, None));
                        vals.push(None);
                        let go = rec(ch, end, p + 1, n, blanks, cur, vals, ok, out, steps);
                        cur.pop();
                        vals.pop();
                        return go;
                    }
                    return rec(ch, end, p + 1, n, blanks, cur, vals, ok, out, steps);
                }
                Blanks::AnyWs => {
                    let mut q = p;
                    while q < ch.len() && is_ws(ch[q].1) {
                        q += 1;
                    }
                    for k in 0..=(n - cur.len()) {
                        for _ in 0..k {
                            cur.push((ch[p].0, ch[p].0, None));
                            vals.push(None);
                        }
                        let go = rec(ch, end, q, n, blanks, cur, vals, ok, out, steps);
                        cur.truncate(cur.len() - k);
                        vals.truncate(vals.len() - k);
                        if !go {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        if !c.is_ascii_digit() {
            return true;
        }
        let mut q = p;
        while q < ch.len() && ch[q].1.is_ascii_digit() {
            q += 1;
        }
        let max = if c == '0' { 1 } else { (q - p).min(MAX_LEN) };
        let mut v = 0i64;
        for len in 1..=max {
            v = v * 10 + (ch[p + len - 1].1 as u8 - b'0') as i64;
            cur.push((ch[p].0, byte(p + len), Some(v)));
            vals.push(Some(v));
            let go = rec(ch, end, p + len, n, blanks, cur, vals, ok, out, steps);
            cur.pop();
            vals.pop();
            if !go {
                return false;
            }
        }
        true
    }
    let done = rec(&chars, e, 0, n, blanks, &mut cur, &mut vals, ok, &mut out, &mut steps);
    (done && out.len() <= MAX_ROW_READINGS).then_some(out)
}

/// The hypotheses worth trying for rows whose value texts are `texts` with `n` cells each. A
/// kept U+00A0 is a blank cell or a space; without one, white space hides blank cells only
/// where a row proves there are some (fewer digits than cells). (`AnyWs` allows every
/// placement `Separators` does.)
pub fn hypotheses(texts: &[&str], n: usize) -> Vec<Blanks> {
    if texts.iter().any(|t| t.contains('\u{a0}')) {
        vec![Blanks::Nbsp, Blanks::Separators]
    } else if texts.iter().any(|t| digit_count(t) < n) {
        vec![Blanks::AnyWs]
    } else {
        vec![Blanks::Separators]
    }
}

/// A table's rows read under every hypothesis: `rows[i]` is the value text (s, e) of row i;
/// `row_ok` judges a row's values, `table_ok` a choice of one reading per row.
pub struct Read {
    /// Per row: the cells chosen (`None`: left unread), the cells that are uncertain.
    pub rows: Vec<Option<(Vec<Tok>, Vec<usize>)>>,
    pub ambiguous: Vec<Ambiguity>,
    /// Rows with no balanced reading (or too many to look through): (row index, why).
    pub unread: Vec<(usize, String)>,
    /// Whether some choice of readings balanced the whole table.
    pub solved: bool,
    /// Whether every hypothesis was looked through to the end (no row or table with too many
    /// readings): an unsolved table then has no balanced reading at all.
    pub complete: bool,
    /// When it did in several ways: every such reading of the table, on the cells they differ
    /// on, the rows' cells given as (row index as a key of `keys`, cell index).
    pub readings: Option<Readings>,
}

pub fn num(v: &Option<i64>) -> i64 {
    v.unwrap_or(0)
}

/// The one reading of a row in which every character is a cell: as many digits and U+00A0 (one
/// blank cell each, as `Nbsp` has it) as the row has cells, and no other white space among them.
/// Under `Nbsp` such a row splits no other way, so it may be read even when it does not balance,
/// as a digit run's only split is (a wrong number in it is then caught at its cell). `None` when
/// the row ends the text (it may have been cut).
pub fn every_char_a_cell(text: &str, s: usize, e: usize, n: usize) -> Option<Vec<Cell>> {
    let outer = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{3000}');
    let body = text[s..e].trim_matches(outer);
    let at = s + (text[s..e].len() - text[s..e].trim_start_matches(outer).len());
    if text[at + body.len()..].trim().is_empty() || !body.contains('\u{a0}') {
        return None;
    }
    let cells: Vec<Cell> = body
        .char_indices()
        .map(|(i, c)| match c {
            '\u{a0}' => Some((at + i, at + i, None)),
            d if d.is_ascii_digit() => Some((at + i, at + i + 1, Some(d as i64 - '0' as i64))),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (cells.len() == n).then_some(cells)
}

/// A row of zeros only, too many placements of its blanks to list (「 0 00000 00 0 」 in table
/// 四, fifteen cells): every cell is 0 or blank, so its numbers are sure (all 0) and no cell's
/// content is. Placements standing for all of them: the blanks together, starting at each
/// cell in turn (wrapping round), so each cell is blank in one and 0 in another. `None` unless
/// `AnyWs` and the zeros fit.
fn zeros_anywhere(text: &str, s: usize, e: usize, n: usize, blanks: Blanks, ok: &dyn Fn(&[Option<i64>]) -> bool) -> Option<Vec<Vec<Cell>>> {
    let seg = &text[s..e];
    let zeros: Vec<usize> = seg.char_indices().filter(|c| c.1 == '0').map(|c| s + c.0).collect();
    if blanks != Blanks::AnyWs || zeros.is_empty() || zeros.len() >= n || !seg.chars().all(|c| c == '0' || is_ws(c)) {
        return None;
    }
    let blank_count = n - zeros.len();
    let out: Vec<Vec<Cell>> = (0..n)
        .map(|k| {
            let mut next_zero = 0;
            (0..n)
                .map(|c| {
                    if (c + n - k) % n < blank_count {
                        let at = zeros.get(next_zero).copied().unwrap_or(e);
                        (at, at, None)
                    } else {
                        next_zero += 1;
                        (zeros[next_zero - 1], zeros[next_zero - 1] + 1, Some(0))
                    }
                })
                .collect()
        })
        .collect();
    ok(&vec![Some(0); n]).then_some(out)
}

/// A row's readings with the same numbers (blank = 0): its numbers, and each reading's cells.
type Group = (Vec<i64>, Vec<Vec<Cell>>);

pub fn read(
    text: &str,
    rows: &[(usize, usize)],
    n: usize,
    row_ok: &dyn Fn(&[Option<i64>]) -> bool,
    table_ok: &dyn Fn(&[&[i64]]) -> bool,
    keys: &[&'static str],
) -> Read {
    let texts: Vec<&str> = rows.iter().map(|&(s, e)| &text[s..e]).collect();
    read_with(text, rows, n, &hypotheses(&texts, n), row_ok, table_ok, keys)
}

/// `read` under the hypotheses `hyps` only.
pub fn read_with(
    text: &str,
    rows: &[(usize, usize)],
    n: usize,
    hyps: &[Blanks],
    row_ok: &dyn Fn(&[Option<i64>]) -> bool,
    table_ok: &dyn Fn(&[&[i64]]) -> bool,
    keys: &[&'static str],
) -> Read {
    // Per hypothesis: per row, its balanced readings grouped by their numbers (`None`: too
    // many to look through), and the choices of one group per row that balance the table
    // (`None`: too many).
    struct Hyp {
        blanks: Blanks,
        groups: Vec<Option<Vec<Group>>>,
        solutions: Option<Vec<Vec<usize>>>,
    }
    let mut all: Vec<Hyp> = Vec::new();
    for &h in hyps {
        let groups: Vec<Option<Vec<Group>>> = rows
            .iter()
            .map(|&(s, e)| {
                row_readings(text, s, e, n, h, row_ok).or_else(|| zeros_anywhere(text, s, e, n, h, row_ok)).map(|rs| {
                    let mut g: Vec<Group> = Vec::new();
                    for r in rs {
                        let key: Vec<i64> = r.iter().map(|c| num(&c.2)).collect();
                        match g.iter_mut().find(|x| x.0 == key) {
                            Some(x) => x.1.push(r),
                            None => g.push((key, vec![r])),
                        }
                    }
                    g
                })
            })
            .collect();
        let sizes: Vec<usize> = groups.iter().map(|g| g.as_ref().map_or(0, |g| g.len())).collect();
        let combos = sizes.iter().try_fold(1usize, |a, &s| a.checked_mul(s)).unwrap_or(usize::MAX);
        let solutions = if groups.iter().any(|g| g.is_none()) || combos > MAX_COMBINATIONS {
            None
        } else {
            let mut found = Vec::new();
            if combos > 0 {
                let mut choice = vec![0usize; rows.len()];
                loop {
                    let vals: Vec<&[i64]> = groups.iter().zip(&choice).map(|(g, &i)| g.as_ref().unwrap()[i].0.as_slice()).collect();
                    if table_ok(&vals) {
                        found.push(choice.clone());
                    }
                    let mut i = 0;
                    while i < choice.len() {
                        choice[i] += 1;
                        if choice[i] < sizes[i] {
                            break;
                        }
                        choice[i] = 0;
                        i += 1;
                    }
                    if i == choice.len() {
                        break;
                    }
                }
            }
            Some(found)
        };
        all.push(Hyp { blanks: h, groups, solutions });
    }
    let solved: Vec<&Hyp> = all.iter().filter(|h| h.solutions.as_ref().is_some_and(|s| !s.is_empty())).collect();
    let complete = all.iter().all(|h| h.solutions.is_some());
    let mut out = Read { rows: Vec::new(), ambiguous: Vec::new(), unread: Vec::new(), solved: !solved.is_empty(), complete, readings: None };
    let tok = |c: &Cell| Tok { start: c.0, end: c.1, kind: Kind::Val(c.2.map_or(Value::Blank, Value::Int)) };
    // A 0 that every reading has in a cell, taken from different characters of a stretch of
    // zeros (「4 000 4」 with two blank cells: the middle 0 is 0 in every placement of the
    // blanks): its value is sure and the characters it may be are alike; it stands for the
    // whole stretch. `None` when the readings put anything else there.
    let zero_stretch = |opts: &[&Vec<Cell>], c: usize| -> Option<(usize, usize)> {
        if opts.iter().any(|o| o[c].2 != Some(0)) {
            return None;
        }
        let s = opts.iter().map(|o| o[c].0).min()?;
        let e = opts.iter().map(|o| o[c].1).max()?;
        text[s..e].chars().all(|ch| ch == '0' || is_ws(ch)).then_some((s, e))
    };
    // A row read from `opts` (its possible readings): the first, uncertain where they differ.
    let take = |out: &mut Read, i: usize, opts: Vec<&Vec<Cell>>, used: Option<usize>| {
        let first = opts[0];
        let moved = |c: usize| opts.iter().any(|o| o[c].2.is_some() && o[c].0 != first[c].0);
        let doubt: Vec<usize> = (0..n).filter(|&c| opts.iter().any(|o| o[c].2 != first[c].2) || moved(c) && zero_stretch(&opts, c).is_none()).collect();
        if !doubt.is_empty() {
            let (s, e) = rows[i];
            let mut readings: Vec<Vec<i64>> = Vec::new();
            for o in &opts {
                let v: Vec<i64> = o.iter().map(|c| num(&c.2)).collect();
                if !readings.contains(&v) {
                    readings.push(v);
                }
            }
            out.ambiguous.push(Ambiguity::new(keys[i], s, e, &readings, used));
        }
        let cells = first
            .iter()
            .enumerate()
            .map(|(c, cell)| match zero_stretch(&opts, c).filter(|_| moved(c)) {
                Some((s, e)) => Tok { start: s, end: e, kind: Kind::Val(Value::Int(0)) },
                None => tok(cell),
            })
            .collect();
        out.rows.push(Some((cells, doubt)));
    };
    if !solved.is_empty() {
        for i in 0..rows.len() {
            // The row's readings in the table's balanced readings, over every hypothesis.
            let mut opts: Vec<&Vec<Cell>> = Vec::new();
            for h in &solved {
                for s in h.solutions.as_ref().unwrap() {
                    for r in &h.groups[i].as_ref().unwrap()[s[i]].1 {
                        if !opts.iter().any(|o| *o == r) {
                            opts.push(r);
                        }
                    }
                }
            }
            take(&mut out, i, opts, Some(0));
        }
        // Every balanced reading of the table on the cells they differ on (a row's reading
        // with the same numbers may place its cells in several ways: each way is a reading).
        let doubt: Vec<(usize, usize)> =
            out.rows.iter().enumerate().flat_map(|(i, r)| r.iter().flat_map(move |(_, d)| d.iter().map(move |&c| (i, c)))).collect();
        let mut in_doubt: Vec<usize> = doubt.iter().map(|d| d.0).collect();
        in_doubt.dedup();
        let mut all: Vec<Vec<Tok>> = Vec::new();
        // (A hypothesis's solutions are readings with different numbers: more than `MAX` of
        // them are more readings than are kept.)
        let mut complete = !doubt.is_empty() && solved.iter().all(|h| h.solutions.as_ref().is_some_and(|s| s.len() <= Readings::MAX));
        'every: for h in &solved {
            for s in h.solutions.as_ref().unwrap() {
                let mut partial: Vec<Vec<Tok>> = vec![Vec::new()];
                for &i in &in_doubt {
                    let mut ways: Vec<Vec<Tok>> = Vec::new();
                    for r in &h.groups[i].as_ref().unwrap()[s[i]].1 {
                        let w: Vec<Tok> = doubt.iter().filter(|d| d.0 == i).map(|d| tok(&r[d.1])).collect();
                        if !ways.contains(&w) {
                            ways.push(w);
                        }
                    }
                    partial = partial.iter().flat_map(|p| ways.iter().map(move |w| [p.as_slice(), w].concat())).collect();
                    if partial.len() > Readings::MAX {
                        complete = false;
                        break 'every;
                    }
                }
                for p in partial {
                    if !all.contains(&p) {
                        all.push(p);
                    }
                }
                if all.len() > Readings::MAX {
                    complete = false;
                    break 'every;
                }
            }
        }
        if complete {
            let cells = doubt.iter().map(|&(i, c)| (keys[i], c)).collect();
            out.readings = Readings::new(cells, all, in_doubt.iter().map(|&i| rows[i].0).collect());
        }
        return out;
    }
    // No reading balances the table (a wrong number in it), or too many to look through: each
    // row from its own balanced readings, under the hypothesis that reads the most rows.
    let best = all
        .iter()
        .max_by_key(|h| {
            (h.groups.iter().filter(|g| g.as_ref().is_some_and(|g| !g.is_empty())).count(), std::cmp::Reverse(hyps.iter().position(|x| *x == h.blanks)))
        })
        .unwrap();
    // The one row that balances in no way (where a wrong number is): read when its text
    // splits into its cells in one way only, under every hypothesis that splits it at all
    // (「189 3 1 2 3 19 199」, 「000002\u{a0}」), as a digit run's only split is, so that the
    // wrong number is caught at its cell. Not when more rows fail: then the hypothesis itself
    // may be wrong; nor when hypotheses split it differently (「000000000400\u{a0}000」: a kept
    // U+00A0 as a blank cell makes 「40」 one number, as a space it does not).
    let failing: Vec<usize> = (0..rows.len()).filter(|&i| best.groups[i].as_ref().is_some_and(|g| g.is_empty())).collect();
    let only_split = |i: usize| -> Option<Vec<Cell>> {
        let (s, e) = rows[i];
        let mut found: Vec<Vec<Cell>> = Vec::new();
        for h in &all {
            for r in row_readings(text, s, e, n, h.blanks, &|_| true)? {
                if !found.contains(&r) {
                    found.push(r);
                }
            }
        }
        (found.len() == 1).then(|| found.remove(0))
    };
    let forced: Option<(usize, Vec<Cell>)> = match failing[..] {
        [i] => only_split(i).map(|r| (i, r)),
        _ => None,
    };
    for (i, g) in best.groups.iter().enumerate() {
        match g {
            Some(g) if g.len() == 1 => take(&mut out, i, g[0].1.iter().collect(), Some(0)),
            Some(g) if g.is_empty() && forced.as_ref().is_some_and(|f| f.0 == i) => {
                let cells = forced.as_ref().map(|f| f.1.clone()).unwrap_or_default();
                take(&mut out, i, vec![&cells], Some(0));
            }
            Some(g) if g.is_empty() => {
                out.unread.push((i, NO_BALANCED_READING.into()));
                out.rows.push(None);
            }
            Some(g) => {
                let (s, e) = rows[i];
                out.ambiguous.push(Ambiguity::new(keys[i], s, e, &g.iter().map(|x| x.0.clone()).collect::<Vec<_>>(), None));
                out.rows.push(None);
            }
            None => {
                out.unread.push((i, "可能的拆法太多，无法确定".into()));
                out.rows.push(None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(t: &str, n: usize, b: Blanks) -> Vec<Vec<Option<i64>>> {
        let ok = |v: &[Option<i64>]| v[..6].iter().map(num).sum::<i64>() == num(&v[6]) || v[6].is_none();
        row_readings(t, 0, t.len(), n, b, &ok).unwrap().into_iter().map(|r| r.into_iter().map(|c| c.2).collect()).collect()
    }

    #[test]
    fn every_char_a_cell_only_when_the_count_is_exact() {
        let t = "1\u{a0}11311502\u{a0}0\u{a0}\u{a0}0五、";
        let e = t.find('五').unwrap();
        let cells = every_char_a_cell(t, 0, e, 15).unwrap();
        let v: Vec<Option<i64>> = cells.iter().map(|c| c.2).collect();
        assert_eq!(v, vec![Some(1), None, Some(1), Some(1), Some(3), Some(1), Some(1), Some(5), Some(0), Some(2), None, Some(0), None, None, Some(0)]);
        assert!(every_char_a_cell(t, 0, e, 14).is_none());
        // Without U+00A0 it is a digit run (runtogether's), and at the text's end it may be cut.
        assert!(every_char_a_cell("113115020000000五", 0, 15, 15).is_none());
        assert!(every_char_a_cell(t, 0, e, 15).is_some() && every_char_a_cell(&t[..e], 0, e, 15).is_none());
        // Other white space among the cells: not every character is a cell.
        let spaced = "1\u{a0}1131150 \u{a0}0\u{a0}\u{a0}0五";
        assert!(every_char_a_cell(spaced, 0, spaced.find('五').unwrap(), 15).is_none());
    }

    #[test]
    fn nbsp_is_one_blank() {
        let r = readings("135 1 \u{a0} 1 13 4 154", 7, Blanks::Nbsp);
        assert_eq!(r, vec![vec![Some(135), Some(1), None, Some(1), Some(13), Some(4), Some(154)]]);
        assert!(readings("135 1 \u{a0} 1 13 4 154", 7, Blanks::Separators).is_empty());
        let r = readings("\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}", 7, Blanks::Nbsp);
        assert_eq!(r, vec![vec![None; 7]]);
    }

    fn row_sum(v: &[Option<i64>]) -> bool {
        v[..6].iter().map(num).sum::<i64>() == num(&v[6])
    }

    fn values(r: &Read, i: usize) -> Vec<Option<i64>> {
        r.rows[i].as_ref().unwrap().0.iter().map(|t| if let Kind::Val(Value::Int(v)) = t.kind { Some(v) } else { None }).collect()
    }

    #[test]
    fn a_zero_among_alike_zeros_is_sure_and_points_at_them() {
        // 「4 000 4」, seven cells: two blanks collapsed into the spaces, in three placements.
        // The middle 0 is 0 in all of them; which of the three zeros it is, nobody can say.
        let t = "4 000 4";
        let r = read(t, &[(0, t.len())], 7, &row_sum, &|_| true, &["new"]);
        let (cells, doubt) = r.rows[0].as_ref().unwrap();
        assert_eq!(doubt, &vec![1, 2, 4, 5]);
        assert_eq!((cells[3].start, cells[3].end), (2, 5));
        assert_eq!(values(&r, 0)[3], Some(0));
        assert_eq!((values(&r, 0)[0], values(&r, 0)[6]), (Some(4), Some(4)));
    }

    #[test]
    fn the_one_failing_row_with_one_split_is_read() {
        // A wrong number in the only row that balances in no way: its one split is read, so the
        // sums can point at it.
        let t = "189 3 1 2 3 19 199|1 0 0 0 0 0 1";
        let rows = [(0, 18), (19, t.len())];
        let r = read(t, &rows, 7, &row_sum, &|_| true, &["new", "granted"]);
        assert_eq!(values(&r, 0), vec![Some(189), Some(3), Some(1), Some(2), Some(3), Some(19), Some(199)]);
        assert!(r.rows[0].as_ref().unwrap().1.is_empty());
        assert!(r.unread.is_empty());
        // Two rows that fail: the hypothesis may be what is wrong; neither is read.
        let t = "189 3 1 2 3 19 199|2 0 0 0 0 0 1";
        let r = read(t, &rows, 7, &row_sum, &|_| true, &["new", "granted"]);
        assert!(r.rows.iter().all(|x| x.is_none()));
        // A kept U+00A0 that may be a blank cell or a space: the row splits two ways, not read.
        let t = "12\u{a0}3 4 5 6 9";
        let r = read(t, &[(0, t.len())], 7, &row_sum, &|_| true, &["new"]);
        assert!(r.rows[0].is_none());
    }

    #[test]
    fn zeros_with_too_many_placements_are_shown_to_check() {
        // Fifteen cells, nine zeros, six blanks somewhere in the spaces: too many placements to
        // list, all of them zeros; shown, every cell to check, not left out.
        let t = " 0 00000 00 0 ";
        let ok = |v: &[Option<i64>]| v.chunks(5).all(|b| b.len() < 5 || (0..4).map(|i| num(&b[i])).sum::<i64>() == num(&b[4]));
        assert!(row_readings(t, 0, t.len(), 15, Blanks::AnyWs, &ok).is_none());
        let r = read(t, &[(0, t.len())], 15, &ok, &|_| true, &["t4"]);
        let (cells, doubt) = r.rows[0].as_ref().unwrap();
        assert_eq!(cells.len(), 15);
        assert_eq!(doubt.len(), 15);
        assert!(r.unread.is_empty() && r.ambiguous.len() == 1);
    }

    #[test]
    fn collapsed_blanks_go_anywhere() {
        let r = readings(" 5 5", 7, Blanks::AnyWs);
        assert!(r.contains(&vec![None, None, None, None, None, Some(5), Some(5)]));
        assert!(r.contains(&vec![Some(5), None, None, None, None, None, Some(5)]));
    }
}
