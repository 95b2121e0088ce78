// 年报检查 — the checker page.
//
// The core (Rust, compiled to wasm) does all the reading and checking; this file only draws.
// The facade (src/wasm.rs) returns plain objects:
//   check(text) -> Report, decodeFile(bytes, name) -> {text, encoding} | {error, kind},
//   checkWithPrevious(text, previousText) -> Report (plus X01–X03 against last year's report),
//   rules() -> RuleInfo[], template() -> Template, version() -> string.
// Spans in a Report are UTF-8 byte offsets into the checked text; byteToUtf16() below turns
// them into JS string (UTF-16 code unit) indices.
//
// Safety: user text is never parsed as HTML. Everything is built with createElement and
// textContent / createTextNode; there is no innerHTML in this file.

'use strict';

const SEV = {
  error: { icon: '✖', zh: '错误', rank: 3 },
  warning: { icon: '▲', zh: '警告', rank: 2 },
  info: { icon: 'ℹ', zh: '提示', rank: 1 },
};
const FORMAT_ZH = { gb2021: '2021 年格式（现行）', gb2019: '2019 年试行格式（旧）', unknown: '未能识别' };
const FORM_ZH = {
  'pdf-text': 'PDF 中复制的文字',
  'pdf-layout': 'PDF 版式文字',
  markdown: 'Markdown 表格文本',
  tsv: '制表符分隔的表格文本',
  html: '网页（HTML）',
  'run-together': '网页文字（表格数字连写）',
  text: '纯文本',
  docx: 'Word 文档',
  pdf: 'PDF 文件',
};
const TABLE_ZH = { t2: '表二', t3: '表三', t4: '表四' };
const ROLE_ZH = { suspect: '此格有误', total: '此合计与分项不符', part: '参与了不平衡的合计' };
const MAX_FILE = 20 * 1024 * 1024;
const MAX_ITEMS_PER_GROUP = 300;
const CHUNK = 16000; // characters per block of the marked text

const $ = (id) => document.getElementById(id);

/** Create an element. `attrs` values are set as attributes (strings) except `text`, `class`
 *  and `on*` handlers; children are nodes or strings (added as text, never parsed). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

/** Map UTF-8 byte offsets of `text` to UTF-16 indices. Returns a Map byte -> index.
 *  A lone surrogate counts as U+FFFD (3 bytes), as TextEncoder sends it to the core. */
function byteToUtf16(text, offsets) {
  const sorted = Array.from(new Set(offsets)).filter((o) => Number.isFinite(o)).sort((a, b) => a - b);
  const out = new Map();
  const n = text.length;
  let b = 0;
  let i = 0;
  for (const target of sorted) {
    while (b < target && i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80) { b += 1; i += 1; }
      else if (c < 0x800) { b += 2; i += 1; }
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { b += 4; i += 2; } else { b += 3; i += 1; }
      } else { b += 3; i += 1; }
    }
    out.set(target, i);
  }
  return out;
}

function fmtValue(v) {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'number') return String(v);
  return String(v);
}
function fmtNum(x) {
  if (typeof x !== 'number') return '';
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}

// ---------------------------------------------------------------- state

