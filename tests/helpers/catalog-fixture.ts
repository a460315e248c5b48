/**
 * A small in-memory catalog for unit tests of the stages after loading (resolver, graph,
 * learning path): no files are read, so the tests run in milliseconds.
 */
import type { Catalog, ConceptEntity, PaperEntity, ResourceEntity } from '../../src/pipeline/catalog.ts';
import type { Paper } from '../../src/pipeline/bib.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';

export function concept(id: string, names: { zh: string; en: string }, extra: Partial<ConceptEntity['meta']> = {}): ConceptEntity {
  return {
    kind: 'concept', id, dir: `src/content/concepts/${id}`, notes: {},
    meta: { name: names, aliases: [], topic: 'foundations', prerequisites: [], papers: [], ...extra },
  };
}

export function paper(id: string, year: number, extra: { aliases?: string[]; cites?: string[]; title?: string } = {}): PaperEntity {
  const record: Paper = { key: id, entryType: 'article', title: extra.title ?? `Paper ${id}`, authors: [{ family: 'Doe', given: 'J.' }], etAl: false, year, fields: {}, csl: { id, type: 'article-journal' }, bibtex: '' };
  return { kind: 'paper', id, dir: `papers/${id}`, paper: record, meta: { aliases: extra.aliases ?? [], cites: extra.cites ?? [] }, notes: {} };
}

export function resource(id: string, names: { zh: string; en: string }): ResourceEntity {
  return { kind: 'resource', id, dir: `src/content/resources/${id}`, notes: {}, meta: { name: names, aliases: [], kind: 'tool', concepts: [], papers: [] } };
}

/** A catalog of the given entities, rooted in a folder that does not exist (positions fall back to 1:1). */
export function catalogOf(entities: Array<ConceptEntity | PaperEntity | ResourceEntity>): Catalog {
  const catalog: Catalog = { paths: projectPaths('/nonexistent-deepatlas-fixture'), sources: { articles: [], errata: [] }, concepts: new Map(), papers: new Map(), resources: new Map(), explainers: new Map() };
  for (const e of entities) {
    if (e.kind === 'concept') catalog.concepts.set(e.id, e);
    else if (e.kind === 'paper') catalog.papers.set(e.id, e);
    else catalog.resources.set(e.id, e);
  }
  return catalog;
}
