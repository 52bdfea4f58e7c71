// Our engine in the benchmark page: the index crate through tilbudsfinder-engine-js (wasm).
import init, { open, wasmMemoryBytes } from './engine/tilbudsfinder_engine_js.js';
import { toOurQuery } from '../lib/queries.mjs';

async function bytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function load() {
  await init({ module_or_path: new URL('./engine/tilbudsfinder_engine_js_bg.wasm', import.meta.url) });
  const manifestBytes = await bytes('index/manifest.json');
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
  const initial = manifest.files.filter((f) => f.kind === 'core').map((f) => f.name);
  const files = {};
  await Promise.all(initial.map(async (name) => { files[name] = await bytes(`index/${name}`); }));
  const engine = open(manifestBytes, files);
  return {
    async loadDeferred() {
      for (const name of engine.deferredFiles()) engine.addFile(name, await bytes(`index/${name}`));
    },
    search(q) {
      const r = JSON.parse(engine.search(JSON.stringify(toOurQuery(q))));
      const facets = {};
      for (const f of r.facets) {
        facets[f.facet] = {};
        for (const v of f.values) if (v.count > 0) facets[f.facet][v.value] = v.count;
      }
      return { total: r.total, facets, ids: r.hits.map((h) => h.id) };
    },
    wasmBytes: () => wasmMemoryBytes(),
  };
}
