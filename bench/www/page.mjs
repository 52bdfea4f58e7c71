// The benchmark page's driver, the same for every engine: load the engine, answer a first
// query (the moment the runner times as "first results"), then expose what the runner calls
// through page.evaluate: the query mix for checking, timing, and the wasm memory.

const TODAY = new URLSearchParams(location.search).get('today') ?? '2026-11-22';
const FIRST_QUERY = { id: -1, kind: 'first', mode: 'offers', text: '', filters: {}, age: null,
  priceDay: null, minFree: null, updatedWithin: null, sort: 'relevance', today: TODAY };

export async function start(name, load) {
  const status = document.getElementById('status');
  try {
    const engine = await load();
    const first = await engine.search(FIRST_QUERY);
    window.firstResultsMs = performance.now();
    status.textContent = `${name}: ${first.total} tilbud fundet`;
    window.bench = {
      loadDeferred: async () => { if (engine.loadDeferred) await engine.loadDeferred(); },
      wasmBytes: () => (engine.wasmBytes ? engine.wasmBytes() : 0),
      // For the relevance measure (issue 12): each judged query's matches (all, and the first
      // ten in the engine's own order), for `tilbudsfinder relevance --answers` to score.
      async relevance(judged) {
        const out = [];
        for (const j of judged) {
          const r = await engine.search({ ...FIRST_QUERY, id: 0, kind: 'text', mode: j.mode === 'foster_families' ? 'families' : j.mode, text: j.text, all: true });
          out.push({ all: r.allIds ?? [], top10: r.ids.slice(0, 10) });
        }
        return out;
      },
      async answers(queries) {
        const out = [];
        for (const q of queries) out.push(await engine.search(q));
        return out;
      },
      // Milliseconds per query. The timer is coarse (0.1 ms) without cross-origin isolation, so
      // a fast query is repeated until 5 ms have passed (at most `maxReps` times) and averaged.
      async times(queries, maxReps) {
        const out = [];
        for (const q of queries) {
          const t0 = performance.now();
          let reps = 0;
          let elapsed = 0;
          do {
            await engine.search(q);
            reps += 1;
            elapsed = performance.now() - t0;
          } while (reps < maxReps && elapsed < 5);
          out.push(elapsed / reps);
        }
        return out;
      },
    };
    window.benchReady = true;
  } catch (e) {
    status.textContent = `${name}: ${e}`;
    window.benchError = String(e?.stack ?? e);
  }
}
