import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { NoteAnalysis } from '../../src/pipeline/analyze.ts';
import type { RelatedIndex } from '../../src/pipeline/embed/related.ts';
import { buildGraph } from '../../src/pipeline/graph.ts';
import { buildGraphData } from '../../src/pipeline/graph-data.ts';
import { createResolver } from '../../src/pipeline/resolver.ts';
import { catalogOf, concept, paper } from '../helpers/catalog-fixture.ts';

function fixture() {
  const nn = concept('neural-network', { zh: '神经网络', en: 'Neural network' });
  const attention = { ...concept('attention', { zh: '注意力机制', en: 'Attention mechanism' }, { prerequisites: ['neural-network'], papers: ['bahdanau2015'] }),
    notes: { en: { lang: 'en' as const, file: 'src/content/concepts/attention/en.md', frontmatter: { summary: 'Weights over inputs. More detail follows.' }, body: '', bodyLine: 1 } } };
  const bahdanau = paper('bahdanau2015', 2015);
  const vaswani = paper('vaswani2017', 2017, { cites: ['bahdanau2015'], aliases: ['Transformer paper'] });
  const catalog = catalogOf([nn, attention, bahdanau, vaswani]);
  const analyses = new Map<string, NoteAnalysis>([[attention.notes.en.file, { mentions: [vaswani, nn], citations: [vaswani], hasMath: false, diagnostics: [] }]]);
  const { graph } = buildGraph(catalog, analyses, createResolver(catalog).suggest);
  const related: RelatedIndex = { model: 'm', pages: {
    'concept:attention:en': { related: [{ kind: 'paper', id: 'vaswani2017', similarity: 0.61 }] },
    'paper:vaswani2017:en': { related: [{ kind: 'concept', id: 'attention', similarity: 0.63 }] },
    'concept:neural-network:en': { tooShort: true },
  } };
  return { catalog, graph, related };
}

test('nodes carry kind, names, year or topic, degree and a position; edges are typed', () => {
  const { catalog, graph, related } = fixture();
  const data = buildGraphData({ catalog, graph }, related);
  assert.deepEqual(data.nodes.map((n) => n.id).sort(), ['concept:attention', 'concept:neural-network', 'paper:bahdanau2015', 'paper:vaswani2017']);
  const byType: Record<string, number> = {};
  for (const e of data.edges) byType[e.type] = (byType[e.type] ?? 0) + 1;
  // links: the note's [[...]] mentions (vaswani2017, neural-network; the citation is the same pair); uses: the concept's paper.
  assert.deepEqual(byType, { cites: 1, links: 2, prerequisite: 1, related: 1, uses: 1 });
  const related1 = data.edges.find((e) => e.type === 'related')!;
  assert.deepEqual(related1, { source: 'concept:attention', target: 'paper:vaswani2017', type: 'related', similarity: 0.63 });
  const uses = data.edges.find((e) => e.type === 'uses')!;
  assert.deepEqual([uses.source, uses.target], ['paper:bahdanau2015', 'concept:attention'], 'a concept\'s paper is published as the paper using the concept');
  const attention = data.nodes.find((n) => n.id === 'concept:attention')!;
  assert.equal(attention.summary.en, 'Weights over inputs.');
  assert.equal(attention.degree, 3, 'neighbours over explicit edges: neural-network, vaswani2017, bahdanau2015');
  assert.equal(data.nodes.find((n) => n.id === 'paper:vaswani2017')!.year, 2017);
  assert.deepEqual(data.nodes.find((n) => n.id === 'paper:vaswani2017')!.aliases, ['Transformer paper']);
  for (const n of data.nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y), `${n.id} is placed`);
});

test('the same content gives byte-identical graph data', () => {
  const a = fixture();
  const b = fixture();
  assert.equal(JSON.stringify(buildGraphData(a, a.related)), JSON.stringify(buildGraphData(b, b.related)));
});

test('every published citation edge goes back in time', () => {
  const { catalog, graph, related } = fixture();
  const data = buildGraphData({ catalog, graph }, related);
  const year = new Map(data.nodes.map((n) => [n.id, n.year]));
  for (const e of data.edges.filter((x) => x.type === 'cites')) assert.ok(year.get(e.target)! <= year.get(e.source)! + 1);
});

test('a cached layout is the layout: the same data from the cache file, and a new one for other edges', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-layout-'));
  try {
    const file = path.join(dir, 'graph-layout.json');
    const { catalog, graph, related } = fixture();
    const fresh = JSON.stringify(buildGraphData({ catalog, graph }, related));
    assert.equal(JSON.stringify(buildGraphData({ catalog, graph }, related, file)), fresh, 'first run: computed and stored');
    // A stored layout is what comes back (a marker proves it is read, not recomputed).
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; entries: Record<string, Record<string, { x: number; y: number }>> };
    const [key] = Object.keys(stored.entries);
    stored.entries[key!]!['paper:vaswani2017'] = { x: 12345, y: 0 };
    fs.writeFileSync(file, JSON.stringify(stored));
    assert.equal(buildGraphData({ catalog, graph }, related, file).nodes.find((n) => n.id === 'paper:vaswani2017')!.x, 12345);
    // One explicit edge fewer: another key, the layout computed again, as without a cache.
    const fewer = { catalog, graph: { ...graph, edges: graph.edges.filter((e) => e.kind !== 'cites') } };
    assert.equal(JSON.stringify(buildGraphData(fewer, related, file)), JSON.stringify(buildGraphData(fewer, related)));
    assert.equal(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as typeof stored).entries).length, 1, 'only the layout in use is kept');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
