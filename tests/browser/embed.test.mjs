// The <nianbao-checker> web component (static/widget/, built into dist/widget/): embedded in a
// foreign page whose global CSS is hostile, it still renders as designed, keeps its CSS to
// itself, and emits the same results as the CLI; the JS API and embed.html, the live example;
// the `ignore` attribute (rules switched off by code, as the CLI's --ignore).
// Expected values come from the CLI on the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { ROOT, DIST, cliBinary, cliCheckText, codeCounts, launch, shot, ensureResults } from './helpers.mjs';
import { serveDir } from '../../scripts/serve.mjs';
import { watchedContext, watchedPage, assertClean, widgetShown } from './deploy-helpers.mjs';

const DIR = process.env.NIANBAO_DIST || DIST;
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');

let server;
let origin;
let browser;

before(async () => {
  ensureResults();
  assert.ok(fs.existsSync(path.join(DIR, 'widget/nianbao-checker.js')), 'dist/widget/ is built (scripts/build-page.sh)');
  const s = await serveDir(DIR, 0);
  server = s.server;
  origin = s.url;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

// A portal with the kind of global CSS that wrecks embedded widgets.
const HOSTILE_CSS = `
  html { font-size: 40px; }
  * { color: #f0f !important; font: italic 700 31px/3 "Comic Sans MS", cursive !important;
      letter-spacing: 6px !important; text-transform: uppercase !important; text-align: right !important;
      background: #0f0 !important; box-sizing: content-box !important; }
  div, ul, li, pre, mark, details, summary, button, span, textarea, label, link {
      display: none !important; border: 9px dashed red !important; margin: 50px !important; padding: 40px !important; }
  .portal-probe { display: block !important; }
`;
// The portal's CSS is in a stylesheet of its own (same origin), its page has a textarea and a
// mark of its own (to see that the widget's CSS does not reach them).
function hostilePortal() {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title>
<link rel="stylesheet" href="hostile.css">
<script type="module" src="widget/nianbao-checker.js"></script>
<script type="module" src="hostile.js"></script>
</head><body>
<h1>某门户</h1>
<p class="portal-probe" id="probe">门户自己的文字</p>
<textarea id="portal-ta" class="portal-probe"></textarea>
<nianbao-checker id="full"></nianbao-checker>
<nianbao-checker id="lean" hide="input source" compact></nianbao-checker>
</body></html>`;
}
const HOSTILE_JS = `
window.__results = [];
// Each result with the text it is for: the widget's first check (of its still-empty text) may
// finish before the test sets the text, and its result must not be taken for the sample's.
document.addEventListener('nianbao-result', (e) => window.__results.push({ id: e.target.id, text: e.target.value, report: e.detail }));
`;

async function portal(extra = {}) {
  const { context, log } = await watchedContext(browser, origin, {
    pages: { 'portal.html': hostilePortal() },
    ...extra,
  });
  await context.route(`${origin}hostile.css`, (r) => r.fulfill({ contentType: 'text/css', body: HOSTILE_CSS }));
  await context.route(`${origin}hostile.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: HOSTILE_JS }));
  const page = await watchedPage(context, log);
  await page.goto(`${origin}portal.html`);
  await page.waitForFunction(() => customElements.get('nianbao-checker') && window.__results);
  return { context, log, page };
}

