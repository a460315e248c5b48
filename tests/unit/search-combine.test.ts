import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterByType } from '../../src/shared/search/combine.ts';
import type { SearchHit } from '../../src/shared/search/contract.ts';

const hit = (key: string, extra: Partial<SearchHit> = {}): SearchHit => ({ key, url: `/${key}/`, title: key, kind: key.split(':')[0]!, ...extra });
const labels = { 'kind.concept': '概念', 'kind.paper': '论文', 'kind.resource': '资源' };

test('the type filter keeps the hits whose kind label is selected; no filter keeps all', () => {
  const hits = [hit('concept:a'), hit('paper:b'), hit('resource:c')];
  assert.deepEqual(filterByType(hits, ['论文'], labels).map((h) => h.key), ['paper:b']);
  assert.deepEqual(filterByType(hits, ['论文', '概念'], labels).map((h) => h.key), ['concept:a', 'paper:b']);
  assert.equal(filterByType(hits, [], labels).length, 3);
  // A label of another language selects nothing rather than everything.
  assert.deepEqual(filterByType(hits, ['Paper'], labels), []);
});
