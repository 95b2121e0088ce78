#!/usr/bin/env bash
# PDFs printed from web pages and exported from Word: a corpus to measure the PDF reader on, and
# the subset committed as fixtures (tests/data/files/printed, tests/data/pdfjs/printed).
#
#   scripts/gen-printed-pdfs.sh corpus [DIR] [COUNT]   COUNT generated reports (default 40) and the
#                                                      real HTML report and its Word form, each
#                                                      printed in every profile, into DIR
#                                                      (default target/printed-corpus), with the
#                                                      PDF.js items of every PDF in DIR/items; then
#                                                      the figures (examples/file_fixtures.rs measure)
#   scripts/gen-printed-pdfs.sh fixtures               the committed subset (see FIXTURES below)
#
# Every report's page is printed by headless Chromium in each profile of examples/file_fixtures.rs
# (`PROFILES`: A4, A5, A4 landscape, Letter and narrow or short custom pages via CSS @page; margins,
# fonts and the cells' vertical alignment varied with the seed; tables' header rows in a <thead>,
# which Chromium repeats on each page, or not; rows kept whole or cut between pages; narrow label
# columns that wrap long labels over 2–3 lines; with or without Chromium's running header and
# footer), and some as .docx with A5 pages and repeated header rows converted by LibreOffice.
#
# Needs chromium, LibreOffice (NIANBAO_FIXTURE_TOOLS=1 scripts/setup.sh) and node_modules (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-corpus}
for tool in chromium soffice node; do
  command -v "$tool" >/dev/null || { echo "gen-printed-pdfs: $tool is missing (see scripts/setup.sh)" >&2; exit 1; }
done
cargo build --release --quiet --example file_fixtures
GEN=target/release/examples/file_fixtures

print_all() { # print every line of DIR/print.tsv (html, pdf, Chromium flags) not printed yet
  local dir=$1
  while IFS=$'\t' read -r html pdf flags; do
    [ -s "$dir/$pdf" ] && [ "$dir/$pdf" -nt "$dir/$html" ] && continue
    # shellcheck disable=SC2086
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --run-all-compositor-stages-before-draw $flags \
      --print-to-pdf="$dir/$pdf" "file://$(realpath "$dir/$html")" >/dev/null 2>&1
  done < "$dir/print.tsv"
}

convert_docx() { # .docx → NAME.lo5.pdf with LibreOffice
  local dir=$1 tmp
  tmp=$(mktemp -d)
  for docx in "$dir"/*.a5.docx; do
    [ -e "$docx" ] || continue
    name=$(basename "$docx" .a5.docx)
    [ -s "$dir/$name.lo5.pdf" ] && [ "$dir/$name.lo5.pdf" -nt "$docx" ] && continue
    soffice --headless --norestore --convert-to pdf --outdir "$tmp" "$docx" >/dev/null 2>&1
    mv "$tmp/$name.a5.pdf" "$dir/$name.lo5.pdf"
  done
  rm -rf "$tmp"
}

# The committed fixtures: REPORT.PROFILE of the corpus, each chosen for a breakage the reader
# got wrong before (tests/printed.rs `CASES` says which; keep the two lists alike).
FIXTURES="s100.lo5 s106.narrow s109.a5n s115.short s118.a4l s120.lo5 s121.letter s124.big s130.a4 s135.a5 s136.a5 s139.short tcword.big"

case "$mode" in
  corpus)
    DIR=${2:-target/printed-corpus}
    COUNT=${3:-40}
    mkdir -p "$DIR/items"
    "$GEN" printed "$DIR" "$COUNT"
    print_all "$DIR"
    convert_docx "$DIR"
    node scripts/pdf-items.mjs --out "$DIR/items" "$DIR"/*.pdf 2>/dev/null
    "$GEN" measure "$DIR" "$DIR/items"
    ;;
  fixtures)
    OUT=tests/data/files/printed
    ITEMS=tests/data/pdfjs/printed
    TMP=$(mktemp -d)
    trap 'rm -rf "$TMP"' EXIT
    "$GEN" printed "$TMP" 80
    sel="$TMP/selected.tsv"
    : > "$sel"
    keep=""
    for f in $FIXTURES; do
      case "$f" in
        *.lo5) keep="$keep ${f%.lo5}.a5.docx" ;;
        *) awk -F'\t' -v n="$f.html" '$1 == n' "$TMP/print.tsv" >> "$sel" ;;
      esac
    done
    mv "$sel" "$TMP/print.tsv"
    for docx in "$TMP"/*.a5.docx; do
      case " $keep " in *" $(basename "$docx") "*) ;; *) rm "$docx" ;; esac
    done
    print_all "$TMP"
    convert_docx "$TMP"
    rm -rf "$OUT" "$ITEMS"
    mkdir -p "$OUT" "$ITEMS"
    for f in $FIXTURES; do
      name=${f%%.*}
      cp "$TMP/$f.pdf" "$OUT/"
      cp "$TMP/$name.truth.json" "$TMP/$name.html" "$OUT/"
    done
    node scripts/pdf-items.mjs --out "$ITEMS" "$OUT"/*.pdf 2>/dev/null
    du -ch "$OUT"/*.pdf | tail -1
    ;;
  *)
    echo "usage: scripts/gen-printed-pdfs.sh corpus [DIR] [COUNT] | fixtures" >&2
    exit 2
    ;;
esac
