/**
 * The content check's cache (.cache/site/analyses.json): a second check reuses every note's
 * analysis and reports exactly what a fresh one does, and anything an analysis depends on
 * outside the note (an image on disk, another entity's aliases) invalidates it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => (scratch = scratchCopy()));
after(() => scratch.dispose());

const check = () => buildSite(projectPaths(scratch.root));
const messages = (site: ReturnType<typeof check>) => site.diagnostics.map(formatDiagnostic);
const NOTE = 'papers/vaswani2017attention/en.md';

test('a second check reuses every analysis and reports the same as a fresh one', () => {
  const cold = check();
  assert.equal(cold.analysisStats.reused, 0);
  const warm = check();
  assert.equal(warm.analysisStats.analysed, 0);
  assert.equal(warm.analysisStats.reused, cold.analysisStats.analysed);
  assert.deepEqual(messages(warm), messages(cold));
  assert.deepEqual([...warm.graph.edges].length, [...cold.graph.edges].length);
  for (const [file, analysis] of cold.analyses) {
    const again = warm.analyses.get(file)!;
    assert.deepEqual(again.mentions.map((e) => `${e.kind}:${e.id}`), analysis.mentions.map((e) => `${e.kind}:${e.id}`), file);
    assert.deepEqual(again.citations.map((e) => e.id), analysis.citations.map((e) => e.id), file);
    assert.equal(again.hasMath, analysis.hasMath, file);
  }
});

test('editing one note analyses that note only', () => {
  check();
  scratch.edit(NOTE, (t) => `${t}\nOne more sentence.\n`);
  const site = check();
  assert.equal(site.analysisStats.analysed, 1);
});

test('an image deleted after a cached check is reported missing', () => {
  fs.writeFileSync(path.join(scratch.root, 'papers/vaswani2017attention/cache-figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  scratch.edit(NOTE, (t) => `${t}\n![A figure](./cache-figure.png)\n`);
  assert.ok(!messages(check()).some((m) => m.includes('cache-figure.png')));
  fs.rmSync(path.join(scratch.root, 'papers/vaswani2017attention/cache-figure.png'));
  assert.ok(messages(check()).some((m) => m.includes('image "./cache-figure.png" does not exist')));
});

test('an alias removed from another entity breaks the cached note that linked through it', () => {
  const meta = 'src/content/concepts/gradient-descent/meta.yaml';
  const alias = /aliases:\s*\[([^\],]+)/.exec(scratch.read(meta))?.[1]?.trim().replace(/^['"]|['"]$/g, '')
    ?? /aliases:\s*\n\s*-\s*(.+)/.exec(scratch.read(meta))?.[1]?.trim().replace(/^['"]|['"]$/g, '');
  assert.ok(alias, 'gradient-descent has an alias to link through');
  scratch.edit(NOTE, (t) => `${t}\nSee [[${alias}]].\n`);
  assert.ok(!messages(check()).some((m) => m.includes(`unknown link target "${alias}"`)));
  scratch.edit(meta, (t) => t.replace(alias, 'renamed-alias-for-the-test'));
  assert.ok(messages(check()).some((m) => m.includes(`unknown link target "${alias}"`)));
});
