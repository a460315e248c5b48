/** The bibliography splits into pages only past BIBLIOGRAPHY_PAGE_SIZE works (src/data/bibliography-pages.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bibliographyPages, bibliographyPath } from '../../src/data/bibliography-pages.ts';
import type { PaperEntity } from '../../src/pipeline/catalog.ts';

const paper = (id: string, year: number) => ({ id, kind: 'paper', paper: { year } }) as unknown as PaperEntity;

test('a small bibliography is one page; a large one is pages of equal size, oldest first, numbered on', () => {
  assert.equal(bibliographyPages([paper('b', 2001), paper('a', 2001)], 3).length, 1);
  assert.deepEqual(bibliographyPages([], 3).map((p) => p.papers.length), [0], 'an empty site still has its page');

  const papers = Array.from({ length: 10 }, (_, i) => paper(`p${i}`, 2020 - i));
  const pages = bibliographyPages(papers, 4);
  assert.deepEqual(pages.map((p) => p.papers.length), [4, 4, 2]);
  assert.deepEqual(pages.map((p) => p.offset), [0, 4, 8]);
  assert.deepEqual(pages.map((p) => [p.firstYear, p.lastYear]), [[2011, 2014], [2015, 2018], [2019, 2020]]);
  assert.deepEqual(pages.flatMap((p) => p.papers.map((e) => e.id)), papers.map((e) => e.id).reverse(), 'every work once, in year order');
});

test('page 1 is the bibliography\'s own address', () => {
  assert.equal(bibliographyPath('zh', 1), '/zh/bibliography/');
  assert.equal(bibliographyPath('en', 3), '/en/bibliography/3/');
});
