// Browser tests of the checker page (dist/, built by `trunk build --release --offline`).
// Run: scripts/test-browser.sh, or `node --test tests/browser/` after a build.
// Expected values are never written here: they come from the CLI on the same input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ROOT, fixtureFiles, cliCheck, cliCheckText, spanText, startServer, launch, openPage, settled,
  pasteText, shown, codeCounts, shot, ensureResults,
} from './helpers.mjs';

let server;
let origin;
let browser;
const allRequests = [];
const allOffsite = [];

const SAMPLE_FILE = path.join(ROOT, 'static/sample.txt');
const SAMPLE = fs.readFileSync(SAMPLE_FILE, 'utf8');

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

async function open(opts) {
  return openPage(browser, origin, opts);
}

async function done(o) {
  allOffsite.push(...o.offsite);
  allRequests.push(...o.requests);
  assert.deepEqual(o.errors, [], 'no errors in the page console');
  await o.context.close();
}

function assertSameAsCli(got, cli, label) {
  assert.equal(got.errors, cli.summary.errors, `${label}: errors`);
  assert.equal(got.warnings, cli.summary.warnings, `${label}: warnings`);
  assert.equal(got.infos, cli.summary.infos, `${label}: infos`);
  assert.deepEqual(got.groups, codeCounts(cli), `${label}: codes and counts`);
  assert.equal(got.format, cli.format, `${label}: format`);
  assert.equal(got.year, cli.year ? String(cli.year) : '', `${label}: year`);
}

test('every fixture pasted shows the same counts, codes, format and year as the CLI', async () => {
  const files = fixtureFiles();
  const cli = cliCheck(files);
  const o = await open();
  let passShot = false;
  for (let i = 0; i < files.length; i++) {
    const text = fs.readFileSync(files[i], 'utf8');
    await pasteText(o.page, text);
    const got = await shown(o.page);
    const label = path.basename(files[i]);
    assertSameAsCli(got, cli[i], label);
    const listed = Object.values(got.groups).reduce((a, b) => a + Math.min(b, 300), 0);
    assert.equal(got.items, listed, `${label}: one list item per finding`);
    const clean = cli[i].summary.errors === 0 && cli[i].summary.warnings === 0;
    assert.equal(got.status === 'pass', clean, `${label}: 通过 shown exactly when nothing is wrong`);
    if (clean) {
      const status = await o.page.textContent('#status');
      assert.match(status, /通过/);
      if (!passShot) {
        passShot = true;
        await o.page.locator('#results').screenshot({ path: path.join(ROOT, 'test-results/07-pass.png') });
      }
    }
  }
  await done(o);
});

test('the sample loads from the button, and clicking a finding highlights exactly its characters', async () => {
  const [cli] = cliCheck([SAMPLE_FILE]);
  assert.ok(cli.diagnostics.length >= 3, 'the sample has several problems');
  const o = await open();
  await shot(o.page, '01-empty.png');
  await o.page.click('#sample-btn');
  await settled(o.page);
  assertSameAsCli(await shown(o.page), cli, 'sample');
  await shot(o.page, '02-sample-summary.png');
  const codes = new Set(cli.diagnostics.map((d) => d.code));
  for (const want of ['A02', 'A04']) assert.ok(codes.has(want), `the sample shows ${want}`);

  for (let i = 0; i < cli.diagnostics.length; i++) {
    const d = cli.diagnostics[i];
    await o.page.click(`.finding[data-f="${i}"] .finding-go`);
    assert.equal(await highlighted(o.page), spansText(SAMPLE, d.spans), `${d.code}: highlighted characters`);
    const focused = await o.page.evaluate(() => document.activeElement && document.activeElement.matches('#source-text mark.hl.current'));
    assert.ok(focused, `${d.code}: focus moves to the highlight`);
    if (d.spans[0] && d.spans[0].end > d.spans[0].start) {
      const at = await o.page.evaluate(() => document.activeElement.textContent);
      assert.ok(at.length > 0 && spanText(SAMPLE, d.spans[0]).startsWith(at), `${d.code}: the view goes to its main place (first span)`);
    }
    const tip = await o.page.textContent('#tip');
    assert.ok(tip.includes(d.message), `${d.code}: the message is shown on focus`);
  }
  await o.page.click(`.finding[data-code="A02"] .finding-go`);
  await o.page.waitForTimeout(200);
  await shot(o.page, '03-finding-clicked.png');
  await done(o);
});

