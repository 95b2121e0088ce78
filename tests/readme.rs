//! The README's rule reference is generated from the one rule registry and must not drift.

#[test]
fn readme_rule_reference_matches_the_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- rules:start -->\n").expect("rules:start marker") + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    assert_eq!(
        &readme[start..end],
        nianbao::rules::codes::markdown_reference(),
        "README rule reference is stale: replace it with the output of `cargo run -q --bin nianbao -- rules`"
    );
}

#[test]
fn every_registered_code_is_unique_and_documented() {
    let rules = nianbao::rules::codes::RULES;
    for (i, r) in rules.iter().enumerate() {
        assert!(rules[i + 1..].iter().all(|o| o.code != r.code), "duplicate {}", r.code);
        assert!(!r.name.is_empty() && !r.when.is_empty() && !r.example.is_empty(), "{} lacks docs", r.code);
    }
}
