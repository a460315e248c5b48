/**
 * The synthetic knowledge base for benchmarks: it passes the content check with no errors,
 * has the features real notes have (math, links, citations between papers), is the same for
 * the same seed, and never writes into this checkout.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { generateSyntheticProject } from '../../scripts/lib/synthetic-corpus.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-synthetic-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('40 generated papers pass the content check and link, cite and use math like real notes', () => {
  const out = path.join(tmp, 'a');
  const summary = generateSyntheticProject(REPO, out, { papers: 40 });
  assert.equal(summary.papers, 40);
  assert.equal(summary.concepts, 5);
  const site = buildSite(projectPaths(out));
  const errors = site.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  const realPapers = fs.readdirSync(path.join(REPO, 'papers')).length;
  assert.equal(site.catalog.papers.size, realPapers + 40);
  const note = site.analyses.get('papers/syn00039paper/en.md');
  assert.ok(note, 'the last paper\'s English note was analysed');
  assert.ok(note.hasMath, 'it has math');
  assert.ok(note.citations.some((e) => e.id.startsWith('syn')), 'it cites earlier synthetic papers');
  assert.ok(note.mentions.some((e) => e.kind === 'concept' && !e.id.startsWith('syn-')), 'it links a real concept');
  assert.ok(site.analyses.get('papers/syn00039paper/zh.md')?.hasMath, 'the Chinese note has math too');
});

test('the same seed gives the same files; the checkout and non-empty folders are refused', () => {
  const b = path.join(tmp, 'b');
  const c = path.join(tmp, 'c');
  generateSyntheticProject(REPO, b, { papers: 3, seed: 7 });
  generateSyntheticProject(REPO, c, { papers: 3, seed: 7 });
  for (const file of ['papers/syn00002paper/zh.md', 'papers/syn00002paper/paper.bib', 'src/content/concepts/syn-concept-1/meta.yaml']) {
    assert.equal(fs.readFileSync(path.join(b, file), 'utf8'), fs.readFileSync(path.join(c, file), 'utf8'), file);
  }
  assert.throws(() => generateSyntheticProject(REPO, b, { papers: 1 }), /not empty/);
  assert.throws(() => generateSyntheticProject(REPO, REPO, { papers: 1 }), /outside this checkout/);
  assert.throws(() => generateSyntheticProject(REPO, path.join(tmp, 'd'), { papers: -1 }), /whole number/);
  assert.ok(!fs.existsSync(path.join(REPO, 'papers/syn00000paper')), 'nothing was written into the checkout');
});
