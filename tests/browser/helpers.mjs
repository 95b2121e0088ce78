// Shared helpers for the page's browser tests (node --test tests/browser/).
//
// - serve dist/ on 127.0.0.1 (scripts/serve.mjs) and drive Debian's Chromium with playwright-core
//   (it cannot download browsers here);
// - the expected values always come from the CLI, run on the same bytes:
//   `cargo run --release --bin nianbao -- check --format json FILE...`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDir } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHARED = path.resolve(ROOT, '../shared');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Every fixture in shared/fixtures a user could paste (text and HTML), plus the page's sample. */
export function fixtureFiles() {
  const dir = path.join(SHARED, 'fixtures');
  const files = [];
  for (const sub of ['seeds', 'real']) {
    for (const f of fs.readdirSync(path.join(dir, sub)).sort()) {
      if (/\.(txt|html|md)$/.test(f)) files.push(path.join(dir, sub, f));
    }
  }
  files.push(path.join(ROOT, 'static/sample.txt'));
  return files;
}

let cliPath = null;
/**
 * The CLI binary: `cargo build --release --bin nianbao` once per test run (what
 * `cargo run --release --bin nianbao` does), then the binary itself for every call.
 * NIANBAO_CLI=path/to/nianbao uses a given binary instead.
 */
export function cliBinary() {
  if (cliPath) return cliPath;
  if (process.env.NIANBAO_CLI) return (cliPath = process.env.NIANBAO_CLI);
  const res = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'nianbao', '--message-format=json'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 1200000,
  });
  if (res.status !== 0) throw new Error(`cargo build of the CLI failed:\n${res.stderr.slice(-4000)}`);
  for (const line of res.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line);
    if (msg.reason === 'compiler-artifact' && msg.target && msg.target.name === 'nianbao' && msg.target.kind.includes('bin') && msg.executable) {
      cliPath = msg.executable;
    }
  }
  if (!cliPath) throw new Error('cargo build did not report the nianbao binary');
  return cliPath;
}

/** Run the CLI (`nianbao check --format json FILE...`); returns one report per file, in order. */
export function cliCheck(files) {
  const res = spawnSync(cliBinary(), ['check', '--format', 'json', ...files], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120000,
  });
  if (res.error) throw res.error;
  let out;
  try {
    out = JSON.parse(res.stdout);
  } catch (e) {
    throw new Error(`CLI output is not JSON (exit ${res.status}): ${res.stderr.slice(0, 2000)}`);
  }
  const reports = Array.isArray(out) ? out : [out];
  if (reports.length !== files.length) throw new Error(`CLI gave ${reports.length} reports for ${files.length} files`);
  return reports;
}

/** Run the CLI on a text, through a temporary file. */
export function cliCheckText(text, name = 'input.txt') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    return cliCheck([file])[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The characters a byte span covers in the UTF-8 bytes of `text`. */
export function spanText(text, span) {
  return Buffer.from(text, 'utf8').subarray(span.start, span.end).toString('utf8');
}

export async function startServer() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `trunk build --release --offline` (scripts/test-browser.sh does)');
  }
  return serveDir(DIST, 0);
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A new page on the server, with every request recorded. Requests to anything but the
 * server's own origin are aborted and counted as offsite.
 */
export async function openPage(browser, origin, { hash = '', viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const requests = [];
  const offsite = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  context.on('request', (req) => requests.push(req.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(origin + hash);
  await page.waitForFunction(() => window.__nianbao && document.getElementById('version').textContent !== '');
  return { context, page, requests, offsite, errors };
}

/** Wait until the page has checked exactly what the text area holds. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const ta = document.getElementById('text');
    return window.__nianbao && window.__nianbao.text === ta.value && (ta.value.trim() === '' || window.__nianbao.report);
  }, null, { timeout: 20000 });
}

/** Put a text into the paste area as a paste would (one input event) and wait for the check. */
export async function pasteText(page, text) {
  await page.fill('#text', text);
  await settled(page);
}

/** What the page shows: counts, groups with their counts, format and year. */
export async function shown(page) {
  return page.evaluate(() => {
    const n = (sev) => Number(document.querySelector(`#counts [data-sev="${sev}"] .n`).textContent);
    const groups = {};
    for (const g of document.querySelectorAll('#findings-list .group')) {
      groups[g.dataset.code] = Number(g.querySelector('.gcount').dataset.count);
    }
    const meta = document.getElementById('meta');
    return {
      errors: n('error'), warnings: n('warning'), infos: n('info'),
      groups,
      items: document.querySelectorAll('#findings-list .finding').length,
      format: meta.dataset.format,
      year: meta.dataset.year,
      status: document.getElementById('status').dataset.state,
    };
  });
}

export function codeCounts(report) {
  const m = {};
  for (const d of report.diagnostics) m[d.code] = (m[d.code] || 0) + 1;
  return m;
}

export function ensureResults() {
  fs.mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}

export function shot(page, name, opts = {}) {
  ensureResults();
  return page.screenshot({ path: path.join(RESULTS, name), ...opts });
}
