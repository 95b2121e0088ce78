// The example portal's script: wires its form to <nianbao-checker> (embed.html).
// A real portal needs only the <script type="module" src=".../nianbao-checker.js"> tag and the
// element; this file shows the attribute, the event and the JS API in use.
import { check } from './widget/nianbao-checker.js';

const $ = (id) => document.getElementById(id);
const checker = $('checker');
const body = $('body');
const status = $('form-status');

// Every edit of the form's text is checked by the widget.
body.addEventListener('input', () => { checker.value = body.value; });

// The widget reports every result: the portal decides what to do with it.
checker.addEventListener('nianbao-result', (e) => {
  const s = e.detail.summary;
  if (body.value.trim() === '') {
    status.textContent = '尚未检查。';
    status.className = '';
  } else if (s.errors > 0) {
    status.textContent = `检查发现 ${s.errors} 个错误，请改正后再发布。`;
    status.className = 'bad';
  } else {
    status.textContent = `检查通过（${s.warnings} 个警告，${s.infos} 个提示）。`;
    status.className = 'good';
  }
});
function cannotRun(message) {
  status.textContent = message;
  status.className = 'bad';
}
checker.addEventListener('nianbao-error', (e) => cannotRun(e.detail.message));
if (checker.error) cannotRun(checker.error);

$('load-sample').addEventListener('click', async () => {
  const resp = await fetch('sample.txt');
  body.value = await resp.text();
  checker.value = body.value;
});

$('publish').addEventListener('submit', (e) => {
  e.preventDefault();
  status.textContent = '（示例页面，不会真的发布。）';
});

// JS API: no UI, just the result model.
$('api-check').addEventListener('click', async () => {
  const report = await check(body.value);
  $('api-out').textContent = `错误 ${report.summary.errors}，警告 ${report.summary.warnings}，提示 ${report.summary.infos}`
    + `（共 ${report.diagnostics.length} 条）`;
});
