#!/usr/bin/env bash
# Browser tests of the checker page:
#   1. builds dist/ (trunk build --release --offline);
#   2. wasm-bindgen-test of the wasm facade (tests/wasm.rs) in headless Chromium;
#   3. Playwright (playwright-core + Debian's Chromium) against dist/ served on 127.0.0.1
#      (tests/browser/*.test.mjs), with the CLI's JSON as the expected values; among them the
#      widget, the strict CSP, the single file from file://, sub-path hosting, `nianbao serve`
#      and the intranet zip (embed, csp, single-file, subpath, serve .test.mjs; serve.test.mjs
#      runs scripts/package-intranet.sh), the widget's folder copied alone and the page unpacked
#      from the intranet zip (copies.test.mjs), the comparison with last year's report
#      (previous.test.mjs, against `nianbao check --previous`), a report on one long line
#      (long-line.test.mjs: the findings list's quotes, the source view), cells the reader is
#      unsure of marked 请核对 in the tables, the findings list and the exports (uncertain.test.mjs,
#      generated inputs in tests/data/uncertain/), and, in Node, the
#      single file's bundler and the comment stripper of the shipped modules (bundle.test.mjs,
#      strip-comments.test.mjs).
# Screenshots go to test-results/. SKIP_SETUP=1 skips scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-0}" = 1 ] || scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== build dist/"
scripts/build-page.sh

echo "== wasm-bindgen-test (facade, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --offline --target wasm32-unknown-unknown --test wasm

echo "== Playwright (page)"
mkdir -p test-results
node --test --test-concurrency=1 tests/browser/
