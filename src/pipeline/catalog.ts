/**
 * Loads every content folder into one typed catalog: papers (paper.bib + notes),
 * concepts and resources (meta.yaml + notes). Everything is validated here, and
 * every problem becomes a diagnostic; nothing is thrown for bad content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { erratum, sourceArticle } from '../schemas/source.ts';

type SourceArticle = z.output<typeof sourceArticle>;
type Erratum = z.output<typeof erratum>;
import { conceptMeta, conceptNote, type ConceptMeta } from '../schemas/concept.ts';
import { paperMeta, paperNote, type PaperMeta, type PaperNote } from '../schemas/paper.ts';
import { resourceMeta, resourceNote, type ResourceMeta } from '../schemas/resource.ts';
import { fieldPosition, parseBibFile, type Paper } from './bib.ts';
import { checkPaperFolderFiles } from './safety.ts';
import type { Diagnostic } from './diagnostics.ts';
import { projectPaths, relativeToRoot, type ProjectPaths } from './settings.ts';
import { LANGS, type Lang } from '../shared/locales.ts';
import { parseYamlData, splitFrontmatter } from './yaml-data.ts';
import { loadExplainers, type Explainer } from './explainers.ts';

import type { EntityKind } from '../shared/entity-kinds.ts';
export type { EntityKind };

/** A note (zh.md or en.md) with its validated frontmatter and its Markdown body. */
export interface Note<F> {
  lang: Lang;
  /** Project-relative path. */
  file: string;
  frontmatter: F;
  body: string;
  /** File line where the body starts, to map body positions to the file. */
  bodyLine: number;
}

interface EntityBase<K extends EntityKind> {
  kind: K;
  /** Slug for concepts and resources, BibTeX key for papers. */
  id: string;
  /** Project-relative folder. */
  dir: string;
}
export interface ConceptEntity extends EntityBase<'concept'> {
  meta: ConceptMeta;
  notes: Partial<Record<Lang, Note<z.output<typeof conceptNote>>>>;
}
export interface ResourceEntity extends EntityBase<'resource'> {
  meta: ResourceMeta;
  notes: Partial<Record<Lang, Note<z.output<typeof resourceNote>>>>;
}
export interface PaperEntity extends EntityBase<'paper'> {
  paper: Paper;
  /** papers/<key>/meta.yaml: short names and real citations (empty when the file is absent). */
  meta: PaperMeta;
  notes: Partial<Record<Lang, Note<PaperNote>>>;
}
export type Entity = ConceptEntity | PaperEntity | ResourceEntity;

export interface Catalog {
  paths: ProjectPaths;
  /** The source articles and their errata (src/content/sources/). */
  sources: { articles: SourceArticle[]; errata: Erratum[] };
  concepts: Map<string, ConceptEntity>;
  papers: Map<string, PaperEntity>;
  resources: Map<string, ResourceEntity>;
  /** Explainer articles (MDX, core team): not an entity kind, they link to the concepts they teach. */
  explainers: Map<string, Explainer>;
}

export interface LoadedCatalog {
  catalog: Catalog;
  diagnostics: Diagnostic[];
}

function subfolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
}

function loadNotes<S extends z.ZodType>(
  paths: ProjectPaths,
  dir: string,
  schema: S,
  diagnostics: Diagnostic[],
): Partial<Record<Lang, Note<z.output<S>>>> {
  const notes: Partial<Record<Lang, Note<z.output<S>>>> = {};
  for (const lang of LANGS) {
    const abs = path.join(dir, `${lang}.md`);
    if (!fs.existsSync(abs)) continue;
    const file = relativeToRoot(paths, abs);
    const parts = splitFrontmatter(fs.readFileSync(abs, 'utf8'));
    if (!parts.frontmatter) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'schema/no-frontmatter',
        message: 'missing frontmatter', hint: 'start the file with a --- fenced YAML block with at least `summary:`' });
      continue;
    }
    const parsed = parseYamlData(schema, parts.frontmatter, file, parts.frontmatterLine);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.data !== undefined) notes[lang] = { lang, file, frontmatter: parsed.data, body: parts.body, bodyLine: parts.bodyLine };
  }
  return notes;
}

