// 年报检查 — what the page (static/app.js and static/js/) and the <nianbao-checker> widget
// (static/widget/nianbao-checker.js) share: building elements without parsing HTML, turning the
// core's UTF-8 byte offsets into string indices, the severities' icons and words, and the test
// for WebAssembly with its message.
//
// The widget's folder must stand alone (a portal copies dist/widget/ and nothing else), so the
// build copies this file there too (scripts/build-extras.mjs); the page loads it from its own
// module folder, and the single file nianbao.html has it inlined. scripts/build-extras.mjs also
// puts NO_WASM and wasmSupported into the page's boot script. Keep it free of anything only
// one of them needs, and of any top-level code that touches the page.

/** The three severities of a finding: icon, word, and rank (worst first when sorting). */
export const SEV = {
  error: { icon: '✖', zh: '错误', rank: 3 },
  warning: { icon: '▲', zh: '警告', rank: 2 },
  info: { icon: 'ℹ', zh: '提示', rank: 1 },
};

/** Create an element. `attrs` values are set as attributes (strings) except `text`, `class`
 *  and `on*` handlers; children are nodes or strings (added as text, never parsed). */
export function el(tag, attrs, ...children) {
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
export function byteToUtf16(text, offsets) {
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

/** What the page and the widget say when the browser cannot run WebAssembly. */
export const NO_WASM = '您的浏览器不支持 WebAssembly，无法运行年报检查。请改用新版的 Chrome、Edge、Firefox，'
  + '或 360、QQ 等浏览器的“极速模式”。';

/** Whether this browser can run the checker at all. */
export function wasmSupported() {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
      && WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch {
    return false;
  }
}
