// Cold-load request waterfall of a page of the built site at 9 Mbit/s + 170 ms (CDP throttling;
// TF_NET=loopback for none):
// when each request starts and ends, when the first card / fallback is painted, and every
// layout shift with its sources. A measuring tool, not a test.
//   TF_CLI=... [TF_WIDTH=375] node bench/ui/waterfall.mjs DIST PATH [REPS]
// (run from anywhere with tests/node_modules installed: it uses the tests' harness).
import { launchBrowser, startServer } from '../../tests/lib/harness.mjs';
import { recorder } from './recorder.mjs';

const [dist, pagePath, repsArg] = process.argv.slice(2);
const spec = pagePath.startsWith('demo/') ? {
  initial: 'results', card: { selector: '.tf-card', host: 'tilbuds-finder' },
  fallback: 'tilbuds-finder .tilbudsfinder-fallback li',
  interactive: { input: '.tf-search-input', host: 'tilbuds-finder', prerendered: '.tf-widget-view' },
  signatures: { results: { host: 'tilbuds-finder', count: '.tf-results-title', items: '.tf-card', attr: 'data-id' } },
} : {
  initial: 'results', card: { selector: '.tf-card', host: null },
  interactive: { input: '.tf-search-input', host: null, prerendered: '.tf-prerendered' },
  signatures: { results: { count: '.tf-results-title', items: '.tf-result-area:not([hidden]) .tf-card', attr: 'data-id' } },
};
const server = await startServer({ dir: dist });
const browser = await launchBrowser();
for (let rep = 0; rep < Number(repsArg ?? 1); rep++) {
  const context = await browser.newContext({ viewport: { width: Number(process.env.TF_WIDTH ?? 1280), height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(`(${recorder.toString()})(${JSON.stringify(spec)});`);
  await page.addInitScript(() => {
    window.__shiftSources = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__shiftSources.push({ at: Math.round(e.startTime), value: e.value.toFixed(4),
          sources: (e.sources ?? []).map((s) => `${s.node?.nodeName}${s.node?.id ? '#' + s.node.id : ''}${s.node?.className ? '.' + String(s.node.className).split(' ')[0] : ''} ${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)} h${Math.round(s.previousRect.height)}->${Math.round(s.currentRect.height)}`) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.url}favicon.svg`).catch(() => {});
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (process.env.TF_NET !== 'loopback') await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 });
  const reqs = new Map();
  let t0 = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && e.request.url.includes(pagePath.split('?')[0])) t0 = e.timestamp;
    reqs.set(e.requestId, { url: e.request.url, start: e.timestamp, end: null, bytes: 0, initiator: e.initiator?.type });
  });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  await page.goto(`${server.url}${pagePath}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => { const g = window.__bench?.take(); return g && g.firstCard !== null && g.interactive !== null; }, null, { timeout: 120000, polling: 50 });
  await page.waitForLoadState('networkidle', { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(500);
  const got = await page.evaluate(() => window.__bench.take());
  const origin = await page.evaluate(() => performance.timeOrigin);
  const navStart = await page.evaluate(() => performance.getEntriesByType('navigation')[0].startTime);
  const marks = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)}`));
  const shifts = await page.evaluate(() => window.__shiftSources);
  const ms = (t) => Math.round((t - t0) * 1000);
  console.log(`--- ${pagePath} rep ${rep}  load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  for (const r of [...reqs.values()].filter((r) => !r.url.endsWith('favicon.svg')).sort((a, b) => a.start - b.start)) {
    console.log(`${String(ms(r.start)).padStart(6)} → ${String(r.end ? ms(r.end) : '-').padStart(6)} ms ${String(r.bytes).padStart(8)} B  ${new URL(r.url).pathname}  (${r.initiator})`);
  }
  console.log(`fcp ${Math.round(got.fcp)}  first fallback ${Math.round(got.firstFallback ?? -1)}  first card ${Math.round(got.firstCard)}  interactive ${Math.round(got.interactive)}  (page clock; nav ${navStart})`);
  console.log(`CLS ${got.shifts.reduce((s, x) => s + x.value, 0).toFixed(4)}`);
  for (const s of shifts) console.log(`  shift at ${s.at}: ${s.value}  ${s.sources.join(' | ')}`);
  for (const m of marks) console.log(`  measure ${m}`);
  await context.close();
}
await browser.close();
server.stop();
