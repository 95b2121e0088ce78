// 年报检查 — start-up: once the wasm is loaded (static/app.js calls start()), read the rules and
// the table template from the core, draw the rules reference, and wire every control of the
// page: the two text boxes (typing, pasting from web pages), the buttons, drag and drop, and the
// tooltips of the source view. Reading files is in files.js; checking in check.js.

import { runCheck } from './check.js';
import { exportCsv, exportJson } from './export.js';
import { readFile, readPreviousFile } from './files.js';
import { hideTip, positionTip, showTip } from './interaction.js';
import { renderEmpty, showFatal } from './render.js';
import { renderRules } from './rules.js';
import { $, state } from './state.js';

export function start(bindings) {
  if (state.nb) return;
  state.nb = bindings;
  try {
    state.rules = bindings.rules();
    for (const r of state.rules) state.rulesByCode.set(r.code, r);
    state.template = bindings.template();
    $('version').textContent = 'v' + bindings.version();
  } catch (e) {
    showFatal(e);
    return;
  }
  renderRules();
  wire();
  if (location.hash === '#sample' || location.hash === '#示例' || location.hash === '#%E7%A4%BA%E4%BE%8B') {
    loadSample();
  } else if ($('text').value) {
    runCheck();
  } else {
    renderEmpty();
  }
}

function wire() {
  const ta = $('text');
  ta.addEventListener('input', () => schedule(false));
  ta.addEventListener('paste', (ev) => {
    // Copied from a web page: the clipboard also holds the page's markup; read its tables
    // cell by cell (when the paste replaces the whole text).
    const html = ev.clipboardData && ev.clipboardData.getData('text/html');
    const whole = ta.value.trim() === '' || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
    if (html && whole && /<t[dh][\s>]/i.test(html)) {
      ev.preventDefault();
      const c = state.nb.checkHtml(html);
      ta.value = c.text;
      state.fileName = null;
      $('file-msg').textContent = '已按网页中的表格读取粘贴的内容。';
      runCheck(c);
      return;
    }
    schedule(true);
  });
  $('pick').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (ev) => {
    const f = ev.target.files && ev.target.files[0];
    if (f) readFile(f);
    ev.target.value = '';
  });
  $('sample-btn').addEventListener('click', loadSample);
  $('clear').addEventListener('click', () => {
    ta.value = '';
    state.fileName = null;
    $('file-msg').textContent = '';
    runCheck();
    ta.focus();
  });
  wirePrevious();
  $('export-json').addEventListener('click', exportJson);
  $('export-csv').addEventListener('click', exportCsv);
  $('print').addEventListener('click', () => window.print());

  // Drag and drop: anywhere on the page; the box around the text area shows it.
  const drop = $('drop');
  let depth = 0;
  const hasFiles = (ev) => ev.dataTransfer && Array.from(ev.dataTransfer.types || []).includes('Files');
  document.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth += 1;
    const onPrev = ev.target && ev.target.closest && ev.target.closest('#prev-panel');
    drop.classList.toggle('dragging', !onPrev);
    $('prev-drop').classList.toggle('dragging', !!onPrev);
  });
  document.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      drop.classList.remove('dragging');
      $('prev-drop').classList.remove('dragging');
    }
  });
  document.addEventListener('drop', (ev) => {
    depth = 0;
    drop.classList.remove('dragging');
    $('prev-drop').classList.remove('dragging');
    if (!ev.dataTransfer || !ev.dataTransfer.files || ev.dataTransfer.files.length === 0) return;
    ev.preventDefault();
    // Dropped on the panel of last year's report: read as that; anywhere else: this year's.
    if (ev.target && ev.target.closest && ev.target.closest('#prev-panel')) readPreviousFile(ev.dataTransfer.files[0]);
    else readFile(ev.dataTransfer.files[0]);
  });

  // Source view: tooltips and cell jumps.
  const src = $('source-text');
  src.addEventListener('mouseover', (ev) => {
    const m = ev.target.closest && ev.target.closest('mark.hl');
    if (m) showTip(m);
  });
  src.addEventListener('mouseout', (ev) => {
    const m = ev.target.closest && ev.target.closest('mark.hl');
    if (m && !m.contains(ev.relatedTarget) && document.activeElement !== m) hideTip();
  });
  src.addEventListener('focusin', (ev) => {
    const m = ev.target.closest && ev.target.closest('mark.hl');
    if (m) showTip(m);
  });
  src.addEventListener('focusout', () => hideTip());
  src.addEventListener('click', (ev) => {
    const m = ev.target.closest && ev.target.closest('mark.hl');
    if (m) showTip(m);
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') hideTip();
  });
  window.addEventListener('scroll', () => positionTip(), { passive: true });
  src.addEventListener('scroll', () => positionTip(), { passive: true });
  window.addEventListener('resize', () => positionTip(), { passive: true });
}

/** The optional second input: last year's report, compared with every check (X01–X03). */
function wirePrevious() {
  const pv = $('prev-text');
  pv.addEventListener('input', () => {
    if (pv.value.trim() === '') state.prevName = null;
    schedule(false);
  });
  pv.addEventListener('paste', (ev) => {
    // From a web page: read its tables cell by cell, as for this year's report.
    const html = ev.clipboardData && ev.clipboardData.getData('text/html');
    const whole = pv.value.trim() === '' || (pv.selectionStart === 0 && pv.selectionEnd === pv.value.length);
    if (html && whole && /<t[dh][\s>]/i.test(html)) {
      ev.preventDefault();
      pv.value = state.nb.checkHtml(html).text;
      state.prevName = null;
      $('prev-msg').textContent = '已按网页中的表格读取粘贴的上年度报告。';
      runCheck();
      return;
    }
    schedule(true);
  });
  $('prev-pick').addEventListener('click', () => $('prev-file').click());
  $('prev-file').addEventListener('change', (ev) => {
    const f = ev.target.files && ev.target.files[0];
    if (f) readPreviousFile(f);
    ev.target.value = '';
  });
  $('prev-clear').addEventListener('click', () => {
    pv.value = '';
    state.prevName = null;
    $('prev-msg').textContent = '已清除上年度报告，不再对照。';
    runCheck();
    pv.focus();
  });
}

function schedule(immediate) {
  clearTimeout(state.timer);
  // The check itself takes about a millisecond; waiting for a pause in typing keeps the text
  // area responsive even for very long reports (the delay grows with the last run's cost).
  const delay = immediate ? 0 : Math.min(1000, Math.max(150, state.lastMs * 4));
  state.timer = setTimeout(runCheck, delay);
}

async function loadSample() {
  const msg = $('file-msg');
  try {
    const resp = await fetch('sample.txt', { cache: 'no-cache' });
    if (!resp.ok) throw new Error('HTTP ' + resp.status);
    const bytes = new Uint8Array(await resp.arrayBuffer());
    const d = state.nb.decodeFile(bytes, 'sample.txt');
    $('text').value = d.text;
    state.fileName = '示例报告';
    msg.textContent = '已载入示例报告（虚构单位，含几处常见问题）。';
    runCheck();
  } catch (e) {
    msg.textContent = '示例报告载入失败：' + (e && e.message ? e.message : String(e));
  }
}
