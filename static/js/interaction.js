// 年报检查 — moving between the parts of the page: a click on a finding or a table cell marks
// and scrolls to its characters in the source view (and moves the focus there); a cell named
// under a finding (请核对的格) is shown in the tables; hovering or focusing a mark shows its
// findings in a tooltip.

import { SEV, el } from './shared.js';
import { $, state } from './state.js';

function clearCurrent() {
  for (const e of document.querySelectorAll('#source-text .current')) e.classList.remove('current', 'flash');
  for (const e of document.querySelectorAll('.finding.active')) e.classList.remove('active');
  for (const e of document.querySelectorAll('td.active')) e.classList.remove('active');
}

function flash(els, main) {
  for (const e of els) {
    e.classList.remove('flash');
    void e.offsetWidth; // restart the animation
    e.classList.add('current', 'flash');
  }
  const first = main || els[0];
  if (first) {
    first.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
  }
}

export function jumpToFinding(i) {
  clearCurrent();
  const li = document.querySelector(`.finding[data-f="${i}"]`);
  if (li) li.classList.add('active');
  const els = state.marksByFinding.get(i) || [];
  if (els.length === 0) {
    $('file-msg').textContent = '这条问题涉及全文，没有具体位置。';
    return;
  }
  // All its places flash; the view goes to its main place (the first span), where keyboard
  // users land and its message is shown as for a hover.
  const main = (state.primaryEl && state.primaryEl.get(i)) || els[0];
  flash(els, main);
  main.focus({ preventScroll: true });
}

export function jumpToCell(key, span) {
  clearCurrent();
  const els = state.elsByCell.get(key) || [];
  const td = document.querySelector(`td[data-cell="${CSS.escape(key)}"]`);
  if (td) td.classList.add('active');
  if (els.length === 0) return;
  flash(els);
  const target = els[0];
  if (target.tabIndex < 0) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  void span;
}

/** From a finding's list of cells to one of them in the tables: marked, scrolled to and focused
 *  (its button finds it in the text, as a click on the cell does). */
export function jumpToTableCell(key) {
  clearCurrent();
  const td = document.querySelector(`td[data-cell="${CSS.escape(key)}"]`);
  if (!td) return;
  td.classList.add('active');
  td.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
  const b = td.querySelector('.cellbtn');
  if (b) {
    if (b.tabIndex < 0 && b.tagName !== 'BUTTON') b.tabIndex = -1;
    b.focus({ preventScroll: true });
  }
}

export function showTip(m) {
  const tip = $('tip');
  const fs = (m.dataset.f || '').split(' ').filter(Boolean).map(Number);
  const r = state.report;
  if (!r || fs.length === 0) return;
  const items = fs.map((f) => {
    const d = r.diagnostics[f];
    const rule = state.rulesByCode.get(d.code);
    const line = el('div', { class: 'tip-item sev-' + d.severity },
      el('span', { class: 'tip-sev' }, el('span', { 'aria-hidden': 'true', text: SEV[d.severity].icon + ' ' }), SEV[d.severity].zh + ' ' + d.code),
      ' ', el('span', { class: 'tip-msg', text: d.message }));
    if (d.suggestion) line.append(el('div', { class: 'tip-sugg', text: '建议：' + d.suggestion }));
    if (rule) line.title = rule.name;
    return line;
  });
  tip.replaceChildren(...items);
  tip.hidden = false;
  state.tipAnchor = m;
  positionTip();
  for (const e of document.querySelectorAll('[aria-describedby="tip"]')) e.removeAttribute('aria-describedby');
  m.setAttribute('aria-describedby', 'tip');
}

export function positionTip() {
  const tip = $('tip');
  const m = state.tipAnchor;
  if (tip.hidden || !m) return;
  const rect = m.getBoundingClientRect();
  if (!m.isConnected || rect.bottom < 0 || rect.top > window.innerHeight) {
    hideTip();
    return;
  }
  const tw = Math.min(420, window.innerWidth - 16);
  tip.style.maxWidth = tw + 'px';
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - tw - 8));
  const top = rect.bottom + 6;
  tip.style.left = left + 'px';
  tip.style.top = top + 'px';
  const th = tip.getBoundingClientRect().height;
  if (top + th > window.innerHeight - 8 && rect.top - th - 6 > 8) tip.style.top = rect.top - th - 6 + 'px';
}

export function hideTip() {
  const tip = $('tip');
  state.tipAnchor = null;
  if (!tip.hidden) tip.hidden = true;
}
