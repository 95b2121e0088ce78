// <nianbao-checker>: the checker as a web component, for portals that embed it next to their
// report-publishing form. One tag loads it:
//
//   <script type="module" src="/path/to/widget/nianbao-checker.js"></script>
//   <nianbao-checker hide="input source"></nianbao-checker>
//
// It renders in Shadow DOM (the portal's CSS does not reach in, ours does not leak out), loads
// its stylesheet (widget.css), the helpers it shares with the page (shared.js) and the checker
// (nianbao.js + nianbao_bg.wasm, the same wasm-bindgen output the page uses) from the folder
// this script was loaded from, and works under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`: no inline
// styles, no eval, nothing fetched from anywhere else.
//
// Attributes:
//   text="…"        the report text to check (also the `value` property);
//   compact         a smaller layout (smaller type, tighter spacing, lower text boxes);
//   hide="…"        parts to leave out, any of: input summary findings source
//                   (hide="input source" shows only the summary and the findings);
//   ignore="…"      rule codes not to report, e.g. ignore="W04,C05" (commas or spaces; the
//                   codes are those of `nianbao rules`). An unknown code is not guessed at: the
//                   widget says so and sends nianbao-error.
// Events:
//   nianbao-result  after every check; `event.detail` is the result model (the same JSON as
//                   `nianbao check --format json`: summary, diagnostics with spans, tables…).
//   nianbao-error   the checker could not be loaded, or `ignore` names a rule that does not
//                   exist (`event.detail.message`, in Chinese).
// JS API (no UI needed):
//   import { check } from '/path/to/widget/nianbao-checker.js';
//   const report = await check(text);
//   const fewer = await check(text, 'W04,C05');   // without those rules
//   // or: await document.querySelector('nianbao-checker').check(text)  (also updates the UI;
//   //     the element's `ignore` attribute applies)
//   // or, from a classic script: await window.nianbaoChecker.check(text)
//
// User text is never parsed as HTML: everything is built with createElement/textContent.

// What the widget shares with the page (el, byteToUtf16, SEV, the WebAssembly test and its
// message): shared.js, copied next to this file by the build (scripts/build-extras.mjs).
import { NO_WASM, SEV, byteToUtf16, el, wasmSupported } from './shared.js';

/** Whether this browser can run the checker at all. */
export { wasmSupported };

const BASE = new URL('.', import.meta.url);
const PARTS = ['input', 'summary', 'findings', 'source'];
const FORMAT_ZH = { gb2021: '2021 年格式', gb2019: '2019 年试行格式（旧）', unknown: '未能识别格式' };
const MAX_SOURCE_MARKS = 2000;

let loading = null;
/** Load the checker once (shared by every element on the page). */
export function load() {
  if (!loading) {
    loading = (async () => {
      if (!wasmSupported()) throw new Error(NO_WASM);
      let m;
      try {
        m = await import(new URL('nianbao.js', BASE).href);
        await m.default({ module_or_path: new URL('nianbao_bg.wasm', BASE) });
      } catch (e) {
        throw new Error(`检查程序加载失败（${e && e.message ? e.message : e}）。`
          + '请确认 nianbao-checker.js 所在文件夹里有 nianbao.js 和 nianbao_bg.wasm，'
          + '并且服务器把 .wasm 文件的类型设为 application/wasm。');
      }
      const names = {};
      for (const r of m.rules()) names[r.code] = r.name;
      return { m, names };
    })();
    loading.catch(() => {});
  }
  return loading;
}

/** Check a report's text; resolves to the result model (as `nianbao check --format json`).
 *  `ignore`: rule codes not to report ("W04,C05"); an unknown code rejects with its name. */
export async function check(text, ignore) {
  const { m } = await load();
  return m.check(String(text ?? ''), ignoreList(ignore));
}

/** The codes to leave out as the wasm takes them (undefined for none). */
function ignoreList(value) {
  const v = String(value ?? '').trim();
  return v === '' ? undefined : v;
}

/** The checker's version. */
export async function version() {
  const { m } = await load();
  return m.version();
}

globalThis.nianbaoChecker = Object.freeze({ check, version, load, wasmSupported });

// ------------------------------------------------------------------------------------ helpers

function parseParts(value) {
  return new Set(String(value || '').split(/[\s,，]+/).filter((p) => PARTS.includes(p)));
}

// ------------------------------------------------------------------------------------ element

