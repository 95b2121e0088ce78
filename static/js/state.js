// 年报检查 — the page's state: one object that every module reads and writes (the text last
// checked, its result, the marks drawn for it, timers and timings), and the small helpers all
// parts of the page use: `$` (an element by id), fmtNum, and spanU16 (a span of the result as
// indices into the checked text).

export const $ = (id) => document.getElementById(id);

export function fmtNum(x) {
  if (typeof x !== 'number') return '';
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}

export const state = {
  nb: null,
  rules: [],
  rulesByCode: new Map(),
  template: null,
  text: null, // the exact string last checked
  prevText: '', // last year's report it was compared with ('' when none)
  prevName: null, // the file last year's report was read from
  pre: null, // the result the core made for a file or web paste ({text, report}), reused while the text is unchanged
  report: null,
  fileName: null,
  timer: 0,
  lastMs: 0,
  checks: 0,
  timings: [],
  firstResultAt: null,
  marksByFinding: new Map(), // finding index -> [elements]
  elsByCell: new Map(), // "t3|new|natural" -> [elements in the source view]
  u16: null, // Map byte -> utf16 index for the current report
  lastAnnounce: '',
};

export function spanU16(s) {
  const a = state.u16.get(s.start);
  const b = state.u16.get(s.end);
  return [a, b === undefined ? a : b];
}
