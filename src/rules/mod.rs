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
    Limiter::new(from, max).finish(out);
}

/// `limit` as the findings come: `cap` after each batch drops the ones over the limit (a long
/// text's thousands of findings are not all kept until the rule ends), `finish` adds the notes.
pub struct Limiter {
    from: usize,
    /// `out[..checked]` is within the limit.
    checked: usize,
    max: usize,
    /// Findings of each code so far, kept or not.
    totals: Vec<(Code, usize)>,
}

impl Limiter {
    pub fn new(from: usize, max: usize) -> Limiter {
        Limiter { from, checked: from, max, totals: Vec::new() }
    }

    /// Drop the findings added since the last call that are over the limit of their code
    /// (the first `max` of each are kept, in order).
    pub fn cap(&mut self, out: &mut Vec<Diagnostic>) {
        let mut keep = self.checked;
        for i in self.checked..out.len() {
            let code = out[i].code;
            let n = match self.totals.iter_mut().find(|c| c.0 == code) {
                Some(c) => {
                    c.1 += 1;
                    c.1
                }
                None => {
                    self.totals.push((code, 1));
                    1
                }
            };
            if n <= self.max {
                out.swap(keep, i);
                keep += 1;
            }
        }
        out.truncate(keep);
        self.checked = keep;
    }

    /// `cap`, and the note how many there are on the last finding kept of a code over the limit.
    pub fn finish(mut self, out: &mut Vec<Diagnostic>) {
        self.cap(out);
        for &(code, total) in &self.totals {
            if total > self.max {
                let nth = self.max.checked_sub(1).and_then(|k| out[self.from..].iter_mut().filter(|d| d.code == code).nth(k));
                if let Some(d) = nth {
                    d.message.push_str(&format!("（同类问题共 {} 处，这里只列出前 {} 处。）", total, self.max));
                }
            }
        }
    }
}
