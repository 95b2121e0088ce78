// scripts/strip-comments.mjs, which takes the comments out of the page's modules as they are
// shipped: comments go, everything else stays, and every line break stays where it was.
// (No browser needed.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripComments } from '../../scripts/strip-comments.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('comments go; strings, templates, regular expressions and divisions that look like them stay', () => {
  const cases = [
    ['a = 1; // one\nb = 2;', 'a = 1;\nb = 2;'],
    ['/** doc\n *  more */\nfunction f() {}', '\n\nfunction f() {}'],
    ['x = a /* in line */ + b;', 'x = a   + b;'],
    ["s = '// not a comment' + \"/* nor */\";", "s = '// not a comment' + \"/* nor */\";"],
    ['t = `line\n// still the template ${a /* gone */ + `in ${b // gone\n}`} /* kept */`;',
      't = `line\n// still the template ${a   + `in ${b\n}`} /* kept */`;'],
    ['r = /[",\\r\\n]/.test(s) || /\\/\\/x/.test(s) || /[/]*/.test(s); // gone', 'r = /[",\\r\\n]/.test(s) || /\\/\\/x/.test(s) || /[/]*/.test(s);'],
    ['y = a / b / c; // half', 'y = a / b / c;'],
    ['z = (a) / 2 + f()[0] / 3;', 'z = (a) / 2 + f()[0] / 3;'],
    ['function g() { return /x\\/y/g.test(s); }', 'function g() { return /x\\/y/g.test(s); }'],
    ["if (ok) { o = { a: 1 }; } /re/.test('x');", "if (ok) { o = { a: 1 }; } /re/.test('x');"],
    ['k = `a${`b${c}`}d` / 2; // after a template, a division', 'k = `a${`b${c}`}d` / 2;'],
    ["e = 'it\\'s // fine';", "e = 'it\\'s // fine';"],
  ];
  for (const [src, want] of cases) assert.equal(stripComments(src), want, src);
});

test('what cannot be walked to its end is refused', () => {
  for (const bad of ["a = 'open", 'a = `open ${b}', 'a = 1; /* open', 'a = /open\nb']) {
    assert.throws(() => stripComments(bad), /strip-comments: unterminated/, bad);
  }
});

test('the page\'s modules: the same lines, still modules, and no comment left', () => {
  const files = ['static/app.js', ...fs.readdirSync(path.join(ROOT, 'static/js')).map((f) => `static/js/${f}`)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-strip-'));
  try {
    for (const f of files) {
      const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
      const out = stripComments(src);
      assert.equal(out.split('\n').length, src.split('\n').length, `${f}: every line break kept`);
      assert.equal(stripComments(out), out, `${f}: nothing left to take out`);
      assert.ok(out.length < src.length, `${f}: had comments`);
      assert.doesNotMatch(out, /^\s*(\/\/|\/\*)/m, `${f}: no line starts a comment`);
      const file = path.join(dir, path.basename(f).replace(/\.js$/, '.mjs'));
      fs.writeFileSync(file, out);
      const res = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      assert.equal(res.status, 0, `${f}: still parses as a module\n${res.stderr}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
