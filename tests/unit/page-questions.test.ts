/**
 * The questions a page answers reach the semantic search for resources as for concepts:
 * `questions:` parses on a resource's meta.yaml, questionsOf returns it per language, and
 * headText can add them to a head (a design `npm run compare:embed` compares).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../../src/pipeline/catalog.ts';
import { headText, questionsOf } from '../../src/pipeline/embed/corpus.ts';
import { conceptMeta } from '../../src/schemas/concept.ts';
import { resourceMeta } from '../../src/schemas/resource.ts';

const questions = { zh: ['有没有讲计算机视觉的公开课？'], en: ['Is there a free course on computer vision?'] };

function entity(kind: 'concept' | 'resource' | 'paper', meta: unknown): Entity {
  return { kind, id: `x-${kind}`, meta } as unknown as Entity;
}

test('a resource\'s questions parse and questionsOf returns them in each language', () => {
  const meta = resourceMeta.parse({ name: { zh: '课程', en: 'Course' }, kind: 'course', questions });
  const resource = entity('resource', meta);
  assert.deepEqual(questionsOf(resource, 'zh'), questions.zh);
  assert.deepEqual(questionsOf(resource, 'en'), questions.en);
});

test('a resource without questions, or with one language only, gives [] for the missing language', () => {
  const none = entity('resource', resourceMeta.parse({ name: { zh: '库', en: 'Library' }, kind: 'tool' }));
  assert.deepEqual(questionsOf(none, 'en'), []);
  const zhOnly = entity('resource', resourceMeta.parse({ name: { zh: '库', en: 'Library' }, kind: 'tool', questions: { zh: ['怎么装？'] } }));
  assert.deepEqual(questionsOf(zhOnly, 'zh'), ['怎么装？']);
  assert.deepEqual(questionsOf(zhOnly, 'en'), []);
});

test('concepts keep their questions; papers have none', () => {
  const concept = entity('concept', conceptMeta.parse({ name: { zh: '梯度下降', en: 'Gradient descent' }, topic: 'optimization', questions }));
  assert.deepEqual(questionsOf(concept, 'en'), questions.en);
  assert.deepEqual(questionsOf(entity('paper', { aliases: [] }), 'zh'), []);
});

test('an empty question or an unknown language is rejected on a resource', () => {
  assert.throws(() => resourceMeta.parse({ name: { zh: '课', en: 'C' }, kind: 'course', questions: { zh: [''] } }));
  assert.throws(() => resourceMeta.parse({ name: { zh: '课', en: 'C' }, kind: 'course', questions: { fr: ['?'] } }));
});

test('headText adds questions to the head when a design asks for it', () => {
  const head = headText('CS231n', ['Stanford CS231n'], 'A course.', 3, questions.en);
  assert.ok(head.includes(questions.en[0]!), head);
});
