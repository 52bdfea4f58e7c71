// The benchmark's fixed query mix, generated deterministically from a seed over the documents
// (so every value asked for exists). One engine-neutral shape, translated by each adapter:
//
//   { id, kind, mode: 'offers'|'families', text, filters: { facet: [codes] }, age, priceDay:
//     { min, max }, minFree, updatedWithin, sort }
//
// kind is 'facets' (facet selections only), 'ranges' (age, price, free places, freshness only),
// 'facets+ranges', or 'text' (free text, alone or with facets): the first three must give
// identical totals and counts in every engine; text semantics differ between engines.

export const FACETS = {
  offers: ['type', 'basis', 'group', 'target', 'region', 'municipality', 'ownership', 'authority',
    'approval', 'method', 'staff', 'service', 'marked', 'updated'],
  families: ['family_type', 'care', 'scope', 'group', 'target', 'region', 'municipality',
    'authority', 'emergency', 'parent_child', 'competence', 'available'],
};
export const SORTS = ['relevance', 'price_asc', 'free_places', 'updated', 'name'];
const TEXT_FIELDS = ['name', 'places', 'methods', 'targets', 'description'];

/** A small fast PRNG (mulberry32): the same seed gives the same mix on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeQueries(docs, { count, seed, today }) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const docOf = (mode) => pick(docs[mode]);
  const words = (mode) => {
    const d = docOf(mode);
    const text = d[pick(TEXT_FIELDS)] || d.name;
    const list = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
    return list.length ? list : [d.name.split(' ')[0]];
  };
  const typo = (w) => {
    const i = int(1, w.length - 2);
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const facetFilters = (mode, n) => {
    const filters = {};
    for (let k = 0; k < n; k++) {
      const facet = pick(FACETS[mode]);
      const values = new Set(filters[facet] ?? []);
      // Values taken from real documents, so most selections match something.
      for (let j = int(1, 2); j > 0; j--) {
        const own = docOf(mode)[facet];
        if (own.length) values.add(pick(own));
      }
      if (values.size) filters[facet] = [...values].sort();
    }
    return filters;
  };
  const ranges = (mode, q) => {
    const which = int(1, 3);
    for (let k = 0; k < which; k++) {
      // A foster family's free places that fit depend on the query's `care` selection and its
      // pause (issue 16), which the peers' flat documents cannot express: families get no
      // free-places range here.
      const r = pick(mode === 'offers' ? ['age', 'price', 'free', 'updated'] : ['age', 'updated']);
      if (r === 'age') q.age = int(0, 80 - (mode === 'families' ? 62 : 0));
      if (r === 'price') {
        const lo = int(0, 40) * 100;
        q.priceDay = rand() < 0.3 ? { min: lo, max: null } : { min: rand() < 0.5 ? null : lo, max: lo + int(5, 60) * 100 };
      }
      if (r === 'free') q.minFree = int(1, 3);
      if (r === 'updated') q.updatedWithin = pick([30, 91, 182, 365, 730]);
    }
  };
  const queries = [];
  for (let id = 0; id < count; id++) {
    const mode = rand() < 0.6 ? 'offers' : 'families';
    const q = { id, kind: '', mode, text: '', filters: {}, age: null, priceDay: null, minFree: null,
      updatedWithin: null, sort: 'relevance', today };
    const roll = rand();
    if (roll < 0.3) {
      q.kind = 'facets';
      q.filters = facetFilters(mode, int(1, 3));
    } else if (roll < 0.5) {
      q.kind = 'ranges';
      ranges(mode, q);
    } else if (roll < 0.7) {
      q.kind = 'facets+ranges';
      q.filters = facetFilters(mode, int(1, 2));
      ranges(mode, q);
    } else {
      q.kind = 'text';
      const list = words(mode);
      let text = pick(list).toLowerCase();
      if (rand() < 0.25 && list.length > 1) text += ` ${pick(list).toLowerCase()}`;
      if (rand() < 0.2 && text.length >= 6) text = typo(text);
      q.text = text;
      if (rand() < 0.4) q.filters = facetFilters(mode, 1);
    }
    q.sort = q.text ? (rand() < 0.7 ? 'relevance' : pick(SORTS)) : pick(SORTS.slice(1));
    queries.push(q);
  }
  return queries;
}

/** Our engine's Query (crates/index/src/query.rs) for a neutral query. */
export function toOurQuery(q) {
  const filters = [];
  for (const [facet, values] of Object.entries(q.filters)) for (const v of values) filters.push([facet, v]);
  return {
    mode: q.mode === 'offers' ? 'offers' : 'foster_families',
    text: q.text,
    filters,
    age: q.age,
    price: q.priceDay ? { basis: 'PerDay', min: q.priceDay.min, max: q.priceDay.max } : null,
    min_free_places: q.minFree,
    near: null,
    updated_within_days: q.updatedWithin,
    today: q.today,
    sort: q.sort,
    page: 0,
    page_size: 20,
  };
}