function checkHasNote(notes: object, dir: string, diagnostics: Diagnostic[]) {
  if (Object.keys(notes).length === 0 && !diagnostics.some((d) => d.file.startsWith(`${dir}/`))) {
    diagnostics.push({ file: `${dir}/zh.md`, line: 1, column: 1, severity: 'error', rule: 'content/no-notes',
      message: `${dir}/ has no zh.md or en.md`, hint: 'add at least one note; the other language falls back to it' });
  }
}

function loadMeta<S extends z.ZodType>(paths: ProjectPaths, dir: string, schema: S, diagnostics: Diagnostic[], placeholders: Record<string, unknown>, optional = false) {
  const abs = path.join(dir, 'meta.yaml');
  const file = relativeToRoot(paths, abs);
  if (!fs.existsSync(abs)) {
    if (optional) return undefined;
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'content/no-meta',
      message: 'missing meta.yaml', hint: 'every concept and resource folder needs a meta.yaml with its names and topic' });
    return undefined;
  }
  const parsed = parseYamlData(schema, fs.readFileSync(abs, 'utf8'), file, 1, placeholders);
  diagnostics.push(...parsed.diagnostics);
  return parsed.data;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function loadCatalog(paths: ProjectPaths = projectPaths()): LoadedCatalog {
  const diagnostics: Diagnostic[] = [];
  const catalog: Catalog = { paths, sources: { articles: [], errata: [] }, concepts: new Map(), papers: new Map(), resources: new Map(), explainers: new Map() };

  for (const key of subfolders(paths.papersDir)) {
    const dirAbs = path.join(paths.papersDir, key);
    const dir = relativeToRoot(paths, dirAbs);
    const bibAbs = path.join(dirAbs, 'paper.bib');
    // /<lang>/papers/<n>/ are the paper list's pages (src/data/paper-list-pages.ts).
    if (/^\d+$/.test(key)) {
      diagnostics.push({ file: `${dir}/paper.bib`, line: 1, column: 1, severity: 'error', rule: 'content/numeric-paper-key',
        message: `paper folder "${key}" is only digits: its page address would be a page of the paper list`, hint: `name the folder and the BibTeX key like author+year+word, e.g. smith${key}example` });
      continue;
    }
    if (!fs.existsSync(bibAbs)) {
      diagnostics.push({ file: `${dir}/paper.bib`, line: 1, column: 1, severity: 'error', rule: 'content/no-bib',
        message: 'missing paper.bib', hint: `scaffold the folder with: npm run new:paper -- path/to/${key}.bib` });
      continue;
    }
    diagnostics.push(...checkPaperFolderFiles(paths.root, dir));
    const bib = parseBibFile(fs.readFileSync(bibAbs, 'utf8'), `${dir}/paper.bib`, key);
    diagnostics.push(...bib.diagnostics);
    const notes = loadNotes(paths, dirAbs, paperNote, diagnostics);
    checkHasNote(notes, dir, diagnostics);
    // A broken paper.bib still registers the key, so links to the paper do not
    // each report a second error; the BibTeX error alone fails the build.
    const paper = bib.paper ?? standInPaper(key, fs.readFileSync(bibAbs, 'utf8'));
    const meta = loadMeta(paths, dirAbs, paperMeta, diagnostics, {}, true) ?? paperMeta.parse({});
    catalog.papers.set(key, { kind: 'paper', id: key, dir, paper, meta, notes });
  }

  diagnostics.push(...duplicateIdentifiers([...catalog.papers.values()]));

  const loadSlugged = <K extends 'concept' | 'resource'>(kind: K, root: string, metaSchema: z.ZodType, noteSchema: z.ZodType, required: Record<string, unknown>) => {
    const out: Array<{ id: string; dir: string; meta: unknown; notes: Partial<Record<Lang, Note<unknown>>> }> = [];
    for (const id of subfolders(root)) {
      const dirAbs = path.join(root, id);
      const dir = relativeToRoot(paths, dirAbs);
      if (!SLUG.test(id)) {
        diagnostics.push({ file: `${dir}/meta.yaml`, line: 1, column: 1, severity: 'error', rule: 'content/bad-slug',
          message: `folder name "${id}" is not a slug`, hint: 'use lower-case letters, digits and hyphens, e.g. gradient-descent' });
        continue;
      }
      const meta = loadMeta(paths, dirAbs, metaSchema, diagnostics, { name: { zh: id, en: id }, ...required });
      const notes = loadNotes(paths, dirAbs, noteSchema, diagnostics);
      checkHasNote(notes, dir, diagnostics);
      if (meta !== undefined) out.push({ id, dir, meta, notes });
    }
    return out.map((e) => ({ kind, ...e }));
  };
  for (const e of loadSlugged('concept', paths.conceptsDir, conceptMeta, conceptNote, { topic: 'foundations' })) {
    catalog.concepts.set(e.id, e as ConceptEntity);
  }
  for (const e of loadSlugged('resource', paths.resourcesDir, resourceMeta, resourceNote, { kind: 'tool' })) {
    catalog.resources.set(e.id, e as ResourceEntity);
  }
  catalog.sources = loadSources(paths, diagnostics);
  catalog.explainers = loadExplainers(paths, new Set(catalog.concepts.keys()), diagnostics);
  return { catalog, diagnostics };
}

