// The end-to-end tests' shared harness: a real server (`tilbudsfinder serve`) on a free
// loopback port, Debian's Chromium driven by playwright-core, and the checks every page must
// pass (no console errors, no CSP violations, axe-core clean at WCAG 2.1 A/AA).
//
// Environment (set by build/test): TF_DIST, the built site; TF_CLI, the tilbudsfinder binary.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

export const DIST = process.env.TF_DIST ?? path.join(root, 'dist');
export const CLI = process.env.TF_CLI ?? path.join(root, 'target/release/tilbudsfinder');
export const ARTIFACTS = path.join(root, 'tests/artifacts');
/** The page finisher (crates/web's tilbudsfinder-page), built beside the CLI by build/site. */
export const PAGE = process.env.TF_PAGE ?? path.join(path.dirname(CLI), 'tilbudsfinder-page');

/**
 * Finishes a site's page over the index now in `site/index/` (preload hints and the prerendered
 * first view, as build/site does): for a copy of the site whose index a test replaced.
 */
export function finishSitePage(site) {
  execFileSync(PAGE, [site], { stdio: 'pipe' });
  // The copied precompressed pages would be served in their place by a host that does not
  // compare dates.
  for (const suffix of ['.gz', '.br']) rmSync(path.join(site, `index.html${suffix}`), { force: true });
}

/** Starts `tilbudsfinder serve` on a free port; resolves to { url, stop }. */
export async function startServer({ dir = DIST, args = [] } = {}) {
  const child = spawn(CLI, ['serve', dir, '--port', '0', '--exit-after', '900', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return { url, stop: () => child.kill() };
}

/**
 * For a test file: starts the server and the browser before its tests and stops both after
 * them. Returns the site its tests use, filled in once both are up: `site.browser`, `site.url`
 * (the server's base URL, ending in "/") and `site.dir` (the folder served).
 *
 * The built site (DIST) is served unless `scratch` is given: then a fresh temporary folder is
 * served instead, filled by `await scratch(dir)` before the server starts and removed after.
 */
export function withServerAndBrowser({ scratch = null } = {}) {
  const site = { browser: null, url: null, dir: DIST };
  let server;
  before(async () => {
    if (scratch) {
      site.dir = mkdtempSync(path.join(tmpdir(), 'tf-scratch-site-'));
      await scratch(site.dir);
    }
    server = await startServer({ dir: site.dir });
    site.url = server.url;
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    server?.stop();
    if (scratch && site.dir !== DIST) rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}

/** Launches Debian's Chromium the way this closed network needs it. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tf-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.TF_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // No --user-data-dir: playwright refuses it in launch() and gives each launch a fresh
      // temporary profile of its own.
    ],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => { await close(); rmSync(userDataDir, { recursive: true, force: true }); };
  return browser;
}

/**
 * Opens a page in a fresh context and records what must never happen: console errors, uncaught
 * exceptions, CSP violations, failed requests; and every request's URL. With `cspLog`, each CSP
 * violation is also kept in the page's `window.__csp` ("directive blocked-URI"), recorded from
 * before any page script runs.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, cspLog = false } = {}) {
  const context = await browser.newContext({ viewport });
  if (cspLog) {
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  await page.goto(url);
  return { page, context, problems, requests };
}

/** Runs axe-core at WCAG 2.1 A/AA on the page (shadow roots included); returns violations. */
export async function axeViolations(page, context = null) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(source);
  const result = await page.evaluate(async (ctx) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  }, context);
  return result;
}

/** A readable message for assertion failures on axe results. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}

/** Runs the CLI and parses its JSON output (for expected values: never hard-code them). */
export function cliJson(args) {
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/**
 * Generates a sample catalogue in `dir` and builds its index into `dir/index` (for a second,
 * different index beside the site's own); returns that index directory.
 */
export function buildSampleIndex(dir, { offers, families, seed }) {
  const catalogue = path.join(dir, 'catalogue.jsonl');
  execFileSync(CLI, ['generate', '--offers', String(offers), '--foster-families', String(families),
    '--seed', String(seed), '--today', '2026-11-22', '--out', catalogue], { stdio: 'pipe' });
  const index = path.join(dir, 'index');
  execFileSync(CLI, ['build', catalogue, '--out', index, '--today', '2026-11-22'], { stdio: 'pipe' });
  return index;
}

/** The index directory of the built site. */
export const INDEX_DIR = path.join(DIST, 'index');
