import assert from 'node:assert/strict';
import { test } from 'node:test';
import { facetCounts, filtersFromParams, filtersToParams, type Filters } from '../../src/islands/search/facets.ts';

// A small corpus and a search that behaves like Pagefind's: AND across facets, counts under the filters given.
const pages = [
  { type: 'Paper', year: '2017' },
  { type: 'Paper', year: '2017' },
  { type: 'Paper', year: '2015' },
  { type: 'Concept' },
  { type: 'Concept' },
  { type: 'Resource', year: '2017' },
] as Array<Record<string, string>>;
const facets = ['type', 'year'];
let searches = 0;
async function search(filters: Filters) {
  searches += 1;
  const hits = pages.filter((p) => Object.entries(filters).every(([f, values]) => !values.length || values.includes(p[f] ?? '')));
  const counts: Record<string, Record<string, number>> = {};
  // Like Pagefind, counts only for the facets the filters name.
  for (const facet of Object.keys(filters)) {
    counts[facet] = {};
    for (const p of pages) if (p[facet]) counts[facet]![p[facet]!] = hits.filter((h) => h[facet] === p[facet]).length;
  }
  return { count: hits.length, filters: counts };
}

test('with nothing selected every facet counts the whole result set, with one search', async () => {
  searches = 0;
  const counts = await facetCounts(facets, { type: [], year: [] }, search);
  assert.deepEqual(counts.type, { all: 6, values: { Paper: 3, Concept: 2, Resource: 1 } });
  assert.deepEqual(counts.year, { all: 6, values: { '2017': 3, '2015': 1 } });
  assert.equal(searches, 1);
});

test('a selected year narrows the type counts; the year counts ignore the year itself', async () => {
  const counts = await facetCounts(facets, { type: [], year: ['2017'] }, search);
  assert.deepEqual(counts.type, { all: 3, values: { Paper: 2, Concept: 0, Resource: 1 } });
  assert.deepEqual(counts.year, { all: 6, values: { '2017': 3, '2015': 1 } });
});

test('with both selected each facet counts under the other one only', async () => {
  const counts = await facetCounts(facets, { type: ['Paper'], year: ['2017'] }, search);
  assert.deepEqual(counts.type, { all: 3, values: { Paper: 2, Concept: 0, Resource: 1 } });
  assert.deepEqual(counts.year, { all: 3, values: { '2017': 2, '2015': 1 } });
});

test('filters round-trip through the URL, other parameters kept, cleared facets removed', () => {
  const params = filtersToParams(new URLSearchParams('q=注意力&semantic=transformers&year=1997'), facets, { type: ['论文'], year: [] });
  assert.equal(params.toString(), 'q=%E6%B3%A8%E6%84%8F%E5%8A%9B&semantic=transformers&type=%E8%AE%BA%E6%96%87');
  assert.deepEqual(filtersFromParams(params, facets), { type: ['论文'], year: [] });
  assert.deepEqual(filtersFromParams(new URLSearchParams('venue=NeurIPS%2C%20ICML'), ['venue']), { venue: ['NeurIPS, ICML'] });
});
