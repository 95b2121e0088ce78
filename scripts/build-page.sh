#!/usr/bin/env bash
# Builds the checker page into dist/ with `trunk build --release --offline`. Trunk's post_build
# hooks (Trunk.toml) add the files module (scripts/build-files-wasm.sh) and the other ways to run
# the checker (scripts/build-extras.mjs): index.html without inline script (strict CSP), the
# <nianbao-checker> widget in dist/widget/ with embed.html, and the single file dist/nianbao.html.
# wasm-opt comes from npm binaryen 132 (node_modules/.bin), never from Debian's older binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline "$@"
test -f dist/nianbao.html -a -f dist/widget/nianbao-checker.js || { echo "build-page: dist/ lacks nianbao.html or widget/ (Trunk.toml hooks)" >&2; exit 1; }
# The CLI embeds dist/nianbao.html (build.rs, for `nianbao serve`) and recompiles when its
# modification time changes: keep the old time when the rebuild wrote the same bytes.
mkdir -p target
if cmp -s dist/nianbao.html target/nianbao-page.html; then
  touch -r target/nianbao-page.html dist/nianbao.html
else
  cp -p dist/nianbao.html target/nianbao-page.html
fi
