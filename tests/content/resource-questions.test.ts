/**
 * Every resource page lists the questions it answers (issue 16): 8 to 10 per language, each in
 * its language. That no question is on two pages, of any kind, paper-questions.test.ts checks.
 * The questions reach the semantic search as a section of their own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { pageTexts } from '../../src/pipeline/embed/corpus.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { LANGS } from '../../src/shared/locales.ts';
import { REPO } from '../helpers/scratch.ts';

const { catalog } = loadCatalog(projectPaths(REPO));
const resources = [...catalog.resources.values()];
const CJK = /[\u4e00-\u9fff]/;

test('every resource has 8 to 10 questions in each language, written in that language', () => {
  for (const r of resources) {
    for (const lang of LANGS) {
      const list = r.meta.questions?.[lang] ?? [];
      assert.ok(list.length >= 8 && list.length <= 10, `${r.id} has ${list.length} ${lang} questions`);
      for (const q of list) assert.equal(CJK.test(q), lang === 'zh', `${r.id} (${lang}): "${q}" is not written in ${lang}`);
    }
  }
});

test('a resource\'s questions are part of the text the semantic search embeds', () => {
  const texts = new Map(pageTexts(catalog).map((p) => [p.id, p]));
  for (const r of resources) {
    for (const lang of LANGS) {
      const page = texts.get(`resource:${r.id}:${lang}`);
      assert.ok(page, `no text for resource ${r.id} (${lang})`);
      // Their own section (and vector), apart from the head with the names.
      for (const q of r.meta.questions?.[lang] ?? []) {
        assert.ok(page.questions?.split('\n').includes(q), `${r.id} (${lang}) questions lack "${q}"`);
        assert.ok(page.text.includes(q), `${r.id} (${lang}) text lacks "${q}"`);
        assert.ok(!page.sections[0]!.includes(q), `${r.id} (${lang}) head holds "${q}": it should only carry the names and summary`);
      }
    }
  }
});
