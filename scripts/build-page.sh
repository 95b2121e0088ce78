#!/usr/bin/env bash
# Builds the checker page into dist/ with `trunk build --release --offline`.
# wasm-opt comes from npm binaryen 132 (node_modules/.bin), never from Debian's older binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline "$@"
