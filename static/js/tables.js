// 年报检查 — the three tables (表二, 表三, 表四) drawn again in the official layout from the
// values the core read: wrong cells and the cells of a failed sum are marked (with the value
// that would balance), cells the reader was unsure of (certain: false) are marked 请核对 with its
// reason, and a click on a cell finds it in the text.

import { jumpToCell } from './interaction.js';
import { el } from './shared.js';
import { $, fmtNum, state } from './state.js';

const ROLE_ZH = { suspect: '此格有误', total: '此合计与分项不符', part: '参与了不平衡的合计' };

function fmtValue(v) {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'number') return String(v);
  return String(v);
}

export function* allCells(r) {
  // Table 二 in the 2019 trial format is `t2_2019`, with its own rows and columns.
  for (const t of ['t2', 't2_2019', 't4']) {
    if (r[t]) for (const [row, cols] of Object.entries(r[t])) for (const [col, cell] of Object.entries(cols)) yield { key: `${t}|${row}|${col}`, cell };
  }
  if (r.t3) {
    for (const [row, cells] of Object.entries(r.t3.rows)) {
      for (let i = 0; i < cells.length; i++) {
        const col = r.t3.columns[i] || `c${i}`;
        yield { key: `t3|${row}|${col}`, cell: cells[i] };
      }
    }
  }
}

/** The reading notes that can say why cells are uncertain (P01 无法读取, P02 拆分有歧义,
 *  P04 位置不确定). */
const NOTE_CODES = new Set(['P01', 'P02', 'P04']);
const TABLE_ZH = { t2: '表二', t2_2019: '表二', t3: '表三', t4: '表四' };

/** Cells the reader was unsure of (`certain: false`): {key, table, row, column, cell, finding}.
 *  `finding` is the index of the reading note about them (-1 when there is none): the note
 *  whose characters hold the cell's, else the first note about the same table. The core does not
 *  name the cells in its notes; their spans say which are meant. */
export function uncertainCells(r) {
  const notes = [];
  r.diagnostics.forEach((d, i) => { if (NOTE_CODES.has(d.code)) notes.push([d, i]); });
  const out = [];
  for (const { key, cell } of allCells(r)) {
    if (!cell || cell.certain !== false) continue;
    const [table, row, column] = key.split('|');
    const s = cell.span;
    let hit = s ? notes.find(([d]) => (d.spans || []).some((x) => x.start <= s.start && s.end <= x.end)) : undefined;
    if (!hit) hit = notes.find(([d]) => d.message.startsWith(TABLE_ZH[table]));
    out.push({ key, table, row, column, cell, finding: hit ? hit[1] : -1 });
  }
  return out;
}

/** A cell's name as the tables print it: 「表三 （三）不予公开 3.危及“三安全一稳定” 自然人」. */
export function cellName(table, row, column) {
  const T = state.template;
  const label = (list, key) => { const x = (list || []).find((c) => c.key === key); return x ? x.label : key; };
  if (!T) return `${TABLE_ZH[table] || table} ${row} ${column}`;
  if (table === 't2' || table === 't2_2019') {
    const x = T[table].rows.find((c) => c.key === row);
    return `表二 ${x ? x.label : row} ${label(x && x.columns, column)}`;
  }
  if (table === 't3') {
    const x = T.t3.rows.find((c) => c.key === row);
    const short = x ? (x.group && x.group.startsWith('（') ? x.group + x.label : x.label) : row;
    return `表三 ${short} ${label(T.t3.columns, column)}`;
  }
  return `表四 ${label(T.t4.blocks, row)} ${label(T.t4.columns, column)}`;
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

/** cell key -> {roles:Set, expected:Set, findings:[i], unsure}. `roles` holds how the page shows
 *  the cell: 'wrong' (the suspect cell, or the total of a failed sum when no single cell is
 *  suspected) or 'part' (takes part in a failed sum). `expected` is the value that would make
 *  the sum hold with only this cell changed. `unsure` is the reader's reason for a cell it is not
 *  sure of (shown as 请核对, never as an error), `findings` the findings naming the cell (for an
 *  uncertain cell, also the reading note about it). */
export function cellMarksOf(r) {
  const m = new Map();
  for (const u of uncertainCells(r)) {
    const e = { roles: new Set(), expected: new Set(), findings: [], suspect: false };
    e.unsure = u.cell.reason || '位置是推断的';
    if (u.finding >= 0) e.findings.push(u.finding);
    m.set(u.key, e);
  }
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
  const unsure = mk && mk.unsure;
  const cls = ['v'];
  if (wrong) cls.push('wrong');
  if (part) cls.push('part');
  if (unsure) cls.push('unsure');
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
  // Not sure where the value belongs: said in words in the cell (also on paper), the reason
  // as its tooltip and in what screen readers hear.
  if (unsure) {
    parts.push(el('span', { class: 'chk', text: '请核对' }));
    td.title = `请核对：${unsure}`;
    td.dataset.reason = unsure;
  }
  let state_ = '';
  if (wrong) state_ = '，' + (mk.suspect ? ROLE_ZH.suspect : ROLE_ZH.total) + (mk.expected.size ? `，应为 ${Array.from(mk.expected).join(' 或 ')}` : '');
  else if (part) state_ = '，' + ROLE_ZH.part;
  if (unsure) state_ += `，请核对：${unsure}`;
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

export function renderTables(r, marks) {
  renderT2(r, marks);
  renderT3(r, marks);
  renderT4(r, marks);
}

function missingTable(box, name) {
  box.replaceChildren(el('h3', { text: name }), el('p', { class: 'notable', text: '没有读到这张表。' }));
}

/** Table 二, of the 2021 format or (`t2_2019`) of the 2019 trial format: blocks of rows
 *  with their own columns, three columns wide (a block of fewer widens its last). */
function renderT2(r, marks) {
  const box = $('t2');
  const id = r.t2_2019 ? 't2_2019' : 't2';
  const caption = '表二 主动公开政府信息情况' + (id === 't2' ? '' : '（2019 年试行格式）');
  if (!r[id]) return missingTable(box, caption);
  const tbl = el('table', { class: 'grid t2' }, el('caption', { text: caption }));
  const body = el('tbody');
  let group = null;
  for (const row of state.template[id].rows) {
    const cols = row.columns || [];
    const wide = (k) => (k === cols.length - 1 && cols.length < 3 ? { colspan: 4 - cols.length } : null);
    if (row.group !== group) {
      group = row.group;
      body.append(el('tr', { class: 'grp' }, el('th', { colspan: 4, scope: 'colgroup', text: group })));
      const hr = el('tr', { class: 'hdr' }, el('th', { scope: 'col', text: '信息内容' }));
      cols.forEach((c, k) => hr.append(el('th', { scope: 'col', text: c.label, ...wide(k) })));
      body.append(hr);
    }
    const tr = el('tr', null, el('th', { scope: 'row', text: row.label }));
    const got = r[id][row.key];
    cols.forEach((c, k) => tr.append(cellTd(id, row.key, c.key, got ? got[c.key] : undefined, marks, `表二 ${row.label} ${c.label}`, wide(k))));
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
