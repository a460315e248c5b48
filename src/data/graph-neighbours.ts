/**
 * A page's direct neighbours over the explicit edges of the published graph (every edge but
 * "related"). The local-graph section of each page used to filter all edges and build an
 * adjacency map per page: quadratic in pages (8 s of a 1,000-paper build, minutes at 10,000).
 * The adjacency is built once per graph and shared; neighbours come out in the order
 * `neighbourhood(edges, node, 1)` gives them (edge order), so the HTML is unchanged.
 */
import type { GraphData } from '../shared/graph/types.ts';
import { getGraphData } from './graph.ts';

const adjacencyOf = new WeakMap<GraphData, Map<string, Set<string>>>();

function adjacency(data: GraphData): Map<string, Set<string>> {
  let adjacent = adjacencyOf.get(data);
  if (adjacent) return adjacent;
  adjacent = new Map();
  const add = (from: string, to: string) => {
    let set = adjacent!.get(from);
    if (!set) adjacent!.set(from, (set = new Set()));
    set.add(to);
  };
  for (const e of data.edges) {
    if (e.type === 'related') continue;
    add(e.source, e.target);
    add(e.target, e.source);
  }
  adjacencyOf.set(data, adjacent);
  return adjacent;
}

/** Node ids one explicit edge away from `node` (the node itself excluded). */
export function explicitNeighbours(node: string, data: GraphData = getGraphData()): string[] {
  return [...(adjacency(data).get(node) ?? [])].filter((n) => n !== node);
}
