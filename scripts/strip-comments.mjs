// Comments taken out of the page's modules as they are shipped (scripts/build-extras.mjs): the
// sources in static/ explain themselves at length, and the page is split into a dozen modules
// that are each compressed on their own, so the comments would cost about 6 KB of the page's
// 400 KB budget (BENCHMARKS.md). Nothing else changes: every line break stays where it was (a
// line in the browser's error messages is the same line in static/js/), and only the spaces
// left at the end of a line whose comment went are dropped.
//
// A comment is found the way the JavaScript grammar finds it, by walking the code: strings,
// template literals (with the code in their `${…}`, nested), and regular expression literals
// (character classes included) are stepped over whole. Whether a `/` starts a regular
// expression or divides is decided as usual for JavaScript: it divides after a name, a number,
// a closing `)` or `]`, a string or a template; anywhere else (after an operator, a `(`, `,`,
// `{`, `}`, `;`, or a keyword such as `return`) it starts a regular expression. Anything it
// cannot close (an unterminated string, comment or regular expression) stops the build.
//
//   import { stripComments } from './strip-comments.mjs';
//   const shipped = stripComments(source);

const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await']);

/** `src` without its comments (line breaks kept). Throws on text it cannot walk. */
export function stripComments(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  // What came last in the code: 'value' (a `/` after it divides) or 'operator' (a `/` after it
  // starts a regular expression).
  let last = 'operator';
  // Template literals being read: for each, the depth of `{` inside its current `${…}`.
  const templates = [];
  const fail = (what) => {
    const line = src.slice(0, i).split('\n').length;
    throw new Error(`strip-comments: ${what} at line ${line}`);
  };

  /** Step over a template literal's text from `i` (after the opening ` or a closing }). */
  const templateText = () => {
    while (i < n) {
      const c = src[i];
      if (c === '\\') { out += src.slice(i, i + 2); i += 2; continue; }
      if (c === '`') { out += c; i += 1; templates.pop(); last = 'value'; return; }
      if (c === '$' && src[i + 1] === '{') { out += '${'; i += 2; templates[templates.length - 1] = 1; last = 'operator'; return; }
      out += c;
      i += 1;
    }
    fail('unterminated template literal');
  };

  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? n : end;
      out = out.replace(/[ \t]+$/, '');
      continue;
    }
    if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      const breaks = src.slice(i, end).split('\n').length - 1;
      if (breaks) out = out.replace(/[ \t]+$/, '');
      out += breaks ? '\n'.repeat(breaks) : ' ';
      i = end + 2;
      continue;
    }
    if (c === '\'' || c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== c) {
        if (src[j] === '\\') j += 1;
        else if (src[j] === '\n') fail('unterminated string');
        j += 1;
      }
      if (j >= n) fail('unterminated string');
      out += src.slice(i, j + 1);
      i = j + 1;
      last = 'value';
      continue;
    }
    if (c === '`') {
      out += c;
      i += 1;
      templates.push(0);
      templateText();
      continue;
    }
    if (c === '/') {
      if (last === 'value') {
        out += c;
        i += 1;
        last = 'operator';
        continue;
      }
      // A regular expression literal: up to the `/` that is neither escaped nor in a class.
      let j = i + 1;
      let inClass = false;
      while (j < n && (inClass || src[j] !== '/')) {
        if (src[j] === '\n') fail('unterminated regular expression');
        if (src[j] === '\\') j += 1;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j += 1;
      }
      if (j >= n) fail('unterminated regular expression');
      j += 1;
      while (j < n && /[a-z]/.test(src[j])) j += 1; // flags
      out += src.slice(i, j);
      i = j;
      last = 'value';
      continue;
    }
    if (templates.length && templates[templates.length - 1] > 0 && (c === '{' || c === '}')) {
      // Inside a template's `${…}`: a `}` that closes it goes back to the template's text.
      if (c === '{') templates[templates.length - 1] += 1;
      else templates[templates.length - 1] -= 1;
      out += c;
      i += 1;
      if (templates[templates.length - 1] === 0) templateText();
      else last = 'operator';
      continue;
    }
    if (/[\w$]/.test(c)) {
      let j = i;
      while (j < n && /[\w$]/.test(src[j])) j += 1;
      const word = src.slice(i, j);
      out += word;
      i = j;
      last = KEYWORDS_BEFORE_EXPRESSION.has(word) ? 'operator' : 'value';
      continue;
    }
    out += c;
    i += 1;
    if (c === ')' || c === ']') last = 'value';
    else if (!/\s/.test(c)) last = 'operator';
  }
  if (templates.length) fail('unterminated template literal');
  return out;
}
