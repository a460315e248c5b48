import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NoteAnalysis } from '../../src/pipeline/analyze.ts';
import { buildGraph } from '../../src/pipeline/graph.ts';
import { createResolver } from '../../src/pipeline/resolver.ts';
import { catalogOf, concept, paper } from '../helpers/catalog-fixture.ts';

function graphOf(entities: Parameters<typeof catalogOf>[0], analyses = new Map<string, NoteAnalysis>()) {
  const catalog = catalogOf(entities);
  return buildGraph(catalog, analyses, createResolver(catalog).suggest);
}

const nn = concept('neural-network', { zh: '神经网络', en: 'Neural network' });
const bp = concept('backpropagation', { zh: '反向传播', en: 'Backpropagation' }, { prerequisites: ['neural-network'], papers: ['rumelhart1986'] });
const rumelhart = paper('rumelhart1986', 1986);
const lecun = paper('lecun1998', 1998, { cites: ['rumelhart1986'] });

test('frontmatter relations and cites become typed edges with both directions indexed', () => {
  const { graph, diagnostics } = graphOf([nn, bp, rumelhart, lecun]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(graph.edges.map((e) => `${e.kind} ${e.from.id} -> ${e.to.id}`).sort(), [
    'cites lecun1998 -> rumelhart1986',
    'paper backpropagation -> rumelhart1986',
    'prerequisite backpropagation -> neural-network',
  ]);
  assert.deepEqual(graph.outgoing(bp, 'prerequisite'), [nn]);
  assert.deepEqual(graph.incoming(nn, 'prerequisite'), [bp]);
  assert.deepEqual(graph.incoming(rumelhart, 'cites'), [lecun]);
  assert.deepEqual(graph.backlinks(rumelhart).map((e) => e.id), ['backpropagation', 'lecun1998']);
});

test('links and citations in notes are edges from the page, once per note language, never to itself', () => {
  const withNote = { ...nn, notes: { en: { lang: 'en' as const, file: 'src/content/concepts/neural-network/en.md', frontmatter: { summary: 'x' }, body: '', bodyLine: 1 } } };
  const analyses = new Map<string, NoteAnalysis>([[withNote.notes.en.file, { mentions: [bp, withNote, rumelhart], citations: [rumelhart], hasMath: false, diagnostics: [] }]]);
  const { graph } = graphOf([withNote, bp, rumelhart], analyses);
  assert.deepEqual(graph.outgoing(withNote, 'mention').map((e) => e.id), ['backpropagation', 'rumelhart1986']);
  assert.deepEqual(graph.outgoing(withNote, 'citation').map((e) => e.id), ['rumelhart1986']);
});

test('unknown targets, self-relations and anachronistic citations are errors with a suggestion', () => {
  const typo = concept('cnn', { zh: '卷积网络', en: 'CNN' }, { prerequisites: ['neural-netwrk', 'cnn'] });
  const early = paper('early1990', 1990, { cites: ['lecun1998', 'rumelhart1986'] });
  const { diagnostics, graph } = graphOf([nn, typo, rumelhart, lecun, early]);
  assert.deepEqual(diagnostics.map((d) => `${d.rule}: ${d.message}`), [
    'relation/unknown: unknown concept "neural-netwrk" (did you mean "neural-network"?)',
    'relation/self: "cnn" lists itself as a prerequisite',
    'relation/anachronism: early1990 (1990) cannot cite lecun1998 (1998): it was published 8 years later',
  ]);
  assert.deepEqual(graph.outgoing(early, 'cites').map((e) => e.id), ['rumelhart1986']);
});

test('a citation of a paper from the next year is allowed (preprints, proceedings dates)', () => {
  const { diagnostics } = graphOf([paper('a2016', 2016, { cites: ['b2017'] }), paper('b2017', 2017)]);
  assert.deepEqual(diagnostics, []);
});
