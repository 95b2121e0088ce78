// Hosting under a sub-path (/tools/nianbao/), as an office's intranet server would: the page,
// the widget example and the single file all find their files relative to themselves, and
// nothing is requested outside the sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, cliCheckText, codeCounts, launch } from './helpers.mjs';
import { serveDir } from '../../scripts/serve.mjs';
import { STRICT_CSP, watchedContext, watchedPage, assertClean, pageCheck, widgetShown } from './deploy-helpers.mjs';

const DIR = path.resolve(process.env.NIANBAO_DIST || DIST);
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');
let server;
let origin;
let base;
let browser;
let tmp;

before(async () => {
  // A web root whose only content is the build at tools/nianbao/.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-root-'));
  fs.mkdirSync(path.join(tmp, 'tools'));
  fs.symlinkSync(DIR, path.join(tmp, 'tools/nianbao'), 'dir');
  const s = await serveDir(tmp, 0);
  server = s.server;
  origin = s.url;
  base = `${origin}tools/nianbao/`;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function outside(requests) {
  return requests.filter((u) => u.startsWith(origin) && !u.startsWith(base));
}

test('the page, the widget and the single file work from /tools/nianbao/', async () => {
  const cli = cliCheckText(SAMPLE);
  const { context, log } = await watchedContext(browser, origin, { csp: STRICT_CSP });
  const failed = [];
  context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const page = await watchedPage(context, log);

  await page.goto(base);
  await pageCheck(page, SAMPLE);
  const groups = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#findings-list .group')]
    .map((g) => [g.dataset.code, Number(g.querySelector('.gcount').dataset.count)])));
  assert.deepEqual(groups, codeCounts(cli));
  await page.click('#sample-btn');
  await page.waitForFunction(() => window.__nianbao.report && window.__nianbao.text.length > 100, null, { timeout: 20000 });
  await assertClean(page, log, 'page at /tools/nianbao/');

  await page.goto(`${base}embed.html`);
  await page.click('#load-sample');
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelectorAll('.group').length > 0, null, { timeout: 20000 });
  assert.deepEqual((await widgetShown(page)).groups, codeCounts(cli));
  await assertClean(page, log, 'embed.html at /tools/nianbao/');

  assert.deepEqual(failed, [], 'every request found its file');
  assert.deepEqual(outside(log.requests), [], 'nothing requested outside /tools/nianbao/');
  assert.ok(log.requests.some((u) => u === `${base}widget/nianbao_bg.wasm`), 'the widget found its wasm next to its script');
  await context.close();

  // The single file, served rather than opened (no CSP header: it is the file:// version).
  const c2 = await watchedContext(browser, origin);
  const p2 = await watchedPage(c2.context, c2.log);
  await p2.goto(`${base}nianbao.html`);
  await pageCheck(p2, SAMPLE);
  assert.deepEqual(outside(c2.log.requests), []);
  assert.deepEqual(c2.log.requests.filter((u) => u.startsWith(base) && u !== `${base}nianbao.html` && !u.endsWith('favicon.ico')), [], 'the single file fetches nothing');
  await assertClean(p2, c2.log, 'nianbao.html at /tools/nianbao/');
  await c2.context.close();
});