test('a real paste (Ctrl+V) is checked at once, without waiting for a pause in typing', async () => {
  const [cli] = cliCheck([SAMPLE_FILE]);
  const o = await open();
  await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin.replace(/\/$/, '') });
  await o.page.evaluate((t) => navigator.clipboard.writeText(t), SAMPLE);
  await o.page.focus('#text');
  const t0 = Date.now();
  await o.page.keyboard.press('Control+V');
  await settled(o.page);
  const ms = Date.now() - t0;
  assert.equal(await o.page.inputValue('#text'), SAMPLE);
  assertSameAsCli(await shown(o.page), cli, 'pasted sample');
  assert.ok(ms < 2000, `checked ${ms} ms after the paste`);
  await done(o);
});

test('highlights stay exact with characters outside the BMP and mixed widths', async () => {
  const text = '𠮷😀é\tß—“示例”\n' + SAMPLE.replace('截止', '截止😀');
  const cli = cliCheckText(text);
  const o = await open();
  await pasteText(o.page, text);
  for (let i = 0; i < cli.diagnostics.length; i++) {
    const d = cli.diagnostics[i];
    await o.page.click(`.finding[data-f="${i}"] .finding-go`);
    assert.equal(await highlighted(o.page), spansText(text, d.spans), `${d.code}: highlighted characters`);
  }
  // The converter itself, against Node's own UTF-8 encoder, on every offset of a nasty string.
  const nasty = 'a€𠮷\u{1F600}é\n中\uD800x';
  const bytes = Buffer.from(nasty.replace('\uD800', '\uFFFD'), 'utf8');
  const offsets = [];
  const expect = [];
  let b = 0;
  for (let i = 0; i < nasty.length; i++) {
    offsets.push(b);
    expect.push(i);
    const cp = nasty.codePointAt(i);
    if (cp > 0xffff) {
      b += 4;
      i++;
    } else if (cp >= 0xd800 && cp <= 0xdfff) b += 3;
    else b += Buffer.byteLength(String.fromCodePoint(cp));
  }
  offsets.push(bytes.length);
  expect.push(nasty.length);
  const got = await o.page.evaluate((offs) => {
    const m = window.__nianbao.byteToUtf16('a€𠮷\u{1F600}é\n中\uD800x', offs);
    return offs.map((x) => m.get(x));
  }, offsets);
  assert.deepEqual(got, expect);
  await done(o);
});

test('drawing: empty spans become pins, overlapping spans split cleanly, the text is kept exactly', async () => {
  const o = await open({ hash: '#sample' });
  await settled(o.page);
  const text = 'ab中𠮷cd\nef';
  const span = (start, end) => ({ start, end, line: 1, col: 1, end_line: 1, end_col: 1 });
  const b = (s) => Buffer.byteLength(s);
  // 'ab' = 0..2, '中' = 2..5, '𠮷' = 5..9, 'cd' = 9..11
  const report = {
    input_form: 'text', format: 'unknown', sections: [],
    diagnostics: [
      { code: 'W04', severity: 'info', message: '空的位置', spans: [span(b('ab'), b('ab'))] },
      { code: 'W01', severity: 'warning', message: '第一段', spans: [span(b('a'), b('ab中𠮷'))] },
      { code: 'A02', severity: 'error', message: '第二段', spans: [span(b('ab中'), b('ab中𠮷cd'))] },
    ],
    summary: { errors: 1, warnings: 1, infos: 1 },
  };
  const got = await o.page.evaluate(({ text, report }) => {
    window.__nianbao.draw(text, report);
    const pre = document.getElementById('source-text');
    return {
      text: pre.textContent,
      marks: Array.from(pre.querySelectorAll('mark.hl')).map((m) => [m.classList.contains('pin') ? 'pin' : m.textContent, m.dataset.f, m.className.includes('sev-error') ? 'error' : m.className.includes('sev-warning') ? 'warning' : 'info']),
    };
  }, { text, report });
  assert.equal(got.text, text, 'the text is drawn exactly, nothing added or lost');
  // In text order: the empty span is a pin between 'b' and '中' (inside the W01 span, which
  // it splits); where W01 and A02 overlap the mark carries both and the worse severity.
  assert.deepEqual(got.marks, [['b', '1', 'warning'], ['pin', '0', 'info'], ['中', '1', 'warning'], ['𠮷', '1 2', 'error'], ['cd', '2', 'error']]);
  await done(o);
});

