/**
 * The knowledge base is complete and its facts match the verified bibliography:
 * a page for every references.bib entry with identical metadata, at least 50
 * concepts and the named resources in both languages, and every concept linked.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { normalizeText, type CslItem } from '../../src/pipeline/bib.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

const site = buildSite(projectPaths(REPO));
const { catalog, graph } = site;
const verified = plugins.input.chain(fs.readFileSync(new URL('../fixtures/references.bib', import.meta.url), 'utf8'), {
  forceType: '@biblatex/text',
  target: '@csl/list+object',
  generateGraph: false,
}) as CslItem[];

test('the content has no errors', () => {
  assert.deepEqual(site.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`), []);
});

test('every references.bib entry has a paper page', () => {
  assert.deepEqual(verified.map((v) => v.id).filter((key) => !catalog.papers.has(key)), []);
  assert.ok(catalog.papers.size >= verified.length);
});

test('title, authors, year and venue of every paper match references.bib', () => {
  for (const v of verified) {
    const paper = catalog.papers.get(v.id)?.paper;
    assert.ok(paper, v.id);
    // Both sides in NFC: the pages store names composed ("Martín", not ı + a combining accent).
    const nfc = (s: string | undefined) => (s === undefined ? s : normalizeText(s));
    assert.equal(paper.title, nfc(v.title), `${v.id} title`);
    assert.deepEqual(paper.authors.map((a) => [a.family, a.given]), (v.author ?? []).map((a) => [nfc(a.family), nfc(a.given)]), `${v.id} authors`);
    assert.equal(paper.year, Number(v.issued?.['date-parts']?.[0]?.[0]), `${v.id} year`);
    assert.equal(paper.venue, v['container-title'] ?? v.publisher ?? undefined, `${v.id} venue`);
    assert.equal(paper.doi, v.DOI, `${v.id} DOI`);
    assert.ok(!('note' in paper.fields), `${v.id}: the maintainers' note field stays out of paper.bib`);
  }
});

test('every paper has notes in both languages', () => {
  for (const p of catalog.papers.values()) assert.deepEqual(Object.keys(p.notes).sort(), ['en', 'zh'], p.id);
});

test('at least 50 concepts, each in Chinese and English', () => {
  assert.ok(catalog.concepts.size >= 50, `${catalog.concepts.size} concepts`);
  for (const c of catalog.concepts.values()) assert.deepEqual(Object.keys(c.notes).sort(), ['en', 'zh'], c.id);
});

test('the concepts the articles teach are all there', () => {
  const required = ['foundation-models', 'neural-network', 'deep-learning', 'machine-learning', 'multilayer-perceptron', 'linear-regression',
    'forward-propagation', 'backpropagation', 'gradient-descent', 'learning-rate', 'adam', 'loss-function', 'mean-squared-error', 'cross-entropy',
    'activation-function', 'relu', 'sigmoid', 'softmax', 'parameter-initialization', 'data-preprocessing', 'train-validation-test-split',
    'overfitting', 'regularization', 'dropout', 'data-augmentation', 'batch-normalization', 'convolutional-neural-network', 'convolution',
    'pooling', 'fully-connected-layer', 'residual-connection', 'recurrent-neural-network', 'lstm', 'vanishing-exploding-gradients',
    'gradient-clipping', 'autoencoder', 'attention-mechanism', 'self-attention', 'transformer', 'word-embedding', 'word2vec',
    'pretraining-fine-tuning', 'bert', 'gpt', 'natural-language-processing', 'text-classification', 'sentiment-analysis',
    'named-entity-recognition', 'machine-translation', 'text-summarization', 'computer-vision', 'image-classification', 'object-detection',
    'speech-recognition', 'distributed-training', 'mixed-precision-training', 'model-interpretability', 'privacy-security', 'bias-fairness'];
  assert.deepEqual(required.filter((slug) => !catalog.concepts.has(slug)), []);
  assert.equal(catalog.concepts.get('transformer')?.meta.name.zh.includes('变压器'), false, 'Transformer is never 变压器');
});

test('the resources the articles name are all there, in both languages', () => {
  const required = ['coursera', 'udacity', 'edx', 'neurips', 'icml', 'iclr', 'cvpr', 'acl', 'emnlp', 'aaai', 'pytorch', 'tensorflow', 'keras',
    'hugging-face-transformers', 'opencv', 'numpy', 'pandas', 'scikit-learn', 'nltk', 'spacy', 'gensim', 'librosa', 'imagenet', 'coco',
    'imdb', 'wikitext', 'mnist'];
  assert.deepEqual(required.filter((slug) => !catalog.resources.has(slug)), []);
  for (const r of catalog.resources.values()) assert.deepEqual(Object.keys(r.notes).sort(), ['en', 'zh'], r.id);
});

test('every concept links to another concept, and to its papers', () => {
  for (const c of catalog.concepts.values()) {
    const linked = [...graph.outgoing(c, 'mention'), ...graph.outgoing(c, 'prerequisite')].filter((e) => e.kind === 'concept');
    assert.ok(linked.length > 0, `${c.id} links to no other concept`);
    for (const key of c.meta.papers) assert.ok(graph.outgoing(c, 'paper').some((p) => p.id === key), `${c.id} -> ${key}`);
  }
  const withPapers = [...catalog.concepts.values()].filter((c) => c.meta.papers.length > 0);
  assert.ok(withPapers.length >= 30, `${withPapers.length} concepts cite their papers`);
});

test('the errata cover every wrong reference noted in references.bib', () => {
  const { articles, errata } = catalog.sources;
  assert.equal(articles.length, 5);
  const wrongReferences = verified.filter((v) => /\bSeeds? \d{3}\b.*\b(wrong|not|does not exist|reuses|drops|credits)\b/i.test(String(v.note ?? '')));
  for (const v of wrongReferences) {
    assert.ok(errata.some((e) => e.kind === 'reference' && e.link === v.id), `an erratum for ${v.id}: ${v.note}`);
  }
  for (const kind of ['code', 'claim', 'terminology'] as const) assert.ok(errata.some((e) => e.kind === kind), `errata of kind ${kind}`);
});
