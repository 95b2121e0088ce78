//! nianbao — a checker for 政府信息公开工作年度报告.
//!
//! The core is pure Rust (no browser dependencies). A report flows through it top to bottom,
//! and the modules are listed here in that order:
//!
//! 1. `input` — what the user has (a file's bytes, pasted text, a web page, a PDF's text items)
//!    made a `Source`: the text the readers read, with the way back to the user's characters;
//! 2. `sections` — the title, the report year and the six section headings;
//! 3. `read` — tables 二, 三 and 四, cell by cell, each value with its span; `prose` — the
//!    prose, and what it says (`prose::claims`, `prose::scope`);
//! 4. `doc` — the report as read (`Doc`): what the rules look at;
//! 5. `rules` — the rules of `../shared/spec/rules.md`, with the registry of codes and rule
//!    functions (`rules::codes`);
//! 6. `model` — the result (`Report`), serialisable to JSON.
//!
//! `check` is the one place that knows this order (`check_text`, `check_file` …). Below them all
//! sit the national format as data (`format`), the rule codes (`code`), cell values (`value`)
//! and the text helpers (`text`, `find`). The faces are thin: the browser bindings in `wasm`
//! (wasm32 only) and the CLI in `src/bin/nianbao.rs`. The report generator for tests
//! (`testgen`) is compiled only for tests, examples and the bench.

// The pipeline's steps.
pub mod doc;
pub mod input;
pub mod model;
pub mod prose;
pub mod read;
pub mod rules;
pub mod sections;

// Below them: the format, codes, values and text helpers.
pub mod code;
pub mod find;
pub mod format;
pub mod text;
pub mod value;

#[cfg(feature = "testgen")]
pub mod testgen;

#[cfg(all(target_arch = "wasm32", not(feature = "files-module")))]
pub mod wasm;

pub use code::Code;
pub use model::{Diagnostic, Report, Severity, Span};

mod check;
pub use check::{
    check_bytes, check_file, check_file_flat, check_html, check_html_flat, check_input, check_input_with, check_positioned, check_text, check_text_with,
    check_text_with_previous, check_text_with_previous_with, merge_findings, Checked, Options,
};
pub use rules::previous::check_pair;
