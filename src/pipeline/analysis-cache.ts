/**
 * Note analyses kept between builds (.cache/site/analyses.json). Parsing the Markdown and
 * validating the formulas of every note was most of the content check (3 s of a real-site
 * rebuild, 53 s at 10,000 papers), yet an edit changes one note. An analysis is reused when
 * nothing it depends on changed: the note's text and place, every entity's id and names
 * (links resolve and suggest through them), the pipeline's source and the Markdown and KaTeX
 * versions; and the files it checked for (images) still exist or not as they did.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NoteAnalysis } from './analyze.ts';
import { packageVersions, sourceHash } from './cache-key.ts';
import { allEntities, findEntity, type Catalog, type Entity, type EntityKind } from './catalog.ts';
import type { Diagnostic } from './diagnostics.ts';
import { JsonCache } from './json-cache.ts';

/** Bump when an entry's shape or the key's meaning changes. */
const CACHE_VERSION = 1;
const PACKAGES = ['remark-parse', 'remark-gfm', 'remark-math', 'katex'];

interface Entry {
  mentions: string[];
  citations: string[];
  hasMath: boolean;
  diagnostics: Diagnostic[];
  /** Files the analysis looked for, project-relative, and whether each existed. */
  files: Array<[string, boolean]>;
}

export type Exists = (projectPath: string) => boolean;

const ref = (e: Entity) => `${e.kind}:${e.id}`;

/** Everything outside a note that its analysis depends on. */
function siteKey(catalog: Catalog): string {
  const root = catalog.paths.root;
  const hash = createHash('sha256').update(`v${CACHE_VERSION}\n${packageVersions(root, PACKAGES)}\n${sourceHash(root)}\n`);
  for (const e of allEntities(catalog)) {
    const names = e.kind === 'paper' ? e.meta.aliases : [e.meta.name.zh, e.meta.name.en, ...e.meta.aliases];
    hash.update(`${ref(e)}\u0000${names.join('\u0001')}\u0000`);
  }
  return hash.digest('hex');
}

export class AnalysisCache {
  readonly stats = { reused: 0, analysed: 0 };
  private readonly entries: JsonCache<Entry>;
  private readonly checks: JsonCache<Diagnostic[]>;
  private readonly key: string;
  private readonly catalog: Catalog;

  /** `file` (e.g. .cache/site/analyses.json) also names a sibling file for the other checks. */
  constructor(catalog: Catalog, file: string | undefined) {
    this.catalog = catalog;
    this.key = siteKey(catalog);
    this.entries = new JsonCache(file, `analyses-${CACHE_VERSION}`);
    this.checks = new JsonCache(file?.replace(/\.json$/, '-checks.json'), `checks-${CACHE_VERSION}`);
  }

  /**
   * Another check of one file that depends only on its text and the pipeline (the key
   * equations in a paper note's frontmatter: KaTeX validation was 0.6 s of a rebuild).
   */
  check(name: string, file: string, text: string, run: () => Diagnostic[]): Diagnostic[] {
    const key = createHash('sha256').update(`${this.key}\n${name}\n${file}\n`).update(text).digest('hex');
    const hit = this.checks.get(key);
    if (hit) return hit.map((d) => ({ ...d }));
    const diagnostics = run();
    this.checks.set(key, diagnostics.map((d) => ({ ...d })));
    return diagnostics;
  }

  /** The note's analysis, from the cache or from `analyse` (given an `exists` that records its lookups). */
  analyse(note: { file: string; bodyLine: number; body: string }, analyse: (exists: Exists) => NoteAnalysis): NoteAnalysis {
    const key = createHash('sha256').update(`${this.key}\n${note.file}\n${note.bodyLine}\n`).update(note.body).digest('hex');
    const root = this.catalog.paths.root;
    const hit = this.entries.get(key);
    if (hit && hit.files.every(([f, existed]) => fs.existsSync(path.join(root, f)) === existed)) {
      const entities = (refs: string[]) => refs.map((r) => this.entity(r)).filter((e): e is Entity => e !== undefined);
      const mentions = entities(hit.mentions);
      const citations = entities(hit.citations);
      if (mentions.length === hit.mentions.length && citations.length === hit.citations.length) {
        this.stats.reused++;
        return { mentions, citations, hasMath: hit.hasMath, diagnostics: hit.diagnostics.map((d) => ({ ...d })) };
      }
    }
    const files: Array<[string, boolean]> = [];
    const analysis = analyse((projectPath) => {
      const found = fs.existsSync(path.join(root, projectPath));
      files.push([projectPath, found]);
      return found;
    });
    this.entries.set(key, { mentions: analysis.mentions.map(ref), citations: analysis.citations.map(ref), hasMath: analysis.hasMath, diagnostics: analysis.diagnostics.map((d) => ({ ...d })), files });
    this.stats.analysed++;
    return analysis;
  }

  save() {
    this.entries.save();
    this.checks.save();
  }

  private entity(r: string): Entity | undefined {
    const colon = r.indexOf(':');
    return findEntity(this.catalog, r.slice(0, colon) as EntityKind, r.slice(colon + 1));
  }
}
