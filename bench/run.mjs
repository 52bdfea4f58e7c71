// Runs the side-by-side benchmark (issue 8) over prepared sizes in one headless Chromium.
//
//   node bench/run.mjs [--smoke] [--reps N] [--timeout S] OUT SIZE_DIR...
//
// Each SIZE_DIR (written by build/bench) holds the pages (ours.html, itemsjs.html, orama.html,
// minisearch.html), app/, engine/, index/, docs.json and queries.json; it is served by
// `tilbudsfinder serve`, which gzips like a static host. For each size and engine:
//   1. a cold load, unthrottled: bytes transferred before the first results (CDP
//      Network.loadingFinished encodedDataLength), time to first results, JS heap after a
//      garbage collection (CDP Runtime.getHeapUsage) and the wasm memory;
//   2. the check: every engine's totals and facet counts against ours for the whole query mix,
//      facet/range-only queries (must match) apart from text queries (semantics differ);
//   3. query latency over the mix (median, p95; each query repeated until 5 ms, at most --reps);
//   4. a cold load at 9 Mbit/s and 170 ms latency (CDP network emulation): time to first results.
// Writes OUT/results.json and OUT/table.md; prints every difference. With --smoke: no throttled
// load, one timing run, and exit 1 when a facet/range-only answer differs from ours.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { launchBrowser, startServer } from '../tests/lib/harness.mjs';
import { FACETS } from './lib/queries.mjs';

const ENGINES = ['ours', 'itemsjs', 'orama', 'minisearch'];
const THROTTLE = { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };

function parseArgs(argv) {
  const opts = { smoke: false, reps: 20, timeout: 240, out: null, sizes: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') opts.smoke = true;
    else if (a === '--reps') opts.reps = Number(argv[++i]);
    else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (!opts.out) opts.out = a;
    else opts.sizes.push(a);
  }
  if (!opts.out || opts.sizes.length === 0) throw new Error('usage: run.mjs [--smoke] [--reps N] [--timeout S] OUT SIZE_DIR...');
  return opts;
}

const log = (msg) => console.error(`bench: ${msg}`);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** One cold load of an engine's page in a fresh context; resolves when its first results are in. */
async function coldLoad(browser, url, engine, { throttle, timeoutMs }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const started = Date.now();
  const crashed = new Promise((_, reject) => page.on('crash', () => reject(new Error(
    `the page crashed (out of memory?) after ${((Date.now() - started) / 1000).toFixed(0)} s`))));
  try {
    await page.goto(`${url}${engine}.html`);
    await Promise.race([
      page.waitForFunction(() => window.benchReady || window.benchError, null, { timeout: timeoutMs, polling: 100 }),
      crashed,
    ]);
  } catch (e) {
    await context.close().catch(() => {});
    const msg = e.message.includes('Timeout') ? `no results within ${timeoutMs / 1000} s` : e.message.split('\n')[0];
    throw new Error(msg);
  }
  const error = await page.evaluate(() => window.benchError);
  if (error) { await context.close(); throw new Error(`the page failed: ${error.split('\n')[0]}`); }
  const firstMs = await page.evaluate(() => window.firstResultsMs);
  await page.waitForTimeout(300); // let the last loadingFinished events arrive
  return { context, page, cdp, firstMs, bytes, bytesSoFar: () => bytes };
}

async function memory({ page, cdp }) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.bench.wasmBytes());
  return { heapBytes: heap.usedSize, wasmBytes: wasm };
}

/** Differences between our answer and another engine's, as readable lines. */
function differences(ours, theirs, mode) {
  const out = [];
  if (ours.total !== theirs.total) out.push(`total ${ours.total} (ours) vs ${theirs.total}`);
  for (const f of FACETS[mode]) {
    const a = ours.facets[f] ?? {};
    const b = theirs.facets[f] ?? {};
    for (const v of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if ((a[v] ?? 0) !== (b[v] ?? 0)) out.push(`${f}=${v}: ${a[v] ?? 0} (ours) vs ${b[v] ?? 0}`);
    }
  }
  return out;
}

