// What the benchmark page shares between engines: fetching, the text fields and facets every
// engine is configured with, and the plain-JavaScript parts of a query (ranges,
// sort, disjunctive counting) for the engines that have no API for them.

import { FACETS } from '../lib/queries.mjs';

export const TEXT_FIELDS = ['name', 'places', 'methods', 'targets', 'description'];
// The facets of each mode: one list, shared with the query generator.
export { FACETS };
export const PAGE_SIZE = 20;

export async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** True when a document passes the query's ranges (same rules as crates/index/src/search.rs). */
export function inRanges(q, d) {
  if (q.age != null && !d.age_ranges.some(([from, to]) => from <= q.age && q.age <= to)) return false;
  if (q.priceDay) {
    if (d.price_day === undefined) return false;
    if (q.priceDay.min != null && d.price_day < q.priceDay.min) return false;
    if (q.priceDay.max != null && d.price_day > q.priceDay.max) return false;
  }
  if (q.minFree != null && !(d.free !== undefined && d.free >= q.minFree)) return false;
  if (q.updatedWithin != null && d.updated_days > q.updatedWithin) return false;
  return true;
}

export const hasRanges = (q) => q.age != null || q.priceDay != null || q.minFree != null
  || q.updatedWithin != null;

/** Compares two documents in the query's (non-relevance) order; missing values last. */
export function compareBy(sort) {
  const missingLast = (a, b, dir) => {
    if (a === undefined) return b === undefined ? 0 : 1;
    if (b === undefined) return -1;
    return dir * (a - b);
  };
  switch (sort) {
    case 'price_asc': return (a, b) => missingLast(a.price_day, b.price_day, 1);
    case 'free_places': return (a, b) => missingLast(a.free, b.free, -1);
    case 'updated': return (a, b) => a.updated_days - b.updated_days;
    case 'name': return (a, b) => a.name_sort.localeCompare(b.name_sort, 'da');
    default: return null;
  }
}

/** The first page of `docs` in the query's order (relevance: as given). */
export function firstPage(docs, sort) {
  const compare = compareBy(sort);
  const sorted = compare ? [...docs].sort(compare) : docs;
  return sorted.slice(0, PAGE_SIZE).map((d) => d.id);
}

/**
 * Filters and counts in one pass, the usual hand-written way for an engine without facets:
 * a document that fails no selected facet counts for every facet; one that fails exactly one
 * selected facet counts only for that facet (its disjunctive count).
 */
export function filterAndCount(candidates, q) {
  const facets = FACETS[q.mode];
  const selected = Object.entries(q.filters).map(([f, vs]) => [f, new Set(vs)]);
  const counts = Object.fromEntries(facets.map((f) => [f, {}]));
  const bump = (facet, d) => {
    const c = counts[facet];
    for (const v of d[facet]) c[v] = (c[v] ?? 0) + 1;
  };
  const matching = [];
  for (const d of candidates) {
    let failed = null;
    let fails = 0;
    for (const [f, vs] of selected) {
      if (!d[f].some((v) => vs.has(v))) { failed = f; fails += 1; if (fails > 1) break; }
    }
    if (fails === 0) {
      matching.push(d);
      for (const f of facets) bump(f, d);
    } else if (fails === 1) {
      bump(failed, d);
    }
  }
  return { matching, counts };
}
