#!/usr/bin/env bash
# Regenerate the generated file fixtures (tests/data/files) and their PDF.js items
# (tests/data/pdfjs): reports from src/testgen.rs rendered by examples/file_fixtures.rs to
# HTML and .docx, printed to PDF by headless Chromium (portrait with tables split over pages
# and Chromium's running header/footer; tables on landscape pages), converted to PDF by
# LibreOffice (.docx with a landscape section), turned sideways (/Rotate 90), copy-protected
# (encrypted with an empty user password, still readable), plus files that cannot be read.
#
# Needs: chromium, LibreOffice (NIANBAO_FIXTURE_TOOLS=1 scripts/setup.sh installs it, with
# fonts-noto-cjk, qpdf and poppler-utils) and node_modules (npm ci). The outputs are committed; the
# tests only read them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=tests/data/files
ITEMS=tests/data/pdfjs
for tool in chromium soffice qpdf pdfinfo node; do
  command -v "$tool" >/dev/null || { echo "gen-file-fixtures: $tool is missing (see scripts/setup.sh)" >&2; exit 1; }
done
rm -rf "$OUT" && mkdir -p "$OUT/bad"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cargo build --release --quiet --example file_fixtures
GEN=target/release/examples/file_fixtures
"$GEN" reports "$OUT"
"$GEN" bad "$OUT/bad"

print() { # print HTML to PDF; $3 = extra flags
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --run-all-compositor-stages-before-draw $3 --print-to-pdf="$2" "file://$(realpath "$1")" 2>/dev/null
}
for html in "$OUT"/*.print.html; do
  name=$(basename "$html" .print.html)
  if [ "$name" = long20 ]; then
    print "$html" "$OUT/long20.pdf" --no-pdf-header-footer
  else
    # Chromium's own running header (date, title) and footer (address, page x/y) stay in.
    print "$html" "$OUT/$name.print.pdf" ""
  fi
done
for html in "$OUT"/*.wide.html; do
  name=$(basename "$html" .wide.html)
  print "$html" "$OUT/$name.wide.pdf" --no-pdf-header-footer
done
for docx in "$OUT"/*.docx; do
  name=$(basename "$docx" .docx)
  soffice --headless --norestore --convert-to pdf --outdir "$TMP" "$docx" >/dev/null 2>&1
  mv "$TMP/$name.pdf" "$OUT/$name.lo.pdf"
done
rm -f "$OUT"/*.print.html "$OUT"/*.wide.html
first=$(ls "$OUT"/g*.print.pdf | head -1)
name=$(basename "$first" .print.pdf)
"$GEN" rotate "$first" "$OUT/$name.rot.pdf"
# Copy-protected: encrypted, but with an empty password to open (common on portals).
second=$(ls "$OUT"/g*.wide.pdf | tail -1)
qpdf --encrypt "" owner-secret 256 --print=none --extract=n -- "$second" "$OUT/$(basename "$second" .wide.pdf).locked.pdf"
# Needs a password to open: cannot be read.
qpdf --encrypt user-secret owner-secret 256 -- "$first" "$OUT/bad/encrypted.pdf"

# Text and web pages in the encodings agencies save them in: GBK/GB18030 text, UTF-8 with a BOM,
# a GB2312 page that says so in its <meta> (each keeps the real fixture's truth).
mkdir -p "$OUT/enc"
python3 - "$OUT/enc" <<'PY'
import sys, pathlib
out = pathlib.Path(sys.argv[1]); real = pathlib.Path('../shared/fixtures/real')
(out / 'hongzequ_2023.gbk.txt').write_bytes((real / 'hongzequ_2023.txt').read_text('utf-8').encode('gb18030'))
(out / 'huaian_2024.bom.txt').write_bytes(b'\xef\xbb\xbf' + (real / 'huaian_2024.layout.txt').read_bytes())
html = (real / 'testcity_2025.html').read_text('utf-8').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
(out / 'testcity_2025.gb2312.html').write_bytes(html.encode('gb18030'))
PY

pages=$(pdfinfo "$OUT/long20.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 20 ] || { echo "gen-file-fixtures: long20.pdf has $pages pages, not 20 (adjust its paragraphs in examples/file_fixtures.rs)" >&2; exit 1; }

rm -f "$ITEMS"/g*.items.json "$ITEMS"/long20.items.json
node scripts/pdf-items.mjs --out "$ITEMS" "$OUT"/*.pdf 2>/dev/null
ls -la "$OUT" "$OUT/bad"