const state = {
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

// ---------------------------------------------------------------- start-up

function start(bindings) {
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

function showFatal(e) {
  setStatus('bad', '✖', '检查程序加载失败：' + (e && e.message ? e.message : String(e)) + '。请刷新页面重试。');
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

/** Last year's text to compare with, '' when the second box is empty. */
function previousText() {
  const v = $('prev-text').value;
  return v.trim() === '' ? '' : v;
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

/** Read a dropped or picked file into a checked result ({text, report, ...}); problems are
 *  told in `msg` and give null. */
async function readChecked(file, msg) {
  const name = file.name || '文件';
  if (file.size > MAX_FILE) {
    msg.textContent = `「${name}」太大（${Math.round(file.size / 1048576)} MB），请只保留报告本身，或复制报告文字粘贴进来。`;
    return null;
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // PDF, Word (.docx), web pages and text files are all read by the core (src/files.rs);
    // PDFs (with PDF.js) and .docx through the files module, loaded only now
    // (static/pdf-loader.js).
    let c;
    if (isPdf(bytes)) c = await readPdfFile(bytes, name, msg);
    else if (isZip(bytes)) c = await readDocxFile(bytes, name);
    else c = state.nb.checkFile(bytes, name);
    if (c.error) {
      msg.textContent = `无法读取「${name}」：${c.error}`;
      return null;
    }
    return c;
  } catch (e) {
    msg.textContent = `读取「${name}」时出错：` + (e && e.message ? e.message : String(e));
    return null;
  }
}

async function readFile(file) {
  const msg = $('file-msg');
  const c = await readChecked(file, msg);
  if (!c) return;
  const name = file.name || '文件';
  $('text').value = c.text;
  state.fileName = name;
  msg.textContent = fileNote(name, c);
  runCheck(c);
}

/** Last year's report from a file: its text goes into the second box (the comparison reads it
 *  from there, as for a paste). */
async function readPreviousFile(file) {
  const msg = $('prev-msg');
  const c = await readChecked(file, msg);
  if (!c) return;
  const name = file.name || '文件';
  $('prev-text').value = c.text;
  $('prev-panel').open = true;
  state.prevName = name;
  msg.textContent = `已读取上年度报告「${name}」${c.report && c.report.year ? `（${c.report.year} 年度）` : ''}，检查时会与它对照。`;
  runCheck();
}

/** Does the file start like a PDF (the header may follow up to 1 KB of junk)? */
function isPdf(bytes) {
  const n = Math.min(bytes.length, 1024) - 4;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** A zip archive (.docx)? */
function isZip(bytes) {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Read a PDF with PDF.js and the files module (loaded on first use, from this site) and check
 *  the text rebuilt from its positioned items. */
async function readPdfFile(bytes, name, msg = $('file-msg')) {
  msg.textContent = `正在读取 PDF「${name}」……（全部在本机完成，不上传）`;
  const t0 = performance.now();
  const { layoutPdf } = await import('./pdf-loader.js');
  const l = await layoutPdf(bytes);
  const c = l.error
    ? state.nb.pdfError(l.kind, l.error)
    : state.nb.checkPdfLayout(l.text, l.offsets, l.pages, l.xs, l.ys, l.chars, l.pageCount);
  c.pages = l.pageCount || 0;
  state.lastFile = { name, kind: 'pdf', pages: c.pages, ms: performance.now() - t0 };
  return c;
}

/** Read a Word file with the files module and check its text; other zip files are refused by
 *  the core with its message. */
async function readDocxFile(bytes, name) {
  const { docxText } = await import('./pdf-loader.js');
  const d = await docxText(bytes);
  return d.error ? { error: d.error } : state.nb.checkDocxText(d.text);
}

function fileNote(name, c) {
  const form = c.report && c.report.input_form;
  if (form === 'pdf') return `已读取 PDF「${name}」（${c.pages} 页）。下面是从 PDF 中取出的文字，问题注明了所在页。`;
  if (form === 'docx') return `已读取 Word 文档「${name}」，表格按单元格读取。`;
  if (form === 'html') return `已读取网页「${name}」（${c.encoding} 编码），表格按单元格读取。`;
  return `已读取「${name}」（${c.encoding} 编码）。`;
}

// ---------------------------------------------------------------- checking

/** `pre`: a result the core already made for exactly this text (a dropped file, a pasted web
 *  page), shown as is instead of checking the text again. */
function runCheck(pre) {
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

// ---------------------------------------------------------------- rendering

function setStatus(kind, icon, text) {
  const s = $('status');
  s.className = 'status status-' + kind;
  s.replaceChildren(el('span', { class: 'status-icon', 'aria-hidden': 'true', text: icon }), el('span', { class: 'status-text', text }));
}

function renderEmpty() {
  setStatus('empty', '✎', '请把年度报告全文粘贴到上面的框里，或拖入文件，也可以点「示例」看一看。');
  $('meta').hidden = true;
  $('print-head').textContent = '';
  $('counts').hidden = true;
  $('exports').hidden = true;
  $('work').hidden = true;
  state.marksByFinding = new Map();
  state.elsByCell = new Map();
}

function render() {
  const r = state.report;
  const text = state.text;
  const t = [performance.now()];

  // Every offset the page needs, converted in one pass over the text.
  const offs = [];
  for (const d of r.diagnostics) for (const s of d.spans || []) offs.push(s.start, s.end);
  for (const c of allCells(r)) if (c.cell.span) offs.push(c.cell.span.start, c.cell.span.end);
  state.u16 = byteToUtf16(text, offs);
  t.push(performance.now());

  renderSummary(r);
  t.push(performance.now());
  // The findings list and the tables are redrawn only when what they show has changed:
  // typing in the prose moves spans but rarely changes either.
  const fsig = findingsSignature(r);
  if (fsig !== state.findingsSig) {
    renderFindings(r);
    state.findingsSig = fsig;
  }
  t.push(performance.now());
  const cellMarks = cellMarksOf(r);
  const tsig = tablesSignature(r, cellMarks);
  if (tsig !== state.tablesSig) {
    renderTables(r, cellMarks);
    state.tablesSig = tsig;
  }
  t.push(performance.now());
  renderSource(r, text);
  t.push(performance.now());
  $('work').hidden = false;
  state.parts = { offsets: t[1] - t[0], summary: t[2] - t[1], findings: t[3] - t[2], tables: t[4] - t[3], source: t[5] - t[4] };
}

function findingsSignature(r) {
  return JSON.stringify(r.diagnostics.map((d) => {
    const s = d.spans && d.spans[0];
    return [d.code, d.severity, d.message, d.expected, d.actual, d.suggestion, s ? [s.line, s.col, s.end > s.start ? excerpt(s) : ''] : null];
  }));
}

function tablesSignature(r, marks) {
  const vals = [];
  for (const { key, cell } of allCells(r)) vals.push(key, cell.value, cell.span ? 1 : 0);
  const mk = [];
  for (const [k, v] of marks) mk.push(k, [...v.roles].join(), [...v.expected].join(), v.suspect);
  return JSON.stringify([r.t3 ? r.t3.columns : null, vals, mk]);
}

function renderSummary(r) {
  const s = r.summary;
  let kind;
  let icon;
  let msg;
  if (s.errors > 0) {
    kind = 'bad';
    icon = '✖';
    msg = `发现 ${s.errors} 个错误` + (s.warnings ? `、${s.warnings} 个警告` : '') + (s.infos ? `、${s.infos} 条提示` : '') + '。';
  } else if (s.warnings > 0) {
    kind = 'warn';
    icon = '▲';
    msg = `没有发现错误，有 ${s.warnings} 个警告请人工核对` + (s.infos ? `，另有 ${s.infos} 条提示` : '') + '。';
  } else {
    kind = 'pass';
    icon = '✔';
    msg = '通过：没有发现错误或警告' + (s.infos ? `（另有 ${s.infos} 条提示）` : '') + '。';
  }
  if (state.prevText) msg += ' 已对照上年度报告。';
  setStatus(kind, icon, msg);
  $('status').dataset.state = kind;
  $('status').dataset.previous = state.prevText ? 'on' : 'off';

  const meta = $('meta');
  const rows = [
    ['单位', r.agency || '未能识别'],
    ['报告年度', r.year ? r.year + ' 年' : '未能确定'],
    ['格式', FORMAT_ZH[r.format] || r.format],
    ['文本形式', FORM_ZH[r.input_form] || r.input_form],
    ['找到的部分', r.sections && r.sections.length ? r.sections.map((x) => '一二三四五六'[x.number - 1] || x.number).join('、') : '无'],
  ];
  if (state.fileName) rows.unshift(['文件', state.fileName]);
  if (state.prevText) rows.push(['上年度报告', '已对照' + (state.prevName ? `（${state.prevName}）` : '（粘贴的文字）')]);
  // The heading of the printed review sheet (审核单).
  $('print-head').textContent = `审核单：${r.agency || ''}${r.year ? r.year + ' 年度' : ''}政府信息公开工作年度报告` +
    `${state.fileName ? `（${state.fileName}）` : ''}　检查时间：${new Date().toLocaleString('zh-CN', { hour12: false })}`;
  meta.replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v, 'data-k': k })]));
  meta.dataset.format = r.format;
  meta.dataset.year = r.year || '';
  meta.hidden = false;

  const counts = $('counts');
  counts.replaceChildren(
    ...['error', 'warning', 'info'].map((sev) => {
      const n = sev === 'error' ? s.errors : sev === 'warning' ? s.warnings : s.infos;
      return el('li', { class: 'count sev-' + sev + (n ? '' : ' zero'), 'data-sev': sev },
        el('span', { class: 'icon', 'aria-hidden': 'true', text: SEV[sev].icon }),
        el('span', { class: 'label', text: SEV[sev].zh }),
        el('span', { class: 'n', text: String(n) }));
    }),
  );
  counts.hidden = false;
  $('exports').hidden = false;
}

function spanU16(s) {
  const a = state.u16.get(s.start);
  const b = state.u16.get(s.end);
  return [a, b === undefined ? a : b];
}

function excerpt(s, max = 60) {
  if (!s) return '';
  const [a, b] = spanU16(s);
  const t = state.text.slice(a, b);
  return t.length > max ? t.slice(0, max) + '…' : t;
}

function groupsOf(r) {
  const groups = new Map();
  r.diagnostics.forEach((d, i) => {
    if (!groups.has(d.code)) groups.set(d.code, []);
    groups.get(d.code).push(i);
  });
  const order = new Map(state.rules.map((x, i) => [x.code, i]));
  return Array.from(groups.entries()).sort((a, b) => {
    const sa = Math.max(...a[1].map((i) => SEV[r.diagnostics[i].severity].rank));
    const sb = Math.max(...b[1].map((i) => SEV[r.diagnostics[i].severity].rank));
    if (sa !== sb) return sb - sa;
    return (order.get(a[0]) ?? 999) - (order.get(b[0]) ?? 999) || a[0].localeCompare(b[0]);
  });
}

function renderFindings(r) {
  const list = $('findings-list');
  if (r.diagnostics.length === 0) {
    list.replaceChildren(el('p', { class: 'none' }, el('span', { 'aria-hidden': 'true', text: '✔ ' }), '没有发现问题。'));
    return;
  }
  const frag = document.createDocumentFragment();
  for (const [code, idx] of groupsOf(r)) {
    const rule = state.rulesByCode.get(code);
    const worst = idx.map((i) => r.diagnostics[i].severity).sort((a, b) => SEV[b].rank - SEV[a].rank)[0];
    const gid = 'g-' + code;
    const items = el('ol', { class: 'items', id: gid + '-items' });
    idx.slice(0, MAX_ITEMS_PER_GROUP).forEach((i) => items.append(findingItem(r.diagnostics[i], i)));
    if (idx.length > MAX_ITEMS_PER_GROUP) {
      items.append(el('li', { class: 'more', text: `还有 ${idx.length - MAX_ITEMS_PER_GROUP} 处同类问题未列出（导出 CSV 可看全部）。` }));
    }
    const toggle = el('button', { type: 'button', class: 'group-toggle', 'aria-expanded': 'true', 'aria-controls': gid + '-items' },
      el('span', { class: 'chev', 'aria-hidden': 'true', text: '▾' }),
      sevBadge(worst),
      el('span', { class: 'code', text: code }),
      el('span', { class: 'gname', text: rule ? rule.name : code }),
      el('span', { class: 'gcount', 'data-count': idx.length, text: `${idx.length} 处` }));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      items.hidden = open;
    });
    const head = el('h3', { class: 'group-head' }, toggle,
      el('a', { class: 'rule-link', href: '#rule-' + code }, '规则说明', el('span', { class: 'sr-only', text: '：' + code })));
    const why = rule ? el('details', { class: 'why' },
      el('summary', { text: '为什么会报这一条？' }),
      el('p', { text: rule.when }),
      el('p', { class: 'ex' }, el('b', { text: '例：' }), rule.example)) : null;
    frag.append(el('section', { class: 'group sev-' + worst, 'data-code': code, 'aria-label': `${code} ${rule ? rule.name : ''}，${idx.length} 处` }, head, why, items));
  }
  list.replaceChildren(frag);
}