const template = document.createElement('template');
template.content.append(
  el('link', { rel: 'stylesheet', href: new URL('widget.css', BASE).href }),
  el('div', { class: 'nb', part: 'container', hidden: true },
    el('div', { class: 'input', 'data-part': 'input' },
      el('label', { class: 'lbl', for: 'text', text: '粘贴年度报告全文' }),
      el('textarea', { id: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: '在这里粘贴政府信息公开工作年度报告全文……' })),
    el('div', { class: 'summary', 'data-part': 'summary', role: 'status', 'aria-live': 'polite' },
      el('span', { class: 'state', text: '正在准备检查程序……' }),
      el('span', { class: 'meta' })),
    el('div', { class: 'findings', 'data-part': 'findings' }),
    el('div', { class: 'source', 'data-part': 'source' },
      el('div', { class: 'source-h', text: '原文（问题处已标出）' }),
      el('pre', { class: 'source-text', tabindex: '0' }))));

export class NianbaoChecker extends HTMLElement {
  static get observedAttributes() { return ['text', 'hide', 'compact', 'ignore']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    this._root = root;
    this._box = root.querySelector('.nb');
    this._ta = root.querySelector('textarea');
    this._state = root.querySelector('.state');
    this._meta = root.querySelector('.meta');
    this._findings = root.querySelector('.findings');
    this._source = root.querySelector('.source-text');
    this._text = '';
    this._report = null;
    this._timer = 0;
    this._seq = 0;
    // Show nothing until our stylesheet is in, so the portal never sees it unstyled.
    const link = root.querySelector('link');
    const show = () => { this._box.hidden = false; };
    link.addEventListener('load', show, { once: true });
    link.addEventListener('error', show, { once: true });
    this._ta.addEventListener('input', () => {
      this._text = this._ta.value;
      clearTimeout(this._timer);
      this._timer = setTimeout(() => this._run().catch(() => {}), this._text.length > 200000 ? 400 : 150);
    });
  }

