// Helpers for the tests of the widget, the strict-CSP page, the single file and sub-path hosting
// (embed, csp, single-file, subpath .test.mjs): a browser context that records everything that
// could go wrong quietly (console errors, page errors, CSP violations, offsite requests), and
// optional HTTP headers (the strict CSP) or extra pages (a hostile portal) served on the origin.
import assert from 'node:assert/strict';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * A context on `origin`: requests elsewhere are aborted and recorded; `pages` maps a path
 * (e.g. 'portal.html') to HTML served at origin + path; `csp` adds that
 * Content-Security-Policy header to every response from the origin.
 */
export async function watchedContext(browser, origin, { csp = null, pages = {}, viewport = { width: 1300, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport });
  const log = { offsite: [], errors: [], violations: [], requests: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(origin)) {
      if (!url.startsWith('data:') && !url.startsWith('blob:')) log.offsite.push(url);
      return url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort();
    }
    const rel = url.slice(origin.length).split(/[?#]/)[0];
    const extra = csp ? { 'content-security-policy': csp } : {};
    if (Object.prototype.hasOwnProperty.call(pages, rel)) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: extra, body: pages[rel] });
    }
    if (!csp) return route.continue();
    const resp = await route.fetch();
    return route.fulfill({ response: resp, headers: { ...resp.headers(), ...extra } });
  });
  context.on('request', (r) => log.requests.push(r.url()));
  // CSP violations are reported as events on the document (also from inside shadow roots).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  return { context, log };
}

export async function watchedPage(context, log) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  return page;
}

/** No console errors, no page errors, no CSP violations, nothing fetched from elsewhere. */
export async function assertClean(page, log, label) {
  const violations = await page.evaluate(() => window.__cspViolations || []);
  assert.deepEqual(violations, [], `${label}: no CSP violations`);
  assert.deepEqual(log.errors, [], `${label}: no console or page errors`);
  assert.deepEqual(log.offsite, [], `${label}: nothing requested from elsewhere`);
}

/** Wait for the checker page (index.html) to be ready, paste `text`, wait for its result. */
export async function pageCheck(page, text) {
  await page.waitForFunction(() => window.__nianbao && document.getElementById('version').textContent !== '', null, { timeout: 30000 });
  await page.fill('#text', text);
  await page.waitForFunction(() => {
    const ta = document.getElementById('text');
    return window.__nianbao.text === ta.value && window.__nianbao.report;
  }, null, { timeout: 20000 });
}

/** What a <nianbao-checker> shows: the summary's counts and the findings groups with counts. */
export async function widgetShown(page, selector = 'nianbao-checker') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const s = root.querySelector('.summary');
    const groups = {};
    for (const g of root.querySelectorAll('.group')) groups[g.dataset.code] = Number(g.querySelector('.gcount').dataset.count);
    return {
      state: s.dataset.state,
      text: root.querySelector('.state').textContent,
      errors: Number(s.dataset.errors), warnings: Number(s.dataset.warnings), infos: Number(s.dataset.infos),
      groups,
      items: root.querySelectorAll('.finding').length,
      marks: root.querySelectorAll('.source-text mark').length,
    };
  }, selector);
}
