// 年报检查 — the rules reference at the foot of the page: every rule the core knows (its code,
// name, severity, when it is reported and an example), grouped as in the README.

import { sevBadge } from './render.js';
import { el } from './shared.js';
import { $, state } from './state.js';

export function renderRules() {
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
