// Issue 12: reports pasted as web text, with the whole report on ONE line of 10,000 characters
// and more. The findings list quotes a window of the line around each finding (as rustc quotes
// a long line: about 20 characters either side, `…` where the line goes on, the finding's own
// characters marked, cut in their middle when long; never more than about 100 characters), and
// the source view wraps the line and still scrolls to a finding's mark.
// The window itself (static/js/quote.js) is tested on its own first, in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  SHARED, cliCheckText, startServer, launch, openPage, pasteText, shown, codeCounts, shot, ensureResults,
} from './helpers.mjs';
import { quoteWindow, CONTEXT, SPAN_MAX } from '../../static/js/quote.js';

/** The characters a quote shows, `…` included (characters, not UTF-16 units). */
const chars = (s) => [...s].length;
const shownLength = (q) => (q.cutBefore ? 1 : 0) + chars(q.before) + chars(q.head) + (q.tail ? 1 + chars(q.tail) : 0) + chars(q.after) + (q.cutAfter ? 1 : 0);
const LONGEST = 2 * CONTEXT + SPAN_MAX + 2;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('the quote window: the line around the span, cut with … where the line goes on', () => {
  const at = (text, span) => [text.indexOf(span), text.indexOf(span) + span.length];
  // A short line: all of it, nothing cut; the lines before and after are not shown.
  let text = '上一行\n我局截止2024年12月31日未收到申请\n下一行';
  assert.deepEqual(quoteWindow(text, ...at(text, '截止')),
    { cutBefore: false, before: '我局', head: '截止', tail: '', after: '2024年12月31日未收到申请', cutAfter: false });
  // A long line: CONTEXT characters either side, and … both ways.
  text = '甲'.repeat(500) + '截止' + '乙'.repeat(500);
  let q = quoteWindow(text, ...at(text, '截止'));
  assert.deepEqual(q, { cutBefore: true, before: '甲'.repeat(CONTEXT), head: '截止', tail: '', after: '乙'.repeat(CONTEXT), cutAfter: true });
  // At the start and the end of the text: nothing to cut there.
  text = '截止' + '乙'.repeat(50);
  assert.deepEqual(quoteWindow(text, 0, 2), { cutBefore: false, before: '', head: '截止', tail: '', after: '乙'.repeat(CONTEXT), cutAfter: true });
  assert.deepEqual(quoteWindow(text, 50, 52), { cutBefore: true, before: text.slice(30, 50), head: '乙乙', tail: '', after: '', cutAfter: false });
  // Exactly CONTEXT characters to the line's start: the whole line, no …
  text = '\r\n' + '甲'.repeat(CONTEXT) + '截止' + '乙'.repeat(CONTEXT) + '\r\n';
  q = quoteWindow(text, ...at(text, '截止'));
  assert.equal(q.cutBefore, false);
  assert.equal(q.cutAfter, false);
  assert.equal(q.before + q.head + q.after, text.trim());
  // A long span: cut in its middle, SPAN_MAX characters with the …
  text = '前'.repeat(100) + '天'.repeat(300) + '后'.repeat(100);
  q = quoteWindow(text, 100, 400);
  assert.equal(q.head.length + 1 + q.tail.length, SPAN_MAX);
  assert.ok(q.head.length - q.tail.length <= 1 && q.head.length >= q.tail.length);
  assert.equal(q.before, '前'.repeat(CONTEXT));
  assert.equal(q.after, '后'.repeat(CONTEXT));
  assert.equal(shownLength(q), LONGEST);
  assert.ok(LONGEST <= 100, 'never more than 100 characters');
  // An empty span (a finding at a place): the line around it.
  text = '甲'.repeat(5) + '乙'.repeat(5);
  assert.deepEqual(quoteWindow(text, 5, 5), { cutBefore: false, before: '甲'.repeat(5), head: '', tail: '', after: '乙'.repeat(5), cutAfter: false });
});

test('the quote window never splits a character outside the BMP and never grows past the limit', () => {
  // Random texts of line breaks, CJK, ASCII and astral characters, random spans on character
  // boundaries (a fixed-seed generator, so a failure can be replayed).
  let seed = 12;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = ['\n', '\r\n', ' ', 'a', '7', '中', '截', '𠮷', '😀', '，'];
  for (let k = 0; k < 3000; k++) {
    const chars = [];
    const len = rnd(300);
    for (let i = 0; i < len; i++) chars.push(alphabet[rnd(alphabet.length)]);
    const text = chars.join('');
    const bounds = [0];
    for (const c of chars) bounds.push(bounds.at(-1) + c.length);
    let a = bounds[rnd(bounds.length)];
    let b = bounds[rnd(bounds.length)];
    if (a > b) [a, b] = [b, a];
    const q = quoteWindow(text, a, b, { context: 1 + rnd(30), spanMax: 3 + rnd(80) });
    for (const part of [q.before, q.head, q.tail, q.after]) assert.doesNotMatch(part, LONE_SURROGATE, JSON.stringify({ text, a, b, q }));
    assert.ok(!/[\r\n]/.test(q.before + q.after), 'the context stays on the line');
    assert.ok(text.slice(0, a).endsWith(q.before) && text.slice(b).startsWith(q.after));
    assert.ok(text.slice(a, b).startsWith(q.head) && text.slice(a, b).endsWith(q.tail));
    if (!q.tail) assert.equal(q.head, text.slice(a, b), 'a span that fits is shown whole');
  }
  // With the page's own limits.
  for (let k = 0; k < 2000; k++) {
    const text = Array.from({ length: 50 + rnd(400) }, () => alphabet[3 + rnd(alphabet.length - 3)]).join('');
    const a = rnd(text.length);
    const b = a + rnd(text.length - a);
    assert.ok(shownLength(quoteWindow(text, a, b)) <= LONGEST);
  }
});

