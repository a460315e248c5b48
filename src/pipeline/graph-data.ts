/**
 * The graph stage: the knowledge base as typed nodes and edges (src/shared/graph/types.ts),
 * laid out at build time so readers' browsers never run a layout. Deterministic: the same
 * content gives byte-identical /graph.json.
 */
import { createHash } from 'node:crypto';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { packageVersions, sourceHash } from './cache-key.ts';
import { JsonCache } from './json-cache.ts';
import type { Edge } from './graph.ts';
import type { Site } from './site.ts';
import { allEntities, entityName, type Entity } from './catalog.ts';
import type { RelatedIndex } from './embed/related.ts';
import { entityKey } from '../shared/entity-kinds.ts';
import type { EdgeType, GraphData, GraphEdge, GraphNode } from '../shared/graph/types.ts';

/** The pipeline's edge kinds as published edge types; backlinks-only kinds are merged into links. */
const EDGE_TYPE: Record<Edge['kind'], EdgeType> = {
  cites: 'cites',
  prerequisite: 'prerequisite',
  mention: 'links',
  citation: 'links',
  concept: 'uses',
  paper: 'uses',
};

function firstSentence(text: string | undefined, max: number): string {
  if (!text) return '';
  const sentence = /^.+?[。.!?！？](?=\s|$)/u.exec(text)?.[0] ?? text;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

function nodeOf(entity: Entity): Omit<GraphNode, 'degree' | 'x' | 'y'> {
  // Chinese packs about twice the meaning per character: half the length for the same line.
  const summary = (lang: 'zh' | 'en') => firstSentence((entity.notes[lang] ?? Object.values(entity.notes)[0])?.frontmatter.summary, lang === 'zh' ? 60 : 120);
  const base = {
    id: entityKey(entity.kind, entity.id),
    kind: entity.kind,
    name: { zh: entityName(entity, 'zh'), en: entityName(entity, 'en') },
    aliases: [...entity.meta.aliases],
    summary: { zh: summary('zh'), en: summary('en') },
  };
  if (entity.kind === 'paper') return { ...base, year: entity.paper.year };
  if (entity.kind === 'concept') return { ...base, topic: entity.meta.topic };
  return { ...base, topic: entity.meta.kind };
}

/** Edges of the pipeline's graph plus related topics, one per (source, target, type). */
function publishedEdges(site: Pick<Site, 'graph'>, related: RelatedIndex | undefined): GraphEdge[] {
  const seen = new Map<string, GraphEdge>();
  const add = (edge: GraphEdge) => {
    const key = `${edge.type} ${edge.source} ${edge.target}`;
    const existing = seen.get(key);
    if (!existing) seen.set(key, edge);
    else if (edge.similarity !== undefined && edge.similarity > (existing.similarity ?? 0)) existing.similarity = edge.similarity;
  };
  for (const e of site.graph.edges) {
    const type = EDGE_TYPE[e.kind];
    // A concept's "papers" point at the paper that introduced it: published as that paper using the concept.
    const [from, to] = e.kind === 'paper' && e.from.kind === 'concept' ? [e.to, e.from] : [e.from, e.to];
    add({ source: entityKey(from.kind, from.id), target: entityKey(to.kind, to.id), type });
  }
  for (const [pageId, entry] of Object.entries(related?.pages ?? {})) {
    if (!('related' in entry)) continue;
    const source = pageId.slice(0, pageId.lastIndexOf(':'));
    for (const r of entry.related) {
      const target = entityKey(r.kind, r.id);
      // Undirected: store each pair once, in a fixed order, with the larger similarity of the two languages.
      const [a, b] = source < target ? [source, target] : [target, source];
      add({ source: a, target: b, type: 'related', similarity: r.similarity });
    }
  }
  return [...seen.values()].sort((a, b) => a.type.localeCompare(b.type) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}

/** A deterministic pseudo-random start position from the node id (FNV-1a), so layouts repeat exactly. */
function seededPosition(id: string): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 3600) / 3600 * 2 * Math.PI;
  const radius = 10 + (((h >>> 12) % 1000) / 1000) * 90;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

type Positions = Record<string, { x: number; y: number }>;

/**
 * ForceAtlas2 over the explicit edges (related edges would pull everything into one ball).
 * With a cache file, a layout of the same nodes, sizes and edges (what an edited sentence
 * leaves alone) is read back instead of iterated again (~0.2 s of every rebuild of the real site).
 */
function layout(nodes: Array<Omit<GraphNode, 'x' | 'y'>>, edges: GraphEdge[], cacheIn?: { file: string; root: string }): Map<string, { x: number; y: number }> {
  const g = new Graph({ type: 'undirected', multi: false });
  for (const n of nodes) g.addNode(n.id, { ...seededPosition(n.id), size: 1 + Math.sqrt(n.degree) });
  for (const e of edges) if (e.type !== 'related' && e.source !== e.target && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 2000, adjustSizes: false };
  const iterations = g.order > 5000 ? 40 : g.order > 1000 ? 150 : 400;
  const cache = cacheIn ? new JsonCache<Positions>(cacheIn.file, '1') : undefined;
  // Everything the layout reads, in the order it reads it (nodes with their start and size, edges,
  // options), the packages that compute it and the pipeline's source (this function's rounding).
  const key = cacheIn && createHash('sha256')
    .update(`${packageVersions(cacheIn.root, ['graphology', 'graphology-layout-forceatlas2'])}\n${sourceHash(cacheIn.root)}\n`)
    .update(JSON.stringify([g.mapNodes((id, attributes) => [id, attributes]), g.mapEdges((_edge, _attributes, source, target) => [source, target]), iterations, settings]))
    .digest('hex');
  let positions = key ? cache!.get(key) : undefined;
  if (!positions) {
    const round = (v: number) => Math.round(v * 100) / 100;
    const raw = forceAtlas2(g, { iterations, settings }) as Positions;
    positions = Object.fromEntries(Object.entries(raw).map(([id, p]) => [id, { x: round(p.x), y: round(p.y) }]));
  }
  if (key) {
    cache!.set(key, positions);
    cache!.save();
  }
  return new Map(Object.entries(positions));
}

/** `layoutCache`: a JSON file for the layout (see layout); none in tests and the check. */
export function buildGraphData(site: Pick<Site, 'catalog' | 'graph'>, related?: RelatedIndex, layoutCache?: string): GraphData {
  const edges = publishedEdges(site, related);
  const neighbours = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.type === 'related') continue;
    (neighbours.get(e.source) ?? neighbours.set(e.source, new Set()).get(e.source)!).add(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, new Set()).get(e.target)!).add(e.source);
  }
  const unplaced = allEntities(site.catalog).map((entity) => {
    const node = nodeOf(entity);
    return { ...node, degree: neighbours.get(node.id)?.size ?? 0 };
  });
  const positions = layout(unplaced, edges, layoutCache ? { file: layoutCache, root: site.catalog.paths.root } : undefined);
  const nodes = unplaced.map((n) => ({ ...n, ...positions.get(n.id)! }));
  return { version: 1, nodes, edges };
}