  connectedCallback() {
    this._applyParts();
    if (this.hasAttribute('text') && this._text === '') this._text = this.getAttribute('text');
    this._ta.value = this._text;
    // The first check waits a turn, so listeners the portal adds right after this script runs
    // still hear the first nianbao-result (or nianbao-error).
    if (!this._started) {
      this._started = true;
      this._timer = setTimeout(() => this._run().catch(() => {}), 0);
    }
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'text') {
      this._text = value ?? '';
      this._ta.value = this._text;
      if (this._started) this._run().catch(() => {});
    } else if (name === 'ignore') {
      if (this._started) this._run().catch(() => {});
    } else {
      this._applyParts();
    }
  }

  /** The text being checked. Setting it re-checks. */
  get value() { return this._text; }
  set value(v) {
    this._text = String(v ?? '');
    this._ta.value = this._text;
    this._run().catch(() => {});
  }

  /** The last result model (null before the first check or for empty text). */
  get report() { return this._report; }

  /** Why the checker cannot run (in Chinese), or null. */
  get error() { return this._error || null; }

  /** Check `text` (shown in the element), resolving to the result model. */
  async check(text) {
    this._text = String(text ?? '');
    this._ta.value = this._text;
    return this._run();
  }

  _applyParts() {
    const hide = parseParts(this.getAttribute('hide'));
    for (const p of PARTS) {
      const node = this._root.querySelector(`[data-part="${p}"]`);
      node.hidden = hide.has(p);
    }
    this._box.classList.toggle('compact', this.hasAttribute('compact'));
  }

  async _run() {
    clearTimeout(this._timer);
    const seq = ++this._seq;
    const text = this._text;
    let loaded;
    try {
      loaded = await load();
    } catch (e) {
      this._fail(e.message);
      return Promise.reject(e);
    }
    if (seq !== this._seq) return this._report;
    let report;
    try {
      report = loaded.m.check(text, ignoreList(this.getAttribute('ignore')));
    } catch (e) {
      // Only a wrong `ignore` gets here: 「没有代码为「X」的规则…」.
      this._fail(`ignore 属性有误：${e && e.message ? e.message : e}`);
      return Promise.reject(e);
    }
    if (this._error) {
      this._error = null;
      this._box.classList.remove('failed');
    }
    this._report = text.trim() === '' ? null : report;
    this._draw(text, report, loaded.names);
    this.dispatchEvent(new CustomEvent('nianbao-result', { detail: report, bubbles: true, composed: true }));
    return report;
  }

  _fail(message) {
    this._error = message;
    this._box.hidden = false;
    this._box.classList.add('failed');
    this._state.textContent = message;
    this._state.className = 'state state-fail';
    this._meta.textContent = '';
    this._findings.replaceChildren();
    this._source.replaceChildren();
    this.dispatchEvent(new CustomEvent('nianbao-error', { detail: { message }, bubbles: true, composed: true }));
  }

  _draw(text, report, names) {
    const s = report.summary;
    const summary = this._root.querySelector('.summary');
    if (text.trim() === '') {
      summary.dataset.state = 'empty';
      this._state.className = 'state';
      this._state.textContent = '粘贴报告全文后自动检查。';
      this._meta.textContent = '';
      this._findings.replaceChildren();
      this._source.replaceChildren();
      return;
    }
    const state = s.errors ? 'error' : s.warnings ? 'warning' : s.infos ? 'info' : 'ok';
    summary.dataset.state = state;
    this._state.className = `state state-${state}`;
    this._state.textContent = state === 'ok' ? '✔ 未发现问题'
      : `发现 ${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 个提示`;
    const meta = [];
    if (report.year) meta.push(`${report.year} 年度`);
    meta.push(FORMAT_ZH[report.format] || report.format);
    this._meta.textContent = meta.join(' · ');
    summary.dataset.errors = s.errors;
    summary.dataset.warnings = s.warnings;
    summary.dataset.infos = s.infos;

    // Positions of every span, as UTF-16 indices.
    const offsets = [];
    for (const d of report.diagnostics) for (const sp of d.spans) offsets.push(sp.start, sp.end);
    const at = byteToUtf16(text, offsets);

    // Findings grouped by code, worst groups first.
    const groups = new Map();
    for (const d of report.diagnostics) {
      if (!groups.has(d.code)) groups.set(d.code, []);
      groups.get(d.code).push(d);
    }
    const order = [...groups.entries()].sort((a, b) => (SEV[b[1][0].severity].rank - SEV[a[1][0].severity].rank) || a[0].localeCompare(b[0]));
    const lists = [];
    let n = 0;
    for (const [code, ds] of order) {
      const sev = ds[0].severity;
      const items = ds.map((d) => {
        const idx = n++;
        const sp = d.spans[0];
        const where = sp ? `第 ${sp.line} 行` : '';
        return el('li', { class: `finding sev-${d.severity}`, 'data-i': idx },
          el('button', { type: 'button', class: 'go', title: sp ? '在原文中找到' : undefined, disabled: !sp,
            onclick: () => this._focusMark(idx) },
          el('span', { class: 'icon', 'aria-hidden': 'true', text: SEV[d.severity].icon }),
          el('span', { class: 'sr', text: SEV[d.severity].zh + '：' }),
          el('span', { class: 'msg', text: d.message }),
          where && el('span', { class: 'where', text: where })),
          d.suggestion && el('div', { class: 'sugg', text: `建议：${d.suggestion}` }));
      });
      lists.push(el('details', { class: `group sev-${sev}`, 'data-code': code, open: true },
        el('summary', null,
          el('span', { class: 'code', text: code }), ' ',
          el('span', { class: 'name', text: names[code] || '' }), ' ',
          el('span', { class: 'gcount', 'data-count': ds.length, text: `${ds.length} 处` })),
        el('ul', null, ...items)));
    }
    this._findings.replaceChildren(...lists);

    // The text with each finding's first span marked.
    const marks = [];
    let i = 0;
    for (const [, ds] of order) {
      for (const d of ds) {
        const sp = d.spans[0];
        if (sp && marks.length < MAX_SOURCE_MARKS) {
          marks.push({ start: at.get(sp.start), end: at.get(sp.end), i, d });
        }
        i++;
      }
    }
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    const frag = [];
    let pos = 0;
    for (const mk of marks) {
      if (mk.start < pos) continue; // overlapping: the earlier mark keeps the characters
      if (mk.start > pos) frag.push(text.slice(pos, mk.start));
      const body = text.slice(mk.start, mk.end);
      frag.push(el('mark', { class: `sev-${mk.d.severity}${body === '' ? ' pin' : ''}`, 'data-i': mk.i, title: `${mk.d.code} ${mk.d.message}` },
        body === '' ? '\u200b' : body));
      pos = Math.max(pos, mk.end);
    }
    if (pos < text.length) frag.push(text.slice(pos));
    this._source.replaceChildren(...frag);
  }

  _focusMark(i) {
    const mark = this._source.querySelector(`mark[data-i="${i}"]`);
    if (!mark || this._root.querySelector('[data-part="source"]').hidden) return;
    for (const m of this._source.querySelectorAll('mark.flash')) m.classList.remove('flash');
    mark.classList.add('flash');
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);