function sevBadge(sev) {
  return el('span', { class: 'sev-badge sev-' + sev },
    el('span', { 'aria-hidden': 'true', text: SEV[sev].icon + ' ' }), SEV[sev].zh);
}

function findingItem(d, i) {
  const first = d.spans && d.spans[0];
  const where = first ? `${first.page ? `第 ${first.page} 页，` : ''}第 ${first.line} 行第 ${first.col} 列` : '全文';
  const go = el('button', { type: 'button', class: 'finding-go', 'data-f': i },
    el('span', { class: 'msg', text: d.message }));
  go.addEventListener('click', () => jumpToFinding(i));
  const details = el('div', { class: 'detail' });
  if (d.expected !== undefined || d.actual !== undefined) {
    details.append(el('span', { class: 'ea' },
      '应为 ', el('b', { class: 'expected', text: fmtNum(d.expected) }),
      '，实为 ', el('b', { class: 'actual', text: fmtNum(d.actual) })));
  }
  if (d.suggestion) details.append(el('span', { class: 'sugg' }, '建议：', el('b', { text: d.suggestion })));
  details.append(el('span', { class: 'where', text: where }));
  const ex = first && first.end > first.start ? excerpt(first) : '';
  if (ex) details.append(el('span', { class: 'quote' }, '原文：「', el('span', { class: 'qt', text: ex }), '」'));
  return el('li', { class: 'finding sev-' + d.severity, 'data-f': i, 'data-code': d.code },
    el('span', { class: 'sev-mini', 'aria-hidden': 'true', text: SEV[d.severity].icon }), go, details);
}

