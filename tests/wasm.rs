//! Browser tests of the wasm facade (`src/wasm.rs`), run in headless Chromium by
//! wasm-bindgen-test (`scripts/test-browser.sh`):
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver \
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test --target wasm32-unknown-unknown --test wasm
//!
//! The facade must hand the page exactly what the core computed, as plain JS objects (not
//! `Map`s), in the CLI's JSON shape. On other targets this file is empty.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use nianbao::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../static/sample.txt");
const SEED: &str = include_str!("../../shared/fixtures/seeds/000_5c0ba7f944109c5a.txt");
const HTML: &str = include_str!("../../shared/fixtures/real/testcity_2025.html");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

/// The facade's value as JSON text, parsed back into serde_json for comparison.
fn js_to_json(v: &JsValue) -> serde_json::Value {
    let s: String = JSON::stringify(v).expect("stringify").into();
    serde_json::from_str(&s).expect("valid JSON")
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_instance_of::<js_sys::Map>() && !Array::is_array(v) && {
        let proto = Object::get_prototype_of(v);
        proto == Object::get_prototype_of(&Object::new())
    }
}

/// serde_json keeps 22.0 and 22 apart; JSON from JS does not. Compare numbers by value.
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Object(x), Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))),
        _ => a == b,
    }
}

fn assert_same_as_core(text: &str) {
    let from_js = js_to_json(&wasm::check(text, None).expect("check"));
    let core = serde_json::to_value(nianbao::check_text(text)).expect("core serialises");
    assert!(same(&from_js, &core), "facade output differs from the core's JSON:\n{from_js}\n---\n{core}");
}

#[wasm_bindgen_test]
fn check_returns_the_core_report_for_the_sample() {
    assert_same_as_core(SAMPLE);
}

#[wasm_bindgen_test]
fn check_returns_the_core_report_for_a_seed_and_html() {
    assert_same_as_core(SEED);
    assert_same_as_core(HTML);
    assert_same_as_core("");
    assert_same_as_core("<img src=x onerror=alert(1)><script>alert(2)</script>");
}

