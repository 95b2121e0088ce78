// 年报检查 — exporting the findings: JSON (everything the page shows, for other programs) and
// CSV (UTF-8 with BOM, for WPS and Excel); the file name says the agency and the year.

import { excerpt } from './quote.js';
import { SEV, el } from './shared.js';
import { fmtNum, state } from './state.js';

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

export function exportJson() {
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

export function exportCsv() {
  if (!state.report) return;
  const head = ['序号', '代码', '级别', '规则', '问题说明', '应为', '实为', '建议', '行', '列', '原文'];
  const lines = [head.join(',')];
  for (const f of findingsForExport()) {
    lines.push([f.n, f.code, SEV[f.severity].zh, f.rule, f.message, fmtNum(f.expected), fmtNum(f.actual), f.suggestion, f.line, f.col, f.text].map(csvField).join(','));
  }
  // UTF-8 with BOM and CRLF, so that WPS and Excel open it with the right encoding.
  download(baseName() + '.csv', 'text/csv;charset=utf-8', '\ufeff' + lines.join('\r\n') + '\r\n');
}