// ---- tables

function* allCells(r) {
  if (r.t2) for (const [row, cols] of Object.entries(r.t2)) for (const [col, cell] of Object.entries(cols)) yield { key: `t2|${row}|${col}`, cell };
  if (r.t4) for (const [row, cols] of Object.entries(r.t4)) for (const [col, cell] of Object.entries(cols)) yield { key: `t4|${row}|${col}`, cell };
  if (r.t3) {
    for (const [row, cells] of Object.entries(r.t3.rows)) {
      for (let i = 0; i < cells.length; i++) {
        const col = r.t3.columns[i] || `c${i}`;
        yield { key: `t3|${row}|${col}`, cell: cells[i] };
      }
    }
  }
}

/** The number read for a cell, if it is one. */
function cellNumber(r, table, row, col) {
  let cell;
  if (table === 't3') {
    const i = r.t3 ? r.t3.columns.indexOf(col) : -1;
    cell = i >= 0 && r.t3.rows[row] ? r.t3.rows[row][i] : undefined;
  } else {
    const t = r[table];
    cell = t && t[row] ? t[row][col] : undefined;
  }
  return cell && typeof cell.value === 'number' ? cell.value : undefined;
}

/** cell key -> {roles:Set, expected:Set, findings:[i]}. `roles` holds how the page shows the
 *  cell: 'wrong' (the suspect cell, or the total of a failed sum when no single cell is
 *  suspected) or 'part' (takes part in a failed sum). `expected` is the value that would make
 *  the sum hold with only this cell changed. */
