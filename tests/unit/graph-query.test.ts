import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFilters, findNode, neighbourhood, radialLayout } from '../../src/shared/graph/query.ts';
import type { GraphData, GraphNode } from '../../src/shared/graph/types.ts';
import { EDGE_TYPES } from '../../src/shared/graph/types.ts';

const node = (id: string, en: string, zh: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id, kind: id.startsWith('paper:') ? 'paper' : 'concept', name: { en, zh }, aliases: [], summary: { en: '', zh: '' }, degree: 1, x: 0, y: 0, ...extra,
});
const data: GraphData = {
  version: 1,
  nodes: [
    node('concept:attention-mechanism', 'Attention mechanism', '注意力机制', { topic: 'architectures', degree: 9, aliases: ['attention', '注意力'] }),
    node('concept:self-attention', 'Self-attention', '自注意力', { topic: 'architectures', degree: 4 }),
    node('concept:transformer', 'Transformer', 'Transformer', { topic: 'architectures', degree: 7 }),
    node('paper:bahdanau2015neural', 'Neural Machine Translation by Jointly Learning to Align and Translate', '…', { year: 2015 }),
    node('paper:vaswani2017attention', 'Attention Is All You Need', '…', { year: 2017, aliases: ['Transformer paper'] }),
    node('paper:devlin2019bert', 'BERT', '…', { year: 2019 }),
    node('concept:gradient-descent', 'Gradient descent', '梯度下降', { topic: 'optimization' }),
  ],
  edges: [
    { source: 'paper:vaswani2017attention', target: 'paper:bahdanau2015neural', type: 'cites' },
    { source: 'paper:devlin2019bert', target: 'paper:vaswani2017attention', type: 'cites' },
    { source: 'concept:self-attention', target: 'concept:attention-mechanism', type: 'prerequisite' },
    { source: 'concept:transformer', target: 'concept:self-attention', type: 'prerequisite' },
    { source: 'paper:vaswani2017attention', target: 'concept:transformer', type: 'uses' },
    { source: 'concept:attention-mechanism', target: 'concept:gradient-descent', type: 'related', similarity: 0.4 },
  ],
};

test('typing a name, alias or part of one focuses the most specific node in either language', () => {
  assert.equal(findNode(data.nodes, '注意力', 'zh')?.id, 'concept:attention-mechanism');
  assert.equal(findNode(data.nodes, 'attention', 'en')?.id, 'concept:attention-mechanism');
  assert.equal(findNode(data.nodes, 'Transformer', 'en')?.id, 'concept:transformer');
  assert.equal(findNode(data.nodes, 'transf', 'zh')?.id, 'concept:transformer');
  assert.equal(findNode(data.nodes, '梯度', 'zh')?.id, 'concept:gradient-descent');
  assert.equal(findNode(data.nodes, 'devlin2019bert', 'en')?.id, 'paper:devlin2019bert');
  assert.equal(findNode(data.nodes, '   ', 'en'), undefined);
  assert.equal(findNode(data.nodes, 'quantum entanglement', 'en'), undefined);
});

test('filters keep nodes by kind, year and topic, and edges by type between kept nodes', () => {
  const all = { edgeTypes: new Set(EDGE_TYPES), kinds: new Set(['concept', 'paper', 'resource'] as const) };
  assert.equal(applyFilters(data, all).edges.length, 6);
  const cites = applyFilters(data, { ...all, edgeTypes: new Set(['cites'] as const) });
  assert.deepEqual(cites.edges.map((e) => e.type), ['cites', 'cites']);
  const to2016 = applyFilters(data, { ...all, years: { from: 2010, to: 2016 } });
  assert.ok(!to2016.nodes.has('paper:vaswani2017attention') && to2016.nodes.has('paper:bahdanau2015neural') && to2016.nodes.has('concept:transformer'));
  assert.equal(to2016.edges.filter((e) => e.type === 'cites').length, 0);
  const optimization = applyFilters(data, { ...all, topic: 'optimization' });
  assert.deepEqual([...optimization.nodes].filter((id) => id.startsWith('concept:')), ['concept:gradient-descent']);
  const papersOnly = applyFilters(data, { ...all, kinds: new Set(['paper'] as const) });
  assert.equal(papersOnly.nodes.size, 3);
});

test('neighbourhoods grow by hops over the given edges, and the radial layout puts rings around the centre', () => {
  const one = neighbourhood(data.edges, 'paper:vaswani2017attention', 1);
  assert.deepEqual([...one.entries()].sort(), [['concept:transformer', 1], ['paper:bahdanau2015neural', 1], ['paper:devlin2019bert', 1], ['paper:vaswani2017attention', 0]]);
  const two = neighbourhood(data.edges, 'paper:vaswani2017attention', 2);
  assert.equal(two.get('concept:self-attention'), 2);
  assert.equal(two.has('concept:attention-mechanism'), false);
  const positions = radialLayout(data.nodes, two);
  assert.deepEqual(positions.get('paper:vaswani2017attention'), { x: 0, y: 0 });
  for (const [id, d] of two) {
    const p = positions.get(id)!;
    assert.ok(Math.abs(Math.hypot(p.x, p.y) - d * 10) < 1e-9, `${id} sits on ring ${d}`);
  }
});
