// 年报检查 — drawing a result: the status line, the report's facts (agency, year, format), the
// counts, and the list of findings grouped by rule; then the tables (tables.js) and the marked
// text (source-view.js). The findings list and the tables are redrawn only when what they show
// has changed.

import { jumpToFinding, jumpToTableCell } from './interaction.js';
import { spanQuote } from './quote.js';
import { SEV, byteToUtf16, el } from './shared.js';
import { renderSource } from './source-view.js';
import { $, fmtNum, state } from './state.js';
import { allCells, cellMarksOf, cellName, renderTables, uncertainCells } from './tables.js';

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

const MAX_ITEMS_PER_GROUP = 300;

function setStatus(kind, icon, text) {
  const s = $('status');
  s.className = 'status status-' + kind;
  s.replaceChildren(el('span', { class: 'status-icon', 'aria-hidden': 'true', text: icon }), el('span', { class: 'status-text', text }));
}

/** The core could not be started or failed on a text: say so in the status line. */
export function showFatal(e) {
  setStatus('bad', '✖', '检查程序加载失败：' + (e && e.message ? e.message : String(e)) + '。请刷新页面重试。');
}

export function renderEmpty() {
  setStatus('empty', '✎', '请把年度报告全文粘贴到上面的框里，或拖入文件，也可以点「示例」看一看。');
  $('meta').hidden = true;
  $('print-head').textContent = '';
  $('counts').hidden = true;
  $('exports').hidden = true;
  $('work').hidden = true;
  state.marksByFinding = new Map();
  state.elsByCell = new Map();
}

export function render() {
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
  // The quote is part of it: typing next to a finding changes the line around it.
  return JSON.stringify([r.diagnostics.map((d) => {
    const s = d.spans && d.spans[0];
    return [d.code, d.severity, d.message, d.expected, d.actual, d.suggestion, s ? [s.line, s.col, s.end > s.start ? spanQuote(s) : ''] : null];
  }), uncertainCells(r).map((u) => [u.key, u.finding])]);
}

function tablesSignature(r, marks) {
  const vals = [];
  for (const { key, cell } of allCells(r)) vals.push(key, cell.value, cell.span ? 1 : 0);
  const mk = [];
  for (const [k, v] of marks) mk.push(k, [...v.roles].join(), [...v.expected].join(), v.suspect, v.unsure || '');
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
  // The cells each reading note (P01, P02, P04) is about: listed under it, each a link to the
  // cell in the tables, where it is marked 请核对.
  const unsureOf = new Map();
  for (const u of uncertainCells(r)) {
    if (u.finding < 0) continue;
    if (!unsureOf.has(u.finding)) unsureOf.set(u.finding, []);
    unsureOf.get(u.finding).push(u);
  }
  const frag = document.createDocumentFragment();
  for (const [code, idx] of groupsOf(r)) {
    const rule = state.rulesByCode.get(code);
    const worst = idx.map((i) => r.diagnostics[i].severity).sort((a, b) => SEV[b].rank - SEV[a].rank)[0];
    const gid = 'g-' + code;
    const items = el('ol', { class: 'items', id: gid + '-items' });
    idx.slice(0, MAX_ITEMS_PER_GROUP).forEach((i) => items.append(findingItem(r.diagnostics[i], i, unsureOf.get(i))));
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

export function sevBadge(sev) {
  return el('span', { class: 'sev-badge sev-' + sev },
    el('span', { 'aria-hidden': 'true', text: SEV[sev].icon + ' ' }), SEV[sev].zh);
}

/** 原文：「…the line before<mark>the finding's characters</mark>the line after…」 (quote.js). */
function quoteEl(q) {
  const cut = () => el('span', { class: 'cut', text: '…' });
  return el('span', { class: 'quote' }, '原文：「',
    q.cutBefore && cut(), q.before || null,
    el('mark', { class: 'qt' }, q.head, q.tail ? cut() : null, q.tail || null),
    q.after || null, q.cutAfter && cut(), '」');
}

/** 请核对的格：[表二 行政规范性文件 本年制发] [...] — buttons that show each cell in the tables. */
function unsureCellsEl(cells) {
  const box = el('div', { class: 'unsure-cells' }, el('span', { class: 'lbl', text: '请核对的格：' }));
  for (const u of cells) {
    const name = cellName(u.table, u.row, u.column);
    box.append(el('button', { type: 'button', class: 'cell-link', 'data-cell': u.key, title: u.cell.reason || '',
      'aria-label': `在表格中查看：${name}` + (u.cell.reason ? `（${u.cell.reason}）` : ''),
      onclick: () => jumpToTableCell(u.key) }, name));
  }
  return box;
}

function findingItem(d, i, unsure) {
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
  if (first && first.end > first.start) details.append(quoteEl(spanQuote(first)));
  if (unsure && unsure.length) details.append(unsureCellsEl(unsure));
  return el('li', { class: 'finding sev-' + d.severity, 'data-f': i, 'data-code': d.code },
    el('span', { class: 'sev-mini', 'aria-hidden': 'true', text: SEV[d.severity].icon }), go, details);
}