function cellMarksOf(r) {
  const m = new Map();
  r.diagnostics.forEach((d, i) => {
    const cells = d.cells || [];
    const hasSuspect = cells.some((c) => c.role === 'suspect');
    for (const c of cells) {
      const key = `${c.table}|${c.row}|${c.column}`;
      if (!m.has(key)) m.set(key, { roles: new Set(), expected: new Set(), findings: [], suspect: false });
      const e = m.get(key);
      const wrong = c.role === 'suspect' || (c.role === 'total' && !hasSuspect);
      e.roles.add(wrong ? 'wrong' : 'part');
      if (c.role === 'suspect') e.suspect = true;
      if (!e.findings.includes(i)) e.findings.push(i);
      if (c.role === 'suspect' && d.suggestion && /^-?\d+(\.\d+)?$/.test(d.suggestion.trim())) {
        // The core's own word for the suspected cell ("18", "0").
        e.expected.add(d.suggestion.trim());
      } else if (wrong && typeof d.expected === 'number' && typeof d.actual === 'number') {
        const v = cellNumber(r, c.table, c.row, c.column);
        // The core says which side of the failed sum the cell is on (`side`): the printed
        // total or one of its parts; `expected` is the parts' sum and `actual` the total.
        const side = c.side;
        if (v !== undefined && side) e.expected.add(fmtNum(side === 'total' ? v + d.expected - d.actual : v + d.actual - d.expected));
      }
    }
  });
  return m;
}

function cellTd(table, row, col, cell, marks, label, extra) {
  const key = `${table}|${row}|${col}`;
  const mk = marks.get(key);
  const wrong = mk && mk.roles.has('wrong');
  const part = mk && !wrong && mk.roles.has('part');
  const cls = ['v'];
  if (wrong) cls.push('wrong');
  if (part) cls.push('part');
  if (!cell) cls.push('missing');
  else if (cell.value === null) cls.push('blank');
  else if (typeof cell.value === 'string') cls.push('textval');
  const td = el('td', Object.assign({ class: cls.join(' '), 'data-cell': key }, extra || {}));
  if (!cell) {
    td.append(el('span', { class: 'miss', text: '未读到' }));
    td.title = '没有读到这一格';
    return td;
  }
  const parts = [];
  if (wrong) parts.push(el('span', { class: 'icon', 'aria-hidden': 'true', text: '✖' }));
  if (part) parts.push(el('span', { class: 'icon', 'aria-hidden': 'true', text: '◆' }));
  parts.push(el('span', { class: 'val', text: fmtValue(cell.value) }));
  if (wrong && mk.expected.size) parts.push(el('span', { class: 'exp', text: `（应为 ${Array.from(mk.expected).join(' 或 ')}）` }));
  let state_ = '';
  if (wrong) state_ = '，' + (mk.suspect ? ROLE_ZH.suspect : ROLE_ZH.total) + (mk.expected.size ? `，应为 ${Array.from(mk.expected).join(' 或 ')}` : '');
  else if (part) state_ = '，' + ROLE_ZH.part;
  const aria = `${label}：${fmtValue(cell.value)}${state_}` + (cell.span ? '。按回车在原文中查看' : '');
  if (cell.span) {
    const b = el('button', { type: 'button', class: 'cellbtn', 'aria-label': aria }, ...parts);
    b.addEventListener('click', () => jumpToCell(key, cell.span));
    td.append(b);
  } else {
    td.append(el('span', { class: 'cellbtn static', 'aria-label': aria, role: 'img' }, ...parts));
  }
  return td;
}

function renderTables(r, marks) {
  renderT2(r, marks);
  renderT3(r, marks);
  renderT4(r, marks);
}

function missingTable(box, name) {
  box.replaceChildren(el('h3', { text: name }), el('p', { class: 'notable', text: '没有读到这张表。' }));
}

function renderT2(r, marks) {
  const box = $('t2');
  const caption = '表二 主动公开政府信息情况';
  if (!r.t2) return missingTable(box, caption);
  const tbl = el('table', { class: 'grid t2' }, el('caption', { text: caption }));
  const body = el('tbody');
  let group = null;
  for (const row of state.template.t2.rows) {
    const cols = row.columns || [];
    if (row.group !== group) {
      group = row.group;
      body.append(el('tr', { class: 'grp' }, el('th', { colspan: 4, scope: 'colgroup', text: group })));
      const hr = el('tr', { class: 'hdr' }, el('th', { scope: 'col', text: '信息内容' }));
      if (cols.length === 1) hr.append(el('th', { scope: 'col', colspan: 3, text: cols[0].label }));
      else for (const c of cols) hr.append(el('th', { scope: 'col', text: c.label }));
      body.append(hr);
    }
    const tr = el('tr', null, el('th', { scope: 'row', text: row.label }));
    const got = r.t2[row.key];
    for (const c of cols) {
      const cell = got ? got[c.key] : undefined;
      tr.append(cellTd('t2', row.key, c.key, cell, marks, `表二 ${row.label} ${c.label}`, cols.length === 1 ? { colspan: 3 } : null));
    }
    body.append(tr);
  }
  tbl.append(body);
  box.replaceChildren(tbl);
}

