// After `trunk build` (a post_build hook in Trunk.toml, on Trunk's staging dir; or by hand on
// dist/: `node scripts/build-extras.mjs dist`, which is idempotent): the ways to run the checker
// other than "open our website" (README: 嵌入、离线与内网部署).
//
//   0. the page's modules: Trunk copies the entry static/app.js as app-<hash>.js, and the modules
//      it imports (static/js/) as they are into js/ (a copy-dir link in index.html: Trunk does
//      not follow imports). Their comments are taken out (scripts/strip-comments.mjs: a dozen
//      files compressed one by one, their comments would cost about 6 KB of the page's budget).
//      Their names carry no hash, so after an update a browser could run the new entry with
//      old modules from its cache: the folder is renamed js-<hash of its files>/, the entry's
//      imports point there (so the entry gets a new name and integrity), and index.html
//      preloads every module, so that they come in one round trip instead of one per level of
//      imports.
//   1. index.html without inline script: Trunk injects an inline <script type="module"> that
//      loads the wasm; it is replaced by an external boot-<hash>.js, so the page runs under
//      `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`. The boot script also tells the
//      user, in plain Chinese, when the browser has no WebAssembly or the wasm cannot be loaded.
//   2. widget/: the <nianbao-checker> web component (static/widget/) with its own copies of
//      the module it shares with the page (static/js/shared.js), the wasm-bindgen JS and the
//      wasm under fixed names (shared.js, nianbao.js, nianbao_bg.wasm), so a portal copies one
//      folder; embed.html (+ embed.js, embed.css) is the live example.
//   3. nianbao.html: one self-contained file (styles, scripts, wasm as base64, the sample
//      report), for file:// and e-mail: the page's modules bundled into one inline script
//      (scripts/bundle.mjs). It has inline scripts, so it carries its own CSP meta.
//
// Usage: node scripts/build-extras.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist/)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';
import { stripComments } from './strip-comments.mjs';
// The sentence and the test the page's boot scripts share with the widget (one source).
import { NO_WASM, wasmSupported } from '../static/js/shared.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || path.join(ROOT, 'dist'));
const WIDGET_SRC = path.join(ROOT, 'static/widget');
const SHARED_SRC = path.join(ROOT, 'static/js/shared.js');
const LOAD_FAILED = '检查程序加载失败。如果页面放在自己的服务器上，请确认 .wasm 文件的类型（MIME）设为 application/wasm；'
  + '详细原因：';

function fail(msg) {
  console.error(`build-extras: ${msg}`);
  process.exit(1);
}
const read = (f) => fs.readFileSync(path.join(DIST, f));
const hash8 = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

let html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');