function check(engine, queries, reference, answers) {
  const result = { exact: { queries: 0, differing: 0, examples: [] }, text: { queries: 0, differing: 0, examples: [] } };
  queries.forEach((q, i) => {
    const bucket = q.kind === 'text' ? result.text : result.exact;
    bucket.queries += 1;
    const diffs = differences(reference[i], answers[i], q.mode);
    if (diffs.length) {
      bucket.differing += 1;
      if (bucket.examples.length < 3) {
        bucket.examples.push({ query: q, diffs: diffs.slice(0, 6), more: Math.max(0, diffs.length - 6) });
      }
    }
  });
  for (const [name, b] of Object.entries(result)) {
    log(`  ${engine}: ${b.differing} of ${b.queries} ${name === 'exact' ? 'facet/range-only' : 'text'} queries differ from ours`);
    for (const ex of b.examples) {
      const q = ex.query;
      log(`    query ${q.id} (${q.mode}, ${q.kind}) text=${JSON.stringify(q.text)} filters=${JSON.stringify(q.filters)}`
        + ` age=${q.age} price=${JSON.stringify(q.priceDay)} minFree=${q.minFree} updated=${q.updatedWithin}:`);
      for (const d of ex.diffs) log(`      ${d}`);
      if (ex.more) log(`      … and ${ex.more} more`);
    }
  }
  return result;
}

/**
 * Requests once, gzipped, every file an engine's page fetches, before anything is timed: `serve`
 * compresses on the first request and caches, while a static host serves files compressed ahead
 * of time. Ours needs the index but not docs.json; the others docs.json but not the index; no
 * page opens records (detail files).
 */
async function warmServer(url, dir, engine) {
  const wanted = (file) => !file.includes('detail.')
    && (engine === 'ours' ? file !== 'docs.json' : !file.startsWith(`index${path.sep}`));
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .filter(wanted);
  for (const file of files) {
    await new Promise((resolve, reject) => {
      get(new URL(file.split(path.sep).map(encodeURIComponent).join('/'), url),
        { headers: { 'accept-encoding': 'gzip' } }, (res) => { res.resume(); res.on('end', resolve); })
        .on('error', reject);
    });
  }
}

async function runSize(browser, dir, opts) {
  const size = path.basename(dir);
  const queries = JSON.parse(readFileSync(path.join(dir, 'queries.json'), 'utf8'));
  const rows = [];
  let reference = null;
  for (const engine of ENGINES) {
    // A server per engine: `serve` stops itself after 15 minutes, which a large size can exceed.
    const server = await startServer({ dir });
    try {
      await warmServer(server.url, dir, engine);
      const row = { size, engine };
      Object.defineProperty(row, 'dir', { value: dir, enumerable: false });
      const judgedPath = path.join(dir, 'relevance-queries.json');
      if (existsSync(judgedPath)) {
        Object.defineProperty(row, 'judged', { value: JSON.parse(readFileSync(judgedPath, 'utf8')), enumerable: false });
      }
      rows.push(row);
      reference = await measure(browser, server.url, engine, queries, reference, row, opts);
    } finally {
      server.stop();
    }
  }
  return rows;
}