test('in a portal with hostile global CSS the widget renders as designed and emits the CLI\'s results', async () => {
  const cli = cliCheckText(SAMPLE);
  const { context, log, page } = await portal();
  // Each element first checks its empty text (the order that once raced in CI, made certain here);
  // the result is D01 and the element shows its invitation, not an error count.
  await page.waitForFunction(() => ['full', 'lean'].every((id) => window.__results.some((r) => r.id === id && r.text === '')), null, { timeout: 30000 });
  assert.match(await page.evaluate(() => document.getElementById('full').shadowRoot.querySelector('.state').textContent), /粘贴报告全文后自动检查/);
  // Both elements check the same text: one through the attribute, one through the property.
  await page.evaluate((t) => {
    document.getElementById('full').setAttribute('text', t);
    document.getElementById('lean').value = t;
  }, SAMPLE);
  await page.waitForFunction((t) => ['full', 'lean'].every((id) => window.__results.some((r) => r.id === id && r.text === t)), SAMPLE, { timeout: 30000 });

  // The event carries the result model: the same as the CLI's JSON for this text.
  const results = await page.evaluate((t) => window.__results.filter((r) => r.text === t), SAMPLE);
  assert.deepEqual(results.map((r) => r.id).sort(), ['full', 'lean'], 'one result per element for the sample');
  for (const r of results) {
    assert.deepEqual(r.report.summary, cli.summary, `${r.id}: summary`);
    assert.deepEqual(codeCounts(r.report), codeCounts(cli), `${r.id}: codes`);
    assert.deepEqual(r.report.diagnostics.map((d) => [d.code, d.message, d.spans.map((s) => [s.start, s.end])]),
      cli.diagnostics.map((d) => [d.code, d.message, d.spans.map((s) => [s.start, s.end])]), `${r.id}: diagnostics and spans`);
    assert.equal(r.report.format, cli.format);
    assert.equal(r.report.year, cli.year);
  }

  // What it shows agrees with the result.
  for (const sel of ['#full', '#lean']) {
    const got = await widgetShown(page, sel);
    assert.equal(got.errors, cli.summary.errors, `${sel}: errors shown`);
    assert.equal(got.warnings, cli.summary.warnings);
    assert.equal(got.infos, cli.summary.infos);
    assert.deepEqual(got.groups, codeCounts(cli), `${sel}: groups shown`);
    assert.equal(got.items, cli.diagnostics.length);
    assert.match(got.text, new RegExp(`发现 ${cli.summary.errors} 个错误`));
  }

  // The portal's CSS does not get in: our fonts, colours, layout; everything visible.
  const look = await page.evaluate(() => {
    const root = document.getElementById('full').shadowRoot;
    const cs = (node) => getComputedStyle(node);
    const box = (node) => node.getBoundingClientRect();
    const msg = root.querySelector('.finding .msg');
    const pre = root.querySelector('.source-text');
    const ta = root.querySelector('textarea');
    const mark = root.querySelector('mark.sev-error');
    const lean = document.getElementById('lean').shadowRoot;
    return {
      msg: { color: cs(msg).color, size: cs(msg).fontSize, style: cs(msg).fontStyle, weight: cs(msg).fontWeight,
        spacing: cs(msg).letterSpacing, transform: cs(msg).textTransform, align: cs(msg.parentElement).textAlign, h: box(msg).height },
      preDisplay: cs(pre).display, preH: box(pre).height, preBorder: cs(pre).borderTopWidth,
      taDisplay: cs(ta).display, taH: box(ta).height, taSizing: cs(ta).boxSizing,
      markBg: cs(mark).backgroundColor, markDisplay: cs(mark).display,
      leanInput: lean.querySelector('[data-part="input"]').hidden,
      leanSource: lean.querySelector('[data-part="source"]').hidden,
      leanSummaryH: box(lean.querySelector('.summary')).height,
      leanFindingsH: box(lean.querySelector('.findings')).height,
      leanCompact: lean.querySelector('.nb').classList.contains('compact'),
      leanSize: cs(lean.querySelector('.nb')).fontSize,
    };
  });
  assert.equal(look.msg.color, 'rgb(31, 35, 40)', 'text colour is ours, not the portal\'s magenta');
  assert.equal(look.msg.size, '14px');
  assert.equal(look.msg.style, 'normal');
  assert.equal(look.msg.weight, '400');
  assert.equal(look.msg.spacing, 'normal');
  assert.equal(look.msg.transform, 'none');
  assert.equal(look.msg.align, 'left');
  assert.ok(look.msg.h > 10 && look.msg.h < 60, `a finding is one or two lines high (${look.msg.h})`);
  assert.equal(look.preDisplay, 'block');
  assert.ok(look.preH > 100, 'the marked text is shown');
  assert.equal(look.preBorder, '1px');
  assert.equal(look.taDisplay, 'block');
  assert.equal(look.taSizing, 'border-box');
  assert.ok(look.taH >= 160, 'the text box keeps its height');
  assert.equal(look.markBg, 'rgb(255, 206, 203)', 'errors are marked in the text');
  assert.equal(look.markDisplay, 'inline');
  assert.equal(look.leanInput, true, 'hide="input source" hides the input');
  assert.equal(look.leanSource, true, 'and the text');
  assert.ok(look.leanSummaryH > 0 && look.leanFindingsH > 0, 'and shows the summary and the findings');
  assert.ok(look.leanCompact);
  assert.equal(look.leanSize, '13px', 'compact layout');

  // And ours does not get out: the portal's own elements keep the portal's styles.
  const portalLook = await page.evaluate(() => ({
    probe: getComputedStyle(document.getElementById('probe')).fontSize,
    ta: getComputedStyle(document.getElementById('portal-ta')).minHeight,
    sheets: [...document.styleSheets].map((s) => s.href || '(inline)'),
  }));
  assert.equal(portalLook.probe, '31px');
  assert.notEqual(portalLook.ta, '160px');
  assert.deepEqual(portalLook.sheets, [`${origin}hostile.css`], 'the widget adds no stylesheet to the portal');

  await shot(page, 'embed-hostile.png', { fullPage: true });
  await assertClean(page, log, 'hostile portal');
  await context.close();
});

