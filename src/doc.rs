//! The report as read: what the rules look at. It sits below the rules (they import what they
//! read, never the pipeline) and above the readers that fill it (`sections`, `read`); `check`
//! builds it.

use crate::input::Source;
use crate::model::{Span, TableRead};
use crate::read::TableFacts;
use crate::sections::{find_headings, find_title, Heading, Title};

/// Everything the rules look at: the text with its positions, the section headings and title,
/// and the three tables as read with what their readers noticed (`TableFacts`).
pub struct Doc<'a> {
    pub src: &'a Source,
    pub headings: Vec<Heading>,
    pub title: Option<Title>,
    pub year: Option<i32>,
    pub t2: Option<(TableRead, TableFacts)>,
    pub t3: Option<(TableRead, TableFacts)>,
    pub t4: Option<(TableRead, TableFacts)>,
    pub format_2019: bool,
    pub input_form: &'static str,
}

impl Doc<'_> {
    pub fn text(&self) -> &str {
        self.src.text()
    }
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.src.span(start, end)
    }
    pub fn heading(&self, n: u8) -> Option<&Heading> {
        self.headings.iter().find(|h| h.number == n)
    }
    /// Body of section n: after its heading line up to the next heading.
    pub fn section_body(&self, n: u8) -> Option<(usize, usize)> {
        let h = self.heading(n)?;
        let end = self.headings.iter().filter(|o| o.start > h.start).map(|o| o.start).min().unwrap_or(self.text().len());
        Some((h.line_end.min(end), end))
    }
    pub fn table(&self, id: &str) -> Option<&(TableRead, TableFacts)> {
        match id {
            "t2" => self.t2.as_ref(),
            "t3" => self.t3.as_ref(),
            _ => self.t4.as_ref(),
        }
    }
}

impl<'a> Doc<'a> {
    /// Headings, title and year of a text, and no tables: what the prose of a report needs
    /// (last year's report, prose tests).
    pub fn outline(src: &'a Source) -> Doc<'a> {
        let headings = find_headings(src.text());
        let title = find_title(src.text(), headings.iter().map(|h| h.start).min());
        let year = title.as_ref().and_then(|t| t.year);
        Doc { src, headings, title, year, t2: None, t3: None, t4: None, format_2019: false, input_form: "text" }
    }
}