/** Measures one engine at one size into `row`; returns the reference answers (ours). */
async function measure(browser, url, engine, queries, reference, row, opts) {
  const size = row.size;
  const t0 = Date.now();
  let load;
  try {
    load = await coldLoad(browser, url, engine, { throttle: false, timeoutMs: opts.timeout * 1000 });
  } catch (e) {
    row.error = e.message;
    log(`${size} ${engine}: ${e.message}`);
    return reference;
  }
  try {
    row.firstMs = load.firstMs;
    row.bytes = load.bytes;
    // Memory once everything is loaded (ours: with the description terms fetched after the
    // first results), so every engine is measured holding the same text.
    await load.page.evaluate(() => window.bench.loadDeferred());
    await load.page.waitForTimeout(300);
    row.bytesAll = load.bytesSoFar();
    Object.assign(row, await memory(load));
    log(`${size} ${engine}: first results ${load.firstMs.toFixed(0)} ms, ${(load.bytes / 1024).toFixed(0)} KiB `
      + `(${(row.bytesAll / 1024).toFixed(0)} KiB with deferred files), `
      + `heap ${(row.heapBytes / 1048576).toFixed(1)} MiB, wasm ${(row.wasmBytes / 1048576).toFixed(1)} MiB`);
    // Relevance (issue 12): the judged queries' matches, scored afterwards by
    // `tilbudsfinder relevance --answers` (build/bench) with the same measures as ours.
    if (row.judged && engine !== 'ours') {
      const rel = await load.page.evaluate((js) => window.bench.relevance(js), row.judged);
      writeFileSync(path.join(row.dir, `answers-${engine}.json`), JSON.stringify(rel));
      log(`${size} ${engine}: relevance answers written (${rel.length} queries)`);
    }
    const answers = await load.page.evaluate((qs) => window.bench.answers(qs), queries);
    if (engine === 'ours') reference = answers;
    else if (reference) row.check = check(engine, queries, reference, answers);
    const perQuery = await load.page.evaluate(([qs, reps]) => window.bench.times(qs, reps), [queries, opts.reps]);
    const times = [...perQuery].sort((a, b) => a - b);
    row.medianMs = percentile(times, 0.5);
    row.p95Ms = percentile(times, 0.95);
    // The same by kind of query (results.json only): where an engine's slow tail comes from.
    row.byKind = {};
    for (const kind of new Set(queries.map((q) => q.kind))) {
      const own = perQuery.filter((_, i) => queries[i].kind === kind).sort((a, b) => a - b);
      row.byKind[kind] = { queries: own.length, medianMs: percentile(own, 0.5), p95Ms: percentile(own, 0.95) };
    }
    log(`${size} ${engine}: queries median ${row.medianMs.toFixed(2)} ms, p95 ${row.p95Ms.toFixed(2)} ms`);
  } catch (e) {
    row.error = `after loading: ${e.message.split('\n')[0]}`;
    log(`${size} ${engine}: ${row.error}`);
  } finally {
    await load.context.close().catch(() => {});
  }
  if (!opts.smoke) {
    try {
      const slow = await coldLoad(browser, url, engine, { throttle: true, timeoutMs: opts.timeout * 1000 });
      row.firstThrottledMs = slow.firstMs;
      await slow.context.close();
      log(`${size} ${engine}: first results at 9 Mbit/s + 170 ms: ${slow.firstMs.toFixed(0)} ms`);
    } catch (e) {
      row.throttledError = e.message;
      log(`${size} ${engine} (throttled): ${e.message}`);
    }
  }
  row.wallSeconds = (Date.now() - t0) / 1000;
  return reference;
}

const kib = (b) => (b === undefined ? '–' : `${(b / 1024).toFixed(0)} KiB`);
const mib = (b) => (b === undefined ? '–' : `${(b / 1048576).toFixed(1)} MiB`);
const ms = (v, digits = 0) => (v === undefined ? '–' : `${v.toFixed(digits)} ms`);

function table(rows) {
  const lines = [
    '| size | engine | bytes before first results (gzip) | bytes in all | first results, unthrottled | first results, 9 Mbit/s + 170 ms | query median | query p95 | JS heap after load | wasm memory | facet/range-only answers ≠ ours | text answers ≠ ours |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const exact = r.engine === 'ours' ? 'reference' : r.check ? `${r.check.exact.differing} / ${r.check.exact.queries}` : '–';
    const text = r.engine === 'ours' ? 'reference' : r.check ? `${r.check.text.differing} / ${r.check.text.queries}` : '–';
    if (r.error && r.firstMs === undefined) {
      lines.push(`| ${r.size} | ${r.engine} | ${r.error} | | | | | | | | | |`);
      continue;
    }
    lines.push(`| ${r.size} | ${r.engine} | ${kib(r.bytes)} | ${kib(r.bytesAll)} | ${ms(r.firstMs)} | ${r.throttledError ?? ms(r.firstThrottledMs)} | `
      + `${ms(r.medianMs, 2)} | ${ms(r.p95Ms, 2)} | ${mib(r.heapBytes)} | ${r.engine === 'ours' ? mib(r.wasmBytes) : '–'} | ${exact} | ${text} |`
      + (r.error ? ` ${r.error}` : ''));
  }
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(opts.out, { recursive: true });
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const dir of opts.sizes) {
      rows.push(...await runSize(browser, dir, opts));
      writeFileSync(path.join(opts.out, 'results.json'), JSON.stringify(rows, null, 2));
      writeFileSync(path.join(opts.out, 'table.md'), `${table(rows)}\n`);
    }
  } finally {
    await browser.close();
  }
  console.log(table(rows));
  const wrong = rows.filter((r) => r.check && r.check.exact.differing > 0);
  const failed = rows.filter((r) => r.error);
  if (opts.smoke && (wrong.length || failed.length || rows.every((r) => !r.check))) {
    log(`smoke run failed: ${wrong.map((r) => r.engine).join(', ') || 'no check ran'}${failed.length ? `; errors: ${failed.map((r) => `${r.engine}: ${r.error}`).join('; ')}` : ''}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(`bench: error: ${e.stack ?? e}`); process.exit(1); });
