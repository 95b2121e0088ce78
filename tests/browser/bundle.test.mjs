// scripts/bundle.mjs, which puts the page's ES modules into the one inline script of the single
// file nianbao.html: the page's own modules bundle (each once, dependencies first); a bundle
// runs its modules in the order the browser runs the modules themselves, cycles included; and
// every form it does not handle stops it with a message instead of a broken file.
// (No browser needed: Node runs the small modules written here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle, collect } from '../../scripts/bundle.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Write `files` (name -> source) into a new folder; returns its path. */
function dir(files) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bundle-test-'));
  fs.writeFileSync(path.join(d, 'package.json'), '{ "type": "module" }\n');
  for (const [name, src] of Object.entries(files)) fs.writeFileSync(path.join(d, name), src);
  return d;
}

/** Run a bundle as a module in Node; returns what it left in globalThis.__out. */
async function run(js) {
  globalThis.__out = [];
  await import(`data:text/javascript,${encodeURIComponent(js)}#${Math.random()}`);
  return globalThis.__out;
}

test('the page: app.js and every module of static/js/ it imports, each once, dependencies first', () => {
  const entry = path.join(ROOT, 'static/app.js');
  const order = collect(entry).map((m) => m.rel);
  const modules = fs.readdirSync(path.join(ROOT, 'static/js')).filter((f) => f.endsWith('.js')).map((f) => `js/${f}`);
  assert.deepEqual([...order].sort(), [...modules, 'app.js'].sort(), 'every module, and no other file');
  assert.equal(order.at(-1), 'app.js');
  assert.equal(order[0], 'js/shared.js', 'shared.js imports nothing, and is first');
  const js = bundle(entry);
  assert.doesNotMatch(js, /^\s*(import|export)\b/m, 'no import or export left');
  for (const m of order) assert.equal(js.split(`// ---- ${m}\n`).length, 2, `${m} once`);
});

test('a bundle runs its modules in the order the browser does, cycles included', async () => {
  // Each module logs when its top-level code runs; a and c import each other.
  const files = {
    'main.js': "import { a } from './a.js';\nimport { d } from './d.js';\n__out.push('main', a(), d());\n",
    'a.js': "import { c } from './c.js';\nimport { b } from './b.js';\n__out.push('a');\nexport function a() { return 'a' + b() + c(); }\nexport const A = 1;\n",
    'b.js': "import { d } from './d.js';\n__out.push('b');\nexport function b() { return 'b' + d(); }\n",
    'c.js': "import { A } from './a.js';\n__out.push('c');\nexport function c() { return 'c' + A; }\n",
    'd.js': "__out.push('d');\nexport let d = () => 'd';\n",
  };
  const d = dir(files);
  try {
    globalThis.__out = [];
    await import(pathToFileURL(path.join(d, 'main.js')).href);
    const native = globalThis.__out;
    assert.deepEqual(native, ['c', 'd', 'b', 'a', 'main', 'abdc1', 'd']);
    assert.deepEqual(await run(bundle(path.join(d, 'main.js'))), native);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('forms the bundler does not handle stop it with a message', () => {
  const cases = [
    [{ 'm.js': "import x from './x.js';\n", 'x.js': 'export const y = 1;\n' }, /unsupported import/],
    [{ 'm.js': "import * as x from './x.js';\n", 'x.js': 'export const y = 1;\n' }, /unsupported import/],
    [{ 'm.js': "import { y as z } from './x.js';\nz;\n", 'x.js': 'export const y = 1;\n' }, /no "as"/],
    [{ 'm.js': "import { z } from './x.js';\nz;\n", 'x.js': 'export const y = 1;\n' }, /imports "z", which x\.js does not export/],
    [{ 'm.js': "import { y } from 'x';\ny;\n" }, /only relative paths/],
    [{ 'm.js': "import { y } from './x.js';\n", 'x.js': 'const y = 1;\nexport { y };\n' }, /unsupported export/],
    [{ 'm.js': 'export default 1;\n' }, /unsupported export/],
    [{ 'm.js': "const u = new URL('a', import.meta.url);\n" }, /import\.meta/],
    // Two modules with the same top-level name.
    [{ 'm.js': "import { y } from './x.js';\nfunction f() { return y; }\nf();\n", 'x.js': 'export const y = 1;\nfunction f() {}\nf();\n' }, /"f" is also declared/],
    // A name used as a global in m.js that x.js declares: one script would change its meaning.
    [{ 'm.js': "import { y } from './x.js';\nconsole.log(y, status);\n", 'x.js': 'export const y = 1;\nconst status = 2;\nconsole.log(status);\n' }, /mentions "status" without importing it/],
  ];
  for (const [files, message] of cases) {
    const d = dir(files);
    try {
      assert.throws(() => bundle(path.join(d, 'm.js')), message, JSON.stringify(files));
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  }
});

test('names that only look like another module\'s are not taken for it', async () => {
  // z.js declares `render` and x.js `$`; y.js imports neither, and has `render` only as a
  // getter, a property, in a string and a comment, and `$` only in `${` and a regular expression.
  const d = dir({
    'm.js': "import { $ } from './x.js';\nimport { n } from './y.js';\nimport { render } from './z.js';\n"
      + "render();\n__out.push($('a'), n({ render: 1 }));\n",
    'x.js': 'export const $ = (s) => `<${s}>`;\n',
    'y.js': 'const o = { get render() { return 2; }, draw(a) { return a; } };\n'
      + '// render() is only a word in this comment\n'
      + "export function n(p) { return 'render ' + `${p.render + o.render}` + /a$/.test('a'); }\n",
    'z.js': 'export function render() {}\n',
  });
  try {
    assert.deepEqual(await run(bundle(path.join(d, 'm.js'))), ['<a>', 'render 3true']);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});