test('tables: wrong cells and the cells of a failed sum are marked; clicking a cell finds it in the text', async () => {
  const [cli] = cliCheck([SAMPLE_FILE]);
  const o = await open({ hash: '#sample' });
  await settled(o.page);
  let suspects = 0;
  for (const d of cli.diagnostics) {
    const cells = d.cells || [];
    const hasSuspect = cells.some((c) => c.role === 'suspect');
    for (const c of cells) {
      const key = `${c.table}|${c.row}|${c.column}`;
      const cls = await o.page.getAttribute(`td[data-cell="${key}"]`, 'class');
      assert.ok(cls, `${d.code}: cell ${key} is drawn`);
      if (c.role === 'suspect' || (c.role === 'total' && !hasSuspect)) {
        assert.match(cls, /\bwrong\b/, `${d.code}: ${key} (${c.role}) is marked wrong`);
        const icon = await o.page.textContent(`td[data-cell="${key}"] .icon`);
        assert.equal(icon, '✖', 'not colour alone: an icon too');
        const label = await o.page.getAttribute(`td[data-cell="${key}"] .cellbtn`, 'aria-label');
        assert.match(label, /有误|不符/, 'and words for screen readers');
        if (c.role === 'suspect') suspects++;
        if (c.role === 'suspect' && d.suggestion && /^\d+(\.\d+)?$/.test(d.suggestion)) {
          const exp = await o.page.textContent(`td[data-cell="${key}"] .exp`);
          assert.ok(exp.includes(d.suggestion), `${key}: shows the value that would balance (${d.suggestion})`);
        }
        if (c.role === 'total' && !hasSuspect && typeof d.expected === 'number' && ['A01', 'A02', 'A04', 'A05'].includes(d.code)) {
          const exp = await o.page.textContent(`td[data-cell="${key}"] .exp`);
          assert.ok(exp.includes(String(d.expected)), `${key}: shows the expected total ${d.expected}`);
        }
      } else {
        assert.match(cls, /\b(part|wrong)\b/, `${d.code}: ${key} (${c.role}) is marked as part of the sum`);
      }
    }
  }
  assert.ok(suspects > 0, 'the sample has a suspected cell');
  await o.page.locator('#tables').screenshot({ path: path.join(ROOT, 'test-results/04-tables.png') });

  // Click cells: the source view marks the characters the CLI read the cell from.
  const t3 = cli.t3;
  const probes = [['total', 0], ['new', 0], ['carried_forward', t3.columns.length - 1]];
  for (const [row, i] of probes) {
    const cell = t3.rows[row][i];
    const key = `t3|${row}|${t3.columns[i]}`;
    await o.page.click(`td[data-cell="${key}"] .cellbtn`);
    const hl = await o.page.evaluate(() => Array.from(document.querySelectorAll('#source-text .current')).map((e) => e.textContent).join(''));
    assert.equal(hl, spanText(SAMPLE, cell.span), `${key}: the characters it was read from`);
  }
  const t4 = cli.t4;
  const key4 = 'review|total';
  await o.page.click(`td[data-cell="t4|${key4}"] .cellbtn`);
  const hl4 = await o.page.evaluate(() => Array.from(document.querySelectorAll('#source-text .current')).map((e) => e.textContent).join(''));
  assert.equal(hl4, spanText(SAMPLE, t4.review.total.span));
  await done(o);
});

