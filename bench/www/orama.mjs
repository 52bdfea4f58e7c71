// Orama in the benchmark page: its schema with the same text fields (tolerance 1, Danish
// tokenizer), facets as `enum[]`, ranges as `where` on numbers, sorts with `sortBy`. Orama's
// facet counts are computed over the whole result, not disjunctively: for each facet with a
// selection the adapter makes one extra search with that facet's filter removed, as its users do.
import { create, insertMultiple, search } from '@orama/orama';
import { FACETS, PAGE_SIZE, TEXT_FIELDS, fetchJson } from './common.mjs';

const SORT_BY = {
  price_asc: { property: 'price_day', order: 'ASC' },
  free_places: { property: 'free', order: 'DESC' },
  updated: { property: 'updated_days', order: 'ASC' },
  name: { property: 'name_sort', order: 'ASC' },
};

// An offer accepts the ages of any of its services, which may leave gaps: one pair of number
// fields per service (age_from_0, age_to_0, ...) and an `or` over them in `where`.
async function engineFor(docs, mode) {
  const slots = docs.reduce((most, d) => Math.max(most, d.age_ranges.length), 1);
  const schema = { id: 'string', name_sort: 'string' };
  for (const f of TEXT_FIELDS) schema[f] = 'string';
  for (const f of FACETS[mode]) schema[f] = 'enum[]';
  for (const n of ['price_day', 'free', 'updated_days']) schema[n] = 'number';
  for (let i = 0; i < slots; i++) { schema[`age_from_${i}`] = 'number'; schema[`age_to_${i}`] = 'number'; }
  const db = create({ schema, language: 'danish' });
  for (const d of docs) {
    d.age_ranges.forEach(([from, to], i) => { d[`age_from_${i}`] = from; d[`age_to_${i}`] = to; });
  }
  await insertMultiple(db, docs, 1000);
  return { db, slots };
}

function whereOf(q, slots, without) {
  const where = {};
  for (const [f, values] of Object.entries(q.filters)) if (f !== without) where[f] = { containsAny: values };
  const ages = [];
  if (q.age != null) {
    for (let i = 0; i < slots; i++) {
      ages.push({ [`age_from_${i}`]: { lte: q.age }, [`age_to_${i}`]: { gte: q.age } });
    }
  }
  if (q.priceDay) {
    const { min, max } = q.priceDay;
    where.price_day = min != null && max != null ? { between: [min, max] }
      : min != null ? { gte: min } : { lte: max };
  }
  if (q.minFree != null) where.free = { gte: q.minFree };
  if (q.updatedWithin != null) where.updated_days = { lte: q.updatedWithin };
  if (!ages.length) return Object.keys(where).length ? where : undefined;
  return Object.keys(where).length ? { and: [where, { or: ages }] } : { or: ages };
}

const facetConfig = (names) => Object.fromEntries(names.map((f) => [f, {}]));
const countsOf = (facets) => Object.fromEntries(Object.entries(facets ?? {})
  .map(([f, r]) => [f, Object.fromEntries(Object.entries(r.values).filter(([, c]) => c > 0))]));

export async function load() {
  const docs = await fetchJson('docs.json');
  const dbs = { offers: await engineFor(docs.offers, 'offers'), families: await engineFor(docs.families, 'families') };
  return {
    async search(q) {
      const { db, slots } = dbs[q.mode];
      const text = q.text ? { term: q.text, properties: TEXT_FIELDS, tolerance: 1, threshold: 0 } : { term: '' };
      const main = await search(db, {
        ...text, where: whereOf(q, slots), facets: facetConfig(FACETS[q.mode]), limit: PAGE_SIZE,
        ...(q.sort !== 'relevance' ? { sortBy: SORT_BY[q.sort] } : {}),
      });
      const facets = countsOf(main.facets);
      for (const f of Object.keys(q.filters)) {
        const extra = await search(db, { ...text, where: whereOf(q, slots, f), facets: facetConfig([f]), limit: 1 });
        facets[f] = countsOf(extra.facets)[f];
      }
      const ids = main.hits.map((h) => h.document.id);
      // The relevance measure (issue 12) asks for every match, in Orama's own order.
      let allIds;
      if (q.all) {
        const every = await search(db, { ...text, where: whereOf(q, slots), limit: Math.max(main.count, 1) });
        allIds = every.hits.map((h) => h.document.id);
      }
      return { total: main.count, facets, ids, allIds };
    },
  };
}