test('editing re-checks and emits again; the JS API returns the result without UI', async () => {
  const { context, log, page } = await portal();
  const broken = SAMPLE.replace('一、总体情况', '一、总体情况概述').replace(/六、其他需要报告的事项[\s\S]*$/, '');
  const cliBroken = cliCheckText(broken);
  const cli = cliCheckText(SAMPLE);
  // Typing into the widget's own text box.
  await page.locator('#full').locator('textarea').fill(SAMPLE);
  await page.waitForFunction((n) => window.__results.filter((r) => r.id === 'full').some((r) => r.report.diagnostics.length === n), cli.diagnostics.length, { timeout: 20000 });
  await page.locator('#full').locator('textarea').fill(broken);
  await page.waitForFunction((n) => {
    const rs = window.__results.filter((r) => r.id === 'full');
    return rs.length && rs[rs.length - 1].report.diagnostics.length === n;
  }, cliBroken.diagnostics.length, { timeout: 20000 });
  const last = await page.evaluate(() => window.__results.filter((r) => r.id === 'full').pop().report);
  assert.deepEqual(codeCounts(last), codeCounts(cliBroken));
  assert.deepEqual(await widgetShown(page, '#full').then((s) => s.groups), codeCounts(cliBroken));

  // Clicking a finding flashes its mark in the text.
  await page.locator('#full').locator('.finding .go:not([disabled])').first().click();
  assert.equal(await page.evaluate(() => document.getElementById('full').shadowRoot.querySelectorAll('mark.flash').length), 1);

  // The JS API: module export, global, element method.
  const api = await page.evaluate(async (t) => {
    const mod = await import('./widget/nianbao-checker.js');
    const a = await mod.check(t);
    const b = await window.nianbaoChecker.check(t);
    const c = await document.getElementById('lean').check(t);
    return [a, b, c].map((r) => ({ summary: r.summary, n: r.diagnostics.length }));
  }, SAMPLE);
  for (const r of api) assert.deepEqual(r, { summary: cli.summary, n: cli.diagnostics.length });
  await assertClean(page, log, 'editing');
  await context.close();
});

test('embed.html, the live example, checks the form\'s text and reports back to the form', async () => {
  const cli = cliCheckText(SAMPLE);
  const { context, log } = await watchedContext(browser, origin);
  const page = await watchedPage(context, log);
  await page.goto(`${origin}embed.html`);
  await page.waitForFunction(() => {
    const w = document.querySelector('nianbao-checker');
    return w && w.shadowRoot && w.shadowRoot.querySelector('.summary').dataset.state === 'empty';
  }, null, { timeout: 30000 });
  await page.click('#load-sample');
  await page.waitForFunction(() => /检查/.test(document.getElementById('form-status').textContent)
    && document.getElementById('form-status').className !== '', null, { timeout: 20000 });
  const status = await page.textContent('#form-status');
  if (cli.summary.errors > 0) assert.equal(status, `检查发现 ${cli.summary.errors} 个错误，请改正后再发布。`);
  else assert.match(status, /检查通过/);
  assert.deepEqual((await widgetShown(page)).groups, codeCounts(cli));
  await page.click('#api-check');
  await page.waitForFunction(() => document.getElementById('api-out').textContent !== '');
  assert.equal(await page.textContent('#api-out'),
    `错误 ${cli.summary.errors}，警告 ${cli.summary.warnings}，提示 ${cli.summary.infos}（共 ${cli.diagnostics.length} 条）`);
  await shot(page, 'embed-example.png', { fullPage: true });
  await assertClean(page, log, 'embed.html');
  await context.close();
});

