// MiniSearch in the benchmark page: its index over the same text fields (prefix and fuzzy
// matching, all words required); it has no facets or ranges, so they are computed over its
// matches in plain JavaScript, the way its users do (common.mjs: one pass, disjunctive counts).
import MiniSearch from 'minisearch';
import { TEXT_FIELDS, fetchJson, filterAndCount, firstPage, inRanges } from './common.mjs';

function engineFor(docs) {
  const index = new MiniSearch({
    fields: TEXT_FIELDS,
    idField: 'id',
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll(docs);
  return { index, docs, byId: new Map(docs.map((d) => [d.id, d])) };
}

export async function load() {
  const docs = await fetchJson('docs.json');
  const engines = { offers: engineFor(docs.offers), families: engineFor(docs.families) };
  return {
    search(q) {
      const e = engines[q.mode];
      const candidates = q.text ? e.index.search(q.text).map((r) => e.byId.get(r.id)) : e.docs;
      const inRange = candidates.filter((d) => inRanges(q, d));
      const { matching, counts } = filterAndCount(inRange, q);
      // With `all` (the relevance measure, issue 12): every match, in MiniSearch's score order.
      const allIds = q.all ? matching.map((d) => d.id) : undefined;
      return { total: matching.length, facets: counts, ids: firstPage(matching, q.sort), allIds };
    },
  };
}
