//! Browser bindings: one small facade over the core for the checker page (`index.html`,
//! `static/app.js` and its modules in `static/js/`) and the widget
//! (`static/widget/nianbao-checker.js`). Everything is returned as plain JS objects
//! (serde-wasm-bindgen, JSON compatible: maps become objects, `None` becomes `null`), in exactly
//! the shape of the CLI's `--format json` output, so the page and the CLI can be compared value
//! for value.
//!
//! Spans in the results are UTF-8 byte offsets into the text that was checked; the page and the
//! widget turn them into JS string (UTF-16) indices (`byteToUtf16` in `static/js/shared.js`).
//!
//! ```ts
//! import init, { check, checkWithPrevious, decodeFile, rules, template, version } from "./web.js";
//! await init();
//! const report: Report = check(text);          // text as typed or pasted
//! const fewer: Report = check(text, "W04 C05"); // without the rules W04 and C05
//! const both: Report = checkWithPrevious(text, lastYearsText); // plus X01–X03 against last year
//! const file: Decoded = decodeFile(bytes, "a.txt"); // bytes of a dropped file (UTF-8/GBK/UTF-16)
//! if ("text" in file) { const report = check(file.text); }
//! ```
//!
//! The full typings are in the `typescript_custom_section` below (they also end up in the
//! generated `.d.ts` next to the JS glue).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::format::{self, Variant};
use crate::input::decode::{decode, Decoded};
use crate::rules::codes::{Rule, RULES};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Byte offsets (UTF-8, end exclusive) into the checked text; line/col 1-based, col in characters. */
export interface Span { start: number; end: number; line: number; col: number; end_line: number; end_col: number; page?: number; x?: number; y?: number; }
/** A cell value as printed: a number, null for a blank cell, or a string (placeholder or text). */
export type CellValue = number | null | string;
/** `certain: false` (absent when true): the reader had to choose where this value belongs;
 *  `reason` says why. No arithmetic finding rests on such a cell. */
export interface Cell { value: CellValue; span?: Span; certain?: false; reason?: string; }
export interface CellRef { table: "t2" | "t2_2019" | "t3" | "t4"; row: string; column: string; role: "suspect" | "total" | "part"; side?: "total" | "part"; }
export type Severity = "error" | "warning" | "info";
export interface Diagnostic {
  code: string; severity: Severity; message: string; spans: Span[];
  cells?: CellRef[]; expected?: number; actual?: number; suggestion?: string;
}
export interface SectionInfo { number: number; heading: string; span: Span; body_start: number; body_end: number; }
/** Table 二: row key -> column key -> cell (keys: ../shared/spec/keys.md). The 2019 trial
 *  format's table 二 (`t2_2019`) has the same shape with its own keys (README 「JSON 输出」). */
export type Table2 = Record<string, Record<string, Cell>>;
/** Table 三: columns as printed (6, 7 or 8), each row's cells in that order. */
export interface Table3 { columns: string[]; rows: Record<string, Cell[]>; }
/** Table 四: block key -> column key -> cell. */
export type Table4 = Record<string, Record<string, Cell>>;
export interface Report {
  input_form: string; title?: string; agency?: string; year?: number;
  format: "gb2021" | "gb2019" | "unknown";
  sections: SectionInfo[]; t2?: Table2; t2_2019?: Table2; t3?: Table3; t4?: Table4;
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number; };
}
/** A dropped file: its decoded text, or why it cannot be read as text (PDF, .docx, binary). */
export type Decoded = { text: string; encoding: string; } | { error: string; kind: "pdf" | "docx" | "binary" };
/** `checkWithPrevious(text: string, previousText: string): Report` is `check(text)` plus the
 *  findings against last year's report (X01–X03), their spans in `text`;
 *  `previousFindings(text, previousText): Diagnostic[]` gives those X findings alone. */
export interface RuleInfo { code: string; severity: Severity; name: string; when: string; example: string; }
export interface RowTemplate { key: string; label: string; group: string | null; variant: "both" | "2021" | "2019"; columns?: ColumnTemplate[]; }
export interface ColumnTemplate { key: string; label: string; }
/** The official layout of the three tables, for drawing them. */
export interface Template {
  t2: { rows: RowTemplate[] };
  t2_2019: { rows: RowTemplate[] };
  t3: { rows: RowTemplate[]; columns: ColumnTemplate[]; legal_columns: string[] };
  t4: { blocks: RowTemplate[]; columns: ColumnTemplate[] };
}
"#;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Options from the rule codes to leave out ("W04 C05", "W04,C05"; none when absent).
fn options(ignore: Option<String>) -> Result<crate::Options, JsError> {
    crate::Options::ignoring(ignore.as_deref().unwrap_or("")).map_err(|e| JsError::new(&e))
}

