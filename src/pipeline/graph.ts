/**
 * The knowledge graph: typed edges between pages, from frontmatter relations
 * (prerequisites, papers, concepts) and from links and citations in the notes.
 * Pages render backlinks ("mentioned in") and relations from it.
 */
import type { NoteAnalysis } from './analyze.ts';
import type { Catalog, Entity } from './catalog.ts';
import { escapeRegExp, locateInFile, type Diagnostic } from './diagnostics.ts';
import type { Lang } from '../shared/locales.ts';

/**
 * prerequisite: concept -> concept it builds on; paper / concept: frontmatter relations;
 * mention / citation: [[...]] and [@...] in a note; cites: a paper's own reference list (papers/<key>/meta.yaml).
 */
export type EdgeKind = 'prerequisite' | 'paper' | 'concept' | 'mention' | 'citation' | 'cites';

export interface Edge {
  from: Entity;
  to: Entity;
  kind: EdgeKind;
  /** The note the edge came from, for mentions and citations. */
  lang?: Lang;
}

export interface Graph {
  edges: Edge[];
  /** Entities that point at the key's entity, each once, in catalog order. */
  backlinks(entity: Entity): Entity[];
  outgoing(entity: Entity, kind: EdgeKind): Entity[];
  incoming(entity: Entity, kind: EdgeKind): Entity[];
}

export function entityKey(e: Pick<Entity, 'kind' | 'id'>): string {
  return `${e.kind}:${e.id}`;
}

/** Where a related id is written (a `- value` or `[value, ...]` list item), for relation errors. */
function locateValue(root: string, file: string, value: string): { line: number; column: number } {
  return locateInFile(root, file, new RegExp(`(?<=^|[\\s\\[,'"-])${escapeRegExp(value)}(?=$|[\\s\\],'"])`));
}

export interface GraphResult {
  graph: Graph;
  diagnostics: Diagnostic[];
}

export function buildGraph(catalog: Catalog, analyses: Map<string, NoteAnalysis>, suggest: (target: string, kind: Entity['kind']) => string | undefined): GraphResult {
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  const relate = (from: Entity, file: string, ids: string[], kind: 'prerequisite' | 'paper' | 'concept' | 'cites') => {
    const targets = kind === 'paper' || kind === 'cites' ? catalog.papers : catalog.concepts;
    const targetKind = kind === 'paper' || kind === 'cites' ? 'paper' : 'concept';
    for (const id of ids) {
      const to = targets.get(id);
      if (to) {
        if (to === from) {
          diagnostics.push({ file, ...locateValue(catalog.paths.root, file, id), severity: 'error', rule: 'relation/self',
            message: `"${id}" lists itself as a ${kind}` });
        } else if (kind === 'cites' && from.kind === 'paper' && to.kind === 'paper' && from.paper.year > 0 && to.paper.year > from.paper.year + 1) {
          // year 0 is the stand-in for a paper.bib that failed to parse: that error is already reported
          diagnostics.push({ file, ...locateValue(catalog.paths.root, file, id), severity: 'error', rule: 'relation/anachronism',
            message: `${from.id} (${from.paper.year}) cannot cite ${id} (${to.paper.year}): it was published ${to.paper.year - from.paper.year} years later`,
            hint: 'cites lists only the papers in the paper\'s own reference list; remove this key' });
        } else edges.push({ from, to, kind });
        continue;
      }
      const guess = suggest(id, targetKind);
      diagnostics.push({ file, ...locateValue(catalog.paths.root, file, id), severity: 'error', rule: 'relation/unknown',
        message: `unknown ${targetKind} "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        hint: targetKind === 'paper' ? 'use a folder name under papers/' : 'use a folder name under src/content/concepts/' });
    }
  };

  for (const c of catalog.concepts.values()) {
    relate(c, `${c.dir}/meta.yaml`, c.meta.prerequisites, 'prerequisite');
    relate(c, `${c.dir}/meta.yaml`, c.meta.papers, 'paper');
  }
  for (const r of catalog.resources.values()) {
    relate(r, `${r.dir}/meta.yaml`, r.meta.concepts, 'concept');
    relate(r, `${r.dir}/meta.yaml`, r.meta.papers, 'paper');
  }
  for (const p of catalog.papers.values()) {
    for (const note of Object.values(p.notes)) relate(p, note.file, note.frontmatter.concepts, 'concept');
    relate(p, `${p.dir}/meta.yaml`, p.meta.cites, 'cites');
  }
  for (const entity of [...catalog.concepts.values(), ...catalog.papers.values(), ...catalog.resources.values()]) {
    for (const note of Object.values(entity.notes)) {
      const analysis = analyses.get(note.file);
      if (!analysis) continue;
      for (const to of analysis.mentions) if (to !== entity) edges.push({ from: entity, to, kind: 'mention', lang: note.lang });
      for (const to of analysis.citations) if (to !== entity) edges.push({ from: entity, to, kind: 'citation', lang: note.lang });
    }
  }

  const incomingIndex = new Map<string, Edge[]>();
  const outgoingIndex = new Map<string, Edge[]>();
  for (const e of edges) {
    const inKey = entityKey(e.to);
    const outKey = entityKey(e.from);
    incomingIndex.set(inKey, [...(incomingIndex.get(inKey) ?? []), e]);
    outgoingIndex.set(outKey, [...(outgoingIndex.get(outKey) ?? []), e]);
  }
  const unique = (list: Entity[]) => [...new Set(list)];
  const graph: Graph = {
    edges,
    backlinks: (entity) => unique((incomingIndex.get(entityKey(entity)) ?? []).map((e) => e.from)),
    outgoing: (entity, kind) => unique((outgoingIndex.get(entityKey(entity)) ?? []).filter((e) => e.kind === kind).map((e) => e.to)),
    incoming: (entity, kind) => unique((incomingIndex.get(entityKey(entity)) ?? []).filter((e) => e.kind === kind).map((e) => e.from)),
  };
  return { graph, diagnostics };
}
