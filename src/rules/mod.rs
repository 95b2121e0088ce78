//! The rules: each module turns what the readers found (`Doc`, through a `Context`) into
//! findings. They only read; reading the input is done before them (`input`, `sections`,
//! `read`, `prose`). `codes` is the registry: every finding's code, severity and explanation,
//! and the list of rule functions the pipeline runs.
//!
//! - `structure`: D01–D05, T01–T04 and the reading notes P01–P03 (what the readers noticed);
//! - `cells`: T05–T07, one cell at a time;
//! - `arithmetic`: A01–A05, the format's sums (`format::SUMS`) over what was read;
//! - `counts` (C01–C04), `year` (C05), `fee` (C06–C07): the prose against the tables;
//! - `wording`: W01–W04, with the misused-word list `wordlist.tsv`;
//! - `previous`: X01–X03, this year's report against last year's.

pub mod arithmetic;
pub mod cells;
pub mod codes;
pub mod counts;
pub mod fee;
pub mod previous;
pub mod structure;
pub mod wording;
pub mod year;

pub use crate::code::Code;
use crate::doc::Doc;
use crate::model::{CellRef, Diagnostic, Span};
use crate::prose::Prose;

/// What a rule looks at: the report as read, and its prose, joined once for all the rules
/// that read it.
pub struct Context<'a> {
    pub doc: &'a Doc<'a>,
    prose: std::cell::OnceCell<Prose>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Doc<'a>) -> Context<'a> {
        Context { doc, prose: Default::default() }
    }
    /// All of the report's prose.
    pub fn prose(&self) -> &Prose {
        self.prose.get_or_init(|| Prose::read(self.doc))
    }
    /// The prose of section `n` alone (a range of `prose()` where it can be cut out).
    pub fn section_prose(&self, n: u8) -> crate::prose::Section<'_> {
        Prose::section(self.doc, self.prose(), n)
    }
}

/// A finding with the registry's severity for `code`.
pub fn diag(code: Code, message: String, spans: Vec<Span>) -> Diagnostic {
    let severity = codes::rule(code).severity;
    Diagnostic { code, severity, message, spans, cells: Vec::new(), expected: None, actual: None, suggestion: None }
}

pub fn with_cells(mut d: Diagnostic, cells: Vec<CellRef>) -> Diagnostic {
    d.cells = cells;
    d
}

/// At most `max` findings of each code among `out[from..]`: a text that repeats one slip
/// thousands of times gets the first ones and a note how many there are, not a flood.
pub fn limit(out: &mut Vec<Diagnostic>, from: usize, max: usize) {
    let mut totals: Vec<(Code, usize)> = Vec::new();
    for d in &out[from..] {
        match totals.iter_mut().find(|c| c.0 == d.code) {
            Some(c) => c.1 += 1,
            None => totals.push((d.code, 1)),
        }
    }
    if totals.iter().all(|t| t.1 <= max) {
        return;
    }
    let mut seen: Vec<(Code, usize)> = Vec::new();
    let tail: Vec<Diagnostic> = out.drain(from..).collect();
    for mut d in tail {
        let k = match seen.iter().position(|c| c.0 == d.code) {
            Some(p) => p,
            None => {
                seen.push((d.code, 0));
                seen.len() - 1
            }
        };
        seen[k].1 += 1;
        let total = totals.iter().find(|t| t.0 == d.code).map_or(0, |t| t.1);
        if seen[k].1 > max {
            continue;
        }
        if seen[k].1 == max && total > max {
            d.message.push_str(&format!("（同类问题共 {} 处，这里只列出前 {} 处。）", total, max));
        }
        out.push(d);
    }
}
