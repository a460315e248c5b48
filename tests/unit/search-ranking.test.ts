import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dequantize, dequantizeRows, quantize } from '../../src/shared/embed/quantize.ts';
import type { SearchPage } from '../../src/shared/search/contract.ts';
import { semanticQueryText } from '../../src/shared/search/query.ts';
import { decodeLexical, encodeLexical } from '../../src/shared/search/lexical.ts';
import { LEXICAL_WEIGHT, rankSemantic } from '../../src/shared/search/semantic.ts';

const page = (key: string, lang: string): SearchPage => ({ key, lang, url: `/${lang}/${key}/`, title: `${key} (${lang})`, kind: key.split(':')[0]! });
const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return xs.map((x) => x / n);
};

// Two entities in two languages; 2-D vectors so similarities are easy to reason about.
const corpus = {
  pages: [page('concept:a', 'zh'), page('concept:a', 'en'), page('paper:b', 'en'), page('paper:b', 'zh')],
  vectors: Float32Array.from([...unit(1, 0), ...unit(0.9, 0.1), ...unit(0, 1), ...unit(0.6, 0.8)]),
  dims: 2,
};

test('semantic hits are ordered by cosine similarity, one per entity, at its best page', () => {
  const hits = rankSemantic(corpus, Float32Array.from(unit(0.7, 0.7)), 'en');
  assert.deepEqual(hits.map((h) => h.key), ['paper:b', 'concept:a']);
  // paper:b's best page is the zh one (0.6, 0.8), but the reader's language wins the display.
  assert.equal(hits[0]!.url, '/en/paper:b/');
  assert.ok(Math.abs(hits[0]!.similarity! - (0.6 + 0.8) * Math.SQRT1_2) < 1e-6);
});

test('the page shown is in the reader\'s language whichever language matched best', () => {
  const zh = rankSemantic(corpus, Float32Array.from([1, 0]), 'zh');
  const en = rankSemantic(corpus, Float32Array.from([1, 0]), 'en');
  assert.equal(zh[0]!.key, 'concept:a');
  assert.equal(zh[0]!.url, '/zh/concept:a/');
  assert.equal(en[0]!.url, '/en/concept:a/');
});

test('semantic hits carry the page\'s facts: year and summary for the snippet', () => {
  const withFacts = { ...corpus, pages: corpus.pages.map((p) => (p.key === 'paper:b' ? { ...p, year: 2017, summary: `${p.lang} summary` } : p)) };
  const [first] = rankSemantic(withFacts, Float32Array.from([0, 1]), 'zh');
  assert.equal(first!.key, 'paper:b');
  assert.equal(first!.year, 2017);
  assert.equal(first!.summary, 'zh summary');
});

test('a query with no known token (zero vector) finds nothing, and the limit holds', () => {
  assert.deepEqual(rankSemantic(corpus, new Float32Array(2), 'en'), []);
  assert.equal(rankSemantic(corpus, Float32Array.from([1, 0]), 'en', 1).length, 1);
});

test('the embedder sees the model\'s query prefix before the query', () => {
  assert.equal(semanticQueryText('梯度下降', 'query: '), 'query: 梯度下降');
  assert.equal(semanticQueryText('x', ''), 'x');
});

test('int8 quantisation round-trips within half a step, per vector and per row', () => {
  const v = Float32Array.from([0.5, -1, 0.25, 0]);
  const q = quantize(v);
  assert.equal(q.scale, 1 / 127);
  assert.deepEqual([...q.data], [64, -127, 32, 0]);
  dequantize(q).forEach((x, i) => assert.ok(Math.abs(x - v[i]!) <= q.scale / 2 + 1e-7));
  const rows = dequantizeRows(Int8Array.from([127, 0, -64, 32]), Float32Array.from([0.5, 2]), 2);
  assert.deepEqual([...rows], [63.5, 0, -128, 64]);
  assert.throws(() => dequantizeRows(new Int8Array(3), new Float32Array(2), 2), /3 values do not make 2 rows of 2/);
});

test('with head vectors, a page is as close as the closer of its whole text and its head', () => {
  const withHeads = { ...corpus, headVectors: Float32Array.from([...unit(0, 1), ...unit(0, 1), ...unit(0, 1), ...unit(0, 1)]) };
  // Query along x: concept:a's whole text is closest, and stays so.
  assert.equal(rankSemantic(withHeads, Float32Array.from([1, 0]), 'en')[0]!.key, 'concept:a');
  // Query along y: every head matches perfectly, so similarity is 1 for both entities.
  const hits = rankSemantic(withHeads, Float32Array.from([0, 1]), 'en');
  assert.ok(hits.every((h) => Math.abs(h.similarity! - 1) < 1e-6));
});

test('with question vectors, a page is as close as its closest vector: whole text, head or questions', () => {
  // Whole texts along x, heads along y; paper:b's English questions lean towards -x.
  const heads = Float32Array.from([...unit(0, 1), ...unit(0, 1), ...unit(0, 1), ...unit(0, 1)]);
  const questionVectors = Float32Array.from([...unit(0, 1), ...unit(0, 1), ...unit(-1, 0.1), ...unit(0, 1)]);
  const withQuestions = { ...corpus, headVectors: heads, questionVectors };
  const query = Float32Array.from(unit(-1, 0));
  const [first] = rankSemantic(withQuestions, query, 'en');
  // Only paper:b's questions point along -x: without them concept:a and paper:b both score 0 at best.
  assert.equal(first!.key, 'paper:b');
  assert.ok(Math.abs(first!.similarity! - unit(-1, 0.1)[0]! * -1) < 1e-6);
  const withoutQuestions = rankSemantic({ ...corpus, headVectors: heads }, query, 'en');
  assert.ok(withoutQuestions.every((h) => h.similarity! < 0.01));
});

test('with a lexical index, the query\'s words lift the page that has them above a closer vector', () => {
  // Pages in corpus order; token 7 is only on paper:b's English head and questions.
  const lexical = decodeLexical(encodeLexical([[1, 2], [1, 2], [7, 3], [4]]), 4);
  const withLexical = { ...corpus, lexical };
  const query = Float32Array.from(unit(1, 0.2));
  // By cosine alone concept:a is first (its vectors lie along x) ...
  assert.deepEqual(rankSemantic(withLexical, query, 'en').map((h) => h.key), ['concept:a', 'paper:b']);
  // ... and the query's rare word puts paper:b first, its score raised by the full weight.
  const hits = rankSemantic(withLexical, query, 'en', 10, [7]);
  assert.deepEqual(hits.map((h) => h.key), ['paper:b', 'concept:a']);
  // Its English page (row 2, along y) holds the word: cosine 0.196 + the weight beats its Chinese page's 0.745.
  const cosineEn = query[0]! * corpus.vectors[4]! + query[1]! * corpus.vectors[5]!;
  assert.ok(Math.abs(hits[0]!.similarity! - (cosineEn + LEXICAL_WEIGHT)) < 1e-6);
  // Words no page has change nothing.
  assert.deepEqual(rankSemantic(withLexical, query, 'en', 10, [99]).map((h) => h.key), ['concept:a', 'paper:b']);
});
