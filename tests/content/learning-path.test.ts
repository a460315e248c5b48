import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { byPathOrder, learningPath, pathPosition, STAGES } from '../../src/pipeline/learning-path.ts';
import { uiTables } from '../../src/i18n/index.ts';
import { TOPICS } from '../../src/schemas/concept.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

test('every concept comes after all of its prerequisites, in stage and in reading order', () => {
  const { catalog } = loadCatalog(projectPaths(scratch.root));
  const { stages, diagnostics } = learningPath(catalog);
  assert.deepEqual(diagnostics, []);
  const flat = stages.flatMap((s) => s.concepts.map((c) => c.id));
  assert.equal(new Set(flat).size, catalog.concepts.size, 'every concept is on the path once');
  assert.equal(flat.length, catalog.concepts.size);
  const stageOf = new Map(stages.flatMap((s, i) => s.concepts.map((c) => [c.id, i] as const)));
  for (const concept of catalog.concepts.values()) {
    for (const p of concept.meta.prerequisites) {
      assert.ok(stageOf.get(p)! <= stageOf.get(concept.id)!, `${p} is in the same or an earlier stage than ${concept.id}`);
      assert.ok(flat.indexOf(p) < flat.indexOf(concept.id), `${p} is read before ${concept.id}`);
    }
  }
  assert.equal(stages[0]!.id, 'foundations');
  assert.ok(stages[0]!.concepts.some((c) => c.meta.prerequisites.length === 0), 'the path starts with a concept that needs nothing');
  assert.equal(flat[0] && catalog.concepts.get(flat[0])!.meta.prerequisites.length, 0, 'the first concept needs nothing');
});

test('the stages run from foundations to large models, each named in both languages', () => {
  const { catalog } = loadCatalog(projectPaths(scratch.root));
  const ids = learningPath(catalog).stages.map((s) => s.id);
  assert.ok(ids.indexOf('training') < ids.indexOf('networks') && ids.indexOf('networks') < ids.indexOf('sequences') && ids.indexOf('sequences') < ids.indexOf('large-models'));
  for (const stage of STAGES) {
    for (const lang of ['zh', 'en'] as const) assert.ok(uiTables[lang][`path.stage.${stage.id}` as keyof typeof uiTables.en], `path.stage.${stage.id} (${lang})`);
  }
  for (const topic of TOPICS) assert.ok(STAGES.some((s) => s.topics.includes(topic)), `topic ${topic} belongs to a stage`);
  // Teaching order on today's content: backpropagation before the networks that need it, RNNs before large models.
  const stageIndex = (id: string) => learningPath(catalog).stages.findIndex((s) => s.concepts.some((c) => c.id === id));
  assert.ok(stageIndex('backpropagation') < stageIndex('convolutional-neural-network'));
  assert.ok(stageIndex('recurrent-neural-network') < stageIndex('gpt'));
  assert.ok(stageIndex('transformer') < stageIndex('bert'));
});

test('a new concept is placed by its topic and pushed after its prerequisites', () => {
  const dir = 'src/content/concepts/zz-test-concept';
  scratch.write(`${dir}/meta.yaml`, 'name:\n  zh: 测试概念\n  en: Test concept\ntopic: foundations\nprerequisites: [transformer]\n');
  scratch.write(`${dir}/zh.md`, '---\nsummary: 测试。\n---\n\n测试。\n');
  scratch.write(`${dir}/en.md`, '---\nsummary: A test.\n---\n\nA test.\n');
  try {
    const { catalog } = loadCatalog(projectPaths(scratch.root));
    const { stages } = learningPath(catalog);
    const position = pathPosition(stages, 'zz-test-concept');
    assert.ok(position, 'the new concept is on the path');
    assert.equal(position.stageId, 'sequences', 'a foundations topic, but it needs the Transformer');
    assert.ok(position.order > pathPosition(stages, 'transformer')!.order);
  } finally {
    scratch.remove(dir);
  }
});

test('previous and next follow the path; lists sort by path order', () => {
  const { catalog } = loadCatalog(projectPaths(scratch.root));
  const { stages } = learningPath(catalog);
  const flat = stages.flatMap((s) => s.concepts);
  const first = pathPosition(stages, flat[0]!.id)!;
  assert.equal(first.previous, undefined);
  assert.equal(first.next?.id, flat[1]!.id);
  assert.equal(first.stage, 0);
  assert.equal(first.stageCount, stages.length);
  const last = pathPosition(stages, flat.at(-1)!.id)!;
  assert.equal(last.next, undefined);
  assert.equal(last.stage, stages.length - 1);
  assert.equal(pathPosition(stages, 'no-such-concept'), undefined);
  const shuffled = [...flat].reverse();
  assert.deepEqual(shuffled.sort(byPathOrder(stages)).map((c) => c.id), flat.map((c) => c.id));
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
