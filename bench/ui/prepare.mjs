// Builds the Pagefind side of the browser benchmark (issue 13): one HTML page per record of the
// catalogue our site was built from, indexed by Pagefind 1.x through its Node API with the same
// filters as our facets (municipality, region, offer type, target group), and a search page with
// Pagefind's Default UI.
//
//   node bench/ui/prepare.mjs CATALOGUE.jsonl INDEX_DIR OUT_DIR --engine ENGINE_DIR --today YYYY-MM-DD
//
// INDEX_DIR is our site's index (its labels name the filter values, as our facets show them);
// ENGINE_DIR holds engine-js's wasm-bindgen output (build/bench writes it).
//
// Writes OUT_DIR/index.html (the Default UI; `?q=TEXT` searches TEXT at once), OUT_DIR/search.js,
// OUT_DIR/r/ID.html (one page per record, so that every result link works) and OUT_DIR/pagefind/
// (Pagefind's bundle: its index, its wasm and the Default UI's script and style).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { readDocs, vocabulary } from '../lib/docs.mjs';

/** The filters, named as our facet groups are, and where a document keeps each one's codes. */
const FILTERS = [
  { name: 'Kommune', offers: 'municipality', families: 'municipality' },
  { name: 'Region', offers: 'region', families: 'region' },
  { name: 'Tilbudstype', offers: 'type', families: 'family_type' },
  { name: 'Målgruppe', offers: 'target', families: 'target' },
];

function parseArgs(argv) {
  const [catalogue, indexDir, outDir, ...rest] = argv;
  const opts = { engine: null, today: null };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '');
    if (!(key in opts) || rest[i + 1] === undefined) throw new Error(`unknown option or no value: ${rest[i]}`);
    opts[key] = rest[i + 1];
  }
  if (!catalogue || !indexDir || !outDir || !opts.engine || !opts.today) {
    throw new Error('usage: bench/ui/prepare.mjs CATALOGUE INDEX_DIR OUT_DIR --engine ENGINE_DIR --today YYYY-MM-DD');
  }
  return { catalogue, indexDir, outDir, ...opts };
}

/** Catalogue text is untrusted: text only, never markup. */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A record's page: name, kind, place, target groups and description, with its filter values. */
function recordPage(doc, mode, vocab) {
  const label = (facet, value) => vocab.labels.get(facet)?.get(value) ?? value;
  const filters = FILTERS.flatMap((f) => doc[f[mode]].map((v) =>
    `<span data-pagefind-filter="${escapeHtml(f.name)}">${escapeHtml(label(f[mode], v))}</span>`));
  const kind = doc[FILTERS[2][mode]].map((v) => label(FILTERS[2][mode], v)).join(', ');
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title></head>
<body>
<main data-pagefind-body>
<h1>${escapeHtml(doc.name)}</h1>
<p>${escapeHtml(kind)} · ${escapeHtml(doc.places)}</p>
<p>Målgrupper: ${escapeHtml(doc.targets)}</p>
<p>${escapeHtml(doc.description)}</p>
<p hidden>${filters.join('')}</p>
</main>
</body>
</html>
`;
}

const SEARCH_PAGE = `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pagefind – sociale tilbud og plejefamilier</title>
  <link rel="stylesheet" href="pagefind/pagefind-ui.css">
  <script src="pagefind/pagefind-ui.js"></script>
  <script src="search.js"></script>
</head>
<body>
  <main>
    <h1>Sociale tilbud og plejefamilier</h1>
    <div id="search"></div>
  </main>
</body>
</html>
`;

// The Default UI as Pagefind documents it; `?q=TEXT` searches at once (the benchmark's cold
// first results: Pagefind shows nothing before a search).
const SEARCH_SCRIPT = `window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search', showSubResults: false });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const vocab = await vocabulary(args.engine, args.indexDir);
  const docs = await readDocs(args.catalogue, vocab, args.today);
  rmSync(args.outDir, { recursive: true, force: true });
  mkdirSync(path.join(args.outDir, 'r'), { recursive: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  let pages = 0;
  for (const mode of ['offers', 'families']) {
    for (const doc of docs[mode]) {
      const sourcePath = `r/${doc.id}.html`;
      const content = recordPage(doc, mode, vocab);
      writeFileSync(path.join(args.outDir, sourcePath), content);
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw new Error(`pagefind: ${doc.id}: ${added.errors.join('; ')}`);
      pages += 1;
    }
  }
  const written = await index.writeFiles({ outputPath: path.join(args.outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  writeFileSync(path.join(args.outDir, 'index.html'), SEARCH_PAGE);
  writeFileSync(path.join(args.outDir, 'search.js'), SEARCH_SCRIPT);
  console.error(`bench/ui/prepare: ${pages} record pages indexed by Pagefind in ${args.outDir}`);
}

main().catch((e) => { console.error(`bench/ui/prepare: error: ${e.message ?? e}`); process.exit(1); });
