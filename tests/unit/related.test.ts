/**
 * Related topics: the top-k heap ranks exactly as a full sort would, and the stage no longer
 * re-counts words per pair (10,000 pages finish in seconds, not minutes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { relatedTopics, TopK, MIN_WORDS, type RelatedTopic } from '../../src/pipeline/embed/related.ts';
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

test('related topics: same language only, never the page or its twin, short pages marked, best first', () => {
  const entities = ['a', 'b', 'c', 'd'].map((id) => ({ kind: 'paper' as const, id }));
  const vectors = [unit([1, 0, 0]), unit([0.9, 0.1, 0]), unit([0, 1, 0]), unit([0.5, 0.5, 0])];
  const pages = entities.flatMap((e, i) => (['zh', 'en'] as const).map((lang) => {
    const p = page(e.kind, e.id, lang, i === 2 && lang === 'en' ? 5 : MIN_WORDS);
    p.entity = entities[i] as unknown as PageText['entity'];
    return { page: p, vector: vectors[i]! };
  }));
  const index = relatedTopics(pages, 2, 'test');
  const a = index.pages['paper:a:zh'];
  assert.ok(a && 'related' in a);
  assert.deepEqual(a.related.map((r) => r.id), ['b', 'd']);
  assert.ok(a.related[0]!.similarity > a.related[1]!.similarity);
  assert.deepEqual(index.pages['paper:c:en'], { tooShort: true });
  const aEn = index.pages['paper:a:en'];
  assert.ok(aEn && 'related' in aEn);
  assert.ok(!aEn.related.some((r) => r.id === 'c' || r.id === 'a'), 'short pages and the page itself are never suggested');
});

test('10,000 pages of 64 dims rank in seconds of CPU (no per-pair word counting)', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) - 0.5;
  const text = Array.from({ length: 300 }, (_, i) => `word${i % 50}`).join(' ');
  const pages = Array.from({ length: 10_000 }, (_, i) => {
    const entity = { kind: 'paper', id: `p${i}` } as unknown as PageText['entity'];
    return { page: { id: `paper:p${i}:${i % 2 ? 'en' : 'zh'}`, entity, lang: i % 2 ? 'en' : 'zh', text } as PageText, vector: unit(Array.from({ length: 64 }, rand)) };
  });
  // CPU time, not wall time: the test machine is shared, and the old per-pair word count took minutes of CPU here.
  const started = process.cpuUsage();
  const index = relatedTopics(pages, 6, 'test');
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  assert.equal(Object.keys(index.pages).length, 10_000);
  assert.ok(ms < 20_000, `took ${Math.round(ms)} ms of CPU`);
});
