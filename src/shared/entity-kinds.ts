/**
 * The entity kinds of the knowledge base, one entry each: where their pages live, how the UI
 * names them, where their content folders are, and how the graph and search treat them.
 * URLs, the catalog, routes, fusion, related topics and labels all read this table, so a new
 * kind starts here (see CONTRIBUTING.md, "Adding an entity kind"). Runs in Node and the browser.
 */
export interface EntityKindInfo {
  /** URL section: /zh/<section>/<id>/. */
  section: string;
  /** Content folder, relative to the project root; one sub-folder per entity. */
  contentDir: string;
  /** Metadata file in each folder: paper.bib for papers, meta.yaml for the others. */
  metaFile: 'paper.bib' | 'meta.yaml';
  /** Graph node colour (light and dark themes both read it on their own background). */
  color: string;
  /** Rank of the kind in grouped lists (related topics, search filters). */
  order: number;
}

export const ENTITY_KINDS = {
  concept: { section: 'concepts', contentDir: 'src/content/concepts', metaFile: 'meta.yaml', color: '#2f6fb0', order: 0 },
  paper: { section: 'papers', contentDir: 'papers', metaFile: 'paper.bib', color: '#b3541e', order: 1 },
  resource: { section: 'resources', contentDir: 'src/content/resources', metaFile: 'meta.yaml', color: '#2e7d4f', order: 2 },
} as const satisfies Record<string, EntityKindInfo>;

export type EntityKind = keyof typeof ENTITY_KINDS;

/** Every kind, in display order. */
export const ENTITY_KIND_LIST = (Object.keys(ENTITY_KINDS) as EntityKind[]).sort((a, b) => ENTITY_KINDS[a].order - ENTITY_KINDS[b].order);

export function isEntityKind(value: string): value is EntityKind {
  return Object.hasOwn(ENTITY_KINDS, value);
}

/** The kind whose pages live under a URL section ("papers" -> "paper"). */
export function kindOfSection(section: string): EntityKind | undefined {
  return ENTITY_KIND_LIST.find((kind) => ENTITY_KINDS[kind].section === section);
}

/** `paper:he2016resnet`: the id a page has in the graph, the search index and related topics. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}