test('dropping a GBK file and picking a file check the decoded text; an unreadable file gets a polite answer', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-gbk-'));
  const gbkFile = path.join(dir, '示例-gbk.txt');
  const conv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', SAMPLE_FILE]);
  assert.equal(conv.status, 0, 'iconv converts the sample to GBK');
  fs.writeFileSync(gbkFile, conv.stdout);
  const [cliGbk] = cliCheck([gbkFile]);
  const o = await open();

  const drop = async (name, bytes) => {
    await o.page.evaluate(({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      const target = document.getElementById('text');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, { name, data: Array.from(bytes) });
  };

  await drop('示例-gbk.txt', conv.stdout);
  await o.page.waitForFunction(() => document.getElementById('text').value.length > 0);
  await settled(o.page);
  assert.equal(await o.page.inputValue('#text'), SAMPLE, 'GBK decoded to the same text');
  assertSameAsCli(await shown(o.page), cliGbk, 'dropped GBK file');
  assert.match(await o.page.textContent('#file-msg'), /示例-gbk\.txt/);

  // A file the page cannot read (an old binary Word .doc): it says what to do instead, and
  // keeps the text and result it had.
  await drop('年报.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  await o.page.waitForFunction(() => /年报\.doc/.test(document.getElementById('file-msg').textContent));
  const msg = await o.page.textContent('#file-msg');
  assert.match(msg, /复制|粘贴|另存/, 'tells the user what to do instead');
  assert.equal(await o.page.inputValue('#text'), SAMPLE, 'the text is kept');
  assertSameAsCli(await shown(o.page), cliGbk, 'after an unreadable file');

  // The file picker reads the same way.
  const htmlFile = path.join(SHARED_FIXTURES(), 'real/testcity_2025.html');
  const [cliHtml] = cliCheck([htmlFile]);
  await o.page.setInputFiles('#file', htmlFile);
  await o.page.waitForFunction(() => /testcity_2025\.html/.test(document.getElementById('file-msg').textContent));
  await settled(o.page);
  assertSameAsCli(await shown(o.page), cliHtml, 'picked HTML file');
  fs.rmSync(dir, { recursive: true, force: true });
  await done(o);
});

function SHARED_FIXTURES() {
  return path.resolve(ROOT, '../shared/fixtures');
}

test('editing re-checks: fixing the wrong cell updates the result', async () => {
  const o = await open({ hash: '#sample' });
  await settled(o.page);
  const before = await o.page.evaluate(() => window.__nianbao.checks);
  // Type at the end of the text, key by key, as a person would.
  await o.page.focus('#text');
  await o.page.keyboard.press('Control+End');
  await o.page.keyboard.type('\n补充说明。', { delay: 20 });
  await settled(o.page);
  const after = await o.page.evaluate(() => window.__nianbao.checks);
  assert.ok(after > before, 're-checked after typing');
  assert.ok(after - before < 8, 'typing is debounced, not checked on every key');
  const typed = await o.page.inputValue('#text');
  assertSameAsCli(await shown(o.page), cliCheckText(typed), 'after typing');

  // Fix the 自然人 total the sample gets wrong: the page must agree with the CLI again.
  const fixed = typed.replace(/（七）总计 19 /, '（七）总计 18 ');
  assert.notEqual(fixed, typed);
  await pasteText(o.page, fixed);
  assertSameAsCli(await shown(o.page), cliCheckText(fixed), 'after the fix');
  await done(o);
});

test('a hostile report is shown as text, never run', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
    '<a href="javascript:window.__pwned=3">点我</a><svg onload="window.__pwned=4"></svg>\n' +
    '<table><tr><td><img src=x onerror="window.__pwned=5"></td></tr></table>\n' + SAMPLE;
  const cli = cliCheckText(hostile, 'hostile.html');
  const o = await open();
  await pasteText(o.page, hostile);
  await o.page.waitForTimeout(300);
  assert.equal(await o.page.evaluate(() => window.__pwned), undefined);
  const counts = await o.page.evaluate(() => ({
    img: document.querySelectorAll('main img, main svg, main script, main a[href^="javascript"]').length,
    text: document.getElementById('source-text').textContent,
  }));
  assert.equal(counts.img, 0, 'no element was made from the report');
  assert.ok(counts.text.includes('<img src=x onerror='), 'the markup is shown as text');
  assertSameAsCli(await shown(o.page), cli, 'hostile');
  // Every finding's message and tooltip too.
  if (cli.diagnostics.length) {
    await o.page.click('.finding[data-f="0"] .finding-go');
    assert.equal(await o.page.evaluate(() => document.querySelectorAll('#tip img, #tip script').length), 0);
  }
  await shot(o.page, '05-hostile.png');
  await done(o);
});

test('keyboard only: load the sample, reach a finding, open it, read the message', async () => {
  const o = await open();
  const page = o.page;
  const tabTo = async (pred, max = 200) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(pred)) return true;
    }
    return false;
  };
  assert.ok(await tabTo(() => document.activeElement.id === 'sample-btn'), 'the 示例 button is reachable by Tab');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.ok(await tabTo(() => document.activeElement.classList.contains('finding-go')), 'a finding is reachable by Tab');
  const f = await page.evaluate(() => Number(document.activeElement.dataset.f));
  await page.keyboard.press('Enter');
  const state = await page.evaluate(() => ({
    onMark: document.activeElement.matches('#source-text mark.hl'),
    describedBy: document.activeElement.getAttribute('aria-describedby'),
    tipShown: !document.getElementById('tip').hidden,
    tip: document.getElementById('tip').textContent,
  }));
  assert.ok(state.onMark, 'Enter on a finding moves focus to its highlight');
  assert.equal(state.describedBy, 'tip', 'the highlight is described by the message');
  assert.ok(state.tipShown);
  const msg = await page.evaluate((i) => window.__nianbao.report.diagnostics[i].message, f);
  assert.ok(state.tip.includes(msg));
  await page.keyboard.press('Escape');
  assert.ok(await page.evaluate(() => document.getElementById('tip').hidden), 'Escape hides the message');
  // A table cell by keyboard.
  assert.ok(await tabTo(() => document.activeElement.classList.contains('cellbtn'), 400), 'table cells are reachable');
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.querySelectorAll('#source-text .current').length > 0), 'Enter on a cell finds it in the text');
  // Hovering a highlight shows its message too.
  await page.hover('#source-text mark.hl >> nth=0');
  assert.ok(await page.evaluate(() => !document.getElementById('tip').hidden));
  await done(o);
});

