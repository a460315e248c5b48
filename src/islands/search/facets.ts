/**
 * Faceted filter counts and the filters' place in the URL (pure, unit-tested).
 *
 * Faceted search counts each facet under every *other* selected filter: with year 2017 chosen,
 * the type pills count the pages of 2017, and the year pills still count every year (a year
 * filter that counted under itself would show 0 for every other year). Pagefind's response has
 * `filters` (counts under all current filters) and `totalFilters` (under none), neither of which
 * is that for a facet that has a selection, so such a facet gets one more search without it.
 */
export type Filters = Record<string, string[]>;

/** What a Pagefind search reports that the counts need. */
export interface FacetResponse {
  /** Results under the filters searched with. */
  count: number;
  /** Pagefind's `filters`: per facet, per value, results under the filters searched with. */
  filters: Record<string, Record<string, number>>;
}

export interface FacetCounts {
  /** The "All" pill: results under the other facets' filters. */
  all: number;
  values: Record<string, number>;
}

export function activeFilters(filters: Filters): Filters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0));
}

export async function facetCounts(facets: string[], selected: Filters, search: (filters: Filters) => Promise<FacetResponse>): Promise<Record<string, FacetCounts>> {
  const current = activeFilters(selected);
  // Pagefind reports counts only for the facets named in the search's filters: name them all.
  const named = (filters: Filters): Filters => Object.fromEntries(facets.map((f) => [f, filters[f] ?? []]));
  let main: Promise<FacetResponse> | undefined;
  const counted = await Promise.all(
    facets.map(async (facet): Promise<[string, FacetCounts]> => {
      const { [facet]: own, ...others } = current;
      const response = await (own ? search(named(others)) : (main ??= search(named(current))));
      return [facet, { all: response.count, values: response.filters[facet] ?? {} }];
    }),
  );
  return Object.fromEntries(counted);
}

/** The selected filters as URL parameters (one per value, `?year=2017&type=论文`), other parameters kept. */
export function filtersToParams(params: URLSearchParams, facets: string[], filters: Filters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const facet of facets) {
    next.delete(facet);
    for (const value of filters[facet] ?? []) next.append(facet, value);
  }
  return next;
}

/** Every facet's selection from the URL ([] where none), so applying it also clears the others. */
export function filtersFromParams(params: URLSearchParams, facets: string[]): Filters {
  return Object.fromEntries(facets.map((facet) => [facet, params.getAll(facet).filter((v) => v !== '')]));
}
