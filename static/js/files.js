// 年报检查 — reading a dropped or picked file (this year's report or last year's): text and web
// pages by the core, PDF (with PDF.js) and Word .docx through the files module, both loaded only
// when such a file arrives (static/pdf-loader.js). Nothing leaves the computer.

import { runCheck } from './check.js';
import { $, state } from './state.js';

const MAX_FILE = 20 * 1024 * 1024;
// The PDF and Word reader sits beside index.html (copied by Trunk, index.html), one folder up
// from this module.
const PDF_LOADER = '../pdf-loader.js';

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

export async function readFile(file) {
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
export async function readPreviousFile(file) {
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
  const { layoutPdf } = await import(PDF_LOADER);
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
  const { docxText } = await import(PDF_LOADER);
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
