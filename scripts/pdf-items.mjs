// Dump the positioned text items PDF.js gives for PDFs, exactly as the page reads them
// (static/pdf-loader.js `extractItems`), as JSON: { pages, items } per file.
//
//   node scripts/pdf-items.mjs FILE.pdf...            prints one JSON object per file, one a line
//   node scripts/pdf-items.mjs --out DIR FILE.pdf...  writes DIR/<name>.items.json
//
// tests/pdf.rs compares these with the items the CLI reads natively, and both must read every
// table value of the fixtures exactly.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// PDF.js's Node build wants these for rendering only; text extraction never calls them.
globalThis.DOMMatrix ??= class DOMMatrix {
  constructor() { Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }); }
};
globalThis.ImageData ??= class ImageData {};
globalThis.Path2D ??= class Path2D {};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'node_modules/pdfjs-dist');
const origWarn = console.warn;
console.warn = () => {}; // "Cannot load @napi-rs/canvas": not needed for text
const lib = await import(path.join(dist, 'legacy/build/pdf.mjs'));
console.warn = origWarn;
lib.GlobalWorkerOptions.workerSrc = path.join(dist, 'legacy/build/pdf.worker.mjs');
const { extractItems } = await import(path.join(root, 'static/pdf-loader.js'));

const args = process.argv.slice(2);
let out = null;
if (args[0] === '--out') {
  out = args[1];
  args.splice(0, 2);
  fs.mkdirSync(out, { recursive: true });
}
for (const f of args) {
  const bytes = new Uint8Array(fs.readFileSync(f));
  const doc = await extractItems(lib, bytes, { cMapUrl: path.join(dist, 'cmaps') + '/' });
  const json = JSON.stringify(doc);
  if (out) {
    const name = path.basename(f).replace(/\.pdf$/i, '') + '.items.json';
    fs.writeFileSync(path.join(out, name), json + '\n');
  } else {
    console.log(json);
  }
}
