import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { learningPath } from '../../src/pipeline/learning-path.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

test('every concept comes after all of its prerequisites', () => {
  const { catalog } = loadCatalog(projectPaths(scratch.root));
  const { stages, diagnostics } = learningPath(catalog);
  assert.deepEqual(diagnostics, []);
  const stageOf = new Map(stages.flatMap((concepts, i) => concepts.map((c) => [c.id, i] as const)));
  assert.equal(stageOf.size, catalog.concepts.size, 'every concept is on the path once');
  for (const concept of catalog.concepts.values()) {
    for (const p of concept.meta.prerequisites) {
      assert.ok(stageOf.get(p)! < stageOf.get(concept.id)!, `${p} comes before ${concept.id}`);
    }
  }
  assert.ok(stages[0]!.every((c) => c.meta.prerequisites.length === 0), 'stage 1 needs nothing');
});

test('a prerequisite cycle is an error naming the cycle', () => {
  const file = 'src/content/concepts/loss-function/meta.yaml';
  const original = scratch.read(file);
  scratch.write(file, original.replace(/^prerequisites: \[.*\]$/m, 'prerequisites: [gradient-descent]'));
  try {
    const { catalog } = loadCatalog(projectPaths(scratch.root));
    const { diagnostics } = learningPath(catalog);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /^prerequisites form a cycle: (gradient-descent -> loss-function -> gradient-descent|loss-function -> gradient-descent -> loss-function)$/);
  } finally {
    scratch.write(file, original);
  }
});

test('a prerequisite cycle points at the prerequisite that closes it', () => {
  const file = 'src/content/concepts/loss-function/meta.yaml';
  const original = scratch.read(file);
  scratch.write(file, original.replace(/^prerequisites: \[.*\]$/m, 'prerequisites: [gradient-descent]'));
  try {
    const { catalog } = loadCatalog(projectPaths(scratch.root));
    const [cycle] = learningPath(catalog).diagnostics;
    const at = `${cycle!.file}:${cycle!.line}:${cycle!.column}`;
    const gdFile = 'src/content/concepts/gradient-descent/meta.yaml';
    // Either concept may be visited first; the error names the line of the closing prerequisite.
    const expected = cycle!.file === file
      ? `${file}:${scratch.lineOf(file, 'prerequisites:')}:${scratch.read(file).split('\n')[scratch.lineOf(file, 'prerequisites:') - 1]!.indexOf('gradient-descent') + 1}`
      : `${gdFile}:${scratch.lineOf(gdFile, 'loss-function')}:${scratch.read(gdFile).split('\n')[scratch.lineOf(gdFile, 'loss-function') - 1]!.indexOf('loss-function') + 1}`;
    assert.equal(at, expected);
  } finally {
    scratch.write(file, original);
  }
});
