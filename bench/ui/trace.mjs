// Where the time of typing goes, site against site in one run (issue 13): a tool for finding
// and checking a cut, not a figure for BENCHMARKS.md (that is bench/ui/run.mjs).
//
//   node bench/ui/trace.mjs --site old=DIST --site new=DIST [--cpu 4] [--reps 2] [--queries N]
//                           [--action type|tick|open] [--clicks N]
//                           [--no-painted] [--profile DIR] [--trace-out DIR] [--json FILE]
//
// Each site (our built site, served by `tilbudsfinder serve`) gets, at the given CPU throttling
// (default 4x, a phone), the sites taking turns rep by rep so that both meet the same load, one of
// the interactions of run.mjs (--action): `type` (the default), the query mix typed key by key,
// 120 ms apart; `tick`, after searching "autisme", each of the first --clicks (default 5) region
// checkboxes ticked and unticked; `open`, "show details" of each of the first --clicks cards
// clicked (and closed with Escape, untraced). Around each typed query (not the emptying of the box
// before it) or each click, a DevTools trace of the page's main thread gives:
//
// - tasks: how many, how many long (> 50 ms), the longest and their sum;
// - wall and thread CPU time (the trace's tdur: the time the thread ran, less hurt by other
//   processes on the machine) by kind (script, style, layout, paint, GC, other) and by trace
//   event, nested events counted once;
// - style recalculations and layouts: how many, and the elements and layout objects they touched
//   (counts that do not depend on the machine's load);
// - DOM mutations (a MutationObserver: nodes added and removed, attributes, text changes);
//
// and the recorder of run.mjs gives keystroke (or click) -> next paint (Event Timing) and, unless
// --no-painted, keystroke -> results painted (the settled answers are taken first, from the
// first site, unthrottled; a click's is the answer it settles on). --profile DIR also writes one V8 CPU profile per site
// (DIR/NAME.cpuprofile, open it in DevTools) and prints its heaviest functions by self time.
// --trace-out DIR writes each site's trace (DIR/NAME.json, for DevTools' Performance panel; the
// last rep's). Timings carry the load average read before each site's turn.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/lib/harness.mjs';
import { figure, interactionDurations, resultsPainted } from './analysis.mjs';
import {
  QUERIES, TARGETS, calibrate, clearInput, closeRecord, facetPlan, loadavg, measureClick, openTarget, ready, recordPlan,
  settle, typeKeys, withServer,
} from './run.mjs';

const LONG_TASK_MS = 50;
const CATEGORIES = [
  '-*', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'v8.execute', 'disabled-by-default-v8.gc', '__metadata',
];
const KINDS = {
  script: /^(FunctionCall|EvaluateScript|v8\.|V8\.Execute|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|HandlePostMessage|v8\.compile|CompileScript|wasm)/,
  gc: /GC|Scavenge|MinorGC|MajorGC/,
  style: /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/,
  layout: /^(Layout|UpdateLayer|IntersectionObserverController|HitTest)/,
  paint: /^(PrePaint|Paint|Layerize|Commit|UpdateLayerTree|CompositeLayers|PaintImage|Rasterize)/,
};
const MARK_START = 'tf-trace:start';
const MARK_END = 'tf-trace:end';
/** Per action: what one interaction is called, and the signature its answer is tracked by. */
const ACTIONS = { type: { unit: 'key', signature: 'results' }, tick: { unit: 'tick', signature: 'results' }, open: { unit: 'open', signature: 'detail' } };

function parseArgs(argv) {
  const opts = {
    sites: [], cpu: 4, reps: 2, queries: QUERIES.length, action: 'type', clicks: 5, painted: true, profile: null, json: null, traceOut: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--site') {
      const [name, dir] = value().split(/=(.*)/s);
      if (!dir) throw new Error('--site needs NAME=DIST');
      opts.sites.push({ name, dir });
    } else if (arg === '--cpu') opts.cpu = Number(value());
    else if (arg === '--reps') opts.reps = Number(value());
    else if (arg === '--queries') opts.queries = Number(value());
    else if (arg === '--action') opts.action = value();
    else if (arg === '--clicks') opts.clicks = Number(value());
    else if (arg === '--no-painted') opts.painted = false;
    else if (arg === '--profile') opts.profile = value();
    else if (arg === '--json') opts.json = value();
    else if (arg === '--trace-out') opts.traceOut = value();
    else throw new Error(`unknown option ${arg}`);
  }
  if (opts.sites.length === 0 || !(opts.action in ACTIONS)) {
    throw new Error('usage: trace.mjs --site NAME=DIST [--site NAME=DIST] [--cpu 4] [--reps 2] [--queries N] '
      + '[--action type|tick|open] [--clicks N] [--no-painted] [--profile DIR] [--trace-out DIR] [--json FILE]');
  }
  return opts;
}

