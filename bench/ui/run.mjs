// The browser benchmark of issue 13 (`build/bench --ui`): our site and Pagefind's Default UI over
// the same records, measured side by side in Debian's headless Chromium through playwright-core
// and the DevTools protocol. What is measured and how: BENCHMARKS.md, "The browser benchmark".
//
//   node bench/ui/run.mjs --ours DIST --pagefind SITE --out DIR [--smoke] [--reps N] [--cold-reps N]
//                         [--engines ours,pagefind] [--no-cold]
//
// DIST is our built site (served by `tilbudsfinder serve`, with its Content-Security-Policy);
// SITE the Pagefind site of bench/ui/prepare.mjs (served the same way, without the policy:
// Pagefind's UI is not written for it). A short run while working on the page: `--engines ours
// --no-cold` (keystrokes, filter ticks and record opens of our page only; no --pagefind needed). Environment: TF_CLI, the tilbudsfinder binary;
// TF_CHROMIUM, the browser (default /usr/bin/chromium).
//
// Writes DIR/ui-YYYY-MM-DD.json (every sample) and DIR/ui.md (the table, also printed). Refuses
// nothing: a 1-minute load average above 0.5 at the start only gives a warning, and every figure
// carries the load average read just before it was measured.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, startServer } from '../../tests/lib/harness.mjs';
import { figure, interactionDurations, resultsPainted } from './analysis.mjs';
import { recorder } from './recorder.mjs';

/** Everyday queries a caseworker types, key by key. */
export const QUERIES = ['alkohol odense', 'autisme', 'plejefamilie 0-6 år', 'misbrug aarhus', 'botilbud',
  'angst depression', 'krisecenter', 'udviklingshæmning', 'low arousal', 'herberg'];
export const KEY_INTERVAL_MS = 120;
/** An answer is settled when its signature has not changed for this long (Pagefind waits 300 ms). */
const QUIET_MS = 700;
const SETTLE_LIMIT_MS = 15000;
/** The query of the cold loads with a search (Pagefind shows nothing before one). */
const COLD_QUERY = 'autisme';
const FACET_QUERY = 'autisme';
const WARM_UP_QUERY = 'bo';
const NETWORKS = {
  loopback: null,
  '9 Mbit/s + 170 ms': { latency: 170, bps: 9e6 },
};
const LOAD_WARNING = 0.5;

/**
 * The pages measured: where their search box, answer and cards are. The "results" signature is
 * the result count's text and the first cards' ids (Pagefind: its message, which names the
 * searched text, and the first result links).
 */
export const TARGETS = {
  ours: {
    label: 'ours', path: 'index.html', serveArgs: [],
    input: '.tf-search-input',
    facet: { open: null, checkboxes: 'input[type=checkbox][data-facet="region"]' },
    record: { open: '.tf-result-area:not([hidden]) .tf-card .tf-card-actions button:first-child', close: 'Escape' },
    // The build prerenders the first view; the app takes it over (www/main.js).
    prerendered: '.tf-prerendered',
    recorder: {
      initial: 'results',
      card: { selector: '.tf-card', host: null },
      interactive: { input: '.tf-search-input', host: null, prerendered: '.tf-prerendered' },
      signatures: {
        results: { count: '.tf-results-title', items: '.tf-result-area:not([hidden]) .tf-result-item:not([hidden]) .tf-card', attr: 'data-id' },
        detail: { count: '.tf-detail-title', items: '.tf-detail-section', attr: null, maxItems: 0 },
      },
    },
  },
  widget: {
    label: 'ours, widget on the demo municipal page', path: 'demo/kommune.html', serveArgs: [],
    recorder: {
      initial: 'results',
      card: { selector: '.tf-card', host: 'tilbuds-finder' },
      // The first results the build writes into the demo page, shown while the widget loads.
      fallback: 'tilbuds-finder .tilbudsfinder-fallback li',
      // The widget's first view, prerendered by the build; the app takes it over (www/widget.js).
      interactive: { input: '.tf-search-input', host: 'tilbuds-finder', prerendered: '.tf-widget-view' },
      signatures: { results: { host: 'tilbuds-finder', count: '.tf-results-title', items: '.tf-result-item:not([hidden]) .tf-card', attr: 'data-id' } },
    },
  },
  pagefind: {
    label: 'Pagefind Default UI', path: 'index.html', serveArgs: ['--no-csp'],
    input: '.pagefind-ui__search-input',
    facet: { open: 'details.pagefind-ui__filter-block:has(.pagefind-ui__filter-name:text-is("Region")) summary',
      checkboxes: 'details.pagefind-ui__filter-block:has(.pagefind-ui__filter-name:text-is("Region")) input.pagefind-ui__filter-checkbox' },
    record: null,
    recorder: {
      initial: 'results',
      card: { selector: '.pagefind-ui__result-link', host: null },
      interactive: { input: '.pagefind-ui__search-input', host: null },
      signatures: {
        results: { count: '.pagefind-ui__message', items: '.pagefind-ui__result-link', attr: 'href', busyText: '\\.\\.\\.$' },
      },
    },
  },
};

