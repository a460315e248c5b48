import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reciprocalRankFusion } from '../../src/shared/fusion.ts';
import { entityKeyFromUrl as keyFromUrl } from '../../src/shared/urls.ts';

const ranked = (keys: string[]) => keys.map((key) => ({ key, item: key }));

test('an item both searches rank beats items only one ranks', () => {
  const fused = reciprocalRankFusion(ranked(['a', 'b', 'c']), ranked(['c', 'd']));
  // b and d tie at 1/62; ties go to the keyword side.
  assert.deepEqual(fused.map((f) => f.key), ['c', 'a', 'b', 'd']);
  assert.equal(fused[0]!.keywordRank, 3);
  assert.equal(fused[0]!.semanticRank, 1);
  assert.ok(Math.abs(fused[0]!.score - (1 / 63 + 1 / 61)) < 1e-12);
});

test('a key repeated in one list votes once, at its best rank', () => {
  const fused = reciprocalRankFusion(ranked(['a', 'a']), ranked([]));
  assert.equal(fused.length, 1);
  assert.ok(Math.abs(fused[0]!.score - 1 / 61) < 1e-12);
});

test('page URLs map to entity keys, with or without a base path', () => {
  assert.equal(keyFromUrl('/zh/concepts/gradient-descent/', '/'), 'concept:gradient-descent');
  assert.equal(keyFromUrl('/deepatlas/en/papers/vaswani2017attention/', '/deepatlas/'), 'paper:vaswani2017attention');
  assert.equal(keyFromUrl('/zh/search/', '/'), undefined);
});
