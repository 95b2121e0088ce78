//! Bad input: nothing a user can paste or drop makes the checker panic or point outside the
//! text; what is not a report says so (D01, with a message), a report cut off inside a table is
//! never completed by guessing, hostile markup is only text, and a GBK file reads exactly like
//! its UTF-8 original. No timing assertions here: `cargo run --release --example bench` measures.

use nianbao::model::Value;
use nianbao::testgen::{generate, generate_with, CellId, Form, Options, Rng, T3_COLUMNS, T3_ROWS};
use nianbao::Report;
use nianbao::{check_file, Checked};

/// Every span (findings and cells) inside `text` and on character boundaries.
fn assert_spans(text: &str, r: &Report, what: &str) {
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for d in &r.diagnostics {
        assert!(!d.message.trim().is_empty(), "{}: {} without a message", what, d.code.as_str());
        for s in &d.spans {
            assert!(
                ok(s.start, s.end),
                "{}: {} span {}..{} outside the text ({} bytes) or inside a character",
                what,
                d.code.as_str(),
                s.start,
                s.end,
                text.len()
            );
            assert!(s.line >= 1 && s.col >= 1, "{}: {} span line/col {}/{}", what, d.code.as_str(), s.line, s.col);
        }
    }
    for t in [&r.t2, &r.t3, &r.t4].into_iter().flatten() {
        for row in &t.rows {
            for s in row.cells.iter().filter_map(|c| c.span).chain(row.label_span) {
                assert!(ok(s.start, s.end), "{}: {} {} span {}..{} bad", what, t.table, row.key, s.start, s.end);
            }
        }
    }
}

/// Text through both entry points (`check_text`, and `check_file`/`check_bytes` on its UTF-8).
fn check_both(text: &str, what: &str) -> Report {
    let r = nianbao::check_text(text);
    assert_spans(text, &r, what);
    let c: Checked = check_file(text.as_bytes(), None);
    assert_spans(&c.text, &c.report, what);
    let b = nianbao::check_bytes(text.as_bytes(), None);
    assert_spans(&c.text, &b, what);
    r
}

fn has(r: &Report, code: &str) -> bool {
    r.diagnostics.iter().any(|d| d.code.as_str() == code)
}

#[test]
fn empty_and_blank_input_say_there_is_nothing() {
    for (what, text) in [("empty", ""), ("spaces", "   "), ("newlines", "\n\n\r\n"), ("mixed blanks", " \t\n\u{3000}\u{a0}\r\n \u{feff}")] {
        let r = check_both(text, what);
        assert!(has(&r, "D01"), "{}: {:?}", what, r.diagnostics);
        assert!(r.t2.is_none() && r.t3.is_none() && r.t4.is_none(), "{}: tables found in nothing", what);
        let c = check_file(text.as_bytes(), Some("empty.txt"));
        assert!(has(&c.report, "D01"), "{} as a file", what);
    }
}

#[test]
fn binary_files_are_refused_with_a_reason() {
    let mut rng = Rng::new(7);
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec()),
        ("pdf header only", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec()),
        ("pdf truncated", b"%PDF-1.4\n".to_vec()),
        ("zip", b"PK\x03\x04\x14\0\0\0\x08\0".to_vec()),
        ("zip, empty archive", b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec()),
        ("ole (.doc)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0".to_vec()),
        ("elf", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec()),
        ("nul bytes", vec![0u8; 4096]),
    ];
    for n in [1usize, 3, 64, 1000, 70_000] {
        cases.push(("random bytes", (0..n).map(|_| rng.below(256) as u8).collect()));
    }
    for (what, bytes) in &cases {
        let c = check_file(bytes, None);
        assert_spans(&c.text, &c.report, what);
        let b = nianbao::check_bytes(bytes, None);
        assert_spans(&c.text, &b, what);
        if !matches!(*what, "random bytes") || bytes.contains(&0) {
            // Not text at all: one D01 that says what the file is or why it cannot be read.
            assert!(has(&c.report, "D01"), "{}: {:?}", what, c.report.diagnostics);
            assert!(c.report.t3.is_none(), "{}: a table read from binary", what);
        }
        for name in ["report.pdf", "report.docx", "report.html", "report.txt"] {
            let c = check_file(bytes, Some(name));
            assert_spans(&c.text, &c.report, what);
        }
    }
}