/// Check the text of a report (as typed or pasted; HTML markup is recognised). `ignore`: rule
/// codes not to report, e.g. "W04 C05".
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(text: &str, ignore: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::check_text_with(text, &options(ignore)?))
}

/// Check a report's text against last year's report (its text as typed, pasted or read from a
/// file): the same result as `check` with the X findings (X01 上年结转, X02 现行有效件数,
/// X03 prose repeated) added. Their spans point into `text` (this year's).
#[wasm_bindgen(js_name = checkWithPrevious, unchecked_return_type = "Report")]
pub fn check_with_previous(text: &str, previous_text: &str, ignore: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::check_text_with_previous_with(text, previous_text, &options(ignore)?))
}

/// Only the X findings for a report whose result the page already has (a file read by the
/// files module: PDF, .docx, a web page), `text` being the text that result's spans point into.
/// The page adds them to that result (sorted by place, summary recounted, as `merge_findings`
/// does).
#[wasm_bindgen(js_name = previousFindings, unchecked_return_type = "Diagnostic[]")]
pub fn previous_findings(text: &str, previous_text: &str) -> Result<JsValue, JsError> {
    let this = crate::check_text(text);
    let prev = crate::check_text(previous_text);
    to_js(&crate::check_pair(&this, text, &prev, previous_text))
}

/// Check the bytes of a file (UTF-8, GBK/GB18030, UTF-16 with BOM; HTML recognised).
/// Spans refer to the decoded text: use `decodeFile` to get it.
#[wasm_bindgen(js_name = checkBytes, unchecked_return_type = "Report")]
pub fn check_bytes(bytes: &[u8], file_name: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::check_bytes(bytes, file_name.as_deref()))
}

#[derive(Serialize)]
#[serde(untagged)]
enum DecodedJs {
    Text { text: String, encoding: &'static str },
    NotText { error: String, kind: &'static str },
}

/// Decode the bytes of a dropped file into text, or say (in Chinese) why it cannot be read.
#[wasm_bindgen(js_name = decodeFile, unchecked_return_type = "Decoded")]
pub fn decode_file(bytes: &[u8], file_name: Option<String>) -> Result<JsValue, JsError> {
    let _ = file_name;
    let out = match decode(bytes) {
        Decoded::Text { text, encoding } => DecodedJs::Text { text, encoding },
        Decoded::NotText(reason) => {
            let kind = if bytes.starts_with(b"%PDF") {
                "pdf"
            } else if bytes.starts_with(b"PK\x03\x04") {
                "docx"
            } else {
                "binary"
            };
            DecodedJs::NotText { error: reason, kind }
        }
    };
    to_js(&out)
}

/// The rule registry: every code the checker can report, with its explanation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    let v: &[Rule] = RULES;
    to_js(v)
}

#[derive(Serialize)]
struct ColumnT {
    key: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct RowT {
    key: &'static str,
    label: &'static str,
    group: Option<&'static str>,
    variant: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    columns: Option<Vec<ColumnT>>,
}

#[derive(Serialize)]
struct T2T {
    rows: Vec<RowT>,
}
#[derive(Serialize)]
struct T3T {
    rows: Vec<RowT>,
    columns: Vec<ColumnT>,
    legal_columns: &'static [&'static str],
}
#[derive(Serialize)]
struct T4T {
    blocks: Vec<RowT>,
    columns: Vec<ColumnT>,
}
#[derive(Serialize)]
struct TemplateT {
    t2: T2T,
    t2_2019: T2T,
    t3: T3T,
    t4: T4T,
}

fn variant(v: Variant) -> &'static str {
    match v {
        Variant::Both => "both",
        Variant::Only2021 => "2021",
        Variant::Only2019 => "2019",
    }
}

/// Rows of a table; table 二's (`t2`, `t2_2019`) with their own columns.
fn rows(specs: &[format::RowSpec], table: &str) -> Vec<RowT> {
    specs
        .iter()
        .map(|r| RowT {
            key: r.key,
            label: r.label,
            group: r.group,
            variant: variant(r.variant),
            columns: table
                .starts_with("t2")
                .then(|| format::row_columns(table, r.key).iter().map(|c| ColumnT { key: c, label: format::column_label(table, c) }).collect()),
        })
        .collect()
}

