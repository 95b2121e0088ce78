// 年报检查 — the checker page: the entry module (index.html loads it; Trunk copies it as
// app-<hash>.js, and the modules below from static/js/).
//
// The core (Rust, compiled to wasm) does all the reading and checking; the page only draws.
// The facade (src/wasm.rs) returns plain objects:
//   check(text) -> Report, decodeFile(bytes, name) -> {text, encoding} | {error, kind},
//   checkWithPrevious(text, previousText) -> Report (plus X01–X03 against last year's report),
//   rules() -> RuleInfo[], template() -> Template, version() -> string.
// Spans in a Report are UTF-8 byte offsets into the checked text; byteToUtf16() (js/shared.js)
// turns them into JS string (UTF-16 code unit) indices.
//
// The modules, in static/js/:
//   state.js        the page's state, and helpers every part uses
//   startup.js      start-up: rules, template, wiring the controls
//   files.js        reading dropped and picked files (PDF and Word on demand)
//   check.js        checking the text box (and last year's report)
//   render.js       the status, the report's facts, the counts, the findings list
//   quote.js        the findings list's quote: the line around a finding (and the exports')
//   tables.js       tables 二, 三 and 四 redrawn from the values read (uncertain cells: 请核对)
//   source-view.js  the whole text with every finding marked
//   interaction.js  from a finding or a cell to its characters; tooltips
//   rules.js        the rules reference
//   export.js       JSON and CSV export (with the uncertain cells)
//   shared.js       shared with the widget (static/widget/nianbao-checker.js)
// The single file nianbao.html has all of them in one script (scripts/bundle.mjs).
//
// Safety: user text is never parsed as HTML. Everything is built with createElement and
// textContent / createTextNode; there is no innerHTML in the page's scripts.

import { runCheck } from './js/check.js';
import { render } from './js/render.js';
import { byteToUtf16 } from './js/shared.js';
import { start } from './js/startup.js';
import { state } from './js/state.js';

// Hooks for tests and benchmarks (read-only views of the page state).
window.__nianbao = {
  byteToUtf16,
  get report() { return state.report; },
  get text() { return state.text; },
  get previousText() { return state.prevText; },
  get lastFile() { return state.lastFile; },
  get checks() { return state.checks; },
  get timings() { return state.timings.slice(); },
  get firstResultAt() { return state.firstResultAt; },
  runCheck,
  /** Draw a given report for a given text (tests of the drawing alone). */
  draw(text, report) {
    state.text = text;
    state.report = report;
    state.findingsSig = null;
    state.tablesSig = null;
    render();
  },
};

// The boot script (written by scripts/build-extras.mjs) loads the wasm and announces it.
if (window.wasmBindings) start(window.wasmBindings);
else addEventListener('TrunkApplicationStarted', () => start(window.wasmBindings), { once: true });
