/**
 * The generated learning path reads as a course (see /work/shared/CURRICULUM.md: the d2l,
 * CS231n and CS224n order): foundations, then optimization and backpropagation, then
 * classic networks, sequences and attention, the Transformer, pretraining, scaling,
 * instruction tuning and alignment, and last efficient fine-tuning and serving.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { learningPath } from '../../src/pipeline/learning-path.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

const { catalog } = loadCatalog(projectPaths(REPO));
const { stages, diagnostics } = learningPath(catalog);
const stageOf = new Map(stages.flatMap((stage, i) => stage.concepts.map((c) => [c.id, i] as const)));
// Reading order: stages in order, and the path's order inside each stage.
const positionOf = new Map(stages.flatMap((stage) => stage.concepts).map((c, i) => [c.id, i] as const));

function stage(slug: string): number {
  const s = stageOf.get(slug);
  assert.ok(s !== undefined, `${slug} is on the path`);
  return s;
}
function assertBefore(earlier: string, later: string) {
  assert.ok(positionOf.get(earlier)! < positionOf.get(later)!, `${earlier} (stage ${stage(earlier) + 1}) comes before ${later} (stage ${stage(later) + 1})`);
}

test('the path has no cycles', () => {
  assert.deepEqual(diagnostics, []);
});

test('the spine of the course is in teaching order', () => {
  const spine = ['machine-learning', 'gradient-descent', 'neural-network', 'backpropagation', 'convolutional-neural-network',
    'attention-mechanism', 'transformer', 'pretraining-fine-tuning', 'scaling-laws', 'instruction-tuning', 'rlhf',
    'direct-preference-optimization'];
  for (let i = 1; i < spine.length; i++) assertBefore(spine[i - 1]!, spine[i]!);
  assert.equal(stage('machine-learning'), 0);
});

test('gradient descent and backpropagation come before every architecture', () => {
  for (const arch of ['multilayer-perceptron', 'convolution', 'convolutional-neural-network', 'recurrent-neural-network', 'lstm',
    'attention-mechanism', 'self-attention', 'transformer', 'autoencoder']) {
    assertBefore('gradient-descent', arch);
    assertBefore('backpropagation', arch);
  }
});

test('CNNs and RNNs before attention; tokens before language models; seq2seq before attention', () => {
  assertBefore('convolutional-neural-network', 'attention-mechanism');
  assertBefore('recurrent-neural-network', 'attention-mechanism');
  assertBefore('encoder-decoder', 'attention-mechanism');
  assertBefore('tokenization', 'language-model');
  assertBefore('tokenization', 'word-embedding');
});

test('training practice sits with the first deep networks, not after the Transformer', () => {
  for (const practice of ['parameter-initialization', 'dropout', 'batch-normalization', 'layer-normalization', 'adam', 'regularization']) {
    assertBefore(practice, 'transformer');
  }
});

test('the last stages lead from pretraining through alignment to efficient fine-tuning and serving', () => {
  const last = stages.length - 1;
  for (const slug of ['rlhf', 'direct-preference-optimization', 'parameter-efficient-fine-tuning', 'llm-inference-serving']) {
    assert.ok(stage(slug) >= last - 2, `${slug} (stage ${stage(slug) + 1}) is in the last three of ${stages.length} stages`);
    assertBefore('instruction-tuning', slug);
  }
  const lateTopics = new Set(['large-models', 'llm-training-alignment', 'inference-serving', 'responsible-ai']);
  assert.deepEqual(stages[last]!.concepts.filter((c) => !lateTopics.has(c.meta.topic)).map((c) => c.id), [], 'the last stage is about large models');
});

test('a student can get from "what is a token" to an aligned and served model', () => {
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const walk = (id: string): boolean => {
      if (id === from) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return (catalog.concepts.get(id)?.meta.prerequisites ?? []).some(walk);
    };
    return walk(to);
  };
  for (const goal of ['rlhf', 'llm-inference-serving', 'agents-tool-use']) assert.ok(reaches('tokenization', goal), `tokenization leads to ${goal}`);
});
