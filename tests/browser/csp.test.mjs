// The page and the widget under a strict Content-Security-Policy header
// (`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`): no inline
// script or style, no eval. Every `securitypolicyviolation` event and console error counts.
// And without WebAssembly (old browsers), both say so in plain Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, cliCheckText, codeCounts, launch } from './helpers.mjs';
import { serveDir } from '../../scripts/serve.mjs';
import { STRICT_CSP, watchedContext, watchedPage, assertClean, pageCheck, widgetShown } from './deploy-helpers.mjs';

const DIR = process.env.NIANBAO_DIST || DIST;
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');

let server;
let origin;
let browser;

before(async () => {
  const s = await serveDir(DIR, 0);
  server = s.server;
  origin = s.url;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

test('the page works under the strict CSP header with zero violations', async () => {
  const cli = cliCheckText(SAMPLE);
  const { context, log } = await watchedContext(browser, origin, { csp: STRICT_CSP });
  const page = await watchedPage(context, log);
  const resp = await page.goto(origin);
  assert.equal(resp.headers()['content-security-policy'], STRICT_CSP, 'the header is sent');
  await pageCheck(page, SAMPLE);
  const got = await page.evaluate(() => {
    const groups = {};
    for (const g of document.querySelectorAll('#findings-list .group')) groups[g.dataset.code] = Number(g.querySelector('.gcount').dataset.count);
    return { groups, marks: document.querySelectorAll('#source-text mark, #source-text .mark, #source-text [data-i]').length };
  });
  assert.deepEqual(got.groups, codeCounts(cli));
  // The sample button (fetch), the tables, a finding's click and the tooltip all run too.
  await page.click('#clear');
  await page.click('#sample-btn');
  await page.waitForFunction(() => window.__nianbao.report && window.__nianbao.text.length > 100, null, { timeout: 20000 });
  await page.locator('#findings-list .finding').first().click();
  // The stylesheets were applied (not blocked): the page's layout is there.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('header.site')).display), 'inline');
  assert.ok(await page.evaluate(() => document.styleSheets.length >= 2));
  await assertClean(page, log, 'page');
  await context.close();
});

test('the widget (embed.html) works under the strict CSP header with zero violations', async () => {
  const cli = cliCheckText(SAMPLE);
  const { context, log } = await watchedContext(browser, origin, { csp: STRICT_CSP });
  const page = await watchedPage(context, log);
  await page.goto(`${origin}embed.html`);
  await page.waitForFunction(() => document.querySelector('nianbao-checker')?.shadowRoot?.querySelector('.summary').dataset.state === 'empty', null, { timeout: 30000 });
  await page.click('#load-sample');
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelectorAll('.group').length > 0, null, { timeout: 20000 });
  assert.deepEqual((await widgetShown(page)).groups, codeCounts(cli));
  // Its stylesheet (a <link> in the shadow root) is allowed by style-src 'self' and applied.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('nianbao-checker').shadowRoot.querySelector('.nb')).borderTopWidth), '1px');
  await page.click('#api-check');
  await page.waitForFunction(() => document.getElementById('api-out').textContent !== '');
  await assertClean(page, log, 'widget');
  await context.close();
});

test('the strict CSP would catch an inline script: the listener is live', async () => {
  // Guards the two tests above against passing because violations go unseen.
  const { context, log } = await watchedContext(browser, origin, {
    csp: STRICT_CSP,
    pages: { 'bad.html': '<!doctype html><meta charset="utf-8"><p style="color:red">x</p><script>window.ran = 1</script>' },
  });
  const page = await watchedPage(context, log);
  await page.goto(`${origin}bad.html`);
  await page.waitForFunction(() => window.__cspViolations.length >= 2);
  assert.equal(await page.evaluate(() => window.ran), undefined);
  assert.ok(log.errors.some((e) => /Content Security Policy/.test(e)), 'CSP errors reach the console listener');
  await context.close();
});

test('without WebAssembly the page and the widget say so in plain Chinese', async () => {
  const { context, log } = await watchedContext(browser, origin, { csp: STRICT_CSP });
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await watchedPage(context, log);
  await page.goto(origin);
  await page.waitForFunction(() => /WebAssembly/.test(document.querySelector('#status .status-text').textContent), null, { timeout: 20000 });
  const pageMsg = await page.textContent('#status .status-text');
  assert.match(pageMsg, /您的浏览器不支持 WebAssembly，无法运行年报检查。请改用新版的 Chrome、Edge、Firefox/);

  await page.goto(`${origin}embed.html`);
  await page.waitForFunction(() => document.querySelector('nianbao-checker')?.shadowRoot?.querySelector('.state-fail'), null, { timeout: 20000 });
  const w = await page.evaluate(() => {
    const root = document.querySelector('nianbao-checker').shadowRoot;
    return { text: root.querySelector('.state').textContent, visible: !root.querySelector('.nb').hidden };
  });
  assert.match(w.text, /您的浏览器不支持 WebAssembly/);
  assert.ok(w.visible);
  assert.equal(await page.textContent('#form-status'), w.text, 'the portal hears it too (nianbao-error)');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});
