import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReferences } from '../../src/pipeline/references.ts';

test('finds wiki links with and without link text', () => {
  const refs = findReferences('See [[gradient-descent]] and [[梯度下降|the optimizer]].');
  assert.deepEqual(refs, [
    { type: 'wikilink', start: 4, end: 24, target: 'gradient-descent' },
    { type: 'wikilink', start: 29, end: 51, target: '梯度下降', label: 'the optimizer' },
  ]);
});

test('finds citations with several keys and locators', () => {
  const refs = findReferences('as shown [@vaswani2017attention; @bahdanau2015neural, p. 5].');
  assert.deepEqual(refs, [
    {
      type: 'citation',
      start: 9,
      end: 59,
      items: [{ key: 'vaswani2017attention' }, { key: 'bahdanau2015neural', locator: 'p. 5' }],
    },
  ]);
});

test('reports malformed references instead of ignoring them', () => {
  const [empty] = findReferences('an [[ ]] here');
  assert.equal(empty?.type, 'malformed');
  assert.equal(empty?.type === 'malformed' && empty.reason, 'empty link target');
  const [badCite] = findReferences('[@ok; nokey]');
  assert.equal(badCite?.type === 'malformed' && badCite.reason, 'cannot read citation "nokey"');
});

test('leaves ordinary brackets alone', () => {
  assert.deepEqual(findReferences('an [array] and a [link](https://example.org) and x[0]'), []);
});
