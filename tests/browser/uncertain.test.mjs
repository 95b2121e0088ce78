// Cells the reader is unsure of (`"certain": false` with a `reason` in the JSON): the page's
// tables mark them 请核对 (a style of their own, never the error one, the reason as tooltip and
// in what screen readers hear), the reading notes (P01, P02, P04) list them with links to the
// tables, and the exports (CSV, JSON, the printed sheet) say so too.
// Inputs: generated reports in tests/data/uncertain/ (see its README); what is uncertain comes
// from the CLI's JSON on the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, cliCheck, startServer, launch, openPage, pasteText, shown, codeCounts, shot, ensureResults } from './helpers.mjs';

const DIR = path.join(ROOT, 'tests/data/uncertain');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(DIR, f));
const SAMPLE_FILE = path.join(ROOT, 'static/sample.txt');
const NOTES = new Set(['P01', 'P02', 'P04']);

let server;
let origin;
let browser;

before(async () => {
  ensureResults();
  const s = await startServer();
  server = s.server;
  origin = s.url;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/** Every cell of a report: [key, cell] with key "t3|row|column" (as the page's data-cell). */
function cellsOf(r) {
  const out = [];
  for (const t of ['t2', 't2_2019', 't4']) for (const [row, cols] of Object.entries(r[t] || {})) for (const [col, cell] of Object.entries(cols)) out.push([`${t}|${row}|${col}`, cell]);
  if (r.t3) for (const [row, cells] of Object.entries(r.t3.rows)) cells.forEach((cell, i) => out.push([`t3|${row}|${r.t3.columns[i]}`, cell]));
  return out;
}

/** Cells a finding of the CLI shows as wrong (a suspect, or a total with no suspect). */
function wrongKeys(r) {
  const keys = new Set();
  for (const d of r.diagnostics) {
    const cells = d.cells || [];
    const hasSuspect = cells.some((c) => c.role === 'suspect');
    for (const c of cells) if (c.role === 'suspect' || (c.role === 'total' && !hasSuspect)) keys.add(`${c.table}|${c.row}|${c.column}`);
  }
  return keys;
}

/** A CSV as the page writes it (BOM, CRLF, quoted fields). */
function parseCsv(s) {
  s = s.replace(/^\ufeff/, '');
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return fs.readFileSync(await dl.path(), 'utf8');
}

test('uncertain cells are marked 请核对 in the tables (not as errors), with the reason, and linked from their reading note', async () => {
  assert.ok(FILES.length >= 2, 'the generated inputs are there');
  const cli = cliCheck([...FILES, SAMPLE_FILE]);
  const o = await openPage(browser, origin);
  for (const [n, file] of [...FILES, SAMPLE_FILE].entries()) {
    const name = path.basename(file);
    const r = cli[n];
    const text = fs.readFileSync(file, 'utf8');
    await pasteText(o.page, text);
    assert.deepEqual((await shown(o.page)).groups, codeCounts(r), `${name}: the same findings as the CLI`);
    const unsure = cellsOf(r).filter(([, c]) => c.certain === false);
    if (file !== SAMPLE_FILE) assert.ok(unsure.length > 0, `${name} has no uncertain cells any more (tests/data/uncertain/README.md)`);
    const wrong = wrongKeys(r);
    const got = await o.page.evaluate(() => Array.from(document.querySelectorAll('#tables td.v')).map((td) => ({
      key: td.dataset.cell,
      cls: td.className,
      title: td.title,
      chk: td.querySelector('.chk') ? td.querySelector('.chk').textContent : null,
      label: td.querySelector('.cellbtn') ? td.querySelector('.cellbtn').getAttribute('aria-label') : '',
      outline: td.querySelector('.cellbtn') ? getComputedStyle(td.querySelector('.cellbtn')).outlineStyle : '',
    })));
    const byKey = new Map(got.map((x) => [x.key, x]));
    assert.deepEqual(got.filter((x) => /\bunsure\b/.test(x.cls)).map((x) => x.key).sort(), unsure.map(([k]) => k).sort(),
      `${name}: exactly the uncertain cells are marked 请核对`);
    for (const [key, cell] of unsure) {
      const td = byKey.get(key);
      assert.ok(cell.reason, `${name} ${key}: the core gives a reason`);
      assert.equal(td.chk, '请核对', `${name} ${key}: says 请核对 in words`);
      assert.equal(td.title, `请核对：${cell.reason}`, `${name} ${key}: the reason as its tooltip`);
      assert.ok(td.label.includes(`请核对：${cell.reason}`), `${name} ${key}: and for screen readers`);
      assert.equal(td.outline, 'dashed', `${name} ${key}: a dashed outline`);
      // Never shown as an error on account of being uncertain: red only when a finding names it
      // (T06 for text in the cell, say), and no arithmetic finding does.
      assert.equal(/\bwrong\b/.test(td.cls), wrong.has(key), `${name} ${key}: marked wrong only where a finding says so`);
      assert.ok(!/\bpart\b/.test(td.cls), `${name} ${key}: in no failed sum`);
      for (const d of r.diagnostics) {
        if (d.code.startsWith('A')) assert.ok(!(d.cells || []).some((c) => `${c.table}|${c.row}|${c.column}` === key), `${name} ${key}: no ${d.code} on it`);
      }
    }
    // The reading notes list the cells they are about, each a link to the cell in the tables.
    const links = await o.page.evaluate(() => Array.from(document.querySelectorAll('#findings-list .cell-link')).map((b) => ({
      key: b.dataset.cell, code: b.closest('.finding').dataset.code, text: b.textContent, title: b.title,
    })));
    assert.deepEqual(links.map((l) => l.key).sort(), unsure.map(([k]) => k).sort(), `${name}: every uncertain cell is listed under a reading note`);
    for (const l of links) {
      assert.ok(NOTES.has(l.code), `${name} ${l.key}: under ${l.code}, a reading note`);
      assert.match(l.text, /^表[二三四] /, `${name} ${l.key}: named as in the tables (${l.text})`);
      assert.equal(l.title, Object.fromEntries(unsure)[l.key].reason);
    }
    if (links.length) {
      const key = links[links.length - 1].key;
      await o.page.click(`#findings-list .cell-link[data-cell="${key}"]`);
      const at = await o.page.evaluate(() => ({
        active: Array.from(document.querySelectorAll('td.active')).map((td) => td.dataset.cell),
        focus: document.activeElement && document.activeElement.closest('td') ? document.activeElement.closest('td').dataset.cell : null,
      }));
      assert.deepEqual(at, { active: [key], focus: key }, `${name}: the link shows the cell in the tables`);
      await o.page.locator('#tables').screenshot({ path: path.join(ROOT, `test-results/uncertain-${name.replace(/\.txt$/, '')}.png`) });
    }
  }
  assert.ok(await o.page.isVisible('#tables .legend.unsure'), 'the legend explains 请核对');
  assert.deepEqual(o.errors, [], 'no errors in the page console');
  await o.context.close();
});

test('the exports mark the uncertain cells: CSV column 请核对的格, JSON uncertain_cells, the printed sheet', async () => {
  const file = FILES.find((f) => f.endsWith('md-damaged-7.txt')) || FILES[0];
  const [r] = cliCheck([file]);
  const unsure = cellsOf(r).filter(([, c]) => c.certain === false);
  assert.ok(unsure.length > 0, `${path.basename(file)} has uncertain cells`);
  const o = await openPage(browser, origin);
  await pasteText(o.page, fs.readFileSync(file, 'utf8'));

  const json = JSON.parse(await download(o.page, '#export-json'));
  assert.deepEqual(json.uncertain_cells.map((c) => `${c.table}|${c.row}|${c.column}`).sort(), unsure.map(([k]) => k).sort(), 'JSON: every uncertain cell');
  for (const c of json.uncertain_cells) {
    const cell = Object.fromEntries(unsure)[`${c.table}|${c.row}|${c.column}`];
    assert.equal(c.reason, cell.reason);
    assert.deepEqual(c.value, cell.value);
    assert.ok(NOTES.has(json.findings[c.finding - 1].code), `JSON: ${c.name} points at its reading note`);
  }

  const csv = parseCsv(await download(o.page, '#export-csv'));
  const head = csv[0];
  const col = head.indexOf('请核对的格');
  assert.ok(col > 0, 'CSV: a column 请核对的格');
  assert.equal(csv.length - 1, r.diagnostics.length, 'CSV: one row per finding (every uncertain cell has a note here)');
  for (const [key, cell] of unsure) {
    const rows = csv.slice(1).filter((x) => x[col].includes(cell.reason));
    assert.ok(rows.length > 0, `CSV: ${key} is listed with its reason`);
    assert.ok(rows.every((x) => NOTES.has(x[head.indexOf('代码')])), `CSV: ${key} in a reading note's row`);
  }
  for (const x of csv.slice(1)) if (!NOTES.has(x[head.indexOf('代码')])) assert.equal(x[col], '', 'CSV: other findings list no cells');

  // The printed review sheet keeps the marking: the words, and a dotted border.
  await o.page.emulateMedia({ media: 'print' });
  const printed = await o.page.evaluate(() => Array.from(document.querySelectorAll('td.v.unsure')).map((td) => ({
    border: getComputedStyle(td).borderTopStyle,
    words: td.querySelector('.chk').getClientRects().length > 0 ? td.querySelector('.chk').textContent : '',
  })));
  assert.equal(printed.length, unsure.length);
  for (const p of printed) assert.deepEqual(p, { border: 'dotted', words: '请核对' }, 'printed: dotted, with the words');
  await o.page.emulateMedia({ media: 'screen' });
  assert.deepEqual(o.errors, [], 'no errors in the page console');
  await o.context.close();
});
