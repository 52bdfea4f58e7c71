// ItemsJS in the benchmark page: its own facets with `conjunction: false` (OR within a facet, its
// disjunctive counts), its native full-text search over the same text fields, ranges as its
// `filter` function, sorts as its `sortings`.
import itemsjs from 'itemsjs';
import { FACETS, PAGE_SIZE, TEXT_FIELDS, fetchJson, hasRanges, inRanges } from './common.mjs';

const SORTINGS = {
  price_asc: { field: 'price_day', order: 'asc' },
  free_places: { field: 'free', order: 'desc' },
  updated: { field: 'updated_days', order: 'asc' },
  name: { field: 'name_sort', order: 'asc' },
};

function engineFor(docs, mode) {
  const aggregations = Object.fromEntries(FACETS[mode].map((f) => [f, {
    title: f, size: 10000, conjunction: false, hide_zero_doc_count: true,
  }]));
  return itemsjs(docs, {
    aggregations, sortings: SORTINGS, searchableFields: TEXT_FIELDS, removeStopWordFilter: true,
  });
}

export async function load() {
  const docs = await fetchJson('docs.json');
  const engines = { offers: engineFor(docs.offers, 'offers'), families: engineFor(docs.families, 'families') };
  return {
    search(q) {
      const options = { per_page: PAGE_SIZE, query: q.text || undefined, filters: q.filters };
      if (q.sort !== 'relevance') options.sort = q.sort;
      if (hasRanges(q)) options.filter = (d) => inRanges(q, d);
      const r = engines[q.mode].search(options);
      const facets = {};
      for (const [f, agg] of Object.entries(r.data.aggregations)) {
        facets[f] = {};
        for (const b of agg.buckets) if (b.doc_count > 0) facets[f][b.key] = b.doc_count;
      }
      return { total: r.pagination.total, facets, ids: r.data.items.map((d) => d.id) };
    },
  };
}