/** `nianbao check --format json --ignore CODES` on a text. */
function cliIgnoring(text, codes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ignore-'));
  const file = path.join(dir, 'input.txt');
  fs.writeFileSync(file, text);
  try {
    const res = spawnSync(cliBinary(), ['check', '--format', 'json', '--ignore', codes, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const out = JSON.parse(res.stdout);
    return Array.isArray(out) ? out[0] : out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the ignore attribute switches rules off by code, as the CLI\'s --ignore; an unknown code is said, not guessed', async () => {
  const all = cliCheckText(SAMPLE);
  // Two codes the sample has, one of them an error (the counts change visibly).
  const codes = Object.keys(codeCounts(all));
  const off = [codes.find((c) => all.diagnostics.some((d) => d.code === c && d.severity === 'error')), codes.find((c) => c.startsWith('W'))].filter(Boolean);
  assert.equal(off.length, 2, `the sample has an error and a W finding (${codes})`);
  const attr = off.join(',');
  const fewer = cliIgnoring(SAMPLE, attr);
  for (const c of off) assert.ok(!(c in codeCounts(fewer)), `the CLI leaves ${c} out`);
  assert.ok(fewer.diagnostics.length < all.diagnostics.length);

  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>ignore</title>
<script type="module" src="widget/nianbao-checker.js"></script>
<script type="module" src="results.js"></script></head><body>
<nianbao-checker id="w" ignore="${attr}"></nianbao-checker></body></html>`;
  const { context, log } = await watchedContext(browser, origin, { pages: { 'ignore.html': page } });
  await context.route(`${origin}results.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: `
window.__results = []; window.__errors = [];
document.addEventListener('nianbao-result', (e) => window.__results.push({ text: e.target.value, ignore: e.target.getAttribute('ignore'), report: e.detail }));
document.addEventListener('nianbao-error', (e) => window.__errors.push(e.detail.message));` }));
  const p = await watchedPage(context, log);
  await p.goto(`${origin}ignore.html`);
  await p.waitForFunction(() => customElements.get('nianbao-checker') && window.__results);
  const resultFor = async (ignore) => {
    await p.waitForFunction(([t, ig]) => window.__results.some((r) => r.text === t && r.ignore === ig), [SAMPLE, ignore], { timeout: 30000 });
    return p.evaluate(([t, ig]) => window.__results.filter((r) => r.text === t && r.ignore === ig).pop().report, [SAMPLE, ignore]);
  };

  // With the attribute: the CLI's result with --ignore, and that is what the widget shows.
  await p.evaluate((t) => { document.getElementById('w').value = t; }, SAMPLE);
  const got = await resultFor(attr);
  assert.deepEqual(got.summary, fewer.summary, 'summary as the CLI with --ignore');
  assert.deepEqual(codeCounts(got), codeCounts(fewer), 'codes as the CLI with --ignore');
  assert.deepEqual((await widgetShown(p, '#w')).groups, codeCounts(fewer), 'shown');

  // Changing the attribute checks again; spaces work as well as commas; removing it brings all back.
  await p.evaluate((v) => document.getElementById('w').setAttribute('ignore', v), off[0]);
  assert.deepEqual(codeCounts(await resultFor(off[0])), codeCounts(cliIgnoring(SAMPLE, off[0])), `only ${off[0]} left out`);
  await p.evaluate(() => document.getElementById('w').removeAttribute('ignore'));
  assert.deepEqual(codeCounts(await resultFor(null)), codeCounts(all), 'no attribute: every rule');

  // The JS API takes the same list.
  const api = await p.evaluate(async ([t, a]) => (await import('./widget/nianbao-checker.js')).check(t, a), [SAMPLE, attr]);
  assert.deepEqual(codeCounts(api), codeCounts(fewer), 'check(text, ignore)');

  // A code that does not exist: said in the widget and as nianbao-error, nothing checked wrongly.
  await p.evaluate(() => document.getElementById('w').setAttribute('ignore', 'W04,Z99'));
  await p.waitForFunction(() => window.__errors.length > 0, null, { timeout: 20000 });
  const message = await p.evaluate(() => window.__errors[0]);
  assert.match(message, /ignore 属性有误/);
  assert.match(message, /Z99/);
  assert.equal(await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.state').textContent), message);
  // Put right, it checks again and the error is gone.
  await p.evaluate((v) => document.getElementById('w').setAttribute('ignore', v), attr);
  await p.waitForFunction(([t, v]) => window.__results.filter((r) => r.text === t && r.ignore === v).length >= 2, [SAMPLE, attr], { timeout: 20000 });
  assert.equal(await p.evaluate(() => document.getElementById('w').error), null);
  assert.deepEqual((await widgetShown(p, '#w')).groups, codeCounts(fewer));
  // The rejected check of the bad list is expected; nothing else may have gone wrong.
  log.errors = log.errors.filter((e) => !/Z99/.test(e));
  await assertClean(p, log, 'ignore');
  await context.close();
});