// ------------------------------------------------------------------------------------ the page

const SEED = path.join(SHARED, 'fixtures/seeds/002_5c85131960260802.txt');
const PROBLEM = '截止2024年12月31日，上述整改事项均已完成。';
// Plain prose, as long web texts have, to take the line past 10,000 characters.
const PROSE = '严格落实信息发布审核制度，认真做好信息公开前的保密审查，确保发布信息准确规范。';

/** The seed report on one line: its lines joined with spaces, padded, a W01 problem near the end. */
function oneLineReport() {
  const lines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const two = lines.findIndex((l) => l.startsWith('二、主动公开政府信息情况'));
  const six = lines.findIndex((l) => l.startsWith('六、其他需要报告的事项'));
  assert.ok(two > 0 && six > two, 'the seed has sections 二 and 六');
  lines.splice(six, 0, PROBLEM);
  lines.splice(two, 0, ...Array(240).fill(PROSE));
  return lines.join(' ');
}

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

test('a report on one line: each finding quotes a window of the line, and its mark is scrolled into view', async () => {
  const text = oneLineReport();
  assert.ok(!/[\r\n]/.test(text) && text.length > 10000, `one line of ${text.length} characters`);
  const cli = cliCheckText(text);
  const bytes = Buffer.from(text, 'utf8');
  const u16 = (byte) => bytes.subarray(0, byte).toString('utf8').length;
  const spans = cli.diagnostics.map((d) => (d.spans[0] ? [u16(d.spans[0].start), u16(d.spans[0].end)] : null));
  // The finding to click: the one farthest into the line whose characters fit in a quote whole,
  // with line on both sides. (On one line the core finds no section headings, so it reports
  // the 截止 only once it reads such prose; until then this is a table finding near the end.)
  let i = -1;
  spans.forEach((s, k) => {
    if (s && s[1] > s[0] && s[1] - s[0] <= SPAN_MAX && s[0] > CONTEXT && s[1] + CONTEXT < text.length && (i < 0 || s[0] > spans[i][0])) i = k;
  });
  assert.ok(i >= 0 && spans[i][0] > 8000, 'a finding far into the line');
  const [a, b] = spans[i];
  // And one whose characters are too many for a quote (a finding about a whole table).
  const long = spans.findIndex((s) => s && s[1] - s[0] > SPAN_MAX);
  assert.ok(long >= 0, 'a finding with a long span');

  const o = await openPage(browser, origin);
  const { page } = o;
  await pasteText(page, text);
  const got = await shown(page);
  assert.deepEqual(got.groups, codeCounts(cli), 'the same findings as the CLI');

  const quoteOf = (f) => page.evaluate((f) => {
    const q = document.querySelector(`.finding[data-f="${f}"] .quote`);
    return { text: q.textContent, mark: q.querySelector('mark').textContent, cuts: q.querySelectorAll('.cut').length };
  }, f);
  // … CONTEXT characters of the line, the finding's characters marked, CONTEXT characters …
  const q = await quoteOf(i);
  assert.equal(q.mark, text.slice(a, b), 'the finding\'s characters are marked, all of them');
  assert.equal(q.text, `原文：「…${text.slice(a - CONTEXT, a)}${text.slice(a, b)}${text.slice(b, b + CONTEXT)}…」`);
  assert.equal(q.cuts, 2);
  // A long span: cut in its middle.
  const [la, lb] = spans[long];
  const h = Math.ceil((SPAN_MAX - 1) / 2);
  const ql = await quoteOf(long);
  assert.equal(ql.mark, `${text.slice(la, la + h)}…${text.slice(lb - (SPAN_MAX - 1 - h), lb)}`);

  // Every quote in the list stays short, however long the line.
  const lengths = await page.evaluate(() => [...document.querySelectorAll('#findings-list .quote')]
    .map((x) => [...x.textContent.replace(/^原文：「|」$/g, '')].length));
  assert.ok(lengths.length > 0);
  for (const n of lengths) assert.ok(n <= LONGEST, `a quote of ${n} characters`);

  // The source view wraps the line (no sideways scrolling) and scrolls to the clicked finding.
  const start = await page.evaluate(() => {
    const pre = document.getElementById('source-text');
    return { scrollTop: pre.scrollTop, wraps: pre.scrollWidth <= pre.clientWidth + 1, tall: pre.scrollHeight > 3 * pre.clientHeight };
  });
  assert.ok(start.wraps, 'the long line wraps');
  assert.ok(start.tall, 'the line is many screens long in the source view');
  await page.click(`.finding[data-f="${i}"] .finding-go`);
  const seen = await page.evaluate(() => {
    const pre = document.getElementById('source-text');
    const m = document.activeElement;
    const r = m.getBoundingClientRect();
    const p = pre.getBoundingClientRect();
    return {
      onMark: m.matches('#source-text mark.hl.current'),
      text: m.textContent,
      scrollTop: pre.scrollTop,
      inPre: r.top >= p.top && r.bottom <= p.bottom && r.left >= p.left && r.right <= p.right,
      inWindow: r.top >= 0 && r.bottom <= innerHeight,
    };
  });
  assert.ok(seen.onMark, 'the focus is on the finding\'s mark');
  assert.ok(seen.text.length > 0 && text.slice(a, b).startsWith(seen.text), 'its first characters');
  assert.ok(seen.scrollTop > start.scrollTop, 'the source view scrolled down');
  assert.ok(seen.inPre, 'the mark is inside the visible part of the source view');
  assert.ok(seen.inWindow, 'and inside the window');
  await shot(page, '08-long-line.png');
  assert.deepEqual(o.errors, [], 'no errors in the page console');
  assert.deepEqual(o.offsite, []);
  await o.context.close();
});
