/** The paper list and the translation status table split into pages only past their page size (src/data/paper-list-pages.ts, translation-pages.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paperListPageOf, paperListPages, paperListPath, paperListYears } from '../../src/data/paper-list-pages.ts';
import { firstPageOf, translationPages, translationsPath } from '../../src/data/translation-pages.ts';
import type { PaperEntity } from '../../src/pipeline/catalog.ts';
import type { PairState, TranslationPair } from '../../src/pipeline/translation-status.ts';

const paper = (id: string, year: number, title = id) => ({ id, kind: 'paper', paper: { year, title } }) as unknown as PaperEntity;
const pair = (id: string, state: PairState, kind = 'concept') =>
  ({ entity: { kind, id, meta: { name: { zh: id, en: id } }, paper: { title: id } }, state, notes: {} }) as unknown as TranslationPair;

test('a short paper list is one page, in the one-page order: newest first, then by title', () => {
  const pages = paperListPages([paper('b', 2001, 'Beta'), paper('a', 2001, 'Alpha'), paper('c', 2005, 'Gamma')], 3);
  assert.equal(pages.length, 1);
  assert.deepEqual(pages[0]!.papers.map((p) => p.id), ['c', 'a', 'b']);
  assert.deepEqual(paperListPages([], 3).map((p) => p.papers.length), [0], 'an empty site still has its list');
});

test('a long paper list is pages of equal size, newest first, each named by its years', () => {
  const papers = Array.from({ length: 10 }, (_, i) => paper(`p${i}`, 2011 + i));
  const pages = paperListPages(papers, 4);
  assert.deepEqual(pages.map((p) => p.number), [1, 2, 3]);
  assert.deepEqual(pages.map((p) => p.papers.length), [4, 4, 2]);
  assert.deepEqual(pages.map(paperListYears), ['2017–2020', '2013–2016', '2011–2012']);
  assert.deepEqual(pages.flatMap((p) => p.papers.map((e) => e.id)), papers.map((e) => e.id).reverse(), 'every paper once, newest first');
  assert.equal(paperListYears({ newestYear: 2020, oldestYear: 2020 }), '2020');
  const pageOf = paperListPageOf(pages);
  assert.equal(pageOf.get('p9'), 1);
  assert.equal(pageOf.get('p4'), 2);
  assert.equal(pageOf.get('p0'), 3);
  assert.throws(() => paperListPages(papers, 0), /at least 1/);
});

test('list page 1 keeps the list\'s own address', () => {
  assert.equal(paperListPath('zh', 1), '/zh/papers/');
  assert.equal(paperListPath('en', 2), '/en/papers/2/');
  assert.equal(translationsPath('en', 1), '/en/translations/');
  assert.equal(translationsPath('zh', 4), '/zh/translations/4/');
});

test('a short translation table is one page; a long one puts the pairs that need work first', () => {
  assert.equal(translationPages([pair('a', 'in-step'), pair('b', 'zh-stale')], 'en', 2).length, 1);
  assert.deepEqual(translationPages([], 'en', 2).map((p) => p.pairs.length), [0]);

  const pairs = [
    ...Array.from({ length: 5 }, (_, i) => pair(`ok${i}`, 'in-step')),
    pair('new', 'untracked'),
    pair('late', 'en-stale'),
    pair('gone', 'missing-zh', 'resource'),
  ];
  const pages = translationPages(pairs, 'en', 3);
  assert.deepEqual(pages.map((p) => p.pairs.length), [3, 3, 2]);
  assert.deepEqual(pages[0]!.pairs.map((p) => p.entity.id), ['late', 'gone', 'new'], 'work to do on page 1, in state order');
  assert.deepEqual(pages.map((p) => p.states), [['en-stale', 'missing-zh', 'untracked'], ['in-step'], ['in-step']]);
  assert.deepEqual(pages.flatMap((p) => p.pairs).length, pairs.length, 'every pair on exactly one page');
  assert.equal(new Set(pages.flatMap((p) => p.pairs)).size, pairs.length);
  assert.equal(firstPageOf(pages, 'in-step'), 2);
  assert.equal(firstPageOf(pages, 'en-stale'), 1);
  assert.equal(firstPageOf(pages, 'both-stale'), undefined);
});
