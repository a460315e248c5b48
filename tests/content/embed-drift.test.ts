/**
 * The build keeps the corpus model while the corpus drifts little (src/pipeline/embed/train.ts
 * RETRAIN_DRIFT), so editing one page re-embeds that page only; past the threshold, or with
 * `npm run train:embed` (retrainOnAnyChange), it retrains, and retraining stays deterministic.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { modelHash } from '../../src/pipeline/embed/cache.ts';
import { pageTexts, type PageText } from '../../src/pipeline/embed/corpus.ts';
import { corpusDrift, RETRAIN_DRIFT, trainCorpusModel } from '../../src/pipeline/embed/train.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-drift-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const catalog = loadCatalog(projectPaths(REPO)).catalog;
const pages = pageTexts(catalog);

/** The pages with one page's prose extended by a sentence, as an author's edit would. */
function edited(all: PageText[], index: number, sentence: string): PageText[] {
  return all.map((p, i) => (i === index ? { ...p, text: `${p.text}\n${sentence}`, sections: [...p.sections.slice(0, -1), `${p.sections.at(-1) ?? ''}\n${sentence}`] } : p));
}

test('corpusDrift measures documents added or removed and unknown words', () => {
  const drift = corpusDrift({ documents: 100, vocabulary: new Set(['a', 'b', 'c']) }, 103, ['a', 'b', 'c', 'd']);
  assert.equal(drift.documents, 0.03);
  assert.equal(drift.vocabulary, 0.25);
});

test('a one-page edit keeps the model; train:embed and a large change retrain it, deterministically', () => {
  const dir = path.join(tmp, 'model');
  const first = trainCorpusModel(catalog, dir, { pages });
  assert.equal(first.retrained, true);
  const hash = modelHash(dir);

  const small = edited(pages, 3, 'An added sentence about gradient descent and attention.');
  const kept = trainCorpusModel(catalog, dir, { pages: small });
  assert.equal(kept.retrained, false, 'a one-page edit reuses the model');
  assert.ok(kept.drift && kept.drift.documents <= RETRAIN_DRIFT && kept.drift.vocabulary <= RETRAIN_DRIFT, JSON.stringify(kept.drift));
  assert.equal(modelHash(dir), hash, 'the model files are untouched, so cached vectors stay valid');

  // A corpus a quarter smaller is past the threshold.
  const shrunk = pages.slice(0, Math.floor(pages.length * 0.75));
  const retrained = trainCorpusModel(catalog, dir, { pages: shrunk });
  assert.equal(retrained.retrained, true);
  assert.notEqual(modelHash(dir), hash);

  // train:embed retrains on any change, and gives the model a fresh build would give.
  const exact = trainCorpusModel(catalog, dir, { pages: small, retrainOnAnyChange: true });
  assert.equal(exact.retrained, true);
  const fresh = path.join(tmp, 'fresh');
  trainCorpusModel(catalog, fresh, { pages: small });
  assert.equal(modelHash(fresh), modelHash(dir));
});
