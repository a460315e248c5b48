import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineHits, filterByType } from '../../src/shared/search/combine.ts';
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

test('keyword and semantic modes pass their own list through', () => {
  const keyword = [hit('concept:a', { excerpt: '<mark>a</mark>' })];
  const semantic = [hit('paper:b', { similarity: 0.9 })];
  assert.equal(combineHits('keyword', keyword, semantic), keyword);
  assert.equal(combineHits('semantic', keyword, semantic), semantic);
});

test('fused hits keep the keyword excerpt and the semantic similarity of the same page', () => {
  const keyword = [hit('concept:a', { excerpt: 'x <mark>a</mark>' }), hit('concept:c', { excerpt: 'c' })];
  const semantic = [hit('paper:b', { similarity: 0.8 }), hit('concept:a', { similarity: 0.7 })];
  const fused = combineHits('fused', keyword, semantic);
  // a: 1/61 + 1/62; b: semantic rank 1 (1/61) beats c: keyword rank 2 (1/62).
  assert.deepEqual(fused.map((h) => h.key), ['concept:a', 'paper:b', 'concept:c']);
  assert.equal(fused[0]!.excerpt, 'x <mark>a</mark>');
  assert.equal(fused[0]!.similarity, 0.7);
  assert.equal(fused[1]!.excerpt, undefined);
  assert.equal(fused[1]!.similarity, 0.8);
});

test('fusion returns at most the limit', () => {
  const many = Array.from({ length: 15 }, (_, i) => hit(`concept:k${i}`));
  assert.equal(combineHits('fused', many, [], 10).length, 10);
});
