// 年报检查 — checking: runs the core on what the text box holds (and last year's report, when
// given), keeps the result in the state and has it drawn (render.js). Also counts checks and
// their timings for the tests and the benchmark (window.__nianbao in static/app.js).

import { render, renderEmpty, showFatal } from './render.js';
import { $, state } from './state.js';

/** Last year's text to compare with, '' when the second box is empty. */
function previousText() {
  const v = $('prev-text').value;
  return v.trim() === '' ? '' : v;
}

/** `pre`: a result the core already made for exactly this text (a dropped file, a pasted web
 *  page), shown as is instead of checking the text again. */
export function runCheck(pre) {
  clearTimeout(state.timer);
  if (!state.nb) return;
  const text = $('text').value;
  const prev = previousText();
  if (pre && pre.report) state.pre = pre;
  // A file or paste the core has just read is shown even when its text is the same.
  if (text === state.text && prev === state.prevText && state.report && !(pre && pre.report)) return;
  renderPreviousState(prev);
  if (text.trim() === '') {
    state.text = text;
    state.prevText = prev;
    state.report = null;
    state.findingsSig = null;
    state.tablesSig = null;
    renderEmpty();
    return;
  }
  const t0 = performance.now();
  let report;
  try {
    // The result the core made for a file (PDF, .docx, web page) is kept while its text is
    // unchanged; with last year's report, the X findings are added to it.
    const made = state.pre && state.pre.report && state.pre.text === text ? state.pre.report : null;
    if (made) report = prev ? withPrevious(made, state.nb.previousFindings(text, prev)) : made;
    else report = prev ? state.nb.checkWithPrevious(text, prev) : state.nb.check(text);
  } catch (e) {
    state.text = null;
    showFatal(e);
    return;
  }
  const t1 = performance.now();
  state.text = text;
  state.prevText = prev;
  state.report = report;
  render();
  const t2 = performance.now();
  state.lastMs = t2 - t0;
  state.checks += 1;
  state.timings.push({ chars: text.length, check: t1 - t0, render: t2 - t1, total: t2 - t0, parts: state.parts });
  if (state.timings.length > 50) state.timings.shift();
  if (state.firstResultAt === null) {
    state.firstResultAt = t2;
    performance.mark('nianbao:first-result');
  }
  document.body.dataset.checks = String(state.checks);
}

/** A report with the findings against last year's added, as the core's `merge` does: ordered
 *  by place (then code), the summary recounted. */
function withPrevious(r, extra) {
  const at = (d) => (d.spans && d.spans[0] ? d.spans[0].start : 0);
  const diagnostics = r.diagnostics.concat(extra).sort((a, b) => at(a) - at(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const n = (sev) => diagnostics.filter((d) => d.severity === sev).length;
  return { ...r, diagnostics, summary: { errors: n('error'), warnings: n('warning'), infos: n('info') } };
}

/** The panel of last year's report says whether it is in use (also when folded). */
function renderPreviousState(prev) {
  $('prev-state').textContent = prev ? '· 已放入，检查时对照' : '';
}
