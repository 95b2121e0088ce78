#!/usr/bin/env bash
# Regenerate the generated file fixtures (tests/data/files) and their PDF.js items
# (tests/data/pdfjs): reports from src/testgen/ rendered by examples/file_fixtures.rs to
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
# The report inside a portal page: a layout table with menus, side links, breadcrumbs, share
# links, a footer and scripts; labels split across <span>s and <p>s.
body = html[html.index('<div id="zoom"'):html.rindex('</body>')]
body = body.replace('<td>行政规范性文件</td>', '<td><span style="font-family:仿宋">行政规范</span><span>性文件</span></td>')
body = body.replace('（二）部分公开', '<span>（二）</span><span>部分公开</span>', 1)
body = body.replace('<td>商业企业</td>', '<td><p><span>商业</span></p><p><span>企业</span></p></td>')
head = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        '<title>测试市2025年政府信息公开工作年度报告_测试市人民政府</title>'
        "<script>var _hmt=_hmt||[];document.write('<div>广告</div>');</script><style>.nav{color:red}</style></head><body>"
        '<table width="1000" border="0" cellspacing="0" cellpadding="0" class="layout"><tr><td colspan="2"><div class="header">'
        '<img src="logo.png" alt="测试市人民政府"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
        '<li><a href="/hd">政民互动</a></li><li><a href="/bs">办事服务</a></li></ul></div></td></tr>'
        '<tr><td width="200" valign="top"><table class="side"><tr><td><a href="/a">政府信息公开指南</a></td></tr>'
        '<tr><td><a href="/b">政府信息公开制度</a></td></tr><tr><td><a href="/c">政府信息公开年报</a></td></tr></table></td>'
        '<td valign="top"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>'
        '<h1>测试市2025年政府信息公开工作年度报告</h1><div class="info">发布时间：2026-01-20 &nbsp;&nbsp; 来源：市政府办公室 &nbsp;&nbsp; '
        '浏览次数：<span id="hits">1234</span></div>')
foot = ('<div class="share">分享到：微信 微博</div></td></tr><tr><td colspan="2"><div class="footer">主办：测试市人民政府办公室 &nbsp; '
        '网站标识码：1234000001 &nbsp; ICP备12345678号 &nbsp; 联系电话：0000-12345678</div></td></tr></table>'
        '<script src="/js/stat.js"></script></body></html>')
(out / 'testcity_2025.portal.html').write_bytes((head + body + foot).encode('gb18030'))
PY

pages=$(pdfinfo "$OUT/long20.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 20 ] || { echo "gen-file-fixtures: long20.pdf has $pages pages, not 20 (adjust its paragraphs in examples/file_fixtures.rs)" >&2; exit 1; }

rm -f "$ITEMS"/g*.items.json "$ITEMS"/long20.items.json
node scripts/pdf-items.mjs --out "$ITEMS" "$OUT"/*.pdf 2>/dev/null
ls -la "$OUT" "$OUT/bad"
