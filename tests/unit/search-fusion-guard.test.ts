import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchHit, SearchPage } from '../../src/shared/search/contract.ts';
import { semanticText } from '../../src/shared/search/expand.ts';
import { NameIndex } from '../../src/shared/search/names.ts';
import { DEFAULT_WEIGHTS, fuseRanked, keepVisible } from '../../src/shared/search/rank.ts';
import { understand } from '../../src/shared/search/understand.ts';

const p = (key: string, lang: string, title: string, extra: Partial<SearchPage> = {}): SearchPage => ({ key, lang, url: `/${lang}/${key}/`, title, kind: key.split(':')[0]!, ...extra });
const names = new NameIndex([
  p('concept:batch-norm', 'zh', '批归一化', { aliases: ['BatchNorm'] }),
  p('concept:batch-norm', 'en', 'Batch normalization', { aliases: ['BatchNorm'] }),
  p('concept:learning-rate', 'zh', '学习率'),
  p('concept:learning-rate', 'en', 'Learning rate'),
]);
const hit = (key: string): SearchHit => ({ key, url: `/${key}/`, title: key, kind: key.split(':')[0]! });

test('an English query naming an entity also carries its Chinese title; a Chinese query stays as typed', () => {
  assert.equal(semanticText(understand('why does batch normalization help'), names, 'en'), 'why does batch normalization help 批归一化');
  // Several names: each title once, longest name first (as NameIndex.mentions orders them).
  assert.equal(semanticText(understand('batchnorm vs learning rate vs batch norm'), names, 'en'), 'batchnorm vs learning rate vs batch norm 学习率 批归一化');
  assert.equal(semanticText(understand('为什么学习率太大会发散'), names, 'zh'), '为什么学习率太大会发散');
  // No name mentioned, or no names table: the query as understood.
  assert.equal(semanticText(understand('how do I stop early'), names, 'en'), 'how do I stop early');
  assert.equal(semanticText(understand('batch normalization'), undefined, 'en'), 'batch normalization');
});

test('kept keys move into the first slots in place of the lowest unkept ones, order otherwise fused', () => {
  const order = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  assert.deepEqual(keepVisible(order, ['g'], 5), ['a', 'b', 'c', 'd', 'g', 'e', 'f']);
  assert.deepEqual(keepVisible(order, ['f', 'g', 'a'], 5), ['a', 'b', 'c', 'f', 'g', 'd', 'e']);
  // Already visible, unknown keys and more keys than slots: only the first `slots` kept keys count.
  assert.deepEqual(keepVisible(order, ['b', 'x'], 5), order);
  assert.deepEqual(keepVisible(order, ['g', 'f', 'e', 'd', 'c', 'b', 'a'], 5), ['c', 'd', 'e', 'f', 'g', 'a', 'b']);
});

test('noisy keyword agreement cannot push semantic search\'s first hits out of the top five', () => {
  // Five pages both engines list low outscore semantic search's first three under plain RRF.
  const shared = ['s1', 's2', 's3', 's4', 's5'].map((k) => hit(`concept:${k}`));
  const keyword = [hit('concept:k1'), hit('concept:k2'), ...shared];
  const semantic = [hit('concept:top1'), hit('concept:top2'), hit('concept:top3'), ...shared];
  const input = { query: understand('how do I make my network train faster'), keyword, semantic, lang: 'en' };
  const plain = fuseRanked(input, { ...DEFAULT_WEIGHTS, keepKeyword: 0, keepSemantic: 0 }).slice(0, 5).map((h) => h.key);
  assert.ok(!plain.includes('concept:top1'), 'the scenario: plain RRF hides semantic search\'s first hit');
  const guarded = fuseRanked(input).slice(0, 5).map((h) => h.key);
  for (const key of ['concept:top1', 'concept:top2', 'concept:top3', 'concept:k1', 'concept:k2']) assert.ok(guarded.includes(key), key);
  // An exact name match stays first and visible even when every slot is claimed.
  const named = fuseRanked({ ...input, query: understand('learning rate'), names });
  assert.equal(named[0]!.key, 'concept:learning-rate');
});
