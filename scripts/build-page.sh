#!/usr/bin/env bash
# Builds the checker page into dist/ with `trunk build --release --offline`, then the ways to
# run it elsewhere (scripts/build-extras.mjs): index.html without inline script (strict CSP),
# the <nianbao-checker> widget in dist/widget/ with embed.html, and the single file
# dist/nianbao.html.
# wasm-opt comes from npm binaryen 132 (node_modules/.bin), never from Debian's older binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline "$@"
node scripts/build-extras.mjs dist
