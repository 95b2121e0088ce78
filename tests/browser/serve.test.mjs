// `nianbao serve` (src/bin/nianbao/serve.rs): the page for offices with no web server, on
// 127.0.0.1 only — the embedded single-file page, or a directory with --dir — and it refuses to
// leave that directory. Also the intranet zip (scripts/package-intranet.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, DIST, cliBinary, cliCheckText, codeCounts, launch } from './helpers.mjs';
import { watchedContext, watchedPage, assertClean, pageCheck } from './deploy-helpers.mjs';

const DIR = process.env.NIANBAO_DIST || DIST;
const SAMPLE = fs.readFileSync(path.join(ROOT, 'static/sample.txt'), 'utf8');
let browser;
const children = [];

before(async () => { browser = await launch(); });
after(async () => {
  for (const c of children) c.kill();
  if (browser) await browser.close();
});

/** Start `nianbao serve ARGS --port 0`; resolves to the URL it prints. */
function startServe(args) {
  const child = spawn(cliBinary(), ['serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // The whole message: the URL and the line after it (a pipe may deliver them apart).
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m && /Ctrl\+C/.test(out)) resolve({ child, url: m[0], port: Number(m[1]), out });
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => reject(new Error(`nianbao serve exited (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`nianbao serve printed no URL: ${out}`)), 20000);
  });
}

/** A raw HTTP request (so paths are sent exactly as written, `..` and all). */
function raw(port, request) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(request));
    let data = '';
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => resolve(data));
    sock.on('error', reject);
  });
}
const status = (resp) => Number(resp.split(' ')[1]);

async function checkPage(url, label) {
  const cli = cliCheckText(SAMPLE);
  const { context, log } = await watchedContext(browser, url);
  const page = await watchedPage(context, log);
  await page.goto(url);
  await pageCheck(page, SAMPLE);
  const groups = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#findings-list .group')]
    .map((g) => [g.dataset.code, Number(g.querySelector('.gcount').dataset.count)])));
  assert.deepEqual(groups, codeCounts(cli), label);
  await assertClean(page, log, label);
  await context.close();
}

test('nianbao serve: the built-in single-file page on 127.0.0.1', async () => {
  const s = await startServe([]);
  assert.match(s.out, /只有本机能打开/);
  const html = await (await fetch(s.url)).text();
  assert.equal(html, fs.readFileSync(path.join(DIR, 'nianbao.html'), 'utf8'), 'serves the page built into dist/nianbao.html');
  await checkPage(s.url, 'serve (built-in page)');
  assert.equal(status(await raw(s.port, 'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n')), 404);
  assert.equal(status(await raw(s.port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n')), 405);
  assert.equal(status(await raw(s.port, `GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n`)), 431, 'request heads are bounded');
  s.child.kill();
});

test('nianbao serve --dir: the full page from a folder, nothing outside it, wasm as application/wasm', async () => {
  const s = await startServe(['--dir', DIR]);
  await checkPage(s.url, 'serve --dir');
  const wasm = await fetch(`${s.url}widget/nianbao_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  for (const bad of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/widget/..%2f..%2fCargo.toml', '/..%5cCargo.toml', '/widget/../../Cargo.toml']) {
    const r = await raw(s.port, `GET ${bad} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(status(r), 404, bad);
    assert.doesNotMatch(r, /\[package\]/, bad);
  }
  s.child.kill();
});

test('the intranet zip holds the page, the widget, the single file and the deployment notes', () => {
  const zip = path.join(ROOT, 'target/nianbao-intranet.zip');
  const made = spawnSync('bash', ['scripts/package-intranet.sh', zip], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const list = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n');
  for (const f of ['部署说明.md', 'nginx.conf', 'nianbao/index.html', 'nianbao/nianbao.html', 'nianbao/embed.html',
    'nianbao/widget/nianbao-checker.js', 'nianbao/widget/nianbao_bg.wasm', 'nianbao/web.config', 'nianbao/sample.txt']) {
    assert.ok(list.includes(f), `${f} in the zip`);
  }
  const notes = spawnSync('unzip', ['-p', zip, '部署说明.md'], { encoding: 'utf8' }).stdout;
  assert.match(notes, /application\/wasm/);
  assert.match(spawnSync('unzip', ['-p', zip, 'nianbao/web.config'], { encoding: 'utf8' }).stdout, /mimeType="application\/wasm"/);
});
