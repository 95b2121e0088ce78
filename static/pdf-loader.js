// 年报检查 — reading a dropped PDF in the page.
//
// Loaded with a dynamic import() only when a PDF is dropped, so the first page load does not
// carry PDF.js. PDF.js (npm `pdfjs-dist`, pinned in package.json) is copied into dist/pdfjs/ by
// the build (index.html, `copy-file`/`copy-dir` links): the library, its worker and the CJK
// CMaps. Nothing is fetched from anywhere else; the file never leaves the computer.
//
// PDF.js gives the positioned text: every text item with its page and its place on the page in
// display coordinates (origin top left, y down, in PDF points, the page's /Rotate applied). The
// Rust core (src/positioned.rs) rebuilds lines, table rows and columns from these coordinates,
// exactly as the CLI does with the items it reads natively.
//
// The rebuilding runs in the files module (examples/files_web.rs, dist/files/), a second wasm
// also loaded only now; the page's main wasm then checks the rebuilt text:
//   import { layoutPdf } from './pdf-loader.js';
//   const l = await layoutPdf(bytes);          // { text, offsets, … } or { error, kind }
//   const { text, report } = nb.checkPdfLayout(l.text, l.offsets, l.pages, l.xs, l.ys, l.chars, l.pageCount);

'use strict';

let libPromise = null;

/** The folder PDF.js was copied to, next to this file. */
function base() {
  return new URL('./pdfjs/', import.meta.url);
}

/** Load PDF.js once (about 1.7 MB with its worker, from this site only). */
export function loadPdfJs() {
  if (!libPromise) {
    libPromise = import(new URL('pdf.min.mjs', base()).href).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base()).href;
      return lib;
    });
    libPromise.catch(() => {
      libPromise = null;
    });
  }
  return libPromise;
}

/** Round to 1/100 point: the core needs no more, and the JSON stays small. */
const r2 = (v) => Math.round(v * 100) / 100;

/**
 * The positioned text items of a PDF, with a given PDF.js module (the page's own copy, or
 * Node's in scripts/pdf-items.mjs).
 * Returns { pages: [{ width, height }], items: [{ page, x, y, w, h, dir, text }] } where x is
 * the left end of the item's baseline, y the baseline's distance from the top of the page,
 * w its advance width, h the font size, dir the text direction in degrees (0 = left to right,
 * 90 = top to bottom) — or { error, kind } with kind "encrypted" | "damaged".
 */
export async function extractItems(lib, bytes, opts = {}) {
  let doc;
  try {
    doc = await lib.getDocument({
      data: bytes,
      cMapUrl: opts.cMapUrl || new URL('cmaps/', base()).href,
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      // Text only: no fonts need to be rendered, no scripts run.
      enableXfa: false,
    }).promise;
  } catch (e) {
    const name = e && e.name;
    if (name === 'PasswordException') return { error: String(e.message || e), kind: 'encrypted' };
    return { error: String((e && e.message) || e), kind: 'damaged' };
  }
  const pages = [];
  const items = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      pages.push({ width: r2(vp.width), height: r2(vp.height) });
      const tc = await page.getTextContent({ disableNormalization: false });
      for (const it of tc.items) {
        if (!it || typeof it.str !== 'string' || it.str.trim() === '') continue;
        const m = lib.Util.transform(vp.transform, it.transform);
        // Display space has y down: the text runs along (m[0], m[1]).
        let dir = Math.round((Math.atan2(m[1], m[0]) * 180) / Math.PI / 90) * 90;
        dir = ((dir % 360) + 360) % 360;
        const size = Math.hypot(m[2], m[3]) || it.height || 0;
        items.push({ page: p, x: r2(m[4]), y: r2(m[5]), w: r2(it.width), h: r2(size), dir, text: it.str });
      }
      page.cleanup();
    }
  } catch (e) {
    await doc.destroy().catch(() => {});
    return { error: String((e && e.message) || e), kind: 'damaged' };
  }
  await doc.destroy().catch(() => {});
  return { pages, items };
}

/**
 * The items packed for the files module (`pdfLayout(pages, geom, texts)`, examples/files_web.rs): flat
 * number arrays and one string, which cross into wasm at once.
 */
export function pack(doc) {
  const pages = new Float32Array(doc.pages.length * 2);
  doc.pages.forEach((p, i) => {
    pages[2 * i] = p.width;
    pages[2 * i + 1] = p.height;
  });
  const geom = new Float32Array(doc.items.length * 6);
  const texts = [];
  doc.items.forEach((it, i) => {
    geom.set([it.page, it.x, it.y, it.w, it.h, it.dir || 0], 6 * i);
    texts.push(it.text.replace(/\u001f/g, ' '));
  });
  return { pages, geom, texts: texts.join('\u001f') };
}

/** Read a PDF's positioned text in the page (loads PDF.js on first use). */
export async function readPdf(bytes) {
  const lib = await loadPdfJs();
  return extractItems(lib, bytes);
}

let filesPromise = null;

/** The files module (examples/files_web.rs, built into dist/files/): PDF layout and .docx. */
export function loadFilesModule() {
  if (!filesPromise) {
    filesPromise = import(new URL('./files/nianbao_files.js', import.meta.url).href).then(async (m) => {
      await m.default();
      return m;
    });
    filesPromise.catch(() => {
      filesPromise = null;
    });
  }
  return filesPromise;
}

/**
 * A PDF's text rebuilt from its positioned items, ready for the core's `checkPdfLayout`:
 * { text, offsets, pages, xs, ys, chars, pageCount }, or { error, kind } when PDF.js cannot
 * open it. PDF.js and the files module load in parallel on first use.
 */
export async function layoutPdf(bytes) {
  const [lib, files] = await Promise.all([loadPdfJs(), loadFilesModule()]);
  const doc = await extractItems(lib, bytes);
  if (doc.error) return doc;
  const p = pack(doc);
  const l = files.pdfLayout(p.pages, p.geom, p.texts);
  try {
    return { text: l.text, offsets: l.offsets, pages: l.pages, xs: l.xs, ys: l.ys, chars: l.chars, pageCount: l.pageCount };
  } finally {
    l.free();
  }
}

/** A .docx's text (tables as tab-separated rows), or { error } with the message for the user. */
export async function docxText(bytes) {
  const files = await loadFilesModule();
  try {
    return { text: files.docxText(bytes) };
  } catch (e) {
    return { error: String((e && e.message) || e) };
  }
}
