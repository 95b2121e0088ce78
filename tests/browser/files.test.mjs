// Files in the page: PDFs (read with PDF.js, loaded only when a PDF is dropped), Word .docx,
// web pages (a dropped .html and the clipboard's text/html when pasting from a portal page),
// and the messages for what cannot be read.
//
// Expected values come from the hand-checked truth files (../shared/fixtures/truth, and the
// generator's truth next to each generated fixture in tests/data/files) and from the CLI run
// on the same file: every table value must equal both.
//
// Run after a build: `node --test tests/browser/files.test.mjs` (NIANBAO_DIST=dir serves
// another build than dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHARED, DIST, cliCheck, launch, openPage, shot, ensureResults } from './helpers.mjs';
import { serveDir } from '../../scripts/serve.mjs';

const DIST_DIR = process.env.NIANBAO_DIST || DIST;
const REAL = path.join(SHARED, 'fixtures/real');
const TRUTH = path.join(SHARED, 'fixtures/truth');
const GEN = path.join(ROOT, 'tests/data/files');
const IN_SCOPE = /^[PDTA]/;

let server;
let origin;
let browser;

before(async () => {
  ensureResults();
  const s = await serveDir(DIST_DIR, 0);
  server = s.server;
  origin = s.url;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/** keys.md values of the JSON output (cells carry {value, span}). */
function plain(v) {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    if ('value' in v) return v.value;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

function tables(report) {
  const out = {};
  for (const t of ['t2', 't3', 't4']) if (report[t] !== undefined) out[t] = plain(report[t]);
  return out;
}

function truthTables(truth) {
  const out = {};
  for (const t of ['t2', 't3', 't4']) if (truth[t] !== undefined) out[t] = truth[t];
  return out;
}

function codes(list) {
  const m = {};
  for (const c of list) if (c && IN_SCOPE.test(c)) m[c] = (m[c] || 0) + 1;
  return m;
}

/** Drop a file on the page as a user would (a drop event carrying the file). */
async function dropFile(page, file, type = '') {
  const b64 = fs.readFileSync(file).toString('base64');
  const name = path.basename(file);
  const before = await page.evaluate(() => {
    document.getElementById('file-msg').textContent = '';
    return window.__nianbao.checks;
  });
  await page.evaluate(({ b64, name, type }) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { b64, name, type });
  return before;
}

/** Wait until a new check result is shown (or the file message says it could not be read). */
async function waitChecked(page, before) {
  await page.waitForFunction((n) => {
    const msg = document.getElementById('file-msg').textContent;
    // A new result, or the message that this file cannot be read (the drop cleared the last one).
    return window.__nianbao.checks > n || msg.startsWith('无法读取');
  }, before, { timeout: 60000 });
  return page.evaluate(() => ({
    report: window.__nianbao.report,
    text: window.__nianbao.text,
    shownText: document.getElementById('text').value,
    msg: document.getElementById('file-msg').textContent,
    lastFile: window.__nianbao.lastFile || null,
    findings: Array.from(document.querySelectorAll('#findings-list .finding')).map((f) => f.textContent),
    marks: document.querySelectorAll('#source-text mark').length,
  }));
}

async function open() {
  const o = await openPage(browser, origin);
  return o;
}

async function close(o) {
  assert.deepEqual(o.offsite, [], 'nothing is fetched from anywhere but the page itself');
  assert.deepEqual(o.errors, [], 'no errors in the page console');
  await o.context.close();
}

test('PDF support is loaded only when a PDF is dropped, from the page itself', async () => {
  const o = await open();
  const early = o.requests.filter((u) => /pdf|files\//i.test(u));
  assert.deepEqual(early, [], 'the first page load fetches nothing for PDFs or Word files');
  const before = await dropFile(o.page, path.join(REAL, 'huaian_2024.pdf'), 'application/pdf');
  await waitChecked(o.page, before);
  const later = o.requests.filter((u) => /pdfjs\/|pdf-loader/.test(u));
  assert.ok(later.some((u) => u.includes('pdf.min.mjs')) && later.some((u) => u.includes('pdf.worker.min.mjs')), later.join('\n'));
  assert.ok(later.every((u) => u.startsWith(origin)));
  const files = o.requests.filter((u) => u.includes('/files/nianbao_files'));
  assert.ok(files.some((u) => u.endsWith('_bg.wasm')), 'the files module is loaded with the first PDF');
  await close(o);
});

const REAL_PDFS = ['hongzequ_2023', 'hongzequ_2024', 'huaian_2024'];

test('the real PDFs dropped read every table value of the truth, with the truth\'s findings and the CLI\'s values', async () => {
  const files = REAL_PDFS.map((n) => path.join(REAL, `${n}.pdf`));
  const cli = cliCheck(files);
  const o = await open();
  for (const [i, name] of REAL_PDFS.entries()) {
    const truth = JSON.parse(fs.readFileSync(path.join(TRUTH, `${name}.json`), 'utf8'));
    const before = await dropFile(o.page, files[i], 'application/pdf');
    const got = await waitChecked(o.page, before);
    assert.ok(got.report, `${name}: ${got.msg}`);
    assert.equal(got.report.input_form, 'pdf', name);
    assert.deepEqual(tables(got.report), truthTables(truth), `${name}: values equal the truth`);
    assert.deepEqual(tables(got.report), tables(cli[i]), `${name}: values equal the CLI's`);
    assert.equal(got.report.year, truth.year, `${name}: year`);
    const want = codes(truth.true_problems.map((p) => p.rule));
    assert.deepEqual(codes(got.report.diagnostics.map((d) => d.code)), want, `${name}: P/D/T/A findings`);
    assert.deepEqual(codes(cli[i].diagnostics.map((d) => d.code)), want, `${name}: CLI P/D/T/A findings`);
    // The page shows the text it read, with the findings marked, and says on which page.
    assert.equal(got.shownText, got.text);
    for (const d of got.report.diagnostics) {
      if (d.spans.length && d.spans[0].end > d.spans[0].start) assert.ok(d.spans[0].page >= 1, `${name} ${d.code}: page of the finding`);
    }
    if (got.report.diagnostics.length) assert.ok(got.findings.some((f) => /第 \d+ 页/.test(f)), `${name}: findings name their page`);
    assert.ok(got.marks > 0 || got.report.diagnostics.length === 0, `${name}: highlights`);
    await shot(o.page, `pdf-${name}.png`, { fullPage: false });
  }
  await close(o);
});

const HTML_FIXTURE = path.join(REAL, 'testcity_2025.html');

test('the HTML fixture reads exactly, dropped as a file and pasted from a web page', async () => {
  const truth = JSON.parse(fs.readFileSync(path.join(TRUTH, 'testcity_2025.json'), 'utf8'));
  const [cli] = cliCheck([HTML_FIXTURE]);
  const o = await open();
  const before = await dropFile(o.page, HTML_FIXTURE, 'text/html');
  const dropped = await waitChecked(o.page, before);
  assert.equal(dropped.report.input_form, 'html');
  assert.deepEqual(tables(dropped.report), truthTables(truth), 'dropped: values');
  assert.deepEqual(tables(dropped.report), tables(cli), 'dropped: the CLI\'s values');
  assert.ok(!dropped.shownText.includes('<td'), 'the page shows the text, not the markup');

  // A paste from a browser: the clipboard carries the page's markup as text/html.
  await o.page.fill('#text', '');
  const html = fs.readFileSync(HTML_FIXTURE, 'utf8');
  const plainText = dropped.shownText.replace(/\t/g, ' ');
  const n = await o.page.evaluate(() => window.__nianbao.checks);
  await o.page.evaluate(({ html, plainText }) => {
    const ta = document.getElementById('text');
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', '<html><body><!--StartFragment-->' + html + '<!--EndFragment--></body></html>');
    dt.setData('text/plain', plainText);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (ta.dispatchEvent(ev)) {
      // Not handled by the page: what a browser would paste.
      ta.value = plainText;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, { html, plainText });
  const pasted = await waitChecked(o.page, n);
  assert.equal(pasted.report.input_form, 'html');
  assert.deepEqual(tables(pasted.report), truthTables(truth), 'pasted: values');
  assert.deepEqual(codes(pasted.report.diagnostics.map((d) => d.code)), codes(cli.diagnostics.map((d) => d.code)), 'pasted: findings');
  await close(o);
});

/** Generated fixtures (scripts/gen-file-fixtures.sh): `NAME.truth.json` and the files made from
 *  that report, `NAME.*.pdf` (Chromium, LibreOffice, rotated) and `NAME.docx`. */
function generated() {
  if (!fs.existsSync(GEN)) return [];
  return fs.readdirSync(GEN).filter((f) => /\.(pdf|docx)$/.test(f) && truthOf(f)).sort();
}

function truthOf(file) {
  const p = path.join(GEN, `${path.basename(file).split('.')[0]}.truth.json`);
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}

test('generated PDFs and .docx files read back exactly in the page and the CLI', async (t) => {
  const files = generated();
  if (files.length === 0) return t.skip('no generated fixtures');
  const cli = cliCheck(files.map((f) => path.join(GEN, f)));
  const o = await open();
  for (const [i, f] of files.entries()) {
    const truth = truthOf(f);
    const before = await dropFile(o.page, path.join(GEN, f));
    const got = await waitChecked(o.page, before);
    assert.ok(got.report, `${f}: ${got.msg}`);
    assert.deepEqual(tables(got.report), truthTables(truth), `${f}: values`);
    assert.deepEqual(tables(cli[i]), truthTables(truth), `${f}: CLI values`);
    assert.deepEqual(codes(got.report.diagnostics.map((d) => d.code)), codes(cli[i].diagnostics.map((d) => d.code)), `${f}: findings as the CLI's`);
  }
  await close(o);
});

/** The drawn tables: every cell's shown value by its key (table|row|column). */
async function drawnCells(page) {
  return page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('td[data-cell]'))
    .map((td) => [td.dataset.cell, td.querySelector('.val') ? td.querySelector('.val').textContent : null])));
}

/** The truth's cells as the page writes them (fmtValue in static/app.js). */
function truthCells(truth) {
  const shown = (v) => (v === null ? '（空）' : String(v));
  const out = {};
  for (const [row, cols] of Object.entries(truth.t2)) for (const [col, v] of Object.entries(cols)) out[`t2|${row}|${col}`] = shown(v);
  for (const [row, vals] of Object.entries(truth.t3.rows)) vals.forEach((v, i) => { out[`t3|${row}|${truth.t3.columns[i]}`] = shown(v); });
  for (const [block, cols] of Object.entries(truth.t4)) for (const [col, v] of Object.entries(cols)) out[`t4|${block}|${col}`] = shown(v);
  return out;
}

const PRINTED = path.join(GEN, 'printed');

test('PDFs printed from web pages and exported from Word dropped: the drawn tables show every value of the truth, as the CLI reads them', async (t) => {
  // Tables split over pages with repeated or single headers, rows cut by page breaks, wrapped
  // and spread labels, wrapped numbers, running headers and footers (tests/printed.rs).
  if (!fs.existsSync(PRINTED)) return t.skip('no printed fixtures');
  const files = fs.readdirSync(PRINTED).filter((f) => f.endsWith('.pdf')).sort();
  assert.ok(files.length >= 8, 'printed fixtures');
  const cli = cliCheck(files.map((f) => path.join(PRINTED, f)));
  // The findings of the same reports as web pages: the true ones.
  const web = cliCheck(files.map((f) => path.join(PRINTED, `${f.split('.')[0]}.html`)));
  const o = await open();
  for (const [i, f] of files.entries()) {
    const truth = JSON.parse(fs.readFileSync(path.join(PRINTED, `${f.split('.')[0]}.truth.json`), 'utf8'));
    const before = await dropFile(o.page, path.join(PRINTED, f), 'application/pdf');
    const got = await waitChecked(o.page, before);
    assert.ok(got.report, `${f}: ${got.msg}`);
    assert.equal(got.report.input_form, 'pdf', f);
    assert.deepEqual(tables(got.report), truthTables(truth), `${f}: values`);
    assert.deepEqual(tables(cli[i]), truthTables(truth), `${f}: CLI values`);
    assert.deepEqual(codes(got.report.diagnostics.map((d) => d.code)), codes(cli[i].diagnostics.map((d) => d.code)), `${f}: findings as the CLI's`);
    assert.deepEqual(codes(got.report.diagnostics.map((d) => d.code)), codes(web[i].diagnostics.map((d) => d.code)), `${f}: findings as the web page's`);
    const drawn = await drawnCells(o.page);
    const want = truthCells(truth);
    const shown = Object.fromEntries(Object.keys(want).map((k) => [k, drawn[k]]));
    assert.deepEqual(shown, want, `${f}: the drawn tables show the truth's values`);
    if (i === 0) await shot(o.page, `pdf-printed-${f.replace(/\.pdf$/, '')}.png`, { fullPage: false });
  }
  await close(o);
});

test('GBK text, UTF-8 with a BOM, a GB2312 web page and a portal page around the report dropped read exactly', async () => {
  const cases = [['hongzequ_2023.gbk.txt', 'hongzequ_2023'], ['huaian_2024.bom.txt', 'huaian_2024'], ['testcity_2025.gb2312.html', 'testcity_2025'],
    ['testcity_2025.portal.html', 'testcity_2025']];
  const o = await open();
  for (const [file, name] of cases) {
    const truth = JSON.parse(fs.readFileSync(path.join(TRUTH, `${name}.json`), 'utf8'));
    const before = await dropFile(o.page, path.join(GEN, 'enc', file));
    const got = await waitChecked(o.page, before);
    assert.ok(got.report, `${file}: ${got.msg}`);
    assert.ok(!got.shownText.includes('\ufffd'), `${file}: decoded`);
    assert.deepEqual(tables(got.report), truthTables(truth), `${file}: values`);
    assert.deepEqual(codes(got.report.diagnostics.map((d) => d.code)), codes(truth.true_problems.map((p) => p.rule)), `${file}: findings`);
  }
  await close(o);
});

test('what cannot be read gets a clear message', async (t) => {
  const o = await open();
  const cases = [
    ['scanned.pdf', /文字识别|OCR/, /没有上传/],
    ['encrypted.pdf', /加密/, /密码/],
    ['damaged.pdf', /损坏/, /PDF/],
    ['legacy.doc', /\.docx/, /PDF/],
    ['bomb.docx', /过大|解压/, /docx/],
  ];
  let seen = 0;
  for (const [name, re1, re2] of cases) {
    const file = path.join(GEN, 'bad', name);
    if (!fs.existsSync(file)) continue;
    seen += 1;
    const before = await dropFile(o.page, file);
    const got = await waitChecked(o.page, before);
    assert.match(got.msg, re1, name);
    assert.match(got.msg, re2, name);
  }
  if (seen === 0) t.skip('no bad-file fixtures');
  await close(o);
});

test('benchmark: a 20-page PDF checked in the page', async (t) => {
  const file = path.join(GEN, 'long20.pdf');
  if (!fs.existsSync(file)) return t.skip('no 20-page fixture');
  const o = await open();
  const times = [];
  for (let k = 0; k < 3; k++) {
    const t0 = Date.now();
    const before = await dropFile(o.page, file, 'application/pdf');
    const got = await waitChecked(o.page, before);
    times.push({ wall: Date.now() - t0, inPage: Math.round(got.lastFile.ms), pages: got.lastFile.pages });
  }
  const out = path.join(ROOT, 'test-results/pdf-bench.json');
  fs.writeFileSync(out, JSON.stringify(times, null, 2));
  console.log('20-page PDF in the page:', JSON.stringify(times));
  assert.equal(times[0].pages, 20);
  assert.ok(times[1].wall < 2000, `a 20-page PDF is checked in under 2 s (warm): ${JSON.stringify(times)}`);
  await close(o);
});
