// dist/nianbao.html, the single self-contained file (scripts/build-extras.mjs): opened from
// file:// in Chromium, with every network request refused, it checks a pasted report exactly as
// the CLI does, and the 示例 button works. It stays one file: copied alone to another folder
// (as when e-mailed), it works the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, cliCheckText, codeCounts, launch, shot, ensureResults } from './helpers.mjs';
import { pageCheck } from './deploy-helpers.mjs';

const DIR = process.env.NIANBAO_DIST || DIST;
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');
let browser;
let tmp;

before(async () => {
  ensureResults();
  browser = await launch();
  // As received by e-mail: the file alone, in a folder with nothing else.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-mail-'));
  fs.copyFileSync(path.join(DIR, 'nianbao.html'), path.join(tmp, '年报检查.html'));
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('nianbao.html works from file://, alone in a folder, with no network at all', async () => {
  const cli = cliCheckText(SAMPLE);
  const html = fs.readFileSync(path.join(tmp, '年报检查.html'), 'utf8');
  assert.doesNotMatch(html, /<(script|link)\b[^>]*\b(src|href)="(?!data:)/, 'no script or stylesheet refers to another file');

  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const requests = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const url = pathToFileURL(path.join(tmp, '年报检查.html')).href;
  await page.goto(url);
  await pageCheck(page, SAMPLE);
  const got = await page.evaluate(() => {
    const groups = {};
    for (const g of document.querySelectorAll('#findings-list .group')) groups[g.dataset.code] = Number(g.querySelector('.gcount').dataset.count);
    const n = (sev) => Number(document.querySelector(`#counts [data-sev="${sev}"] .n`).textContent);
    return { groups, errors: n('error'), warnings: n('warning'), infos: n('info'),
      styled: getComputedStyle(document.querySelector('main')).display,
      cssRules: [...document.styleSheets].reduce((k, s) => k + s.cssRules.length, 0) };
  });
  assert.deepEqual(got.groups, codeCounts(cli));
  assert.deepEqual([got.errors, got.warnings, got.infos], [cli.summary.errors, cli.summary.warnings, cli.summary.infos]);
  assert.ok(got.cssRules > 50, 'the page\'s styles are inlined and applied');

  // The 示例 button: the sample is inside the file too.
  await page.click('#clear');
  await page.click('#sample-btn');
  await page.waitForFunction(() => window.__nianbao.report && window.__nianbao.text.length > 100, null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('text').value), SAMPLE.replace(/\r\n/g, '\n'));
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#findings-list .group')].map((g) => g.dataset.code).sort()),
    Object.keys(codeCounts(cli)).sort());

  await shot(page, 'single-file.png');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no network request');
  assert.deepEqual(requests.filter((u) => u.startsWith('file:') && u !== url), [], 'no other file read');
  assert.deepEqual(errors, []);
  await context.close();
});
