// 年报检查 — the source view: the checked text in full, with every finding's characters marked
// (colour and underline by severity, the rule's code where its main place starts, a pin for a
// finding without characters) and every table cell's characters findable. Long texts are drawn
// in blocks the browser lays out only when scrolled to.

import { SEV, el } from './shared.js';
import { $, spanU16, state } from './state.js';
import { allCells } from './tables.js';

const CHUNK = 16000; // characters per block of the marked text

export function renderSource(r, text) {
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