#[test]
fn random_unicode_does_not_panic() {
    let mut rng = Rng::new(11);
    // Pieces from many scripts and the awkward corners of Unicode.
    let pieces: &[&str] = &[
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        "（七）总计",
        "本年新收政府信息公开申请数量",
        "0",
        "12",
        "999999999999999999999",
        "1.2.3",
        "-",
        "/",
        "\t",
        "\n",
        "\r\n",
        " ",
        "\u{3000}",
        "|",
        "| --- |",
        "#",
        "**",
        "\u{200f}",                 // RTL mark
        "\u{202e}",                 // RTL override
        "\u{200b}",                 // zero-width space
        "\u{feff}",                 // BOM inside text
        "e\u{301}",                 // combining acute
        "\u{0301}\u{0302}\u{0303}", // lone combining marks
        "👩‍👩‍👧‍👦",
        "🇨🇳",
        "𠀀𪚥", // astral CJK
        "مرحبا",
        "שלום",
        "Привет",
        "ไทย",
        "\u{0}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{fffd}",
        "＜td＞",
        "<td>",
        "&amp;",
        "&#x1F600;",
        "&#99999999;",
        "&",
        "１２３",
        "－３",
        "“",
        "”",
        "《",
    ];
    for case in 0..400 {
        let n = rng.usize(0, 300);
        let mut s = String::new();
        for _ in 0..n {
            if rng.chance(0.2) {
                // Any scalar value.
                let c = loop {
                    if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                        break c;
                    }
                };
                s.push(c);
            } else {
                s.push_str(*rng.pick(pieces));
            }
        }
        check_both(&s, &format!("random unicode case {}", case));
    }
}

/// Random CJK of about `n` bytes with line breaks.
fn random_cjk(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n + 4);
    while s.len() < n {
        s.push(char::from_u32(0x4e00 + rng.below(0x5000) as u32).unwrap());
        if rng.chance(0.03) {
            s.push('\n');
        }
    }
    s
}

fn repeated_reports(n: usize) -> String {
    let mut s = String::with_capacity(n + 20_000);
    let mut seed = 0;
    while s.len() < n {
        s.push_str(&generate(seed, Form::ALL[seed as usize % 6]).text);
        s.push('\n');
        seed += 1;
    }
    s
}

fn huge(n: usize) {
    let mut rng = Rng::new(3);
    let cjk = random_cjk(&mut rng, n);
    let r = check_both(&cjk, "random CJK");
    assert!(r.t3.is_none());
    let reports = repeated_reports(n);
    let r = check_both(&reports, "repeated reports");
    // The first report's tables are read (the rest repeat its headings).
    assert!(r.t3.is_some() && r.t4.is_some());
    // Over the file size limit: refused with a message, not read.
    if n > nianbao::input::MAX_FILE_BYTES {
        assert!(has(&check_file(reports.as_bytes(), None).report, "D01"));
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "50 MB takes minutes unoptimised: cargo test --release --test bad_input -- --include-ignored")]
fn fifty_megabytes() {
    huge(50 * 1024 * 1024);
}

#[test]
fn half_a_megabyte() {
    huge(512 * 1024);
}

#[test]
fn over_the_file_size_limit_is_refused() {
    let big = vec![b'a'; nianbao::input::MAX_FILE_BYTES + 1];
    let c = check_file(&big, Some("big.txt"));
    assert!(has(&c.report, "D01"), "{:?}", c.report.diagnostics);
}