#[wasm_bindgen_test]
fn rules_can_be_left_out_by_code() {
    let all = js_to_json(&wasm::check(SAMPLE, None).unwrap());
    let codes =
        |r: &serde_json::Value| -> Vec<String> { r["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect() };
    let first = codes(&all)[0].clone();
    let fewer = js_to_json(&wasm::check(SAMPLE, Some(format!("{} X03", first.to_lowercase()))).unwrap());
    assert!(!codes(&fewer).contains(&first), "{} left out", first);
    assert_eq!(codes(&fewer).len(), codes(&all).iter().filter(|c| **c != first).count());
    assert!(wasm::check(SAMPLE, Some("W99".into())).is_err(), "an unknown code is an error with a message");
}

#[wasm_bindgen_test]
fn report_is_plain_objects_with_nulls_and_numbers() {
    let r = wasm::check(SAMPLE, None).unwrap();
    assert!(is_plain_object(&r));
    let t3 = get(&r, "t3");
    assert!(is_plain_object(&t3), "t3 must be a plain object");
    let rows = get(&t3, "rows");
    assert!(is_plain_object(&rows), "t3.rows must be a plain object, not a Map");
    let new_row = get(&rows, "new");
    assert!(Array::is_array(&new_row));
    let first = Array::from(&new_row).get(0);
    assert!(is_plain_object(&first));
    assert!(get(&first, "value").as_f64().is_some(), "a count is a JS number");
    let span = get(&first, "span");
    assert!(get(&span, "start").as_f64().is_some());
    let diags = Array::from(&get(&r, "diagnostics"));
    assert!(diags.length() > 0, "the sample has problems");
    for d in diags.iter() {
        assert!(is_plain_object(&d));
        let sev = get(&d, "severity").as_string().unwrap();
        assert!(["error", "warning", "info"].contains(&sev.as_str()));
        assert!(Array::is_array(&get(&d, "spans")));
    }
    // A blank cell comes through as null, not undefined.
    let blank = wasm::check(&SAMPLE.replace("行政强制 2", "行政强制 "), None).unwrap();
    let core = nianbao::check_text(&SAMPLE.replace("行政强制 2", "行政强制 "));
    let core_json = serde_json::to_value(&core).unwrap();
    let js_json = js_to_json(&blank);
    assert!(same(&js_json["t2"], &core_json["t2"]));
}

#[wasm_bindgen_test]
fn decode_file_reads_utf8_gbk_and_refuses_pdf() {
    let d = wasm::decode_file(SAMPLE.as_bytes(), Some("a.txt".into())).unwrap();
    assert_eq!(get(&d, "text").as_string().unwrap(), SAMPLE);
    assert_eq!(get(&d, "encoding").as_string().unwrap(), "UTF-8");

    let (gbk, _, had_errors) = encoding_rs::GBK.encode(SAMPLE);
    assert!(!had_errors);
    assert!(std::str::from_utf8(&gbk).is_err(), "the GBK bytes are not UTF-8");
    let d = wasm::decode_file(&gbk, Some("a.txt".into())).unwrap();
    assert_eq!(get(&d, "text").as_string().unwrap(), SAMPLE, "GBK decodes to the same text");

    // checkBytes on the GBK bytes gives the same report as check on the decoded text.
    let a = js_to_json(&wasm::check_bytes(&gbk, Some("a.txt".into())).unwrap());
    let b = js_to_json(&wasm::check(SAMPLE, None).unwrap());
    assert!(same(&a, &b));

    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
    let d = wasm::decode_file(pdf, Some("a.pdf".into())).unwrap();
    assert!(get(&d, "text").is_undefined());
    assert_eq!(get(&d, "kind").as_string().unwrap(), "pdf");
    assert!(get(&d, "error").as_string().unwrap().contains("PDF"));

    let docx = b"PK\x03\x04\x14\x00\x06\x00";
    let d = wasm::decode_file(docx, Some("a.docx".into())).unwrap();
    assert_eq!(get(&d, "kind").as_string().unwrap(), "docx");
}

#[wasm_bindgen_test]
fn rules_and_template_come_from_the_core() {
    let rules = Array::from(&wasm::rules().unwrap());
    assert_eq!(rules.length() as usize, nianbao::rules::codes::RULES.len());
    for (js, rule) in rules.iter().zip(nianbao::rules::codes::RULES) {
        assert_eq!(get(&js, "code").as_string().unwrap(), rule.code.as_str());
        assert_eq!(get(&js, "name").as_string().unwrap(), rule.name);
        assert_eq!(get(&js, "severity").as_string().unwrap(), rule.severity.as_str());
    }

    let t = wasm::template().unwrap();
    let t3 = get(&t, "t3");
    let rows = Array::from(&get(&t3, "rows"));
    assert_eq!(rows.length() as usize, nianbao::format::T3_ROWS.len());
    for (js, spec) in rows.iter().zip(nianbao::format::T3_ROWS) {
        assert_eq!(get(&js, "key").as_string().unwrap(), spec.key);
        assert_eq!(get(&js, "label").as_string().unwrap(), spec.label);
    }
    let cols = Array::from(&get(&t3, "columns"));
    assert_eq!(cols.length() as usize, nianbao::format::T3_COLUMNS.len());
    let t2rows = Array::from(&get(&get(&t, "t2"), "rows"));
    for (js, spec) in t2rows.iter().zip(nianbao::format::T2_ROWS) {
        let cols = Array::from(&get(&js, "columns"));
        let keys: Vec<String> = cols.iter().map(|c| get(&c, "key").as_string().unwrap()).collect();
        assert_eq!(keys, nianbao::format::t2_columns(spec.key));
    }
    let t4 = get(&t, "t4");
    assert_eq!(Array::from(&get(&t4, "blocks")).length() as usize, nianbao::format::T4_BLOCKS.len());
    assert_eq!(Array::from(&get(&t4, "columns")).length() as usize, nianbao::format::T4_COLUMNS.len());
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}
