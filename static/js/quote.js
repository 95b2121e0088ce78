// 年报检查 — quoting the report at a finding. The findings list shows a window of the line
// around the finding's characters, as rustc quotes a long line: about 20 characters of the line
// before and after them, `…` where the line goes on, the finding's own characters marked, and
// those cut in their middle when there are many. Reports pasted from web pages often have the
// whole text on one line of 10,000 characters and more; a quote never grows past about 100.
// The exports quote the finding's characters alone (excerpt).

import { spanU16, state } from './state.js';

/** Characters of the line shown before and after a finding's own. */
export const CONTEXT = 20;
/** At most this many of the finding's own characters are shown (`…` in their middle). */
export const SPAN_MAX = 58;

const isBreak = (c) => c === '\n' || c === '\r';
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
/** Is `i` inside a surrogate pair (between its two halves)? Never cut there. */
const splitsPair = (text, i) => i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));

/**
 * The quote of `text` for the characters a..b (string indices): `before` and `after` are the
 * line's characters around them (at most `context` each; the line is searched only that far,
 * so a very long line costs nothing), `cutBefore`/`cutAfter` whether the line goes on past
 * them. The characters themselves are `head`, or `head` … `tail` when longer than `spanMax`.
 */
export function quoteWindow(text, a, b, { context = CONTEXT, spanMax = SPAN_MAX } = {}) {
  const n = text.length;
  a = Math.max(0, Math.min(a, n));
  b = Math.max(a, Math.min(b, n));
  // Before: back to the line's start or `context` characters.
  let start = Math.max(0, a - context);
  for (let i = a - 1; i >= start; i--) {
    if (isBreak(text[i])) {
      start = i + 1;
      break;
    }
  }
  if (splitsPair(text, start)) start += 1;
  // After: on to the line's end or `context` characters.
  let end = Math.min(n, b + context);
  for (let i = b; i < end; i++) {
    if (isBreak(text[i])) {
      end = i;
      break;
    }
  }
  if (splitsPair(text, end)) end -= 1;
  // The finding's characters, cut in their middle when there are too many.
  let head = text.slice(a, b);
  let tail = '';
  if (b - a > spanMax) {
    let h = a + Math.ceil((spanMax - 1) / 2);
    let t = b - Math.floor((spanMax - 1) / 2);
    // A character outside the BMP at a cut stays whole (on the side it starts or ends).
    if (splitsPair(text, h)) h += 1;
    if (splitsPair(text, t)) t -= 1;
    head = text.slice(a, h);
    tail = text.slice(t, b);
  }
  return {
    cutBefore: start > 0 && !isBreak(text[start - 1]),
    before: text.slice(start, a),
    head,
    tail,
    after: text.slice(b, end),
    cutAfter: end < n && !isBreak(text[end]),
  };
}

/** The quote of a finding's span (byte offsets, as the core gives them) in the text last checked. */
export function spanQuote(s) {
  const [a, b] = spanU16(s);
  return quoteWindow(state.text, a, b);
}

/** The span's own characters, cut after `max` (the exports' 原文 column). */
export function excerpt(s, max = 60) {
  if (!s) return '';
  const [a, b] = spanU16(s);
  const t = state.text.slice(a, b);
  return t.length > max ? t.slice(0, max) + '…' : t;
}