/// A report cut at many places: no panic, spans inside the cut text, and table 三 never
/// completed by guessing: every value read is the value printed in that very cell, and a
/// table cut short says so.
#[test]
fn report_cut_off_anywhere() {
    for (k, form) in Form::ALL.into_iter().enumerate() {
        let g = generate(100 + k as u64, form);
        let text = &g.text;
        let t3_first = T3_ROWS
            .iter()
            .flat_map(|r| T3_COLUMNS.iter().map(move |c| CellId { table: "t3", row: r, column: c }))
            .filter_map(|c| g.span_of(&c))
            .map(|s| s.0)
            .min()
            .unwrap();
        let t3_last = T3_ROWS
            .iter()
            .flat_map(|r| T3_COLUMNS.iter().map(move |c| CellId { table: "t3", row: r, column: c }))
            .filter_map(|c| g.span_of(&c))
            .map(|s| s.1)
            .max()
            .unwrap();
        // Dense cuts inside table 三, sparse ones elsewhere.
        let mut cuts: Vec<usize> = (0..text.len()).step_by(211).collect();
        cuts.extend((t3_first..=t3_last).step_by(13));
        for (n, cut) in cuts.into_iter().enumerate() {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let part = &text[..cut];
            let what = format!("{} seed {} cut at {}", form.name(), g.seed, cut);
            let r = if n % 8 == 0 {
                check_both(part, &what)
            } else {
                let r = nianbao::check_text(part);
                assert_spans(part, &r, &what);
                r
            };
            let Some(t3) = &r.t3 else { continue };
            // A digit run with several balancing splits is read one way and said so (P02).
            let p02: Vec<(usize, usize)> =
                r.diagnostics.iter().filter(|d| d.code.as_str() == "P02").flat_map(|d| d.spans.iter().map(|s| (s.start, s.end))).collect();
            for row in &t3.rows {
                if row.cells.len() != t3.columns.len() {
                    // Which value is which column cannot be told; the row must be flagged.
                    let flagged = r.diagnostics.iter().any(|d| matches!(d.code.as_str(), "T04" | "P01") && d.message.contains("表三"));
                    assert!(flagged, "{}: t3 {} has {} values and no T04/P01", what, row.key, row.cells.len());
                    continue;
                }
                for (i, cell) in row.cells.iter().enumerate() {
                    let (Some(sp), Value::Int(v)) = (cell.span, &cell.value) else { continue };
                    let Some(&column) = t3.columns.get(i) else { continue };
                    let Some(want) = g.span_of(&CellId { table: "t3", row: row.key, column }) else { continue };
                    if want.1 > cut || p02.iter().any(|p| p.0 <= sp.start && sp.end <= p.1) {
                        // The number the cut went through.
                        continue;
                    }
                    assert_eq!(
                        (sp.start, sp.end),
                        want,
                        "{}: t3 {} {} = {} read from {}..{} «{}», printed at {:?}",
                        what,
                        row.key,
                        column,
                        v,
                        sp.start,
                        sp.end,
                        &part[sp.start..sp.end],
                        want
                    );
                }
            }
            if cut > t3_first && cut < t3_last {
                // Cut inside the table: rows or values are missing (or a cell left empty), and that is said.
                let said = r.diagnostics.iter().any(|d| matches!(d.code.as_str(), "P01" | "T02" | "T04" | "T05") && d.message.contains("表三"));
                assert!(
                    said,
                    "{}: table 三 cut short without a P01/T02/T04/T05: {:?}",
                    what,
                    r.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn hostile_html_is_only_text() {
    let deep_div = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let deep_table = format!("{}1{}", "<table><tr><td>".repeat(20_000), "</td></tr></table>".repeat(20_000));
    let cases: Vec<(&str, String)> = vec![
        ("script", "<html><body><script>alert('一、总体情况')</script><p>二、主动公开政府信息情况</p></body></html>".into()),
        ("img onerror", "<html><img src=x onerror=\"alert(1)\"><p>x</p></html>".into()),
        ("unclosed script", "<html><body><p>a</p><script>while(1){}".into()),
        ("unclosed style", "<html><style>td{color:red}".into()),
        ("unclosed comment", "<html><!-- <table><tr><td>1</td></tr></table>".into()),
        ("unclosed tag", "<html><body><table><tr><td colspan=\"3".into()),
        ("lone <", "<html>< < <<<< <td <tr <table".into()),
        ("bare &", "<html><p>& &; &#; &#x; &#xFFFFFFFF; &#1114112; &amp</p>".into()),
        ("huge attribute", format!("<html><td title=\"{}\">1</td>", "x".repeat(1_000_000))),
        ("deeply nested div", format!("<html>{}", deep_div)),
        ("deeply nested table", format!("<html>{}", deep_table)),
        ("rowspan huge", "<html><table><tr><td rowspan=\"99999999\" colspan=\"99999999\">一、本年新收政府信息公开申请数量</td><td>1</td></tr></table>".into()),
        ("cdata and pi", "<html><![CDATA[<td>1</td>]]><?xml version=\"1.0\"?><p>x</p>".into()),
        ("null in markup", "<html><p>\u{0}</p><td>\u{0}1</td>".into()),
        ("svg and iframe", "<html><svg><script>x</script></svg><iframe src=\"javascript:alert(1)\"></iframe>".into()),
    ];
    for (what, html) in &cases {
        let r = nianbao::check_html(html);
        assert_spans(html, &r, what);
        let r = nianbao::check_text(html);
        assert_spans(html, &r, what);
        let c = check_file(html.as_bytes(), Some("page.html"));
        assert_spans(&c.text, &c.report, what);
        let f = nianbao::check_file_flat(html.as_bytes(), Some("page.html"));
        assert_spans(&f.text, &f.report, what);
    }
}

#[test]
fn script_style_and_comments_around_a_report_are_not_read() {
    // A real report page with a fake table 三 (all 9s) in a script, a style and a comment: the
    // values read are those of the visible table, with no finding.
    for seed in 0..20 {
        let g = generate_with(seed, &Options::new(Form::Html));
        let fake_row = format!("<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>{}</tr>", "<td>9</td>".repeat(7));
        let junk = format!(
            "<script>var t = '<table>{}</table>'; if (a < b && c > d) {{ document.write(t) }}</script><style>td::after {{ content: \"{}\" }}</style><!-- <table>{}</table> --><img src=x onerror=\"alert('三、收到和处理政府信息公开申请情况')\"><noscript>{}</noscript>",
            fake_row, fake_row, fake_row, fake_row
        );
        let at = g.text.find("<body>").unwrap() + "<body>".len();
        let shift = junk.len();
        let html = format!("{}{}{}", &g.text[..at], junk, &g.text[at..]);
        let r = nianbao::check_html(&html);
        assert_spans(&html, &r, "report with junk");
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.is_empty(), "seed {}: {:?}", seed, r.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>());
        let t3 = r.t3.as_ref().expect("t3");
        for (i, key) in T3_ROWS.iter().enumerate() {
            let row = t3.row(key).expect("row");
            for (c, cell) in row.cells.iter().enumerate() {
                assert_eq!(cell.value, Value::Int(g.tables.t3[i][c]), "seed {} {} {}", seed, key, c);
                let want = g.span_of(&CellId { table: "t3", row: key, column: T3_COLUMNS[c] }).unwrap();
                let sp = cell.span.unwrap();
                assert_eq!((sp.start, sp.end), (want.0 + shift, want.1 + shift));
            }
        }
    }
}

#[test]
fn gbk_and_utf16_files_read_like_their_utf8_text() {
    for form in Form::ALL {
        for seed in 0..8 {
            let mut g = generate(200 + seed, form);
            // A GBK page says so in its head.
            g.text = g.text.replace("charset=\"utf-8\"", "charset=\"gb2312\"");
            let utf8 = nianbao::check_text(&g.text);
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(&g.text);
            assert!(!unmappable, "the generated text is all GBK characters");
            assert!(std::str::from_utf8(&gbk).is_err(), "really GBK bytes");
            let name = if form == Form::Html { "report.html" } else { "report.txt" };
            let c = check_file(&gbk, Some(name));
            assert_eq!(c.text, g.text, "{} seed {}: GBK decoded differently", form.name(), g.seed);
            assert_eq!(c.report, utf8, "{} seed {}: GBK report differs from the UTF-8 one", form.name(), g.seed);
            assert_eq!(nianbao::check_bytes(&gbk, None), utf8, "{} seed {}: check_bytes on GBK", form.name(), g.seed);
            // UTF-8 with a BOM and UTF-16 with a BOM.
            let mut bom = vec![0xEF, 0xBB, 0xBF];
            bom.extend_from_slice(g.text.as_bytes());
            assert_eq!(nianbao::check_bytes(&bom, None), utf8, "{} seed {}: UTF-8 BOM", form.name(), g.seed);
            let mut le = vec![0xFF, 0xFE];
            le.extend(g.text.encode_utf16().flat_map(|u| u.to_le_bytes()));
            assert_eq!(nianbao::check_bytes(&le, None), utf8, "{} seed {}: UTF-16LE", form.name(), g.seed);
        }
    }
}