function renderT3(r, marks) {
  const box = $('t3');
  const caption = '表三 收到和处理政府信息公开申请情况';
  if (!r.t3) return missingTable(box, caption);
  const T = state.template.t3;
  const colLabel = new Map(T.columns.map((c) => [c.key, c.label]));
  const cols = r.t3.columns && r.t3.columns.length ? r.t3.columns : T.columns.filter((c) => c.key !== 'legal_subtotal').map((c) => c.key);
  const legal = new Set([...T.legal_columns, 'legal_subtotal']);
  const rowsRead = r.t3.rows || {};
  const is2019 = 'other' in rowsRead && !('other_1' in rowsRead);
  const rows = T.rows.filter((x) => x.variant === 'both' || x.variant === (is2019 ? '2019' : '2021'));

  const thead = el('thead');
  const h1 = el('tr', null,
    el('th', { colspan: 3, rowspan: 3, class: 'corner', text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }),
    el('th', { colspan: cols.length, scope: 'colgroup', text: '申请人情况' }));
  const h2 = el('tr');
  const h3 = el('tr');
  let i = 0;
  while (i < cols.length) {
    if (legal.has(cols[i])) {
      let j = i;
      while (j < cols.length && legal.has(cols[j])) j++;
      h2.append(el('th', { colspan: j - i, scope: 'colgroup', text: '法人或其他组织' }));
      for (let k = i; k < j; k++) h3.append(el('th', { scope: 'col', text: colLabel.get(cols[k]) || cols[k] }));
      i = j;
    } else {
      h2.append(el('th', { rowspan: 2, scope: 'col', text: colLabel.get(cols[i]) || cols[i] }));
      i++;
    }
  }
  thead.append(h1, h2, h3);

  const isResult = (x) => x.group === '三、本年度办理结果' || (x.group && x.group.startsWith('（'));
  const resultCount = rows.filter(isResult).length;
  const groupCount = new Map();
  for (const x of rows) if (x.group && x.group.startsWith('（')) groupCount.set(x.group, (groupCount.get(x.group) || 0) + 1);
  const tbody = el('tbody');
  let resultOpened = false;
  const groupsOpened = new Set();
  for (const x of rows) {
    const tr = el('tr', { 'data-row': x.key });
    if (!isResult(x)) {
      tr.append(el('th', { colspan: 3, scope: 'row', text: x.label }));
    } else {
      if (!resultOpened) {
        resultOpened = true;
        tr.append(el('th', { rowspan: resultCount, scope: 'rowgroup', class: 'vgroup', text: '三、本年度办理结果' }));
      }
      if (x.group.startsWith('（')) {
        if (!groupsOpened.has(x.group)) {
          groupsOpened.add(x.group);
          tr.append(el('th', { rowspan: groupCount.get(x.group), scope: 'rowgroup', class: 'vgroup', text: x.group }));
        }
        tr.append(el('th', { scope: 'row', text: x.label }));
      } else {
        tr.append(el('th', { colspan: 2, scope: 'row', text: x.label }));
      }
    }
    const cells = rowsRead[x.key];
    const short = x.group && x.group.startsWith('（') ? x.group + x.label : x.label;
    cols.forEach((c, k) => {
      const cell = cells ? cells[k] : undefined;
      tr.append(cellTd('t3', x.key, c, cell, marks, `表三 ${short} ${colLabel.get(c) || c}`));
    });
    if (!cells) tr.classList.add('row-missing');
    tbody.append(tr);
  }
  box.replaceChildren(el('table', { class: 'grid t3' }, el('caption', { text: caption }), thead, tbody));
}

function renderT4(r, marks) {
  const box = $('t4');
  const caption = '表四 政府信息公开行政复议、行政诉讼情况';
  if (!r.t4) return missingTable(box, caption);
  const T = state.template.t4;
  const thead = el('thead');
  const h1 = el('tr', null,
    el('th', { colspan: T.columns.length, scope: 'colgroup', text: '行政复议' }),
    el('th', { colspan: T.columns.length * 2, scope: 'colgroup', text: '行政诉讼' }));
  const h2 = el('tr');
  for (const c of T.columns) h2.append(el('th', { rowspan: 2, scope: 'col', text: c.label }));
  h2.append(el('th', { colspan: T.columns.length, scope: 'colgroup', text: '未经复议直接起诉' }));
  h2.append(el('th', { colspan: T.columns.length, scope: 'colgroup', text: '复议后起诉' }));
  const h3 = el('tr');
  for (let k = 0; k < 2; k++) for (const c of T.columns) h3.append(el('th', { scope: 'col', text: c.label }));
  thead.append(h1, h2, h3);
  const tr = el('tr');
  for (const b of T.blocks) {
    const got = r.t4[b.key];
    for (const c of T.columns) {
      tr.append(cellTd('t4', b.key, c.key, got ? got[c.key] : undefined, marks, `表四 ${b.label} ${c.label}`));
    }
  }
  box.replaceChildren(el('div', { class: 'scroll-x' }, el('table', { class: 'grid t4' }, el('caption', { text: caption }), thead, el('tbody', null, tr))));
}

// ---- source view