const ENGINES = ['ours', 'pagefind'];

function parseArgs(argv) {
  const opts = {
    ours: null, pagefind: null, out: null, smoke: false, reps: 3, 'cold-reps': 5, engines: ENGINES.join(','), cold: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'no-cold') { opts.cold = false; continue; }
    if (!(key in opts) || key === 'cold') throw new Error(`unknown option ${argv[i]}`);
    if (key === 'smoke') { opts.smoke = true; continue; }
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    opts[key] = ['reps', 'cold-reps'].includes(key) ? Number(argv[++i]) : argv[++i];
  }
  opts.engines = opts.engines.split(',');
  const unknown = opts.engines.filter((e) => !ENGINES.includes(e));
  if (unknown.length) throw new Error(`unknown engine ${unknown.join(', ')} (engines: ${ENGINES.join(', ')})`);
  if (!opts.ours || (opts.engines.includes('pagefind') && !opts.pagefind) || !opts.out) {
    throw new Error('usage: run.mjs --ours DIST --pagefind SITE --out DIR [--smoke] [--reps N] [--cold-reps N] '
      + '[--engines ours,pagefind] [--no-cold]');
  }
  if (opts.smoke) { opts.reps = 1; opts['cold-reps'] = 1; }
  return opts;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** A page with the recorder, in a fresh context; `cdp` is its DevTools session. */
export async function openTarget(browser, server, target, { cpu = 1, network = null, cacheDisabled = false, navigate = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(`(${recorder.toString()})(${JSON.stringify(target.recorder)});`);
  const cdp = await context.newCDPSession(page);
  // A same-origin page first, so that the throttling set below stays with the renderer that
  // loads the page measured.
  await page.goto(`${server.url}favicon.svg`).catch(() => {});
  await cdp.send('Network.enable');
  if (cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: network.latency,
      downloadThroughput: network.bps / 8, uploadThroughput: network.bps / 8,
    });
  }
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (navigate) await page.goto(`${server.url}${target.path}`, { waitUntil: 'commit' });
  return { context, page, cdp, problems };
}

/**
 * Waits until the tracked signature has been quiet for QUIET_MS since the call and the page does
 * not say it is busy (Pagefind's "Søger efter …..."); returns it.
 */
export async function settle(page) {
  const start = Date.now();
  const since = await page.evaluate(() => performance.now());
  for (;;) {
    const { now, at, sig, busy } = await page.evaluate(() => window.__bench.lastChange());
    if (!busy && now - Math.max(at ?? 0, since) >= QUIET_MS) return sig;
    if (Date.now() - start > SETTLE_LIMIT_MS) return sig;
    await sleep(100);
  }
}

/** The DevTools key event for a character (any letter, æ/ø/å included, gives a real keydown). */
function keyEvent(type, ch) {
  const codes = { ' ': ['Space', 32], '-': ['Minus', 189], 'æ': ['Quote', 222], 'ø': ['Semicolon', 192], 'å': ['BracketLeft', 221] };
  const [code, vk] = codes[ch]
    ?? (/[0-9]/.test(ch) ? [`Digit${ch}`, ch.charCodeAt(0)] : [`Key${ch.toUpperCase()}`, ch.toUpperCase().charCodeAt(0)]);
  return type === 'keyDown'
    ? { type, key: ch, code, text: ch, unmodifiedText: ch, windowsVirtualKeyCode: vk }
    : { type, key: ch, code, windowsVirtualKeyCode: vk };
}

/** Empties the focused search box and waits for the page's answer to it. */
export async function clearInput(page) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  return settle(page);
}

/**
 * Types `text` into the focused box, one key every KEY_INTERVAL_MS, or with `settleEach` waiting for
 * each key's answer (returned, one signature per key).
 */
