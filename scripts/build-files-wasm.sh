#!/usr/bin/env bash
# Builds the page's files module (examples/files_web.rs: PDF layout from PDF.js's items, .docx
# text) into <dist>/files/: a second wasm that static/pdf-loader.js loads only when a PDF or a
# Word file is dropped, so the page's first load carries none of it.
#
# Run by Trunk after each build (Trunk.toml [[hooks]], into its staging dir), or by hand:
#   scripts/build-files-wasm.sh OUT_DIR [release|debug]
# Needs wasm-bindgen-cli 0.2.130 and, for release, wasm-opt 132 (node_modules/.bin).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="${1:-${TRUNK_STAGING_DIR:?run by Trunk, or give OUT_DIR}/files}"
profile="${2:-${TRUNK_PROFILE:-release}}"
flags=(--offline --target wasm32-unknown-unknown --example files_web --no-default-features --features files-module)
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}"
wasm="target/wasm32-unknown-unknown/$profile/examples/files_web.wasm"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name nianbao_files "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$out/nianbao_files_bg.wasm" -o "$out/nianbao_files_bg.wasm"
fi
