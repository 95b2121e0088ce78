//! nianbao — a checker for 政府信息公开工作年度报告.
//!
//! The core is pure Rust (no browser dependencies): decode the input, find the six sections,
//! read tables 二, 三 and 四 cell by cell with the byte span of every value, and run the rules of
//! `../shared/spec/rules.md`. The browser bindings live in `wasm` (wasm32 only); the CLI in
//! `src/bin/nianbao.rs`.

pub mod code;
pub mod doc;
pub mod find;
pub mod format;
pub mod input;
pub mod model;
pub mod prose;
pub mod read;
pub mod render;
pub mod rules;
pub mod sections;
#[cfg(feature = "testgen")]
pub mod testgen;
pub mod text;
pub mod value;

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