export async function typeKeys(page, cdp, text, { settleEach = false } = {}) {
  const sigs = [];
  const start = Date.now();
  let i = 0;
  for (const ch of text) {
    if (!settleEach) await sleep(Math.max(0, start + i * KEY_INTERVAL_MS - Date.now()));
    await cdp.send('Input.dispatchKeyEvent', keyEvent('keyDown', ch));
    await cdp.send('Input.dispatchKeyEvent', keyEvent('keyUp', ch));
    if (settleEach) sigs.push(await settle(page));
    i += 1;
  }
  return sigs;
}

/**
 * Waits until the page's search box is there, the page has loaded what it loads by itself and one
 * warm-up search was answered (Pagefind starts its worker and loads its wasm at the first one).
 */
export async function ready(page, cdp, target) {
  await page.waitForSelector(target.input, { timeout: 60000 });
  if (target.prerendered) {
    await page.waitForFunction((sel) => !document.querySelector(sel), target.prerendered, { timeout: 60000 });
  }
  await page.waitForLoadState('networkidle', { timeout: 30000 }).catch(() => {});
  await page.click(target.input);
  await typeKeys(page, cdp, WARM_UP_QUERY);
  await settle(page);
  await clearInput(page);
}

/** Phase 1 and 2: the query mix typed key by key, at one CPU rate; `calibration` holds the settled answers. */
async function keystrokes(browser, server, target, queries, calibration, cpu, reps) {
  const eventSamples = [];
  const paintSamples = [];
  let skipped = 0;
  let unchanged = 0;
  let keys = 0;
  const load = loadavg();
  for (let rep = 0; rep < reps; rep++) {
    const { context, page, cdp, problems } = await openTarget(browser, server, target);
    await ready(page, cdp, target);
    await page.click(target.input);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    for (const query of queries) {
      const before = await clearInput(page);
      await page.evaluate(() => window.__bench.reset('results'));
      await typeKeys(page, cdp, query);
      await settle(page);
      const got = await page.evaluate(() => window.__bench.take());
      if (got.keys.length !== [...query].length) {
        throw new Error(`${target.label}: typed ${[...query].length} keys of "${query}", the page saw ${got.keys.length}`);
      }
      keys += got.keys.length;
      eventSamples.push(...interactionDurations(got.keys, got.events, ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']));
      const painted = resultsPainted(got.keys, got.changes, calibration[query].settled, before);
      paintSamples.push(...painted.samples);
      skipped += painted.skipped;
      unchanged += painted.unchanged;
    }
    if (problems.length) throw new Error(`${target.label}: ${problems.join('; ')}`);
    await context.close();
  }
  return {
    nextPaint: figure(eventSamples, load, { keys }),
    resultsPainted: figure(paintSamples, load, { keys, answerNeverShown: skipped, answerUnchanged: unchanged }),
  };
}

/** The settled answer after every key of every query (each key waits for its answer). */
export async function calibrate(browser, server, target, queries) {
  const { context, page, cdp } = await openTarget(browser, server, target);
  await ready(page, cdp, target);
  await page.click(target.input);
  const out = {};
  for (const query of queries) {
    const before = await clearInput(page);
    const settled = await typeKeys(page, cdp, query, { settleEach: true });
    out[query] = { before, settled };
  }
  await context.close();
  return out;
}

/** The Event Timing entries of a click (an interaction started by its pointerdown). */
const CLICK_EVENTS = ['pointerdown', 'pointerup', 'click', 'input', 'change'];

/**
 * Clicks `locator` and waits for the answer (signature `name`) it settles on; returns the click's
 * Event Timing duration (null: under 16 ms) and the time from its pointerdown to the first frame
 * painted with that answer (null: the answer did not change).
 */
export async function measureClick(page, locator, name) {
  await page.evaluate((n) => window.__bench.reset(n), name);
  await locator.click();
  const sig = await settle(page);
  const got = await page.evaluate(() => window.__bench.take());
  if (got.pointers.length === 0) throw new Error(`the page saw no pointerdown for the click on ${locator}`);
  const [nextPaint] = interactionDurations(got.pointers.slice(0, 1), got.events, CLICK_EVENTS);
  const first = got.changes.find((c) => c.sig === sig && c.frame !== null);
  return { nextPaint, painted: first ? first.frame - got.pointers[0] : null };
}

/**
 * Phase 3: clicks, each measured by measureClick, on `reps` fresh page loads at one CPU rate.
 * `plan(page, cdp)` prepares a loaded page and returns what to click, in order; `after(page)`
 * runs after each click.
 */
async function clicks(browser, server, target, cpu, reps, signature, plan, after = async () => {}) {
  const eventSamples = [];
  const paintSamples = [];
  const load = loadavg();
  for (let rep = 0; rep < reps; rep++) {
    const { context, page, cdp, problems } = await openTarget(browser, server, target);
    await ready(page, cdp, target);
    const locators = await plan(page, cdp);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    for (const locator of locators) {
      const { nextPaint, painted } = await measureClick(page, locator, signature);
      eventSamples.push(nextPaint);
      if (painted !== null) paintSamples.push(painted);
      await after(page);
    }
    if (problems.length) throw new Error(`${target.label}: ${problems.join('; ')}`);
    await context.close();
  }
  return { nextPaint: figure(eventSamples, load), painted: figure(paintSamples, load) };
}

/**
 * The filter ticks of phase 3 on a loaded page: searches FACET_QUERY and returns the first `ticks`
 * region checkboxes, each twice (tick, then untick).
 */
export async function facetPlan(page, cdp, target, ticks) {
  await page.click(target.input);
  await typeKeys(page, cdp, FACET_QUERY);
  await settle(page);
  if (target.facet.open) { await page.click(target.facet.open); await settle(page); }
  const boxes = page.locator(target.facet.checkboxes);
  const count = Math.min(ticks, await boxes.count());
  if (count === 0) throw new Error(`${target.label}: no region filter to tick (${target.facet.checkboxes})`);
  return Array.from({ length: count }, (_, i) => [boxes.nth(i), boxes.nth(i)]).flat();
}

/** The record opens of phase 3 (ours): the "show details" buttons of the first `opens` cards. */
export const recordPlan = (page, target, opens) => Array.from({ length: opens }, (_, i) => page.locator(target.record.open).nth(i));

/** Closes an open record and waits for the results to settle again. */
export async function closeRecord(page, target) {
  await page.keyboard.press(target.record.close);
  await page.evaluate(() => window.__bench.reset('results'));
  await settle(page);
}

/** Phase 3: ticking, then unticking, each of the first `ticks` region filters after a search. */
function facetTicks(browser, server, target, cpu, reps, ticks) {
  return clicks(browser, server, target, cpu, reps, 'results', (page, cdp) => facetPlan(page, cdp, target, ticks));
}

/** Phase 3 (ours): opening the detail of each of the first `opens` cards, closing it after. */
function recordOpens(browser, server, target, cpu, reps, opens) {
  return clicks(browser, server, target, cpu, reps, 'detail', async (page) => recordPlan(page, target, opens),
    (page) => closeRecord(page, target));
}

/**
 * Phase 4: cold loads (cache disabled) to the first result card, with the bytes received before
 * it (response headers and encoded bodies as the DevTools protocol counts them, the requests of
 * workers included: Pagefind searches in a web worker) and CLS.
 */
async function coldLoads(browser, server, target, query, network, cpu, reps) {
  const times = [];
  const fallbackTimes = [];
  const usable = [];
  const opens = [];
  const bytes = [];
  const requests = [];
  const cls = [];
  const fcp = [];
  let files = null;
  const load = loadavg();
  for (let rep = 0; rep < reps; rep++) {
    const { context, page, problems } = await openTarget(browser, server, target, { cpu, network, cacheDisabled: true, navigate: false });
    const finished = [];
    context.on('requestfinished', (request) => {
      finished.push(request.sizes().then((sizes) => ({
        url: request.url(), end: request.timing().startTime + request.timing().responseEnd,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      })));
    });
    await page.goto(`${server.url}${target.path}${query}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const got = window.__bench?.take();
      return got && got.firstCard !== null && got.interactive !== null;
    }, null, { timeout: 120000, polling: 50 });
    await page.waitForLoadState('networkidle', { timeout: 60000 }).catch(() => {});
    await sleep(500);
    const got = await page.evaluate(() => window.__bench.take());
    const origin = await page.evaluate(() => performance.timeOrigin);
    const before = (await Promise.all(finished))
      .filter((r) => r.end <= origin + got.firstCard && !r.url.endsWith('/favicon.svg'));
    times.push(got.firstCard);
    if (got.firstFallback !== null) fallbackTimes.push(got.firstFallback);
    usable.push(got.interactive);
    if (got.openIndex !== null) opens.push(got.openIndex);
    bytes.push(before.reduce((sum, r) => sum + r.bytes, 0));
    requests.push(before.length);
    files ??= before.map((r) => ({ file: new URL(r.url).pathname, bytes: r.bytes }));
    cls.push(got.shifts.reduce((sum, s) => sum + s.value, 0));
    fcp.push(got.fcp);
    if (problems.length) throw new Error(`${target.label}: ${problems.join('; ')}`);
    await context.close();
  }
  return {
    firstResults: figure(times, load),
    firstFallback: fallbackTimes.length ? figure(fallbackTimes, load) : null,
    searchUsable: figure(usable, load),
    openIndex: opens.length ? figure(opens, load) : null,
    bytesBeforeFirstResults: figure(bytes, load, { files }),
    requestsBeforeFirstResults: figure(requests, load),
    cls: figure(cls, load, { digits: 3 }),
    fcp: figure(fcp.filter((v) => v !== null), load),
  };
}

/** Runs `fn(server)` with a fresh server for `target` (each stops itself after 15 minutes). */
export async function withServer(dir, target, fn) {
  const server = await startServer({ dir, args: target.serveArgs });
  try { return await fn(server); } finally { server.stop(); }
}

function table(results) {
  const ms = (v) => (v === null ? '–' : `${v}`);
  const rows = [];
  const add = (measure, condition, engine, f, unit = 'ms', note = '') => {
    if (!f) return;
    const show = (v) => (unit === 'ms' && v === 16 && f.under16 > 0 ? '≤ 16' : ms(v));
    rows.push(`| ${measure} | ${condition} | ${engine} | ${show(f.median)} | ${show(f.p95)} | ${f.n} | ${unit} | ${f.load.join(' ')} | ${note} |`);
  };
  const r = results.figures;
  for (const [cpuName, cpu] of Object.entries(r.keystrokes)) {
    for (const [engine, f] of Object.entries(cpu)) {
      add('keystroke → next paint (Event Timing)', cpuName, engine, f.nextPaint, 'ms', `${f.nextPaint.under16} of ${f.nextPaint.n} under 16 ms`);
      add('keystroke → results painted', cpuName, engine, f.resultsPainted, 'ms',
        `answer never shown for ${f.resultsPainted.answerNeverShown} keys; unchanged for ${f.resultsPainted.answerUnchanged}`);
    }
  }
  for (const [cpuName, cpu] of Object.entries(r.facets)) {
    for (const [engine, f] of Object.entries(cpu)) {
      add('facet tick → next paint (Event Timing)', cpuName, engine, f.nextPaint, 'ms', `${f.nextPaint.under16} of ${f.nextPaint.n} under 16 ms`);
      add('facet tick → results painted', cpuName, engine, f.painted);
    }
  }
  for (const [cpuName, f] of Object.entries(r.records)) {
    add('open record → next paint (Event Timing)', cpuName, 'ours', f.nextPaint, 'ms', `${f.nextPaint.under16} of ${f.nextPaint.n} under 16 ms`);
    add('open record → detail painted', cpuName, 'ours', f.painted);
  }
  for (const cell of r.cold) {
    add('cold: navigation → first result card', cell.condition, cell.engine, cell.firstResults);
    if (cell.firstFallback) add('cold: navigation → first result of the build\'s fallback list', cell.condition, cell.engine, cell.firstFallback);
    add('cold: navigation → search box usable', cell.condition, cell.engine, cell.searchUsable);
    if (cell.openIndex) add('cold: opening the index files', cell.condition, cell.engine, cell.openIndex);
    add('cold: bytes before first results', cell.condition, cell.engine, cell.bytesBeforeFirstResults, 'B',
      `${cell.requestsBeforeFirstResults.median} requests`);
    add('cold: CLS', cell.condition, cell.engine, cell.cls, '', `max ${Math.max(...cell.cls.samples)}`);
  }
  const m = results.machine;
  return [
    `Browser benchmark (build/bench --ui${results.smoke ? ' --smoke' : ''}), ${results.measured}`,
    '',
    `Machine: ${m.cpu}, ${m.nproc} CPUs, ${m.memoryGiB} GiB; ${m.chromium}; node ${m.node}. `
      + `Load average (1/5/15 min) at the start: ${m.loadAtStart.join(' ')}.`,
    `Records: ${results.records}. Queries: ${results.queries.map((q) => `"${q}"`).join(', ')}, typed ${KEY_INTERVAL_MS} ms apart.`,
    '',
    '| figure | condition | engine | median | p95 | n | unit | load avg | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadAtStart = loadavg();
  if (loadAtStart[0] > LOAD_WARNING) {
    console.error(`bench/ui: warning: the 1-minute load average is ${loadAtStart[0]} (above ${LOAD_WARNING}): `
      + 'the figures will be slower and noisier than on a quiet machine');
  }
  const queries = opts.smoke ? ['autisme'] : QUERIES;
  const ticks = opts.smoke ? 1 : 5;
  const opens = opts.smoke ? 1 : 5;
  const cpus = { unthrottled: 1, '4× CPU': 4 };
  const dirs = { ours: opts.ours, widget: opts.ours, pagefind: opts.pagefind };
  const manifest = JSON.parse(readFileSync(path.join(opts.ours, 'index/manifest.json'), 'utf8'));
  const browser = await launchBrowser();
  const chromium = `Chromium ${browser.version()}`;
  const figures = { keystrokes: {}, facets: {}, records: {}, cold: [] };
  try {
    for (const engine of opts.engines) {
      const target = TARGETS[engine];
      // A server per phase: each stops itself after 15 minutes.
      console.error(`bench/ui: ${target.label}: the settled answer to every key`);
      const calibration = await withServer(dirs[engine], target, (server) => calibrate(browser, server, target, queries));
      for (const [cpuName, cpu] of Object.entries(cpus)) {
        await withServer(dirs[engine], target, async (server) => {
          console.error(`bench/ui: ${target.label}: keystrokes, ${cpuName}`);
          (figures.keystrokes[cpuName] ??= {})[engine] = await keystrokes(browser, server, target, queries, calibration, cpu, opts.reps);
          console.error(`bench/ui: ${target.label}: filter ticks, ${cpuName}`);
          (figures.facets[cpuName] ??= {})[engine] = await facetTicks(browser, server, target, cpu, opts.reps, ticks);
          if (target.record) {
            console.error(`bench/ui: ${target.label}: opening records, ${cpuName}`);
            figures.records[cpuName] = await recordOpens(browser, server, target, cpu, opts.reps, opens);
          }
        });
      }
    }
    const cold = !opts.cold ? [] : [
      ['ours', '', 'ours (default view)'],
      ['ours', `?q=${COLD_QUERY}`, `ours (?q=${COLD_QUERY})`],
      ['widget', '', 'ours (widget, demo page)'],
      ['pagefind', `?q=${COLD_QUERY}`, `Pagefind (?q=${COLD_QUERY})`],
    ].filter(([engine]) => opts.engines.includes(engine === 'widget' ? 'ours' : engine));
    const conditions = [
      ['loopback', NETWORKS.loopback, 1],
      ['9 Mbit/s + 170 ms', NETWORKS['9 Mbit/s + 170 ms'], 1],
      ['phone: 9 Mbit/s + 170 ms, 4× CPU', NETWORKS['9 Mbit/s + 170 ms'], 4],
    ];
    for (const [engine, query, label] of cold) {
      const target = TARGETS[engine];
      await withServer(dirs[engine], target, async (server) => {
        for (const [condition, network, cpu] of conditions) {
          console.error(`bench/ui: cold first results: ${label}, ${condition}`);
          const cell = await coldLoads(browser, server, target, query, network, cpu, opts['cold-reps']);
          figures.cold.push({ engine: label, condition, ...cell });
        }
      });
    }
  } finally {
    await browser.close();
  }
  const results = {
    measured: new Date().toISOString(),
    smoke: opts.smoke,
    records: `${manifest.counts.offers} offers + ${manifest.counts.foster_families} foster families`,
    queries,
    machine: {
      nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
      chromium, loadAtStart,
    },
    method: { keyIntervalMs: KEY_INTERVAL_MS, quietMs: QUIET_MS, networks: NETWORKS, coldQuery: COLD_QUERY },
    figures,
  };
  mkdirSync(opts.out, { recursive: true });
  const json = path.join(opts.out, `ui-${results.measured.slice(0, 10)}.json`);
  writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
  const md = table(results);
  writeFileSync(path.join(opts.out, 'ui.md'), md);
  console.log(md);
  console.error(`bench/ui: results in ${json} and ${path.join(opts.out, 'ui.md')}`);
}

// Run as a script (bench/ui/trace.mjs imports the helpers above).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(`bench/ui: error: ${e.stack ?? e}`); process.exit(1); });
}
