// One script from the page's ES modules, for the single file nianbao.html (scripts/build-extras.mjs):
// a file opened from disk cannot load modules from beside it (file:// imports are refused), so
// static/app.js and everything it imports go into one inline <script type="module">.
//
// It is a small bundler for our own modules, not for any JavaScript. The modules are put one
// after the other into one script, dependencies first, in the order in which the browser would
// run them (depth first along the imports, in the order they are written; a module already
// begun is not entered again, so import cycles are fine as long as a module's top-level code
// only calls into modules that come before it, as the browser requires too). The `import`
// lines are dropped and `export` is taken off declarations: every module's top-level names
// then live in one scope, where an import is simply the name itself.
//
// That only works for code written in the forms below, so anything else stops the build with
// a message rather than giving a broken file:
//   - static imports: `import { a, b } from './x.js';` (relative paths, no `as`, no default
//     or namespace imports), each on lines of its own; every imported name must be exported;
//   - exports: `export` in front of a top-level `function`, `async function`, `function*`,
//     `const`, `let` or `class` declaration, at the start of its line; no `export { … }`,
//     `export default` or re-exports; no `import.meta` (it would mean the page, not the module);
//   - no top-level name declared in two modules (checked here, and by parsing the result as a
//     module with `node --check`, which rejects any duplicate declaration);
//   - a module does not mention, without importing it, a name that another module declares at
//     its top level: in the browser it would mean a global, in one script the other module's
//     (found on the text with comments, quoted strings and method names removed; a name used
//     after `.` or before `:` is not counted, nor one the module declares itself with
//     const/let/var/function/class; a false alarm, such as a parameter of that name, is fixed
//     by renaming).
// Dynamic `import()` is left as it is; it then resolves against the page (nianbao.html loads
// nothing else anyway: its CSP allows only inline scripts).
//
// Usage: `import { bundle } from './bundle.mjs'; const js = bundle('dist/app-….js');`
// or `node scripts/bundle.mjs static/app.js > one.js`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';[ \t]*\r?\n?/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\s*\*?\s*|const\s+|let\s+|class\s+)([\w$]+)/gm;
const TOP_DECL = /^(?:export\s+)?(?:(?:async\s+)?function\s*\*?\s*|const\s+|let\s+|var\s+|class\s+)([\w$]+)/gm;

class BundleError extends Error {}

function fail(file, msg) {
  throw new BundleError(`bundle: ${file}: ${msg}`);
}

/** Read one module: its imports, exports, top-level names and body without import/export. */
function parse(file, rel) {
  const src = fs.readFileSync(file, 'utf8');
  const imports = [];
  for (const m of src.matchAll(IMPORT)) {
    const names = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    for (const n of names) if (!/^[\w$]+$/.test(n)) fail(rel, `unsupported import of "${n}" (only plain names, no "as")`);
    if (!/^\.\.?\//.test(m[2])) fail(rel, `import from "${m[2]}": only relative paths`);
    imports.push({ names, from: path.resolve(path.dirname(file), m[2]) });
  }
  let body = src.replace(IMPORT, '');
  const stray = body.match(/^[ \t]*import\s*[\w${*'"]/m);
  if (stray) fail(rel, `unsupported import: ${stray[0].trim()}… (only "import { a, b } from './x.js';")`);
  if (/\bimport\.meta\b/.test(body)) fail(rel, 'uses import.meta (in one script it would be the page\'s)');
  const exports = [...body.matchAll(EXPORT_DECL)].map((m) => m[2]);
  body = body.replace(EXPORT_DECL, '$1$2');
  const strayExport = body.match(/^[ \t]*export\b.*/m);
  if (strayExport) fail(rel, `unsupported export: ${strayExport[0].trim()}`);
  const declared = [...body.matchAll(TOP_DECL)].map((m) => m[1]);
  return { file, rel, imports, exports, declared, body };
}

/** Comments, quoted strings, the names of methods (`get text() {`, `draw(a, b) {`) and the `$`
 *  of `${` and of regular expressions blanked out: roughly, enough to look for bare names. */
function codeOnly(body) {
  return body
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1')
    .replace(/\b(get|set|static|async)\s+[\w$]+\s*\(/g, '$1 _(')
    .replace(/^(\s*)[\w$]+(\s*\([^)\n]*\)\s*\{)/gm, '$1_$2')
    .replace(/\$(?=[{/)\]|])/g, ' '); // `${` in templates, `$` ending a regular expression
}

/** The modules reachable from `entry`, in the order the browser runs them. */
export function collect(entry, root = path.dirname(entry)) {
  const mods = new Map();
  const order = [];
  const visit = (file) => {
    if (mods.has(file)) return;
    if (!fs.existsSync(file)) fail(path.relative(root, file), 'not found');
    const m = parse(file, path.relative(root, file));
    mods.set(file, m);
    for (const imp of m.imports) visit(imp.from);
    order.push(m);
  };
  visit(path.resolve(entry));
  return order;
}

/** Check the rules above on a list of parsed modules; throws BundleError. */
export function verify(order) {
  const byFile = new Map(order.map((m) => [m.file, m]));
  const owner = new Map();
  for (const m of order) {
    for (const n of m.declared) {
      if (owner.has(n) && owner.get(n) !== m) fail(m.rel, `"${n}" is also declared in ${owner.get(n).rel} (one script cannot hold both: rename one)`);
      owner.set(n, m);
    }
  }
  for (const m of order) {
    const imported = new Set();
    for (const imp of m.imports) {
      const from = byFile.get(imp.from);
      for (const n of imp.names) {
        if (!from.exports.includes(n)) fail(m.rel, `imports "${n}", which ${from.rel} does not export`);
        imported.add(n);
      }
    }
    const code = codeOnly(m.body);
    for (const [n, o] of owner) {
      if (o === m || imported.has(n)) continue;
      const esc = n.replace(/\$/g, '\\$');
      const bare = new RegExp(`(?<![\\w$.])${esc}(?![\\w$])(?!\\s*:(?!:))`);
      const local = new RegExp(`\\b(?:const|let|var|function|class)\\s+${esc}(?![\\w$])`);
      if (bare.test(code) && !local.test(code)) {
        fail(m.rel, `mentions "${n}" without importing it; ${o.rel} declares it (in the browser it would be a global, in one script ${o.rel}'s): import it or rename`);
      }
    }
  }
}

/** `node --check` the script as a module (catches duplicate declarations and syntax errors). */
function syntaxCheck(js) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bundle-'));
  const file = path.join(dir, 'bundle.mjs');
  try {
    fs.writeFileSync(file, js);
    const res = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (res.status !== 0) throw new BundleError(`bundle: the result does not parse as a module:\n${res.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One script (module code) holding `entry` and every module it imports. */
export function bundle(entry, { root = path.dirname(entry) } = {}) {
  const order = collect(entry, root);
  verify(order);
  const js = order.map((m) => `// ---- ${m.rel.split(path.sep).join('/')}\n${m.body.trim()}\n`).join('\n');
  syntaxCheck(js);
  return js;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(bundle(process.argv[2] || 'static/app.js'));
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