function loadSources(paths: ProjectPaths, diagnostics: Diagnostic[]): Catalog['sources'] {
  const read = <S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined => {
    const abs = path.join(paths.sourcesDir, name);
    if (!fs.existsSync(abs)) return undefined;
    const parsed = parseYamlData(schema, fs.readFileSync(abs, 'utf8'), relativeToRoot(paths, abs), 1);
    diagnostics.push(...parsed.diagnostics);
    return parsed.data;
  };
  const articles = read('articles.yaml', z.array(sourceArticle)) ?? [];
  const errata = read('errata.yaml', z.array(erratum)) ?? [];
  const known = new Set(articles.map((a) => a.id));
  errata.forEach((e, i) => {
    if (!known.has(e.article)) {
      diagnostics.push({ file: relativeToRoot(paths, path.join(paths.sourcesDir, 'errata.yaml')), line: 1, column: 1, severity: 'error',
        rule: 'sources/unknown-article', message: `erratum ${i + 1} names unknown article "${e.article}"`, hint: `use an id from articles.yaml: ${[...known].join(', ')}` });
    }
  });
  return { articles, errata };
}

function standInPaper(key: string, bibtex: string): Paper {
  return { key, entryType: 'misc', title: key, authors: [], etAl: false, year: 0, fields: {}, csl: { id: key, type: 'document' }, bibtex };
}

/** Two folders for one work: the same DOI, arXiv id or ISBN in two paper.bib files. */
function duplicateIdentifiers(papers: PaperEntity[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fields = [['doi', 'DOI'], ['arxiv', 'arXiv id'], ['isbn', 'ISBN']] as const;
  for (const [field, label] of fields) {
    const seen = new Map<string, PaperEntity>();
    for (const p of papers) {
      const value = p.paper[field]?.toLowerCase();
      if (!value) continue;
      const first = seen.get(value);
      if (!first) {
        seen.set(value, p);
        continue;
      }
      const pos = fieldPosition(p.paper.bibtex, field === 'arxiv' ? 'eprint' : field);
      out.push({ file: `${p.dir}/paper.bib`, ...pos, severity: 'error', rule: 'bib/duplicate',
        message: `${label} ${p.paper[field]} is already used by ${first.dir}/paper.bib`,
        hint: 'one work, one folder: merge the two papers or fix the identifier' });
    }
  }
  return out;
}

/** The catalog's map for a kind. */
export function entitiesOf<K extends EntityKind>(catalog: Catalog, kind: K): Map<string, Extract<Entity, { kind: K }>> {
  const maps = { concept: catalog.concepts, paper: catalog.papers, resource: catalog.resources } satisfies { [Kind in EntityKind]: Map<string, Extract<Entity, { kind: Kind }>> };
  return maps[kind] as Map<string, Extract<Entity, { kind: K }>>;
}

export function findEntity(catalog: Catalog, kind: EntityKind, id: string): Entity | undefined {
  return entitiesOf(catalog, kind).get(id);
}

export function allEntities(catalog: Catalog): Entity[] {
  return [...catalog.concepts.values(), ...catalog.papers.values(), ...catalog.resources.values()];
}

/** The entity's display name in a language (papers show their title). */
export function entityName(entity: Entity, lang: Lang): string {
  return entity.kind === 'paper' ? entity.paper.title : entity.meta.name[lang];
}