fn columns(specs: &[format::ColumnSpec]) -> Vec<ColumnT> {
    specs.iter().map(|c| ColumnT { key: c.key, label: c.label }).collect()
}

/// The official layout of tables 二, 三 and 四 (rows, columns, Chinese labels), from the
/// core's format description, so the page draws the tables from data.
#[wasm_bindgen(unchecked_return_type = "Template")]
pub fn template() -> Result<JsValue, JsError> {
    to_js(&TemplateT {
        t2: T2T { rows: rows(format::T2_ROWS, "t2") },
        t2_2019: T2T { rows: rows(format::T2_2019_ROWS, "t2_2019") },
        t3: T3T { rows: rows(format::T3_ROWS, "t3"), columns: columns(format::T3_COLUMNS), legal_columns: format::T3_LEGAL_COLUMNS },
        t4: T4T { blocks: rows(format::T4_BLOCKS, "t4"), columns: columns(format::T4_COLUMNS) },
    })
}

/// The checker's version (Cargo package version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---------------------------------------------------------------- files: PDF, .docx, web pages
// (src/input/; the page's PDF reading is static/pdf-loader.js, loaded only when needed)

#[wasm_bindgen(typescript_custom_section)]
const TS_FILES: &'static str = r#"
/** A checked file: the text the report's spans point into (show it in place of the file),
 *  how it was read, and `error` when it could not be read at all (the report then holds only
 *  that, as D01). For a PDF, spans also carry `page`, `x`, `y` (points from the top left). */
export interface Checked { text: string; encoding: string; report: Report; error?: string; }
"#;

#[derive(Serialize)]
struct CheckedJs<'a> {
    text: &'a str,
    encoding: &'a str,
    report: &'a crate::Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn checked_js(c: &crate::Checked) -> Result<JsValue, JsError> {
    to_js(&CheckedJs { text: &c.text, encoding: &c.encoding, report: &c.report, error: c.error.as_deref() })
}

/// Check a dropped file that is not a PDF: text (UTF-8/GBK/GB18030/UTF-16), a web page (its
/// `<table>` markup; charset from its `<meta>`), Word .docx. Legacy .doc/.wps, other archives
/// and files over the size limit get `error`.
#[wasm_bindgen(js_name = checkFile, unchecked_return_type = "Checked")]
pub fn check_file(bytes: &[u8], file_name: Option<String>) -> Result<JsValue, JsError> {
    checked_js(&crate::check_file_flat(bytes, file_name.as_deref()))
}

/// Check HTML markup: the clipboard's `text/html` when a report is copied from a web page.
#[wasm_bindgen(js_name = checkHtml, unchecked_return_type = "Checked")]
pub fn check_html(markup: &str) -> Result<JsValue, JsError> {
    checked_js(&crate::check_html_flat(markup))
}

/// Check a PDF's text as the files module rebuilt it from PDF.js's items (`layoutPdf` in
/// static/pdf-loader.js, examples/files_web.rs): `offsets` (UTF-8 byte offsets into `text`),
/// `pages`, `xs`, `ys` say where each character is printed; `chars` how many characters of
/// text the PDF has (a scan has none), `page_count` its pages.
#[wasm_bindgen(js_name = checkPdfLayout, unchecked_return_type = "Checked")]
pub fn check_pdf_layout(text: String, offsets: &[u32], pages: &[u32], xs: &[f32], ys: &[f32], chars: u32, page_count: u32) -> Result<JsValue, JsError> {
    use crate::input::positioned::{Layout, Pos};
    let n = offsets.len().min(pages.len()).min(xs.len()).min(ys.len());
    let positions = (0..n).map(|i| (offsets[i] as usize, Pos { page: pages[i], x: xs[i], y: ys[i] })).collect();
    checked_js(&crate::check_input(crate::input::pdf_layout(Layout { text, positions, chars: chars as usize, pages: page_count as usize })))
}

/// Check a Word document's text as the files module read it (`docxText`).
#[wasm_bindgen(js_name = checkDocxText, unchecked_return_type = "Checked")]
pub fn check_docx_text(text: String) -> Result<JsValue, JsError> {
    checked_js(&crate::check_input(crate::input::docx_text(text)))
}

/// The result for a PDF that PDF.js could not open: `kind` "encrypted" or "damaged".
#[wasm_bindgen(js_name = pdfError, unchecked_return_type = "Checked")]
pub fn pdf_error(kind: &str, detail: &str) -> Result<JsValue, JsError> {
    checked_js(&crate::check_input(crate::input::pdf_error(kind, detail)))
}