function renderSource(r, text) {
  const pre = $('source-text');
  const ranges = [];
  r.diagnostics.forEach((d, i) => {
    (d.spans || []).forEach((s, k) => {
      const [a, b] = spanU16(s);
      if (a === undefined) return;
      ranges.push({ a, b, f: i, primary: k === 0 });
    });
  });
  for (const { key, cell } of allCells(r)) {
    if (!cell.span) continue;
    const [a, b] = spanU16(cell.span);
    if (a === undefined || b <= a) continue;
    ranges.push({ a, b, c: key });
  }
  // Sweep over boundaries; every segment knows the findings and cells that cover it.
  const ev = [];
  ranges.forEach((x, id) => {
    if (x.b > x.a) {
      ev.push([x.a, 1, id]);
      ev.push([x.b, 0, id]);
    } else {
      ev.push([x.a, 2, id]); // an empty span: a pin at its place (below)
    }
  });
  // Long texts are drawn in blocks of about CHUNK characters, cut after a line end; the
  // browser skips laying out the blocks that are off screen (content-visibility in the CSS).
  if (text.length > CHUNK * 1.5) {
    let at = CHUNK;
    while (at < text.length - CHUNK / 2) {
      const nl = text.indexOf('\n', at);
      if (nl < 0 || nl + 1 >= text.length) break;
      ev.push([nl + 1, -1, -1]);
      at = nl + 1 + CHUNK;
    }
  }
  ev.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const frag = document.createDocumentFragment();
  let box = frag;
  const chunked = ev.some((e) => e[1] === -1);
  if (chunked) {
    box = el('span', { class: 'chunk' });
    frag.append(box);
  }
  const active = new Set();
  const marksByFinding = new Map();
  const elsByCell = new Map();
  const started = new Set();
  const primaryEl = new Map(); // finding -> the first element of its main span
  let pos = 0;
  const emit = (upto) => {
    if (upto <= pos) return;
    const piece = text.slice(pos, upto);
    if (active.size === 0) {
      box.append(document.createTextNode(piece));
    } else {
      const fs = [];
      const cs = [];
      for (const id of active) {
        const x = ranges[id];
        if (x.f !== undefined) fs.push(x.f);
        else cs.push(x.c);
      }
      if (fs.length) {
        const uniq = Array.from(new Set(fs)).sort((p, q) => p - q);
        const worst = uniq.map((f) => r.diagnostics[f].severity).sort((p, q) => SEV[q].rank - SEV[p].rank)[0];
        // A finding's first span is its main place; the others (the terms of a sum, say) are
        // drawn lighter. The code label goes where the main place starts.
        const primaries = [];
        for (const id of active) if (ranges[id].primary) primaries.push(ranges[id].f);
        const cls = 'hl sev-' + worst + (primaries.length ? '' : ' secondary');
        const m = el('mark', { class: cls, tabindex: '0', 'data-f': uniq.join(' ') });
        for (const f of primaries) if (!primaryEl.has(f)) primaryEl.set(f, m);
        const newStarts = Array.from(new Set(primaries)).filter((f) => !started.has(f)).sort((p, q) => p - q);
        if (newStarts.length) {
          m.dataset.codes = Array.from(new Set(newStarts.map((f) => r.diagnostics[f].code))).join(' ');
          newStarts.forEach((f) => started.add(f));
        }
        m.textContent = piece;
        if (cs.length) m.dataset.c = cs.join(' ');
        for (const f of uniq) {
          if (!marksByFinding.has(f)) marksByFinding.set(f, []);
          marksByFinding.get(f).push(m);
        }
        for (const c of cs) {
          if (!elsByCell.has(c)) elsByCell.set(c, []);
          elsByCell.get(c).push(m);
        }
        box.append(m);
      } else {
        const s = el('span', { class: 'cellsrc', 'data-c': cs.join(' ') });
        s.textContent = piece;
        for (const c of cs) {
          if (!elsByCell.has(c)) elsByCell.set(c, []);
          elsByCell.get(c).push(s);
        }
        box.append(s);
      }
    }
    pos = upto;
  };
  // Zero-length spans (a missing section, say) become a small pin at their place.
  const pins = new Map();
  ranges.forEach((x) => {
    if (x.f !== undefined && x.b <= x.a) {
      if (!pins.has(x.a)) pins.set(x.a, []);
      pins.get(x.a).push(x.f);
    }
  });
  for (const [at, kind, id] of ev) {
    emit(at);
    if (pins.has(at)) {
      const fs = pins.get(at);
      pins.delete(at);
      const worst = fs.map((f) => r.diagnostics[f].severity).sort((p, q) => SEV[q].rank - SEV[p].rank)[0];
      const m = el('mark', { class: 'hl pin sev-' + worst, tabindex: '0', 'data-f': fs.join(' '), 'data-codes': Array.from(new Set(fs.map((f) => r.diagnostics[f].code))).join(' ') });
      for (const f of fs) {
        if (!marksByFinding.has(f)) marksByFinding.set(f, []);
        marksByFinding.get(f).push(m);
        if (!primaryEl.has(f)) primaryEl.set(f, m);
      }
      box.append(m);
    }
    if (kind === -1) {
      box = el('span', { class: 'chunk' });
      frag.append(box);
      continue;
    }
    if (kind === 2) continue;
    if (kind === 1) active.add(id);
    else active.delete(id);
  }
  emit(text.length);
  pre.replaceChildren(frag);
  state.marksByFinding = marksByFinding;
  state.primaryEl = primaryEl;
  state.elsByCell = elsByCell;
}

