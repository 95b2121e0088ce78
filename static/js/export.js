// 年报检查 — exporting the findings: JSON (everything the page shows, for other programs) and
// CSV (UTF-8 with BOM, for WPS and Excel); the file name says the agency and the year. Cells the
// reader was unsure of (请核对) go with the reading note about them: listed in the note's row of
// the CSV and as `uncertain_cells` in the JSON (a cell no note covers gets a row of its own).

import { excerpt } from './quote.js';
import { SEV, el } from './shared.js';
import { fmtNum, state } from './state.js';
import { cellName, uncertainCells } from './tables.js';

/** The uncertain cells of the report, as exported: where, what was read, and why unsure. */
function uncertainForExport() {
  return uncertainCells(state.report).map((u) => ({
    table: u.table,
    row: u.row,
    column: u.column,
    name: cellName(u.table, u.row, u.column),
    value: u.cell.value,
    reason: u.cell.reason || '',
    line: u.cell.span ? u.cell.span.line : undefined,
    col: u.cell.span ? u.cell.span.col : undefined,
    finding: u.finding >= 0 ? u.finding + 1 : null,
  }));
}

/** 「表二 行政规范性文件 本年制发＝2（数字连写，…）」 */
function unsureText(c) {
  const v = c.value === null || c.value === undefined ? '（空）' : String(c.value);
  return `${c.name}＝${v}` + (c.reason ? `（${c.reason}）` : '');
}

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
    // Cells whose place the reader had to infer (请核对); `finding` is the number (n) of the
    // reading note about them, null when there is none.
    uncertain_cells: uncertainForExport(),
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
  const head = ['序号', '代码', '级别', '规则', '问题说明', '应为', '实为', '建议', '行', '列', '原文', '请核对的格'];
  const lines = [head.join(',')];
  const unsure = uncertainForExport();
  for (const f of findingsForExport()) {
    const cells = unsure.filter((c) => c.finding === f.n).map(unsureText).join('；');
    lines.push([f.n, f.code, SEV[f.severity].zh, f.rule, f.message, fmtNum(f.expected), fmtNum(f.actual), f.suggestion, f.line, f.col, f.text, cells].map(csvField).join(','));
  }
  // An uncertain cell no reading note speaks of still gets a line.
  for (const c of unsure.filter((x) => x.finding === null)) {
    lines.push(['', '', '请核对', '', '这一格的位置是推断的，请对照原表核实。', '', '', '', c.line, c.col, '', unsureText(c)].map(csvField).join(','));
  }
  // UTF-8 with BOM and CRLF, so that WPS and Excel open it with the right encoding.
  download(baseName() + '.csv', 'text/csv;charset=utf-8', '\ufeff' + lines.join('\r\n') + '\r\n');
}
