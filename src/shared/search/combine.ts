/** Filters applied to hits the way Pagefind applies them to its own: pure, no DOM and no fetch. */
import type { SearchHit } from './contract.ts';

/**
 * The type filter holds the labels Pagefind indexed ("概念", "Paper", ...); `kindLabels`
 * maps `kind.<kind>` to the label in the page's language. No filter keeps every hit.
 */
export function filterByType(hits: SearchHit[], types: string[], kindLabels: Record<string, string>): SearchHit[] {
  if (!types.length) return hits;
  return hits.filter((hit) => types.includes(kindLabels[`kind.${hit.kind}`] ?? ''));
}

/**
 * Pagefind applies the other filters (year, venue, topic) to keyword hits; semantic hits get the
 * same: the year from the page's facts, and a filter the index cannot check drops them.
 */
export function filterByFacets(hits: SearchHit[], filters: Record<string, string[]>): SearchHit[] {
  const active = Object.entries(filters).filter(([name, values]) => name !== 'type' && values.length);
  return hits.filter((hit) => active.every(([name, values]) => name === 'year' && hit.year !== undefined && values.includes(String(hit.year))));
}
