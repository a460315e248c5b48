/** The bench reads stage times from a build's own log lines (scripts/lib/build-stages.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFacts } from '../../scripts/lib/build-stages.ts';

const at = (ms: number, text: string) => ({ ms, text });

test('stage times and cache reuse come out of the build log', () => {
  const facts = buildFacts([
    at(1_000, '16:27:12 [deepatlas] content check passed in 3043 ms (analyses: 1 analysed, 387 from .cache/site)'),
    at(5_000, '16:27:38 [deepatlas] reused corpus model (5505 tokens x 64 dims, 1.41 MB) in 94 ms; model deepatlas/corpus-lsi on cpu (no NVIDIA GPU on this machine): 1 pages embedded, 249 from cache, 12 passages/s (embedding 80 ms); related topics in 1899 ms'),
    at(6_000, '16:27:53 [content] Syncing content'),
    at(16_000, '16:32:03 [content] Synced content'),
    at(17_000, ' generating static routes '),
    at(39_000, '16:33:41 [deepatlas] notes: 1 rendered, 387 from .cache/notes'),
    at(40_000, '16:33:44 [deepatlas] pagefind: indexed 270 pages in 3000 ms'),
    at(41_500, '16:33:44 [deepatlas] semantic index: 250 pages, 0.50 MB of model and vectors in /search/'),
  ]);
  assert.deepEqual(facts.stages, { check: 3043, train: 94, embed: 80, related: 1899, contentSync: 10_000, render: 20_000, pagefind: 3000, semanticIndex: 1500 });
  assert.equal(facts.pages, 270);
  assert.equal(facts.embedded, 1);
  assert.equal(facts.cached, 249);
  assert.equal(facts.modelRetrained, false);
  assert.equal(facts.notesRendered, 1);
  assert.equal(facts.notesCached, 387);
  assert.equal(facts.analysesDone, 1);
  assert.equal(facts.analysesCached, 387);
});

test('with Pagefind after Astro (scripts/build.ts), rendering ends at the build-done hook', () => {
  const facts = buildFacts([
    at(17_000, ' generating static routes '),
    at(37_000, '16:33:40 [deepatlas] content pipeline ran 1 time in this build'),
    at(38_000, '16:33:41 [deepatlas] semantic index: 250 pages, 0.50 MB of model and vectors in /search/'),
    at(42_000, '[deepatlas] pagefind: indexed 270 pages in 3500 ms'),
  ]);
  assert.equal(facts.stages.render, 20_000);
  assert.equal(facts.stages.semanticIndex, 1000);
  assert.equal(facts.stages.pagefind, 3500);
  assert.equal(facts.pages, 270);
});

test('a log without the lines leaves the stages out instead of guessing', () => {
  assert.deepEqual(buildFacts([at(1, 'build failed: content check failed')]).stages, {});
});
