import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendRound, formatQuerySet, normalizeQuery, type NewQuery } from '../../scripts/lib/append-queries.ts';
import { roundSubsets } from '../../scripts/lib/search-eval.ts';
import type { EvalQuery } from '../../src/pipeline/search/evaluate.ts';

const existing: EvalQuery[] = [
  { q: 'adam optimizer', lang: 'en', expect: 'concept:adam', type: 'topic', part: 'tuning' },
  { q: '梯度下降', lang: 'zh', expect: 'concept:gradient-descent', type: 'topic', part: 'heldout' },
];
const text = formatQuerySet(existing);
const pages = new Set(['concept:adam', 'concept:gradient-descent', 'paper:he2016resnet']);
const exists = (key: string) => pages.has(key);

test('new queries are appended as a held-out round, the old ones byte for byte unchanged', () => {
  const fresh: NewQuery[] = [{ q: 'resnet paper', lang: 'en', expect: 'paper:he2016resnet', type: 'short-name' }];
  const result = appendRound(text, fresh, 3, exists);
  assert.ok(result.ok);
  assert.equal(result.added, 1);
  assert.ok(result.text.startsWith(text.slice(0, text.lastIndexOf('}') + 1)), 'the existing entries are a prefix of the new text');
  const written = JSON.parse(result.text) as EvalQuery[];
  assert.deepEqual(written.slice(0, 2), existing);
  assert.deepEqual(written[2], { q: 'resnet paper', lang: 'en', expect: 'paper:he2016resnet', type: 'short-name', part: 'heldout', round: 3 });
  assert.equal(result.text.split('\n').length, 6, 'one line per query between the brackets, and a final newline');
});

test('a query the set already has, in other case or spacing, is refused', () => {
  const result = appendRound(text, [{ q: '  Adam   Optimizer', lang: 'en', expect: 'concept:adam', type: 'topic' }], 3, exists);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.errors.join('\n') : '', /already has this query/);
});

test('a missing page, a bad field and a duplicate among the new queries are each named', () => {
  const fresh = [
    { q: 'what is a gan', lang: 'en', expect: 'concept:gan', type: 'question' },
    { q: 'x', lang: 'fr', expect: 'concept:adam', type: 'question' },
    { q: 'y', lang: 'en', expect: 'concept:adam', type: 'query' },
    { q: 'Z', lang: 'en', expect: 'concept:adam', type: 'topic' },
    { q: 'z', lang: 'en', expect: 'concept:adam', type: 'topic' },
  ] as NewQuery[];
  const result = appendRound(text, fresh, 3, exists);
  assert.equal(result.ok, false);
  const errors = !result.ok ? result.errors : [];
  assert.equal(errors.length, 4);
  assert.match(errors[0]!, /new query 1 .*"concept:gan" does not exist/);
  assert.match(errors[1]!, /new query 2 .*"lang"/);
  assert.match(errors[2]!, /new query 3 .*"type"/);
  assert.match(errors[3]!, /new query 5 .*twice/);
});

test('a set in another format is not rewritten, and the round must be a positive integer', () => {
  const compact = appendRound(JSON.stringify(existing), [], 3, exists);
  assert.equal(compact.ok, false);
  assert.match(!compact.ok ? compact.errors[0]! : '', /one object a line/);
  assert.equal(appendRound(`${JSON.stringify(existing, null, 2)}\n`, [], 3, exists).ok, false);
  const badRound = appendRound(text, [], 0, exists);
  assert.equal(badRound.ok, false);
  assert.match(!badRound.ok ? badRound.errors[0]! : '', /round must be a positive integer/);
});

test('the layout is one query a line, each key followed by a space', () => {
  assert.equal(formatQuerySet([{ q: 'a', lang: 'en' }, { q: '乙', round: 3 }]), '[\n  {"q": "a", "lang": "en"},\n  {"q": "乙", "round": 3}\n]\n');
  assert.equal(formatQuerySet([]), '[]\n');
});

test('queries are compared after Unicode, case and space normalisation', () => {
  assert.equal(normalizeQuery('  ＣＮＮ   是什么 '), 'cnn 是什么');
});

test('each part is reported per round and language, in round order', () => {
  const queries: EvalQuery[] = [
    { q: 'a', lang: 'en', expect: 'concept:adam', part: 'heldout', round: 3 },
    { q: 'b', lang: 'en', expect: 'concept:adam', part: 'heldout' },
    { q: 'c', lang: 'zh', expect: 'concept:adam', part: 'heldout', round: 2 },
    { q: 'd', lang: 'zh', expect: 'concept:adam', part: 'tuning', round: 3 },
  ];
  const subsets = roundSubsets(queries);
  assert.deepEqual(subsets.map((s) => s.name), ['heldout round 2 zh', 'tuning round 3 zh', 'heldout round 3 en']);
  assert.deepEqual(queries.filter(subsets[2]!.keep).map((q) => q.q), ['a']);
  assert.deepEqual(queries.filter(subsets[1]!.keep).map((q) => q.q), ['d']);
});
