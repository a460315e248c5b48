/**
 * Related topics: the top-k heap ranks exactly as a full sort would, and the stage no longer
 * re-counts words per pair (10,000 pages finish in seconds, not minutes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { relatedTopics, TopK, MIN_WORDS, plainBlockSimilarity, type RelatedTopic } from '../../src/pipeline/embed/related.ts';
import type { PageText } from '../../src/pipeline/embed/corpus.ts';

const byRank = (a: RelatedTopic, b: RelatedTopic) => b.similarity - a.similarity || a.id.localeCompare(b.id);

test('TopK keeps the k best items in the order a full sort gives', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.string({ maxLength: 3 }))), fc.integer({ min: 0, max: 8 }), (items, k) => {
    const topics = items.map(([s, id]) => ({ kind: 'paper' as const, id, similarity: s / 50 }));
    const heap = new TopK(k);
    topics.forEach((t) => heap.push(t));
    assert.deepEqual(heap.sorted(), [...topics].sort(byRank).slice(0, k));
  }));
});

function unit(values: number[]): Float32Array {
  const n = Math.hypot(...values) || 1;
  return Float32Array.from(values, (v) => v / n);
}

function page(kind: 'paper' | 'concept', id: string, lang: 'zh' | 'en', words: number): PageText {
  const entity = { kind, id } as unknown as PageText['entity'];
  return { id: `${kind}:${id}:${lang}`, entity, lang, text: Array.from({ length: words }, (_, i) => `w${i}`).join(' ') } as PageText;
}

test('related topics: same language only, never the page or its twin, short pages marked, best first', async () => {
  const entities = ['a', 'b', 'c', 'd'].map((id) => ({ kind: 'paper' as const, id }));
  const vectors = [unit([1, 0, 0]), unit([0.9, 0.1, 0]), unit([0, 1, 0]), unit([0.5, 0.5, 0])];
  const pages = entities.flatMap((e, i) => (['zh', 'en'] as const).map((lang) => {
    const p = page(e.kind, e.id, lang, i === 2 && lang === 'en' ? 5 : MIN_WORDS);
    p.entity = entities[i] as unknown as PageText['entity'];
    return { page: p, vector: vectors[i]! };
  }));
  const index = await relatedTopics(pages, 2, 'test');
  const a = index.pages['paper:a:zh'];
  assert.ok(a && 'related' in a);
  assert.deepEqual(a.related.map((r) => r.id), ['b', 'd']);
  assert.ok(a.related[0]!.similarity > a.related[1]!.similarity);
  assert.deepEqual(index.pages['paper:c:en'], { tooShort: true });
  const aEn = index.pages['paper:a:en'];
  assert.ok(aEn && 'related' in aEn);
  assert.ok(!aEn.related.some((r) => r.id === 'c' || r.id === 'a'), 'short pages and the page itself are never suggested');
});

test('each page\'s text is read a fixed number of times, not once per pair (the stage stays n log n; timing lives in npm run bench)', async () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) - 0.5;
  const text = Array.from({ length: 300 }, (_, i) => `word${i % 50}`).join(' ');
  let reads = 0;
  const n = 2_000;
  const pages = Array.from({ length: n }, (_, i) => {
    const entity = { kind: 'paper', id: `p${i}` } as unknown as PageText['entity'];
    const page = { id: `paper:p${i}:${i % 2 ? 'en' : 'zh'}`, entity, lang: i % 2 ? 'en' : 'zh' } as PageText;
    // Count how often the stage reads a page's text: the quadratic version read it for every pair.
    Object.defineProperty(page, 'text', { get: () => (reads++, text), enumerable: true });
    return { page, vector: unit(Array.from({ length: 64 }, rand)) };
  });
  const index = await relatedTopics(pages, 6, 'test');
  assert.equal(Object.keys(index.pages).length, n);
  assert.ok(reads <= 2 * n, `page texts were read ${reads} times for ${n} pages`);
});

test('the onnxruntime block product ranks exactly as the plain JavaScript product, across block boundaries', async () => {
  let seed = 11;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) - 0.5;
  const text = Array.from({ length: MIN_WORDS }, (_, i) => `w${i}`).join(' ');
  // 2,500 pages: more than two blocks of rows, and twins (same entity, other language) to skip.
  const pages = Array.from({ length: 2_500 }, (_, i) => {
    const entity = { kind: i % 3 ? 'paper' : 'concept', id: `e${i >> 1}` } as unknown as PageText['entity'];
    const lang = i % 2 ? 'en' : 'zh';
    return { page: { id: `x:e${i >> 1}:${lang}`, entity, lang, text } as PageText, vector: unit(Array.from({ length: 16 }, rand)) };
  });
  const fast = await relatedTopics(pages, 5, 'test');
  const plain = await relatedTopics(pages, 5, 'test', plainBlockSimilarity);
  let differing = 0;
  for (const [id, entry] of Object.entries(plain.pages)) {
    const other = fast.pages[id];
    assert.ok(other && 'related' in other && 'related' in entry, id);
    // Float sums in another order may round a similarity 1e-4 apart and swap a near tie, never more.
    other.related.forEach((r, k) => assert.ok(Math.abs(r.similarity - entry.related[k]!.similarity) <= 1.5e-4, `${id} rank ${k}`));
    if (other.related.map((r) => r.id).join() !== entry.related.map((r) => r.id).join()) differing++;
    assert.ok(!other.related.some((r) => r.id === id.split(':')[1]), `${id} lists its own twin`);
  }
  assert.ok(differing <= 5, `${differing} of ${pages.length} pages rank differently`);
});
