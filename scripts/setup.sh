#!/usr/bin/env bash
# Installs what the checker page needs to build and test, on a fresh machine. Idempotent:
# each step is skipped when its tool is already there in the right version.
#   - the wasm32 target; trunk 0.21.14; wasm-bindgen-cli 0.2.130 (must equal the crate's pin)
#   - Debian's chromium + chromium-driver (headless browser tests), a CJK font for screenshots
#   - npm packages (package-lock.json): playwright-core, axe-core, binaryen 132 (wasm-opt;
#     Debian's binaryen 108 produces a broken module), pdfjs-dist; and binaryen 132 globally,
#     so that a plain `trunk build --release --offline` finds wasm-opt on the PATH
#   - the crates, so that `trunk build --offline` and `cargo --offline` work
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14"
  cargo install trunk --version 0.21.14 --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "0.2.130" ]; then
  say "installing wasm-bindgen-cli 0.2.130"
  cargo install wasm-bindgen-cli --version 0.2.130
fi

apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
# Chinese glyphs in screenshots (the page itself uses whatever fonts the reader's computer has).
fc-list :lang=zh 2>/dev/null | grep -q . || apt_pkgs+=(fonts-wqy-microhei)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  say "installing ${apt_pkgs[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${apt_pkgs[@]}"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# wasm-opt 132 on the PATH too, so that a plain `trunk build --release --offline` finds it
# (Trunk offline only looks on the PATH; our scripts put node_modules/.bin first anyway).
if [ "$(PATH="${PATH//$PWD\/node_modules\/.bin:/}" wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  say "installing wasm-opt 132 (npm binaryen@132.0.0, global)"
  npm install -g --no-audit --no-fund binaryen@132.0.0
fi

# Tools that regenerate the generated PDF/.docx fixtures (scripts/gen-file-fixtures.sh:
# LibreOffice, the Noto CJK fonts, qpdf, pdfinfo). The tests only read the committed files,
# so these are installed only when asked for: NIANBAO_FIXTURE_TOOLS=1 scripts/setup.sh.
if [ "${NIANBAO_FIXTURE_TOOLS:-0}" = 1 ]; then
  fix_pkgs=()
  command -v soffice >/dev/null || fix_pkgs+=(libreoffice-writer-nogui)
  fc-list 2>/dev/null | grep -q "Noto Serif CJK" || fix_pkgs+=(fonts-noto-cjk)
  command -v qpdf >/dev/null || fix_pkgs+=(qpdf)
  command -v pdfinfo >/dev/null || fix_pkgs+=(poppler-utils)
  if [ ${#fix_pkgs[@]} -gt 0 ]; then
    say "installing ${fix_pkgs[*]} (fixture tools)"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${fix_pkgs[@]}"
  fi
fi

# Crates for the native CLI, the wasm page and its tests, so --offline builds work.
cargo fetch --quiet
say "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(node_modules/.bin/wasm-opt --version | head -1), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
