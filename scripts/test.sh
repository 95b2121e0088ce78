#!/usr/bin/env bash
# Every test: the Rust core (unit, fixture, generated, bad-input tests) and the page in
# headless Chromium. Installs what is missing first (scripts/setup.sh skips what is there).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== Rust: core, CLI, fixtures, generated reports =="
cargo test --locked
echo "== Browser: wasm facade and the page =="
SKIP_SETUP=1 bash scripts/test-browser.sh