/** Counts the page's DOM mutations from now on (window.__mutations, reset by the caller). */
function countMutations() {
  const m = { records: 0, added: 0, removed: 0, attributes: 0, text: 0 };
  window.__mutations = m;
  new MutationObserver((records) => {
    for (const r of records) {
      m.records += 1;
      m.added += r.addedNodes.length;
      m.removed += r.removedNodes.length;
      if (r.type === 'attributes') m.attributes += 1;
      if (r.type === 'characterData') m.text += 1;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Records a trace while `fn` runs; resolves to its events. */
async function traced(cdp, fn) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  try {
    await fn();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** The events of the renderer main thread that recorded our marks, as complete (X) events. */
function mainThread(events) {
  const mark = events.find((e) => e.name === MARK_START);
  if (!mark) throw new Error('the trace has no start mark');
  const own = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
  const out = [];
  const open = [];
  for (const e of own.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') out.push(e);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const at = open.findLastIndex((b) => b.name === e.name);
      if (at >= 0) {
        const [b] = open.splice(at, 1);
        out.push({ ...b, ph: 'X', dur: e.ts - b.ts, args: { ...b.args, end: e.args } });
      }
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

const kindOf = (name) => Object.entries(KINDS).find(([, re]) => re.test(name))?.[0] ?? 'other';

/** What the main thread did between each start mark and the end mark after it. */
function analyse(events) {
  const thread = mainThread(events);
  const starts = events.filter((e) => e.name === MARK_START).map((e) => e.ts);
  const ends = events.filter((e) => e.name === MARK_END).map((e) => e.ts);
  const windows = starts.map((s) => [s, ends.find((e) => e > s) ?? Infinity]);
  const inWindow = (e) => windows.some(([s, end]) => e.ts >= s && e.ts < end);
  const tasks = thread.filter((e) => e.name === 'RunTask' && inWindow(e) && e.dur > 0);
  const s = {
    tasks: tasks.length, longTasks: 0, longestMs: 0, taskMs: 0, taskCpuMs: 0, longCpuTasks: 0, longestCpuMs: 0,
    selfMs: { script: 0, gc: 0, style: 0, layout: 0, paint: 0, other: 0 },
    selfCpuMs: { script: 0, gc: 0, style: 0, layout: 0, paint: 0, other: 0 },
    byName: {},
    styleRecalcs: 0, styleElements: 0, layouts: 0, layoutObjects: 0,
  };
  for (const task of tasks) {
    const ms = task.dur / 1000;
    s.taskMs += ms;
    const cpu = (task.tdur ?? 0) / 1000;
    s.taskCpuMs += cpu;
    s.longestCpuMs = Math.max(s.longestCpuMs, cpu);
    if (cpu > LONG_TASK_MS) s.longCpuTasks += 1;
    s.longestMs = Math.max(s.longestMs, ms);
    if (ms > LONG_TASK_MS) s.longTasks += 1;
  }
  // Self time: each event's duration less its direct children's, nested events once.
  const inTasks = thread.filter((e) => e.dur !== undefined && inWindow(e) && e.name !== 'RunTask'
    && tasks.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur));
  for (const task of tasks) {
    const within = inTasks.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const stack = [{ name: 'RunTask', ts: task.ts, end: task.ts + task.dur, child: 0, cpu: task.tdur ?? 0, childCpu: 0 }];
    const close = (upTo) => {
      while (stack.length > 1 && stack.at(-1).end <= upTo) {
        const top = stack.pop();
        const self = Math.max(0, top.end - top.ts - top.child) / 1000;
        s.selfMs[kindOf(top.name)] += self;
        s.byName[top.name] = (s.byName[top.name] ?? 0) + self;
        s.selfCpuMs[kindOf(top.name)] += Math.max(0, top.cpu - top.childCpu) / 1000;
        stack.at(-1).child += top.end - top.ts;
        stack.at(-1).childCpu += top.cpu;
      }
    };
    for (const e of within) {
      close(e.ts);
      stack.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, child: 0, cpu: e.tdur ?? 0, childCpu: 0 });
      if (e.name === 'UpdateLayoutTree') {
        s.styleRecalcs += 1;
        s.styleElements += e.args?.elementCount ?? e.args?.end?.elementCount ?? 0;
      }
      if (e.name === 'Layout') {
        s.layouts += 1;
        s.layoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
      }
    }
    close(Infinity);
    s.selfMs.other += Math.max(0, task.dur - stack[0].child) / 1000;
    s.selfCpuMs.other += Math.max(0, stack[0].cpu - stack[0].childCpu) / 1000;
    s.byName.RunTask = (s.byName.RunTask ?? 0) + Math.max(0, task.dur - stack[0].child) / 1000;
  }
  return s;
}

const add = (a, b) => {
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === 'object') add((a[k] ??= {}), v);
    else if (k.startsWith('longest')) a[k] = Math.max(a[k] ?? 0, v);
    else a[k] = (a[k] ?? 0) + v;
  }
  return a;
};

/** Summarises a V8 CPU profile: the heaviest functions by self time. */
function heaviest(profile, n = 25) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, us] of dt) {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}`.trim() : '?';
    self.set(key, (self.get(key) ?? 0) + us / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: `${((100 * ms) / total).toFixed(1)}%` }));
}

/** Marks the start of a traced interaction: the recorder tracks `signature`, mutations from 0. */
const startMark = (page, signature) => page.evaluate(([mark, sig]) => {
  window.__bench.reset(sig);
  for (const k of Object.keys(window.__mutations)) window.__mutations[k] = 0;
  performance.mark(mark);
}, [MARK_START, signature]);

/** Marks the end of a traced interaction; returns what the recorder saw and the mutations. */
const endMark = (page) => page.evaluate((mark) => {
  performance.mark(mark);
  return { ...window.__bench.take(), mutations: { ...window.__mutations } };
}, MARK_END);

/** One site's turn: the queries typed (or the clicks made) at `cpu`, traced; returns the figures and counts. */
async function turn(browser, site, queries, calibration, opts) {
  const target = TARGETS.ours;
  return withServer(site.dir, target, async (server) => {
    const { context, page, cdp, problems } = await openTarget(browser, server, target);
    await ready(page, cdp, target);
    await page.click(target.input);
    await page.evaluate(`(${countMutations.toString()})()`);
    const clicks = opts.action === 'tick' ? await facetPlan(page, cdp, target, opts.clicks)
      : opts.action === 'open' ? recordPlan(page, target, opts.clicks) : [];
    if (opts.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpu });
    const out = { keys: 0, nextPaint: [], painted: [], never: 0, mutations: {}, trace: {} };
    if (opts.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const { signature } = ACTIONS[opts.action];
    const events = await traced(cdp, async () => {
      for (const locator of clicks) {
        await startMark(page, signature);
        const { nextPaint, painted } = await measureClick(page, locator, signature);
        const got = await endMark(page);
        out.keys += 1;
        out.nextPaint.push(nextPaint);
        if (painted !== null && opts.painted) out.painted.push(painted);
        add(out.mutations, got.mutations);
        if (opts.action === 'open') await closeRecord(page, target);
      }
      for (const query of opts.action === 'type' ? queries : []) {
        const before = await clearInput(page);
        await startMark(page, signature);
        await typeKeys(page, cdp, query);
        await settle(page);
        const got = await endMark(page);
        out.keys += got.keys.length;
        out.nextPaint.push(...interactionDurations(got.keys, got.events, ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']));
        if (calibration) {
          const p = resultsPainted(got.keys, got.changes, calibration[query].settled, before);
          out.painted.push(...p.samples);
          out.never += p.skipped;
        }
        add(out.mutations, got.mutations);
      }
    });
    if (opts.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(opts.profile, { recursive: true });
      writeFileSync(path.join(opts.profile, `${site.name}.cpuprofile`), JSON.stringify(profile));
      out.heaviest = heaviest(profile);
    }
    out.trace = analyse(events);
    if (opts.traceOut) {
      mkdirSync(opts.traceOut, { recursive: true });
      writeFileSync(path.join(opts.traceOut, `${site.name}.json`), JSON.stringify({ traceEvents: events }));
    }
    if (problems.length) throw new Error(`${site.name}: ${problems.join('; ')}`);
    await context.close();
    return out;
  });
}

const round = (v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v);

function report(name, r, action) {
  const perKey = (v) => round(v / r.keys);
  const t = r.trace;
  const { unit } = ACTIONS[action];
  const what = action === 'type' ? 'keystroke' : `${unit} click`;
  console.log(`\n== ${name}: ${r.keys} ${unit}s, load average before each turn: ${r.loads.map((l) => l.join(' ')).join(' | ')}`);
  const np = figure(r.nextPaint, null);
  console.log(`${what} -> next paint (Event Timing): median ${np.median} ms, p95 ${np.p95} ms (n ${np.n}, under 16 ms: ${np.under16})`);
  if (r.painted.length) {
    const rp = figure(r.painted, null);
    console.log(`${what} -> ${action === 'open' ? 'detail' : 'results'} painted: median ${rp.median} ms, p95 ${rp.p95} ms (n ${rp.n}; answers never shown: ${r.never})`);
  }
  console.log(`main-thread tasks: ${t.tasks} (${perKey(t.tasks)}/${unit}), long (> ${LONG_TASK_MS} ms): ${t.longTasks}, longest ${round(t.longestMs)} ms, sum ${round(t.taskMs)} ms (${perKey(t.taskMs)} ms/${unit})`);
  console.log(`self time per ${unit} (ms): ${Object.entries(t.selfMs).map(([k, v]) => `${k} ${perKey(v)}`).join(', ')}`);
  console.log(`thread CPU time per ${unit} (ms; less sensitive to the load than the wall times): tasks ${perKey(t.taskCpuMs)}, long ${t.longCpuTasks}, longest ${round(t.longestCpuMs)}; self: ${Object.entries(t.selfCpuMs).map(([k, v]) => `${k} ${perKey(v)}`).join(', ')}`);
  console.log(`style recalcs ${perKey(t.styleRecalcs)}/${unit} touching ${perKey(t.styleElements)} elements/${unit}; layouts ${perKey(t.layouts)}/${unit}, ${perKey(t.layoutObjects)} dirty objects/${unit}`);
  const names = Object.entries(t.byName).sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`heaviest trace events by self time per ${unit} (ms): ${names.map(([k, v]) => `${k} ${perKey(v)}`).join(', ')}`);
  const m = r.mutations;
  console.log(`DOM mutations per ${unit}: ${perKey(m.records)} records, ${perKey(m.added)} nodes added, ${perKey(m.removed)} removed, ${perKey(m.attributes)} attributes, ${perKey(m.text)} texts`);
  if (r.heaviest) {
    console.log('heaviest functions by self time (CPU profile):');
    for (const h of r.heaviest) console.log(`  ${String(h.ms).padStart(6)} ms ${h.share.padStart(6)}  ${h.name}`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const queries = QUERIES.slice(0, opts.queries);
  const browser = await launchBrowser();
  const results = {};
  try {
    let calibration = null;
    if (opts.painted && opts.action === 'type') {
      console.error(`trace: the settled answer to every key (${opts.sites[0].name})`);
      calibration = await withServer(opts.sites[0].dir, TARGETS.ours,
        (server) => calibrate(browser, server, TARGETS.ours, queries));
    }
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const site of opts.sites) {
        const load = loadavg();
        console.error(`trace: ${site.name}, rep ${rep + 1}, ${opts.cpu}x CPU, load ${load.join(' ')}`);
        const r = await turn(browser, site, queries, calibration, opts);
        const acc = (results[site.name] ??= { keys: 0, nextPaint: [], painted: [], never: 0, mutations: {}, trace: {}, loads: [] });
        acc.loads.push(load);
        acc.keys += r.keys;
        acc.nextPaint.push(...r.nextPaint);
        acc.painted.push(...r.painted);
        acc.never += r.never;
        add(acc.mutations, r.mutations);
        add(acc.trace, r.trace);
        if (r.heaviest) acc.heaviest = r.heaviest;
      }
    }
  } finally {
    await browser.close();
  }
  const actions = opts.action === 'type' ? `${queries.length} queries typed key by key`
    : `${opts.clicks} ${opts.action === 'tick' ? 'region filters ticked and unticked after "autisme"' : 'records opened'}`;
  console.log(`Chromium, ${opts.cpu}x CPU throttling, ${actions}, ${opts.reps} reps per site, sites taking turns.`);
  for (const [name, r] of Object.entries(results)) report(name, r, opts.action);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(results, null, 1)}\n`);
}

main().catch((e) => { console.error(`trace: error: ${e.stack ?? e}`); process.exit(1); });
