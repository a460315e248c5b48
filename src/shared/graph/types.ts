/**
 * The knowledge graph as published at /graph.json: the contract between the build stage that
 * writes it (src/pipeline/graph-data.ts) and the graph islands that read it, and for anyone who
 * reuses the file. Runs in Node and the browser.
 */
import type { EntityKind } from '../entity-kinds.ts';

/**
 * - cites: a paper's own reference list (papers/<key>/meta.yaml `cites`), always back in time;
 * - links: a [[...]] link or [@...] citation in a page's notes;
 * - prerequisite: concept -> concept it builds on (concept meta.yaml);
 * - related: semantic similarity of the pages' embeddings (undirected, `similarity` in [0, 1]);
 * - uses: paper or resource -> concept or paper it uses or describes (frontmatter).
 */
export const EDGE_TYPES = ['cites', 'links', 'prerequisite', 'related', 'uses'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export interface GraphNode {
  /** `paper:he2016resnet`, `concept:attention-mechanism`, `resource:pytorch`. */
  id: string;
  kind: EntityKind;
  name: { zh: string; en: string };
  /** Short names and aliases, both languages (what type-to-focus matches). */
  aliases: string[];
  /** First sentence of the summary, per language. */
  summary: { zh: string; en: string };
  /** Publication year (papers). */
  year?: number;
  /** Topic area (concepts) or resource kind (resources). */
  topic?: string;
  /** Number of distinct neighbours over the explicit edges (all types but related). */
  degree: number;
  /** Position from the build-time layout (ForceAtlas2), in layout units. */
  x: number;
  y: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: EdgeType;
  /** Cosine similarity, for related edges. */
  similarity?: number;
}

export interface GraphData {
  /** Bumped when the shape changes incompatibly. */
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
