import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTokenizerJson, TOKENIZER_CONFIG } from '../../src/pipeline/embed/tokenizer.ts';
import { CorpusEmbedder } from '../../src/shared/embed/fast-path.ts';

const words = ['transformer', 'transform', 'function', 'generator', 'learning', 'rate', 'with', 'which', 'neuron', 'dropout', 'floats', 'flat', 'builds'];
const tokenizerJson = buildTokenizerJson(words);
const rows = Object.keys(tokenizerJson.model.vocab).length;
const embedder = new CorpusEmbedder({ tokenizerJson, tokenizerConfig: TOKENIZER_CONFIG, table: new Int8Array(rows * 4).fill(1), scales: new Float32Array(rows).fill(1) });

test('a misspelt English query word becomes the vocabulary word one edit away', () => {
  assert.equal(embedder.correctSpelling('tranformer'), 'transformer');
  assert.equal(embedder.correctSpelling('squashing fuction'), 'squashing function', 'a word with no near neighbour stays as typed');
  assert.equal(embedder.correctSpelling('lerning rate'), 'learning rate');
});

test('from 8 letters on, two edits are allowed; under that, one', () => {
  assert.equal(embedder.correctSpelling('genrattor'), 'generator');
  assert.equal(embedder.correctSpelling('drpot'), 'drpot');
});

test('words the model reads, inflections included, and Chinese stay as they are', () => {
  assert.equal(embedder.correctSpelling('neurons Transformer 学习率'), 'neurons Transformer 学习率');
});

test('the same first letter, then the longest shared beginning; all of them when several are as near', () => {
  assert.equal(embedder.correctSpelling('float'), 'floats', 'not flat');
  assert.equal(embedder.correctSpelling('rebuilds'), 'rebuilds', 'not builds: typos seldom hit the first letter');
  assert.equal(embedder.correctSpelling('transformr'), 'transform transformer');
  assert.equal(embedder.correctSpelling('float16 fp16'), 'float16 fp16', 'a word joined to digits is a name, not a typo');
});

test('the correction changes what the model sees: an unknown word has no tokens, the corrected one has', () => {
  assert.deepEqual(embedder.lexicalTokens('tranformer'), []);
  assert.equal(embedder.lexicalTokens(embedder.correctSpelling('tranformer')).length, 1);
});
