#!/usr/bin/env bash
# The intranet package: the built page (dist/, from scripts/build-page.sh) as a zip with the
# deployment notes (docs/deploy/: 部署说明.md, nginx.conf, and web.config for IIS, which goes
# inside the page's folder so IIS serves .wasm as application/wasm).
#   scripts/package-intranet.sh [OUT.zip]     (default: target/nianbao-intranet.zip)
# Layout: nianbao/ (the page, widget/, embed.html, nianbao.html, web.config), 部署说明.md, nginx.conf.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-target/nianbao-intranet.zip}")"
[ -f dist/index.html ] && [ -f dist/nianbao.html ] && [ -f dist/widget/nianbao-checker.js ] \
  || { echo "package-intranet: build the page first (scripts/build-page.sh)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r dist "$tmp/nianbao"
rm -rf "$tmp/nianbao/.stage" "$tmp"/nianbao/*.d.ts
cp docs/deploy/web.config "$tmp/nianbao/web.config"
cp docs/deploy/部署说明.md docs/deploy/nginx.conf "$tmp/"
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$tmp" && zip -q -r -X "$out" 部署说明.md nginx.conf nianbao)
echo "package-intranet: $out ($(du -k "$out" | cut -f1) KB)"
