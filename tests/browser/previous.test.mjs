// The page's two-report mode: last year's report in the optional second box (「上年度年报（可选）」)
// makes every check compare with it (X01–X03). Expected values come from the CLI on the same
// files: `nianbao check --format json --previous LAST_YEAR THIS_YEAR`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SHARED, cliBinary, startServer, launch, openPage, pasteText, shown, codeCounts, spanText, shot, ensureResults } from './helpers.mjs';

const THIS_FILE = path.join(SHARED, 'fixtures/real/hongzequ_2024.txt');
const PREV_FILE = path.join(SHARED, 'fixtures/real/hongzequ_2023.txt');
const THIS = fs.readFileSync(THIS_FILE, 'utf8');
const PREV = fs.readFileSync(PREV_FILE, 'utf8');

let server;
let origin;
let browser;
let tmp;

before(async () => {
  ensureResults();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-prev-'));
  const s = await startServer();
  server = s.server;
  origin = s.url;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The CLI's report for THIS_FILE checked against `prevFile`. */
function cliWithPrevious(prevFile, thisFile = THIS_FILE) {
  const res = spawnSync(cliBinary(), ['check', '--format', 'json', '--previous', prevFile, thisFile], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120000,
  });
  if (res.error) throw res.error;
  const out = JSON.parse(res.stdout);
  return Array.isArray(out) ? out[0] : out;
}

/** Put last year's text into the second box and wait until the page has compared with it. */
async function pastePrevious(page, text) {
  await page.fill('#prev-text', text);
  await page.waitForFunction(() => {
    const ta = document.getElementById('text');
    const pv = document.getElementById('prev-text');
    const want = pv.value.trim() === '' ? '' : pv.value;
    return window.__nianbao.text === ta.value && window.__nianbao.previousText === want;
  }, null, { timeout: 20000 });
}

function assertSameAsCli(got, cli, label) {
  assert.equal(got.errors, cli.summary.errors, `${label}: errors`);
  assert.equal(got.warnings, cli.summary.warnings, `${label}: warnings`);
  assert.equal(got.infos, cli.summary.infos, `${label}: infos`);
  assert.deepEqual(got.groups, codeCounts(cli), `${label}: codes and counts`);
}

function xCounts(counts) {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => k.startsWith('X')));
}

function highlighted(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#source-text .current')).map((e) => e.textContent).join(''));
}

function spansText(text, spans) {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ ...s })).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged.map((s) => spanText(text, s)).join('');
}

/** Last year's text changed so that X01 and X02 must fire: 结转下年度 (first column) + 2 and
 *  行政规范性文件 现行有效件数 + 1. */
function modifiedPrevious() {
  let n = 0;
  const out = PREV
    .replace(/(四、结转下年度继续办理\s+)(\d+)/, (_, a, v) => { n++; return a + (Number(v) + 2); })
    .replace(/(行政规范性文件\s+\d+\s+\d+\s+)(\d+)/, (_, a, v) => { n++; return a + (Number(v) + 1); });
  assert.equal(n, 2, 'both rows of last year\'s report were changed');
  return out;
}

test('last year\'s report: compared on every check, X findings as the CLI gives them, highlights exact, cleared again', async () => {
  const o = await openPage(browser, origin);
  const { page } = o;

  // The panel is folded at first, opens from the keyboard, and its box has a label.
  assert.equal(await page.getAttribute('#prev-panel', 'open'), null, 'the panel starts folded');
  await page.focus('#prev-summary');
  await page.keyboard.press('Enter');
  assert.notEqual(await page.getAttribute('#prev-panel', 'open'), null, 'Enter opens the panel');
  assert.equal(await page.getByLabel('粘贴上年度报告全文').count(), 1, 'the second box has a label');

  // Without last year's report: no comparison.
  await pasteText(page, THIS);
  assert.equal(await page.getAttribute('#status', 'data-previous'), 'off');
  assert.doesNotMatch(await page.textContent('#status'), /已对照上年度报告/);

  // The real 2023 report: the tables carry over (no X01/X02), the summary says it compared.
  const cliOk = cliWithPrevious(PREV_FILE);
  await pastePrevious(page, PREV);
  let got = await shown(page);
  assertSameAsCli(got, cliOk, 'hongzequ 2024 vs 2023');
  assert.equal(got.groups.X01, undefined, 'no X01');
  assert.equal(got.groups.X02, undefined, 'no X02');
  assert.equal(await page.getAttribute('#status', 'data-previous'), 'on');
  assert.match(await page.textContent('#status'), /已对照上年度报告/);
  assert.match(await page.textContent('#prev-summary'), /已放入/, 'the folded panel says it is in use');

  // A changed 2023 report: X01 and X02 fire, exactly as the CLI says.
  const prevFile = path.join(tmp, 'hongzequ_2023_changed.txt');
  fs.writeFileSync(prevFile, modifiedPrevious());
  const cliBad = cliWithPrevious(prevFile);
  const want = codeCounts(cliBad);
  assert.ok(want.X01 >= 1 && want.X02 >= 1, 'the CLI reports X01 and X02 for the changed report');
  await pastePrevious(page, fs.readFileSync(prevFile, 'utf8'));
  got = await shown(page);
  assertSameAsCli(got, cliBad, 'hongzequ 2024 vs changed 2023');
  assert.deepEqual(xCounts(got.groups), xCounts(want), 'same X codes and counts');

  // Clicking each X finding highlights exactly its characters in this year's text.
  const report = await page.evaluate(() => window.__nianbao.report);
  assert.deepEqual(report.diagnostics.map((d) => d.code), cliBad.diagnostics.map((d) => d.code), 'same findings in the same order');
  for (let i = 0; i < cliBad.diagnostics.length; i++) {
    const d = cliBad.diagnostics[i];
    if (!d.code.startsWith('X')) continue;
    await page.click(`.finding[data-f="${i}"] .finding-go`);
    const hl = await highlighted(page);
    assert.equal(hl, spansText(THIS, d.spans), `${d.code}: highlighted characters`);
    assert.ok(hl.length > 0, `${d.code}: something is highlighted`);
  }
  await page.click('.finding[data-code="X01"] .finding-go');
  await page.waitForTimeout(150);
  await shot(page, '20-previous-x01.png');

  // 清除: the X findings go, the comparison is off.
  await page.click('#prev-clear');
  await pastePrevious(page, '');
  got = await shown(page);
  assert.deepEqual(xCounts(got.groups), {}, 'no X findings after 清除');
  assert.equal(await page.getAttribute('#status', 'data-previous'), 'off');
  assert.doesNotMatch(await page.textContent('#status'), /已对照上年度报告/);

  // Last year's report from a file (picker): read through the same path as the main input.
  await page.setInputFiles('#prev-file', prevFile);
  await page.waitForFunction(() => window.__nianbao.previousText !== '', null, { timeout: 20000 });
  got = await shown(page);
  assert.deepEqual(xCounts(got.groups), xCounts(want), 'from a file: same X codes and counts');
  assert.match(await page.textContent('#prev-msg'), /hongzequ_2023_changed\.txt/);

  assert.deepEqual(o.errors, [], 'no errors in the page console');
  await o.context.close();
});
