// What an office copies, run from the copy: the widget's folder alone (a portal copies
// dist/widget/ and nothing else, so every file the widget needs must be in it), and the page
// unpacked from the intranet zip (scripts/package-intranet.sh). Both under the strict CSP,
// with every request recorded; expected values come from the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, DIST, cliCheckText, codeCounts, launch } from './helpers.mjs';
import { serveDir } from '../../scripts/serve.mjs';
import { STRICT_CSP, watchedContext, watchedPage, assertClean, pageCheck, widgetShown } from './deploy-helpers.mjs';

const DIR = path.resolve(process.env.NIANBAO_DIST || DIST);
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');
let browser;
let tmp;

before(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-copies-'));
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the widget folder copied alone into a portal works, and fetches only from its folder', async () => {
  const root = path.join(tmp, 'portal');
  fs.mkdirSync(path.join(root, 'static'), { recursive: true });
  fs.cpSync(path.join(DIR, 'widget'), path.join(root, 'static/nianbao'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title>
<script type="module" src="static/nianbao/nianbao-checker.js"></script></head>
<body><nianbao-checker></nianbao-checker></body></html>`);
  const { server, url } = await serveDir(root, 0);
  try {
    const cli = cliCheckText(SAMPLE);
    const { context, log } = await watchedContext(browser, url, { csp: STRICT_CSP });
    const failed = [];
    context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const page = await watchedPage(context, log);
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('nianbao-checker')?.shadowRoot?.querySelector('.summary').dataset.state === 'empty', null, { timeout: 30000 });
    await page.evaluate((t) => { document.querySelector('nianbao-checker').value = t; }, SAMPLE);
    await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelectorAll('.group').length > 0, null, { timeout: 20000 });
    const got = await widgetShown(page);
    assert.deepEqual(got.groups, codeCounts(cli));
    assert.deepEqual([got.errors, got.warnings, got.infos], [cli.summary.errors, cli.summary.warnings, cli.summary.infos]);
    await assertClean(page, log, 'the widget folder alone');
    assert.deepEqual(failed, [], 'every file the widget asked for is in its folder');
    const asked = log.requests.filter((u) => u !== url).map((u) => u.slice(url.length));
    assert.ok(asked.includes('static/nianbao/shared.js'), 'the shared module came from the widget folder');
    assert.deepEqual(asked.filter((u) => !u.startsWith('static/nianbao/') && u !== 'favicon.ico'), [], 'nothing outside the widget folder');
    await context.close();
  } finally {
    server.close();
  }
});

test('the page unpacked from the intranet zip works under the strict CSP', async () => {
  const zip = path.join(tmp, 'nianbao-intranet.zip');
  const made = spawnSync('bash', ['scripts/package-intranet.sh', zip], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const out = path.join(tmp, 'unzipped');
  const un = spawnSync('unzip', ['-q', zip, '-d', out], { encoding: 'utf8' });
  assert.equal(un.status, 0, un.stderr);
  const { server, url } = await serveDir(path.join(out, 'nianbao'), 0);
  try {
    const cli = cliCheckText(SAMPLE);
    const { context, log } = await watchedContext(browser, url, { csp: STRICT_CSP });
    const failed = [];
    context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const page = await watchedPage(context, log);
    await page.goto(url);
    await pageCheck(page, SAMPLE);
    const groups = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#findings-list .group')]
      .map((g) => [g.dataset.code, Number(g.querySelector('.gcount').dataset.count)])));
    assert.deepEqual(groups, codeCounts(cli));
    await page.locator('#findings-list .finding-go').first().click();
    assert.ok(await page.evaluate(() => document.querySelectorAll('#source-text .current').length > 0), 'a finding is found in the text');
    await assertClean(page, log, 'the page from the zip');
    assert.deepEqual(failed, [], 'every file the page asked for is in the zip');
    assert.ok(log.requests.some((u) => /\/js-[0-9a-f]{16}\/render\.js$/.test(u)), 'the page loaded its modules');
    await context.close();
  } finally {
    server.close();
  }
});
