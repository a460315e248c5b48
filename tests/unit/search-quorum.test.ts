import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idf, quorumRank } from '../../src/shared/search/quorum.ts';
import { DEFAULT_WEIGHTS, fuseRanked } from '../../src/shared/search/rank.ts';
import { understand } from '../../src/shared/search/understand.ts';

test('rarer words weigh more', () => {
  assert.ok(idf(2, 400) > idf(200, 400));
  assert.equal(idf(0, 400), idf(1, 400));
});

test('pages holding most of the query\'s weight come first; one word is not enough', () => {
  // "flipped" is rare (2 pages), "images" common (40), "bigger" in between (10).
  const words = [
    { word: 'flipped', ids: ['augment', 'cnn'] },
    { word: 'images', ids: ['cnn', 'vit', 'augment', ...Array.from({ length: 37 }, (_, i) => `p${i}`)] },
    { word: 'bigger', ids: ['scaling', 'augment', 'p1', ...Array.from({ length: 7 }, (_, i) => `q${i}`)] },
  ];
  const ranked = quorumRank(words, { pages: 400 });
  assert.equal(ranked[0], 'augment');
  assert.ok(ranked.includes('cnn'), 'flipped + images holds over half of the weight');
  assert.ok(!ranked.includes('vit') && !ranked.includes('scaling'), 'a page holding one word is no match');
  // p1 holds the two commoner words: a match, below the pages with the rare one.
  assert.ok(ranked.indexOf('p1') > ranked.indexOf('cnn'));
  // With a fourth, rare word, the two common words are under half of the weight.
  const four = quorumRank([...words, { word: 'mirrored', ids: ['augment'] }], { pages: 400 });
  assert.ok(four.includes('cnn') === false && !four.includes('p1') && four[0] === 'augment');
});

test('a word on no page still counts in the total; under two useful words there is no ranking', () => {
  assert.deepEqual(quorumRank([{ word: 'a', ids: ['x'] }, { word: 'b', ids: [] }], { pages: 100 }), []);
  const withMissing = quorumRank([{ word: 'a', ids: ['x', 'y'] }, { word: 'b', ids: ['x'] }, { word: 'zzz', ids: [] }, { word: 'qqq', ids: [] }], { pages: 100 });
  assert.deepEqual(withMissing, [], 'two rare words no page holds outweigh the two found');
});

test('a partial keyword match votes with less weight than a page holding every word', () => {
  const hit = (key: string, partial = false) => ({ key, url: `/${key}/`, title: key, kind: 'concept', ...(partial ? { partial } : {}) });
  const query = understand('how are weights set before training');
  // Keyword: a full match at 2 and a partial match at 1 (as if ranked above it); semantic lists both at the same rank distance.
  const fused = fuseRanked({ query, keyword: [hit('concept:partial', true), hit('concept:full')], semantic: [hit('concept:full'), hit('concept:partial')], lang: 'en' });
  assert.equal(fused[0]!.key, 'concept:full');
  const even = fuseRanked({ query, keyword: [hit('concept:partial', true), hit('concept:full')], semantic: [hit('concept:full'), hit('concept:partial')], lang: 'en' }, { ...DEFAULT_WEIGHTS, partialMatch: 1, conceptPrior: 0 });
  assert.equal(even[0]!.key, 'concept:partial', 'at full weight the tie goes to keyword order');
});
