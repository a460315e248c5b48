/**
 * Pagefind's full-text index, built through its Node API at the end of every
 * build (after Starlight's integrations/pagefind.ts): one index per <html lang>,
 * KaTeX markup and citation cards excluded, every response checked.
 *
 * Past SPLIT_ABOVE_PAGES pages, each language is indexed by its own Pagefind run, one after
 * the other, into the same folder, and the runs' entry files are merged. One run holds every page's words until it
 * writes, and at 10,000 papers its indexer was the build's memory peak (3.6-3.9 GiB for
 * 21,588 pages): a run per language holds half of them. Pagefind writes each language's
 * files under names of their own (hashed, with the language), so the runs never collide, and
 * a language's files are byte for byte those of a single run (tests/integration/pagefind-runs.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pages: number;
  milliseconds: number;
}

interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/** Past this many HTML files, each language gets its own Pagefind run (see above). */
export const SPLIT_ABOVE_PAGES = 4000;

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new Error(`pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

/** The site's HTML files, paths relative to it with `/` separators, sorted. */
function htmlFiles(siteDir: string): string[] {
  return fs.readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).sort();
}

/** The site's HTML files (as htmlFiles gives them) by their `<html lang>`. */
export function htmlFilesByLang(siteDir: string, files = htmlFiles(siteDir)): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const head = fs.readFileSync(path.join(siteDir, file), 'utf8').slice(0, 2000);
    const lang = /<html[^>]*\slang=["']?([^"'\s>]+)/i.exec(head)?.[1]?.toLowerCase() ?? '';
    const list = groups.get(lang) ?? [];
    list.push(file);
    groups.set(lang, list);
  }
  return groups;
}

/** The URL Pagefind's addDirectory gives a file: `zh/a/index.html` -> `/zh/a/`. */
export function pageUrl(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * What one run per language indexes: a glob over the top-level folders (and root files) whose
 * pages are all in that language, for Pagefind's own directory walk (parallel, in Rust:
 * feeding it file by file through its API took twice as long), plus any file of a folder
 * that mixes languages.
 */
export function languageRuns(groups: Map<string, string[]>): Array<{ lang: string; glob?: string; files: string[] }> {
  const top = (file: string) => (file.includes('/') ? `${file.slice(0, file.indexOf('/'))}/**/*.html` : file);
  const langsOf = new Map<string, Set<string>>();
  for (const [lang, files] of groups) for (const f of files) langsOf.set(top(f), (langsOf.get(top(f)) ?? new Set()).add(lang));
  return [...groups].map(([lang, files]) => {
    const whole = [...new Set(files.map(top))].filter((t) => langsOf.get(t)!.size === 1).sort();
    return { lang, ...(whole.length ? { glob: whole.length === 1 ? whole[0]! : `{${whole.join(',')}}` } : {}), files: files.filter((f) => langsOf.get(top(f))!.size > 1) };
  });
}

export async function buildSearchIndex(siteDir: string, options: { splitAbovePages?: number } = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const entryFile = path.join(outputPath, 'pagefind-entry.json');
  const merged: PagefindEntry = { version: '', languages: {} };
  const files = htmlFiles(siteDir);
  // A small site in one run, as Pagefind does by default (each run costs a start-up, ~1 s), and
  // without reading its pages for their language.
  const runs = files.length > (options.splitAbovePages ?? SPLIT_ABOVE_PAGES) ? languageRuns(htmlFilesByLang(siteDir, files)) : [{ lang: '*', files: [] as string[] }];
  for (const run of runs) {
    try {
      const { index, errors } = await pagefind.createIndex({
        // Formula markup ("∇θL\nabla_\theta L") and hover cards would pollute excerpts; the cite
        // panel's formatted references would make "transformer paper" find every page citing it.
        excludeSelectors: ['.katex', '.cite-card', '.cite-panel', '.reference-list', 'pre', '[data-pagefind-ignore]'],
      });
      if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
      if (run.lang === '*') check('indexing', await index.addDirectory({ path: siteDir }));
      else if (run.glob) check('indexing', await index.addDirectory({ path: siteDir, glob: run.glob }));
      for (const file of run.files) check('indexing', await index.addHTMLFile({ url: pageUrl(file), content: fs.readFileSync(path.join(siteDir, file), 'utf8') }));
      check('writing', await index.writeFiles({ outputPath }));
    } finally {
      await pagefind.close();
    }
    if (!fs.existsSync(entryFile)) continue;
    const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as PagefindEntry;
    Object.assign(merged, { ...entry, languages: { ...merged.languages, ...entry.languages } });
  }
  // Languages in name order, as one run writes them: the same index gives the same file.
  merged.languages = Object.fromEntries(Object.entries(merged.languages).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (merged.version) fs.writeFileSync(entryFile, JSON.stringify(merged));
  // HTML files read, as Pagefind's addDirectory counts them (pages without a search body included).
  return { pages: files.length, milliseconds: performance.now() - started };
}
