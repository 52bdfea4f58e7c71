// The catalogue's records as flat, engine-neutral documents: what the side-by-side benchmarks feed
// the other engines (bench/prepare.mjs: the JavaScript libraries of issue 8; bench/ui/prepare.mjs:
// Pagefind's pages, issue 13).
//
// Every facet value of a document is derived by the same rules as the index crate
// (crates/index/src/facets.rs): vocabulary codes, regions from municipalities, target groups'
// groups, `marked`/`emergency`/`parent_child` as yes/no, `updated` and `available` judged on
// the day given. The vocabularies' parents (target -> group, municipality -> region) and every
// facet value's label are read from our own index through our engine, so no table is copied here.
// Numbers: the main rate normalised per day (crates/index/src/price.rs), ages, free places, days
// since the oldest update, the first address's position.

import { copyFileSync, createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const DAYS_PER_MONTH = 30.4375;
const PER_DAY_FACTORS = { doegn: 1, dag: 1, maaned: 1 / DAYS_PER_MONTH };
// The `updated` facet's values: the oldest part fresh, aging or stale by the one freshness rule
// (crates/catalogue/src/freshness.rs, RECORD); the comparison of answers in run.mjs catches a drift.
const UPDATED_BUCKETS = [['fresh', 182], ['aging', 365], ['stale', Infinity]];

export const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/**
 * Parents of hierarchical facet values (target -> group, municipality -> region) and every facet
 * value's label (`labels`: facet -> value -> label, e.g. municipality "751" -> "Aarhus"), read
 * from our own index through our engine (engine-js, run in node), so that no vocabulary table is
 * copied here.
 */
export async function vocabulary(engineDir, indexDir) {
  // Node 20 loads the wasm-bindgen glue as a module only under an .mjs name.
  const glue = path.join(mkdtempSync(path.join(tmpdir(), 'tf-engine-')), 'engine.mjs');
  copyFileSync(path.join(engineDir, 'tilbudsfinder_engine_js.js'), glue);
  const { initSync, open } = await import(pathToFileURL(glue).href);
  initSync({ module: readFileSync(path.join(engineDir, 'tilbudsfinder_engine_js_bg.wasm')) });
  const manifestBytes = readFileSync(path.join(indexDir, 'manifest.json'));
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  const files = {};
  for (const f of manifest.files.filter((file) => file.kind === 'core')) {
    files[f.name] = new Uint8Array(readFileSync(path.join(indexDir, f.name)));
  }
  const engine = open(new Uint8Array(manifestBytes), files);
  const parents = { target: new Map(), municipality: new Map(), labels: new Map() };
  for (const mode of ['offers', 'foster_families']) {
    const query = { mode, text: '', filters: [], age: null, price: null, min_free_places: null,
      near: null, updated_within_days: null, today: '2026-11-22', sort: 'relevance', page: 0, page_size: 1 };
    for (const facet of JSON.parse(engine.search(JSON.stringify(query))).facets) {
      if (!parents.labels.has(facet.facet)) parents.labels.set(facet.facet, new Map());
      for (const v of facet.values) parents.labels.get(facet.facet).set(v.value, v.label);
      if (facet.facet !== 'target' && facet.facet !== 'municipality') continue;
      for (const v of facet.values) parents[facet.facet].set(v.value, v.parent);
    }
  }
  if (parents.target.size === 0 || parents.municipality.size === 0) {
    throw new Error('our index lists no target groups or municipalities');
  }
  return parents;
}

const uniq = (values) => [...new Set(values.filter((v) => v !== undefined && v !== null && v !== ''))].sort();
const openValues = (strings) => uniq((strings ?? []).map((s) => s.trim()));
const yesNo = (flag) => [flag ? 'yes' : 'no'];

function updatedBucket(days) {
  return UPDATED_BUCKETS.find(([, max]) => days <= max)[0];
}

function placesOf(vocab, municipalities, cities) {
  const names = municipalities.map((m) => vocab.labels.get('municipality').get(String(m)));
  return uniq([...cities, ...names]).join(' ');
}

export function offerDoc(o, vocab, today) {
  const municipalities = o.departments.map((d) => d.address.municipality)
    .filter((m) => vocab.municipality.has(String(m)));
  const targets = o.services.flatMap((s) => s.target_groups);
  const mainRate = o.services.map((s) => s.rates.find((r) => !r.addon)).find(Boolean);
  const factor = mainRate ? PER_DAY_FACTORS[mainRate.unit] : undefined;
  const oldest = Math.min(...['general', 'places', 'services', 'economy', 'approach']
    .map((k) => dayNumber(o.updated[k])));
  const days = today - oldest;
  const first = o.departments[0]?.address;
  const doc = {
    id: o.id,
    name: o.name,
    places: placesOf(vocab, municipalities, o.departments.map((d) => d.address.city)),
    methods: openValues(o.methods).join(' · '),
    targets: uniq(targets).join(' · '),
    description: o.description,
    type: [o.offer_type],
    basis: uniq(o.legal_bases.map((b) => b.basis)),
    group: uniq(targets.map((t) => vocab.target.get(t))),
    target: uniq(targets),
    region: uniq(municipalities.map((m) => vocab.municipality.get(String(m)))),
    municipality: uniq(municipalities.map(String)),
    ownership: [o.ownership],
    authority: [o.supervision.authority],
    approval: [o.supervision.approval],
    method: openValues(o.methods),
    staff: openValues(o.staff_groups),
    service: uniq(o.services.map((s) => s.kind)),
    marked: yesNo(o.supervision.marking != null),
    updated: [updatedBucket(days)],
    age_ranges: o.services.map((s) => [s.age_from, s.age_to]),
    updated_days: days,
    name_sort: o.name,
  };
  if (o.services.length) {
    doc.age_from = Math.min(...o.services.map((s) => s.age_from));
    doc.age_to = Math.max(...o.services.map((s) => s.age_to));
  }
  if (factor !== undefined) doc.price_day = (Math.round(mainRate.amount * 100) / 100) * factor;
  if (o.free_places) doc.free = o.free_places.count;
  if (first) { doc.lat = first.lat; doc.lon = first.lon; }
  return doc;
}

export function familyDoc(f, vocab, today) {
  const m = String(f.location.municipality);
  const known = vocab.municipality.has(m);
  const days = today - dayNumber(f.updated);
  const pausedFrom = f.pause ? dayNumber(f.pause.from) : null;
  const pausedUntil = f.pause?.until ? dayNumber(f.pause.until) : null;
  const paused = pausedFrom !== null && pausedFrom <= today && (pausedUntil === null || today < pausedUntil);
  return {
    id: f.id,
    name: f.name,
    places: placesOf(vocab, known ? [m] : [], [f.location.city]),
    methods: openValues(f.competences).join(' · '),
    targets: uniq(f.target_groups).join(' · '),
    description: f.description,
    family_type: [f.family_type],
    care: uniq(f.approved_for),
    scope: [f.approval_scope],
    group: uniq(f.target_groups.map((t) => vocab.target.get(t))),
    target: uniq(f.target_groups),
    region: known ? [vocab.municipality.get(m)] : [],
    municipality: known ? [m] : [],
    authority: [f.authority],
    emergency: yesNo(f.emergency),
    parent_child: yesNo(f.parent_child),
    competence: openValues(f.competences),
    available: yesNo(!paused),
    age_ranges: [[f.age_from, f.age_to]],
    age_from: f.age_from,
    age_to: f.age_to,
    free: f.free_places.count,
    updated_days: days,
    lat: f.location.lat,
    lon: f.location.lon,
    name_sort: f.name,
  };
}


/**
 * Every record of the catalogue at `file` (JSON Lines) as a document: { offers, families }, the
 * day `todayIso` (YYYY-MM-DD) judging freshness and availability.
 */
export async function readDocs(file, vocab, todayIso) {
  const today = dayNumber(todayIso);
  const offers = [];
  const families = [];
  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (record.kind === 'offer') offers.push(offerDoc(record, vocab, today));
    else if (record.kind === 'foster_family') families.push(familyDoc(record, vocab, today));
  }
  return { offers, families };
}
