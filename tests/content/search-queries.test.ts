/**
 * The search query set (tests/fixtures/search-queries.json) is well formed: every expected page
 * exists, fields have their allowed values, and no query is asked twice in one language.
 * Failures name entries by index only, so a blind query writer can run this without reading them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeQuery } from '../../scripts/lib/append-queries.ts';
import { loadQueries } from '../../scripts/lib/search-eval.ts';
import { allEntities, loadCatalog } from '../../src/pipeline/catalog.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { entityKey } from '../../src/shared/entity-kinds.ts';
import { REPO } from '../helpers/scratch.ts';

const queries = loadQueries();

test('every query expects a page that exists', () => {
  const { catalog } = loadCatalog(projectPaths(REPO));
  const keys = new Set(allEntities(catalog).map((e) => entityKey(e.kind, e.id)));
  const missing = queries.flatMap((q, i) => (keys.has(q.expect) ? [] : [i]));
  assert.deepEqual(missing, [], `entries at these indices expect a page that does not exist`);
});

test('every query has allowed field values', () => {
  const bad = queries.flatMap((q, i) => {
    const ok =
      typeof q.q === 'string' && q.q.trim() !== '' &&
      (q.lang === 'zh' || q.lang === 'en') &&
      (q.type === undefined || ['topic', 'question', 'short-name'].includes(q.type)) &&
      (q.part === undefined || q.part === 'tuning' || q.part === 'heldout') &&
      (q.round === undefined || (Number.isInteger(q.round) && q.round > 0));
    return ok ? [] : [i];
  });
  assert.deepEqual(bad, [], 'entries at these indices have a bad q, lang, type, part or round');
});

test('no query is asked twice in the same language', () => {
  const seen = new Map<string, number>();
  const twice = queries.flatMap((q, i) => {
    const id = `${q.lang} ${normalizeQuery(q.q)}`;
    const first = seen.get(id);
    seen.set(id, first ?? i);
    return first === undefined ? [] : [[first, i]];
  });
  assert.deepEqual(twice, [], 'these pairs of indices hold the same query');
});
