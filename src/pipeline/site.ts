/**
 * The whole content pipeline, top to bottom. The check command, the build and
 * the pages all start here, so they see the same data and the same errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeNote, checkKeyEquations, type NoteAnalysis } from './analyze.ts';
import { AnalysisCache } from './analysis-cache.ts';
import { loadCatalog, allEntities, findEntity, type Catalog, type EntityKind } from './catalog.ts';
import { checkEmbeddedIslands, markdownOfMdx } from './explainers.ts';
import { ISLANDS, type IslandInfo } from '../shared/islands.ts';
import { learningPath, type PathStage } from './learning-path.ts';
import { escapeRegExp, locateInFile, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { buildGraph, type Graph } from './graph.ts';
import { createResolver, type Resolver } from './resolver.ts';
import { projectPaths, type ProjectPaths } from './settings.ts';
import { translationStatus, type TranslationStatus } from './translation-status.ts';
import { openYamlCache, saveYamlCache } from './yaml-data.ts';

export interface Site {
  catalog: Catalog;
  resolver: Resolver;
  /** Per note file (project-relative path). */
  analyses: Map<string, NoteAnalysis>;
  graph: Graph;
  /** Named stages of concepts in reading order, from foundations to large models. */
  learningPath: PathStage[];
  /** Every zh/en note pair and whether its sides are in step. */
  translations: TranslationStatus;
  diagnostics: Diagnostic[];
  /** Notes whose analysis came from .cache/site/analyses.json, and notes analysed afresh. */
  analysisStats: { reused: number; analysed: number };
}

export function buildSite(paths: ProjectPaths = projectPaths()): Site {
  openYamlCache(path.join(paths.root, '.cache/site/yaml.json'), paths.root);
  const { catalog, diagnostics } = loadCatalog(paths);           // files -> validated entities
  saveYamlCache();
  const resolver = createResolver(catalog);                        // names and aliases -> entities
  const analyses = new Map<string, NoteAnalysis>();
  const cache = new AnalysisCache(catalog, path.join(paths.root, '.cache/site/analyses.json'));
  const analyse = (note: { file: string; bodyLine: number; body: string }) => cache.analyse(note, (exists) => analyzeNote(note, resolver, paths.root, exists));
  for (const entity of allEntities(catalog)) {                     // links, citations, math per note
    for (const note of Object.values(entity.notes)) analyses.set(note.file, analyse(note));
  }
  for (const explainer of catalog.explainers.values()) {           // the same rules for MDX articles
    for (const note of Object.values(explainer.notes)) {
      const analysis = analyse({ ...note, body: markdownOfMdx(note.body) });
      analysis.diagnostics.push(...checkEmbeddedIslands(paths.root, note));
      analyses.set(note.file, analysis);
    }
  }
  for (const paper of catalog.papers.values()) {                   // key equations in frontmatter
    for (const note of Object.values(paper.notes)) {
      const text = fs.readFileSync(path.join(paths.root, note.file), 'utf8');
      analyses.get(note.file)?.diagnostics.push(...cache.check('key-equations', note.file, text, () => checkKeyEquations(note, text)));
    }
  }
  cache.save();
  const { graph, diagnostics: relationDiagnostics } = buildGraph(catalog, analyses, resolver.suggest);
  const errataLinks = checkErrataLinks(catalog, resolver);         // errata point at real pages
  const islandPages = checkIslandPages(catalog, resolver);          // demos sit on real pages
  const learning = learningPath(catalog);                           // stages from prerequisites
  const translations = translationStatus(catalog);                  // zh/en pairs in step or stale
  return {
    catalog,
    resolver,
    analyses,
    graph,
    learningPath: learning.stages,
    translations,
    analysisStats: cache.stats,
    diagnostics: sortDiagnostics([
      ...translations.diagnostics,
      ...learning.diagnostics,
      ...errataLinks,
      ...islandPages,
      ...diagnostics,
      ...resolver.conflicts,
      ...[...analyses.values()].flatMap((a) => a.diagnostics),
      ...relationDiagnostics,
    ]),
  };
}

function checkErrataLinks(catalog: Catalog, resolver: Resolver): Diagnostic[] {
  const file = 'src/content/sources/errata.yaml';
  return catalog.sources.errata.flatMap((e) => {
    if (resolver.resolve(e.link)) return [];
    const guess = resolver.suggest(e.link);
    const at = locateInFile(catalog.paths.root, file, new RegExp(`(?<=^\\s*(?:-\\s+)?)link:\\s*['"]?${escapeRegExp(e.link)}['"]?\\s*$`));
    return [{ file, ...at, severity: 'error' as const, rule: 'link/unknown-target',
      message: `unknown link target "${e.link}"${guess ? ` (did you mean "${guess}"?)` : ''}`, hint: 'link by a concept or resource slug or a paper key' }];
  });
}

/** Every page named in the island registry exists, so a demo never silently disappears. */
function checkIslandPages(catalog: Catalog, resolver: Resolver): Diagnostic[] {
  const file = 'src/shared/islands.ts';
  return Object.entries(ISLANDS).flatMap(([name, island]) =>
    [...Object.entries(island.pages as IslandInfo['pages']), ...Object.entries((island as IslandInfo).linkedFrom ?? {})].flatMap(([kind, ids]) =>
      (ids === 'all' || !ids ? [] : ids).filter((id) => !findEntity(catalog, kind as EntityKind, id)).map((id) => {
        const guess = resolver.suggest(id, kind as EntityKind);
        return { file, ...locateInFile(catalog.paths.root, file, new RegExp(`'${escapeRegExp(id)}'`)), severity: 'error' as const, rule: 'island/unknown-page',
          message: `island "${name}" is placed on unknown ${kind} "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
          hint: 'list existing ids in the island\'s pages, or add the page first' };
      }),
    ),
  );
}

export function hasErrors(site: Pick<Site, 'diagnostics'>): boolean {
  return site.diagnostics.some((d) => d.severity === 'error');
}
