/** The shared adjacency (src/data/graph-neighbours.ts) gives what neighbourhood() gives per page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explicitNeighbours } from '../../src/data/graph-neighbours.ts';
import { neighbourhood } from '../../src/shared/graph/query.ts';
import type { GraphData } from '../../src/shared/graph/types.ts';
import { seededRandom } from '../../src/shared/random.ts';

test('explicit neighbours equal neighbourhood(non-related edges, node, 1), in the same order', () => {
  const random = seededRandom(7);
  const ids = Array.from({ length: 60 }, (_, i) => `${i % 3 ? 'concept' : 'paper'}:n${i}`);
  const types = ['cites', 'links', 'related', 'prerequisite', 'uses'];
  const edges = Array.from({ length: 240 }, () => ({
    source: ids[Math.floor(random() * ids.length)]!,
    target: ids[Math.floor(random() * ids.length)]!,
    type: types[Math.floor(random() * types.length)]!,
  }));
  const data = { nodes: [], edges } as unknown as GraphData;
  const explicit = edges.filter((e) => e.type !== 'related') as unknown as GraphData['edges'];
  for (const id of [...ids, 'paper:absent']) {
    const expected = [...neighbourhood(explicit, id, 1)].filter(([n, d]) => d === 1 && n !== id).map(([n]) => n);
    assert.deepEqual(explicitNeighbours(id, data), expected, id);
  }
  assert.ok(ids.some((id) => explicitNeighbours(id, data).length > 2), 'the graph is not trivially sparse');
});