test('axe-core finds no serious or critical accessibility violation', async () => {
  const axePath = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
  const o = await open();
  const run = async (label) => {
    // Evaluated by the test harness, not injected as an inline <script>: the page's CSP forbids inline scripts.
    await o.page.evaluate(fs.readFileSync(axePath, 'utf8'));
    const res = await o.page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${label}: ${JSON.stringify(bad, null, 1)}`);
  };
  await run('empty page');
  await o.page.click('#sample-btn');
  await settled(o.page);
  await run('sample checked');
  await o.page.click('.finding[data-f="0"] .finding-go');
  await run('finding opened');
  await done(o);
});

test('export: JSON and CSV (UTF-8 with BOM) hold every finding; print gives a clean review sheet', async () => {
  const [cli] = cliCheck([SAMPLE_FILE]);
  const o = await open({ hash: '#sample' });
  await settled(o.page);
  const [dl] = await Promise.all([o.page.waitForEvent('download'), o.page.click('#export-json')]);
  const json = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.match(dl.suggestedFilename(), /\.json$/);
  assert.deepEqual(json.findings.map((f) => f.code), cli.diagnostics.map((d) => d.code));
  assert.deepEqual(json.findings.map((f) => f.message), cli.diagnostics.map((d) => d.message));
  assert.deepEqual(json.summary, cli.summary);

  const [dl2] = await Promise.all([o.page.waitForEvent('download'), o.page.click('#export-csv')]);
  const raw = fs.readFileSync(await dl2.path());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const csv = raw.subarray(3).toString('utf8');
  const rows = parseCsv(csv);
  assert.equal(rows.length, cli.diagnostics.length + 1, 'a header and one row per finding');
  assert.equal(rows[0][1], '代码');
  rows.slice(1).forEach((r, i) => {
    assert.equal(r[1], cli.diagnostics[i].code);
    assert.equal(r[4], cli.diagnostics[i].message);
  });

  await o.page.emulateMedia({ media: 'print' });
  const vis = await o.page.evaluate(() => Object.fromEntries(['input', 'source', 'rules', 'exports', 'findings', 'tables', 'status'].map((id) => [id, getComputedStyle(document.getElementById(id)).display !== 'none'])));
  assert.deepEqual(vis, { input: false, source: false, rules: false, exports: false, findings: true, tables: true, status: true });
  const head = await o.page.evaluate(() => {
    const h = document.getElementById('print-head');
    return { shown: getComputedStyle(h).display !== 'none', text: h.textContent };
  });
  assert.ok(head.shown, 'the review sheet has a heading in print');
  assert.ok(head.text.includes(cli.agency) && head.text.includes(String(cli.year)), 'naming the agency and year');
  assert.equal(await o.page.evaluate(() => getComputedStyle(document.getElementById('print-head')).display), 'block');
  await shot(o.page, '06-print.png', { fullPage: true });
  await o.page.emulateMedia({ media: 'screen' });
  await done(o);
});

test('nothing is requested from outside 127.0.0.1', async () => {
  // Covers every page opened by the tests above, plus a fresh load of the sample here.
  const o = await open({ hash: '#sample' });
  await settled(o.page);
  await o.page.waitForTimeout(300);
  await done(o);
  assert.deepEqual(allOffsite, [], 'no request left the page\'s own origin');
  assert.ok(allRequests.length > 0);
  for (const u of allRequests) assert.ok(u.startsWith(origin) || u.startsWith('blob:') || u.startsWith('data:'), u);
  assert.ok(allRequests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded from the same origin');
});

/** The characters the page marks as current, in text order. */
function highlighted(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#source-text .current')).map((e) => e.textContent).join(''));
}

/** The characters of a finding's spans, in text order (overlaps merged), from the CLI's byte offsets. */
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

/** RFC 4180 CSV, enough for the export. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { f += '"'; i++; }
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\r') { /* CRLF */ }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}
