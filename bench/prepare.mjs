// Prepares one size of the side-by-side benchmark (issue 8): converts the catalogue's records into
// the flat JSON documents the JavaScript engines load, and writes the fixed query mix.
//
//   node bench/prepare.mjs CATALOGUE.jsonl INDEX_DIR OUT_DIR --engine ENGINE_DIR --queries N --seed S
//     --today YYYY-MM-DD
//
// ENGINE_DIR holds engine-js's wasm-bindgen output (build/bench writes it).
//
// Writes OUT_DIR/docs.json ({ offers: [...], families: [...] }) and OUT_DIR/queries.json.
//
// The documents are derived by bench/lib/docs.mjs (the same rules as the index crate).

import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDocs, vocabulary } from './lib/docs.mjs';
import { makeQueries } from './lib/queries.mjs';

function parseArgs(argv) {
  const [catalogue, indexDir, outDir, ...rest] = argv;
  const opts = { queries: 500, seed: 8, today: '2026-11-22', engine: null };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '');
    if (!(key in opts)) throw new Error(`unknown option ${rest[i]}`);
    opts[key] = key === 'today' || key === 'engine' ? rest[i + 1] : Number(rest[i + 1]);
  }
  if (!catalogue || !indexDir || !outDir || !opts.engine) {
    throw new Error('usage: prepare.mjs CATALOGUE INDEX_DIR OUT_DIR --engine ENGINE_DIR [--queries N] [--seed S] [--today D]');
  }
  return { catalogue, indexDir, outDir, ...opts };
}

/** Writes { offers: [...], families: [...] } one document at a time (1M records exceed a string). */
async function writeDocs(file, docs) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? null : once(out, 'drain'));
  let first = true;
  for (const [key, list] of Object.entries(docs)) {
    await write(`${first ? '{' : '],'}${JSON.stringify(key)}:[`);
    first = false;
    for (let i = 0; i < list.length; i++) await write((i ? ',' : '') + JSON.stringify(list[i]));
  }
  out.end(']}');
  await once(out, 'finish');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const vocab = await vocabulary(args.engine, args.indexDir);
  const { offers, families } = await readDocs(args.catalogue, vocab, args.today);
  // Offers whose services' ages leave a gap: a single from/to range is not exact for them.
  const gapped = offers.filter((d) => {
    const r = [...d.age_ranges].sort((a, b) => a[0] - b[0]);
    if (r.length === 0) return false;
    let reach = r[0][1];
    for (const [from, to] of r.slice(1)) { if (from > reach + 1) return true; reach = Math.max(reach, to); }
    return false;
  }).length;
  mkdirSync(args.outDir, { recursive: true });
  await writeDocs(path.join(args.outDir, 'docs.json'), { offers, families });
  const queries = makeQueries({ offers, families }, { count: args.queries, seed: args.seed, today: args.today });
  writeFileSync(path.join(args.outDir, 'queries.json'), JSON.stringify(queries, null, 0));
  console.error(`prepare: ${offers.length} offers, ${families.length} families `
    + `(${gapped} offers with a gap between their services' ages), ${queries.length} queries`);
}

main().catch((e) => { console.error(`prepare: error: ${e.message}`); process.exit(1); });
