/**
 * What the graph views compute from /graph.json, without the DOM: which nodes and edges a set
 * of filters keeps, which node a typed query means, and a node's neighbourhood. Unit-tested in
 * Node; the islands only draw the result.
 */
import type { EntityKind } from '../entity-kinds.ts';
import type { Lang } from '../locales.ts';
import type { EdgeType, GraphData, GraphEdge, GraphNode } from './types.ts';

export interface GraphFilters {
  edgeTypes: ReadonlySet<EdgeType>;
  kinds: ReadonlySet<EntityKind>;
  /** Inclusive year range; nodes without a year (concepts, resources) always pass. */
  years?: { from: number; to: number };
  /** Topic (concepts) or resource kind; undefined keeps every topic. Papers always pass. */
  topic?: string;
}

export function nodeVisible(node: GraphNode, filters: GraphFilters): boolean {
  if (!filters.kinds.has(node.kind)) return false;
  if (filters.years && node.year !== undefined && (node.year < filters.years.from || node.year > filters.years.to)) return false;
  if (filters.topic && node.kind !== 'paper' && node.topic !== filters.topic) return false;
  return true;
}

export function edgeVisible(edge: GraphEdge, filters: GraphFilters, visibleNodes: ReadonlySet<string>): boolean {
  return filters.edgeTypes.has(edge.type) && visibleNodes.has(edge.source) && visibleNodes.has(edge.target);
}

/** The ids of the nodes and the edges the filters keep. */
export function applyFilters(data: GraphData, filters: GraphFilters): { nodes: Set<string>; edges: GraphEdge[] } {
  const nodes = new Set(data.nodes.filter((n) => nodeVisible(n, filters)).map((n) => n.id));
  return { nodes, edges: data.edges.filter((e) => edgeVisible(e, filters, nodes)) };
}

/** Case, width and spacing do not matter when a reader types a name. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/**
 * The node a typed query means: an exact name or alias first, then a name that starts with the
 * query, then one that contains it; shorter names and higher degree win ties ("attention" ->
 * the attention mechanism, not every page with attention in its title).
 */
export function findNode(nodes: readonly GraphNode[], query: string, lang: Lang): GraphNode | undefined {
  const q = normalize(query);
  if (!q) return undefined;
  let best: { node: GraphNode; rank: number; length: number } | undefined;
  for (const node of nodes) {
    const names = [node.name[lang], node.name[lang === 'zh' ? 'en' : 'zh'], ...node.aliases, node.id.slice(node.id.indexOf(':') + 1)];
    for (const raw of names) {
      const name = normalize(raw);
      const rank = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : -1;
      if (rank < 0) continue;
      const better = !best || rank < best.rank || (rank === best.rank && (name.length < best.length || (name.length === best.length && node.degree > best.node.degree)));
      if (better) best = { node, rank, length: name.length };
    }
  }
  return best?.node;
}

/** Node ids within `hops` steps of `id` over the given edges (the node itself included), with their distance. */
export function neighbourhood(edges: readonly GraphEdge[], id: string, hops: 1 | 2): Map<string, number> {
  const adjacent = new Map<string, Set<string>>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, new Set()).get(e.source)!).add(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, new Set()).get(e.target)!).add(e.source);
  }
  const distance = new Map([[id, 0]]);
  let frontier = [id];
  for (let step = 1; step <= hops; step++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adjacent.get(n) ?? []) {
        if (!distance.has(m)) {
          distance.set(m, step);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * Positions for a neighbourhood view: the node in the centre, distance-1 nodes on an inner ring
 * and distance-2 nodes on an outer ring, grouped by kind and sorted by name so the picture is
 * stable between visits. `aspect` (width / height of the drawing) stretches the rings into
 * ellipses that fill a wide or tall box, so labels have room.
 */
export function radialLayout(nodes: readonly GraphNode[], distance: ReadonlyMap<string, number>, aspect = 1): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const ring of [0, 1, 2]) {
    const members = nodes.filter((n) => distance.get(n.id) === ring).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.en.localeCompare(b.name.en));
    members.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(members.length, 1) + ring * 0.3;
      out.set(n.id, ring === 0 ? { x: 0, y: 0 } : { x: Math.cos(angle) * ring * 10 * aspect, y: Math.sin(angle) * ring * 10 });
    });
  }
  return out;
}
