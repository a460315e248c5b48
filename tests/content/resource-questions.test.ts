/**
 * Every resource page lists the questions it answers (issue 16): 8 to 10 per language, each in
 * its language, and each pointing at one page only, so a student's question finds one answer.
 * The questions reach the semantic search through the page's head text.
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

/** Case, spacing and end punctuation do not make two questions different. */
const normalize = (q: string) => q.toLowerCase().replace(/[\s?？!！。.]+/g, ' ').trim();

test('every resource has 8 to 10 questions in each language, written in that language', () => {
  for (const r of resources) {
    for (const lang of LANGS) {
      const list = r.meta.questions?.[lang] ?? [];
      assert.ok(list.length >= 8 && list.length <= 10, `${r.id} has ${list.length} ${lang} questions`);
      for (const q of list) assert.equal(CJK.test(q), lang === 'zh', `${r.id} (${lang}): "${q}" is not written in ${lang}`);
    }
  }
});

test('no question is asked twice, on one resource page or across concept and resource pages', () => {
  for (const lang of LANGS) {
    const owner = new Map<string, string>();
    for (const c of catalog.concepts.values()) for (const q of c.meta.questions?.[lang] ?? []) owner.set(normalize(q), `concept ${c.id}`);
    for (const r of resources) {
      for (const q of r.meta.questions?.[lang] ?? []) {
        const key = normalize(q);
        assert.equal(owner.get(key), undefined, `"${q}" on resource ${r.id} is also on ${owner.get(key)}`);
        owner.set(key, `resource ${r.id}`);
      }
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