// ---------------------------------------------------------------- 0. the page's modules, hashed
const appTag = html.match(/<script src="\.\/(app-\w+\.js)"[^>]*><\/script>/);
if (!appTag) fail("index.html has no <script src=\"./app-….js\"> (Trunk's output changed?)");
let appName = appTag[1];
let modules = [];
{
  const src = read(appName).toString('utf8');
  const dirs = new Set([...src.matchAll(/^import [^;]* from '\.\/([\w-]+)\//gm)].map((x) => x[1]));
  if (dirs.size !== 1) fail(`${appName} should import from one folder of modules, not ${[...dirs].join(', ') || 'none'}`);
  let [dir] = dirs;
  if (dir === 'js') {
    const files = fs.readdirSync(path.join(DIST, 'js')).filter((f) => f.endsWith('.js')).sort();
    const h = crypto.createHash('sha256');
    const strip = (js, f) => {
      try {
        return stripComments(js);
      } catch (e) {
        return fail(`${f}: ${e.message}`);
      }
    };
    for (const f of files) {
      const shipped = strip(read(`js/${f}`).toString('utf8'), `js/${f}`);
      fs.writeFileSync(path.join(DIST, 'js', f), shipped);
      h.update(`${f}\0`).update(shipped).update('\0');
    }
    const hashed = `js-${h.digest('hex').slice(0, 16)}`;
    fs.rmSync(path.join(DIST, hashed), { recursive: true, force: true });
    fs.renameSync(path.join(DIST, 'js'), path.join(DIST, hashed));
    const entry = strip(src, appName).replace(/^(import [^;]* from '\.\/)js\//gm, `$1${hashed}/`);
    const name = `app-${hash8(entry)}.js`;
    fs.writeFileSync(path.join(DIST, name), entry);
    if (name !== appName) fs.rmSync(path.join(DIST, appName));
    const integrity = `sha384-${crypto.createHash('sha384').update(entry).digest('base64')}`;
    let tag = appTag[0].replace(appName, name);
    if (/\sintegrity="/.test(tag)) tag = tag.replace(/\sintegrity="[^"]*"/, ` integrity="${integrity}"`);
    // The preloads go last in <head>, after Trunk's preloads of the wasm and its JS: over
    // HTTP/1.1 a browser opens six connections to a server, and the wasm (most of the page)
    // must not wait behind a dozen small modules.
    const preloads = files.map((f) => `<link rel="modulepreload" href="./${hashed}/${f}">`).join('\n');
    html = html.replace(appTag[0], () => tag);
    if (!/<\/head>/.test(html)) fail('index.html has no </head>');
    html = html.replace('</head>', () => `\n${preloads}\n</head>`);
    fs.writeFileSync(path.join(DIST, 'index.html'), html);
    appName = name;
    dir = hashed;
  }
  if (!/^js-[0-9a-f]{16}$/.test(dir) || !fs.existsSync(path.join(DIST, dir))) fail(`${appName} imports from ${dir}/, which is not the modules folder`);
  modules = fs.readdirSync(path.join(DIST, dir));
}

// ---------------------------------------------------------------- 1. no inline script in index.html
const inline = /<script type="module">\s*import init, \* as bindings from '\.\/([\w.-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([\w.-]+\.wasm)' \}\);[\s\S]*?<\/script>/;
let glueName;
let wasmName;
const m = html.match(inline);
if (m) {
  [, glueName, wasmName] = m;
  const boot = `// Starts the checker page (written by scripts/build-extras.mjs in place of Trunk's inline script).
import init, * as bindings from './${glueName}';

function say(message) {
  const status = document.getElementById('status');
  const text = status && status.querySelector('.status-text');
  if (!text) return;
  status.className = 'status status-fail';
  status.dataset.state = 'fail';
  const icon = status.querySelector('.status-icon');
  if (icon) icon.textContent = '✖';
  text.textContent = message;
}

// From static/js/shared.js (as in the widget):
${wasmSupported}

const NO_WASM = ${JSON.stringify(NO_WASM)};
if (!wasmSupported()) {
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => say(NO_WASM));
  else say(NO_WASM);
} else {
  try {
    const wasm = await init({ module_or_path: new URL('./${wasmName}', import.meta.url) });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (e) {
    say(${JSON.stringify(LOAD_FAILED)} + (e && e.message ? e.message : String(e)));
    throw e;
  }
}
`;
  const bootName = `boot-${hash8(boot)}.js`;
  fs.writeFileSync(path.join(DIST, bootName), boot);
  html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);
  fs.writeFileSync(path.join(DIST, 'index.html'), html);
} else {
  const boot = html.match(/<script type="module" src="\.\/(boot-\w+\.js)"><\/script>/);
  if (!boot) fail("index.html has neither Trunk's inline loader nor our boot script (Trunk's output changed?)");
  const src = fs.readFileSync(path.join(DIST, boot[1]), 'utf8');
  glueName = src.match(/from '\.\/([\w.-]+\.js)'/)[1];
  wasmName = src.match(/new URL\('\.\/([\w.-]+\.wasm)'/)[1];
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('index.html still has an inline script');
if (/<style[\s>]|\sstyle="/.test(html)) fail('index.html has an inline style');

// ---------------------------------------------------------------- 2. the widget and its example
const widget = path.join(DIST, 'widget');
fs.mkdirSync(widget, { recursive: true });
for (const f of ['nianbao-checker.js', 'widget.css']) fs.copyFileSync(path.join(WIDGET_SRC, f), path.join(widget, f));
fs.copyFileSync(SHARED_SRC, path.join(widget, 'shared.js'));
fs.copyFileSync(path.join(DIST, glueName), path.join(widget, 'nianbao.js'));
fs.copyFileSync(path.join(DIST, wasmName), path.join(widget, 'nianbao_bg.wasm'));
for (const f of ['embed.html', 'embed.js', 'embed.css']) fs.copyFileSync(path.join(WIDGET_SRC, f), path.join(DIST, f));

// ---------------------------------------------------------------- 3. the single file
let one = html;
const esc = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
// Styles inline.
one = one.replace(/<link rel="stylesheet" href="\.\/([\w.-]+\.css)"[^>]*>/g, (_, f) => `<style>\n${read(f).toString('utf8').replace(/<\/style/gi, '<\\/style')}\n</style>`);
// Preloads are pointless with nothing to fetch.
one = one.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
// Favicon as a data URL.
one = one.replace(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/,
  `<link rel="icon" href="data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}">`);
// The wasm-bindgen glue and the wasm (base64) in one module script, then the page's script.
const glue = read(glueName).toString('utf8');
const exportLine = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (!exportLine.test(glue)) fail(`unexpected end of ${glueName} (wasm-bindgen's output changed?)`);
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((x) => x[1]);
const sample = read('sample.txt').toString('utf8');
const oneBoot = `${glue.replace(exportLine, '')}
// ---- nianbao.html: everything in this one file (scripts/build-extras.mjs)
{
  const NO_WASM = ${JSON.stringify(NO_WASM)};
  const say = (message) => {
    const status = document.getElementById('status');
    const text = status && status.querySelector('.status-text');
    if (!text) return;
    status.className = 'status status-fail';
    status.dataset.state = 'fail';
    text.textContent = message;
  };
  // The sample report, for the 示例 button (there is no sample.txt next to this file).
  const SAMPLE = ${JSON.stringify(sample)};
  const realFetch = window.fetch.bind(window);
  window.fetch = (url, opts) => (String(url) === 'sample.txt'
    ? Promise.resolve(new Response(SAMPLE, { headers: { 'content-type': 'text/plain; charset=utf-8' } }))
    : realFetch(url, opts));
  // From static/js/shared.js (as in the widget):
  ${wasmSupported}
  if (!wasmSupported()) {
    say(NO_WASM);
  } else {
    const b64 = ${JSON.stringify(read(wasmName).toString('base64'))};
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    try {
      const wasm = await __wbg_init({ module_or_path: bytes });
      window.wasmBindings = { ${exported.join(', ')} };
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    } catch (e) {
      say(${JSON.stringify(LOAD_FAILED)} + (e && e.message ? e.message : String(e)));
      throw e;
    }
  }
}
`;
const bootTag = one.match(/<script type="module" src="\.\/(boot-\w+\.js)"><\/script>/);
one = one.replace(bootTag[0], () => `<script type="module">\n${esc(oneBoot)}\n</script>`);
// The page's modules: one script (scripts/bundle.mjs), from the files just built.
let app;
try {
  app = bundle(path.join(DIST, appName), { root: DIST });
} catch (e) {
  fail(e.message);
}
one = one.replace(/<script src="\.\/(app-\w+\.js)"[^>]*><\/script>/, () => `<script type="module">\n${esc(app)}\n</script>`);
// Its own CSP: inline scripts and styles are the point of this file; nothing is fetched.
one = one.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'">`);
if (/<(script|link)[^>]*\s(src|href)="\.?\/?[\w-]+[\w./-]*"/.test(one.replace(/<link rel="icon"[^>]*>/, ''))) {
  fail('nianbao.html still refers to another file');
}
fs.writeFileSync(path.join(DIST, 'nianbao.html'), one);

const kb = (n) => (n / 1024).toFixed(1);
console.log(`build-extras: ${path.relative(ROOT, DIST)}/: ${modules.length} page modules, boot script, widget/ (${exported.length} functions), embed.html, nianbao.html (${kb(one.length)} KB)`);
