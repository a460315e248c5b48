import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflectionStems } from '../../src/shared/embed/tokens.ts';
import { decodeLexical, encodeLexical, lexicalScores } from '../../src/shared/search/lexical.ts';

test('the lexical index round-trips: ids of every varint width, repeats counted, empty pages kept', () => {
  const docs = [[5, 5, 3, 200_000, 127, 128], [], [16_384, 16_383, 16_384, 16_384]];
  const index = decodeLexical(encodeLexical(docs), docs.length);
  assert.deepEqual(index.docs.map((d) => [...d.ids]), [[3, 5, 127, 128, 200_000], [], [16_383, 16_384]]);
  assert.deepEqual(index.docs.map((d) => [...d.counts]), [[1, 2, 1, 1, 1], [], [1, 3]]);
  assert.deepEqual(index.docs.map((d) => d.length), [6, 0, 4]);
  assert.equal(index.averageLength, 10 / 3);
  // A token on one page of three is rarer (higher idf) than one on two.
  assert.ok(index.idf.get(5)! > index.idf.get(16_384)! || index.idf.get(5) === index.idf.get(16_384));
});

test('a lexical index of the wrong length names what is wrong', () => {
  const bytes = encodeLexical([[1, 2], [3]]);
  assert.throws(() => decodeLexical(bytes, 3), /ends inside page 3 of 3/);
  assert.throws(() => decodeLexical(bytes, 1), /bytes left after 1 pages/);
});

test('BM25: the page with the query\'s rare word ranks first, scores run from 0 to 1', () => {
  // Token 1 is on every page (a common word), token 9 only on page 2, token 7 on pages 0 and 2.
  const index = decodeLexical(encodeLexical([[1, 7, 2], [1, 3, 4], [1, 9, 7]]), 3);
  const scores = lexicalScores(index, [9, 1, 9]);
  assert.equal(scores[2], 1);
  assert.ok(scores[0]! < scores[2]! && scores[1]! < scores[2]!);
  assert.ok([...scores].every((s) => s >= 0 && s <= 1));
  // No known token: no page scores.
  assert.deepEqual([...lexicalScores(index, [42, 43])], [0, 0, 0]);
  assert.deepEqual([...lexicalScores(index, [])], [0, 0, 0]);
});

test('BM25: the same match counts more on a short page than on a long one', () => {
  const long = [5, ...Array.from({ length: 30 }, (_, i) => 100 + i)];
  const index = decodeLexical(encodeLexical([[5, 6], long, [7, 8]]), 3);
  const scores = lexicalScores(index, [5]);
  assert.equal(scores[0], 1);
  assert.ok(scores[1]! > 0 && scores[1]! < 0.8, String(scores[1]));
  assert.equal(scores[2], 0);
});

test('inflections share their stem\'s id when the vocabulary holds the stem, and only then', () => {
  const words = ['gradient', 'gradients', 'activate', 'activated', 'dependency', 'dependencies', 'train', 'training', 'use', 'using', 'news', 'bus', 'is', '梯度', '##s'];
  const vocab = Object.fromEntries(words.map((w, i) => [w, i]));
  const stems = inflectionStems(vocab);
  const stemOf = (w: string) => words[stems[vocab[w]!]!];
  assert.equal(stemOf('gradients'), 'gradient');
  assert.equal(stemOf('activated'), 'activate');
  assert.equal(stemOf('dependencies'), 'dependency');
  assert.equal(stemOf('training'), 'train');
  assert.equal(stemOf('using'), 'use');
  // No stem in the vocabulary, a stem under three letters, non-English tokens: unchanged.
  for (const w of ['news', 'bus', 'is', '梯度', '##s', 'gradient']) assert.equal(stemOf(w), w);
});