// ---- interaction

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

function jumpToFinding(i) {
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

function jumpToCell(key, span) {
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

function showTip(m) {
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

function positionTip() {
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

function hideTip() {
  const tip = $('tip');
  state.tipAnchor = null;
  if (!tip.hidden) tip.hidden = true;
}

// ---- rules reference

function renderRules() {
  const box = $('rules-list');
  const frag = document.createDocumentFragment();
  const groups = [
    ['P', '读取'], ['D', '文档与部分'], ['T', '表格结构与单元格'], ['A', '勾稽关系（算术）'],
    ['C', '正文与表格'], ['W', '文字'], ['X', '与上年报告对照'],
  ];
  for (const [p, name] of groups) {
    const rs = state.rules.filter((r) => r.code.startsWith(p));
    if (!rs.length) continue;
    const dl = el('dl', { class: 'rules' });
    for (const r of rs) {
      dl.append(
        el('dt', { id: 'rule-' + r.code, tabindex: '-1' },
          el('span', { class: 'code', text: r.code }), ' ', el('span', { text: r.name }), ' ', sevBadge(r.severity)),
        el('dd', null, el('p', { text: r.when }), el('p', { class: 'ex' }, el('b', { text: '例：' }), r.example)));
    }
    frag.append(el('h3', { text: `${p} — ${name}` }), dl);
  }
  box.replaceChildren(frag);
}

// ---- export

function findingsForExport() {
  const r = state.report;
  return r.diagnostics.map((d, i) => {
    const rule = state.rulesByCode.get(d.code);
    const first = d.spans && d.spans[0];
    return {
      n: i + 1,
      code: d.code,
      severity: d.severity,
      rule: rule ? rule.name : '',
      message: d.message,
      expected: d.expected,
      actual: d.actual,
      suggestion: d.suggestion,
      line: first ? first.line : undefined,
      col: first ? first.col : undefined,
      text: first ? excerpt(first, 200) : '',
      spans: d.spans,
      cells: d.cells,
    };
  });
}

function baseName() {
  const r = state.report;
  const who = (r && r.agency) || (state.fileName ? state.fileName.replace(/\.[^.]+$/, '') : '报告');
  return `年报检查-${who}${r && r.year ? '-' + r.year : ''}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

function download(name, mime, content) {
  const blob = new Blob([content], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function exportJson() {
  const r = state.report;
  if (!r) return;
  const out = {
    tool: 'nianbao',
    version: state.nb.version(),
    checked_at: new Date().toISOString(),
    file: state.fileName,
    title: r.title ?? null,
    agency: r.agency ?? null,
    year: r.year ?? null,
    format: r.format,
    input_form: r.input_form,
    summary: r.summary,
    findings: findingsForExport(),
  };
  download(baseName() + '.json', 'application/json', JSON.stringify(out, null, 2) + '\n');
}

function csvField(v) {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? '"' + (/^[=+\-@\t]/.test(s) ? "'" : '') + s.replace(/"/g, '""') + '"' : s;
}

function exportCsv() {
  if (!state.report) return;
  const head = ['序号', '代码', '级别', '规则', '问题说明', '应为', '实为', '建议', '行', '列', '原文'];
  const lines = [head.join(',')];
  for (const f of findingsForExport()) {
    lines.push([f.n, f.code, SEV[f.severity].zh, f.rule, f.message, fmtNum(f.expected), fmtNum(f.actual), f.suggestion, f.line, f.col, f.text].map(csvField).join(','));
  }
  // UTF-8 with BOM and CRLF, so that WPS and Excel open it with the right encoding.
  download(baseName() + '.csv', 'text/csv;charset=utf-8', '\ufeff' + lines.join('\r\n') + '\r\n');
}

// ---- hooks for tests and benchmarks (read-only views of the page state)

window.__nianbao = {
  byteToUtf16,
  get report() { return state.report; },
  get text() { return state.text; },
  get previousText() { return state.prevText; },
  get lastFile() { return state.lastFile; },
  get checks() { return state.checks; },
  get timings() { return state.timings.slice(); },
  get firstResultAt() { return state.firstResultAt; },
  runCheck,
  /** Draw a given report for a given text (tests of the drawing alone). */
  draw(text, report) {
    state.text = text;
    state.report = report;
    state.findingsSig = null;
    state.tablesSig = null;
    render();
  },
};

if (window.wasmBindings) start(window.wasmBindings);
else addEventListener('TrunkApplicationStarted', () => start(window.wasmBindings), { once: true });
