/**
 * Every paper page lists the questions it answers (issue 16): who proposed what, the paper a
 * student half-remembers ("谷歌那篇提出 Transformer 的论文"). 6 to 8 per language, each in its
 * language, none asked on two pages of any kind, all reaching the search's question vector.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allEntities, loadCatalog } from '../../src/pipeline/catalog.ts';
import { pageTexts, questionsOf } from '../../src/pipeline/embed/corpus.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { LANGS } from '../../src/shared/locales.ts';
import { REPO } from '../helpers/scratch.ts';

const { catalog } = loadCatalog(projectPaths(REPO));
const papers = [...catalog.papers.values()];
const CJK = /[\u4e00-\u9fff]/;
/** Case, spacing and end punctuation do not make two questions different. */
const normalize = (q: string) => q.toLowerCase().replace(/[\s?？!！。.]+/g, ' ').trim();

test('every paper has 6 to 8 questions in each language, written in that language', () => {
  assert.ok(papers.length >= 70, String(papers.length));
  for (const p of papers) {
    for (const lang of LANGS) {
      const list = p.meta.questions?.[lang] ?? [];
      assert.ok(list.length >= 6 && list.length <= 8, `papers/${p.id}/meta.yaml has ${list.length} ${lang} questions: list 6 to 8 that a student would ask to find this paper (questions: ${lang}: [...], see CONTRIBUTING.md)`);
      for (const q of list) assert.equal(CJK.test(q), lang === 'zh', `papers/${p.id}/meta.yaml (${lang}): "${q}" is not written in ${lang}`);
    }
  }
});

test('no question is asked on two pages, whatever their kind', () => {
  for (const lang of LANGS) {
    const owner = new Map<string, string>();
    for (const entity of allEntities(catalog)) {
      for (const q of questionsOf(entity, lang)) {
        const key = normalize(q);
        assert.equal(owner.get(key), undefined, `"${q}" on ${entity.kind} ${entity.id} is also on ${owner.get(key)}`);
        owner.set(key, `${entity.kind} ${entity.id}`);
      }
    }
  }
});

test('a paper\'s questions get their own section of its text (the question vector), not its head', () => {
  const texts = new Map(pageTexts(catalog).map((p) => [p.id, p]));
  for (const p of papers) {
    for (const lang of LANGS) {
      const page = texts.get(`paper:${p.id}:${lang}`);
      if (!page) continue;
      for (const q of p.meta.questions?.[lang] ?? []) {
        assert.ok(page.questions?.split('\n').includes(q), `paper ${p.id} (${lang}) questions lack "${q}"`);
        // Not a line of the head (a short question like "GPT-2 paper" may occur inside the summary).
        assert.ok(!page.sections[0]!.split('\n').includes(q), `paper ${p.id} (${lang}) head holds "${q}"`);
      }
    }
  }
});
