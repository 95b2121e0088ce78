// The text a browser gives of an HTML report: document.body.textContent (what crawlers and
// some portals' "select all, copy" produce: table cells with no separator between them) and
// innerText (cells separated by tabs, rows by line breaks), each under the page's <title> as
// portals print it above the article. Used to derive tests/fixtures/dom-text/ and
// tests/fixtures/derived/*.innerText.txt from the HTML fixtures:
//   node scripts/dom-text.mjs /abs/path/report.html /tmp/out   → /tmp/out.textContent.txt, /tmp/out.innerText.txt
import { chromium } from 'playwright-core';
import fs from 'fs';
const [, , file, out] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto('file://' + file);
const { title, content, inner } = await page.evaluate(() => ({ title: document.title, content: document.body.textContent, inner: document.body.innerText }));
const head = title ? title + '\n' : '';
fs.writeFileSync(out + '.textContent.txt', head + content);
fs.writeFileSync(out + '.innerText.txt', head + inner);
await browser.close();
