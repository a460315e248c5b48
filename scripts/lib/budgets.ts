/**
 * Page budgets over the built site, per page: what a reader on a slow phone downloads before
 * touching anything, and the head every page needs to be found and shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { unscrolledEquations, upfrontScriptBytes, type PageFacts } from './dist-pages.ts';
import { SEARCH_FILES, searchFileUrl, type SearchManifest } from '../../src/shared/search/contract.ts';

export const BUDGETS = {
  /** gzip bytes of JavaScript a page loads before any island opens. */
  upfrontJs: 15 * 1024,
  /** gzip bytes of the HTML document. */
  html: 100 * 1024,
  /** gzip bytes the first semantic query downloads: the model and the index (issue 16). */
  semanticIndex: 1024 * 1024,
};

export interface BudgetProblem {
  page: string;
  problem: string;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function checkBudgets(dist: string, pages: PageFacts[]): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  for (const page of pages) {
    const add = (problem: string) => problems.push({ page: page.url, problem });
    const js = upfrontScriptBytes(dist, page);
    if (js.bytes > BUDGETS.upfrontJs) add(`loads ${kb(js.bytes)} of JavaScript (gzip) before any island opens, budget ${kb(BUDGETS.upfrontJs)}: ${js.files.join(', ')}`);
    if (page.htmlGzipBytes > BUDGETS.html) add(`HTML is ${kb(page.htmlGzipBytes)} gzip, budget ${kb(BUDGETS.html)}`);
    // The root page only redirects to a language; the 404 page is not indexed.
    const isContent = page.url !== '/' && page.url !== '/404.html';
    if (!page.lang) add('no lang attribute on <html>');
    if (!page.title) add('no <title>');
    if (isContent && !page.description) add('no <meta name="description">');
    if (isContent && !page.canonical) add('no <link rel="canonical">');
    const langs = Object.keys(page.hreflang);
    if (isContent && (!langs.some((l) => l.startsWith('zh')) || !langs.some((l) => l.startsWith('en')))) add(`hreflang alternates missing: has ${langs.join(', ') || 'none'}, needs zh and en`);
    const unscrolled = unscrolledEquations(dist, page);
    if (unscrolled) add(`${unscrolled} display equation(s) can overflow their column: no CSS rule gives them their own horizontal scroll`);
  }
  return problems;
}

/** What the search island fetches for its first semantic query: the manifest and every file it lists. */
export function semanticIndexBytes(dist: string): { gzip: number; raw: number; files: string[] } {
  const file = (name: string) => path.join(dist, searchFileUrl('/', name));
  const manifest = JSON.parse(fs.readFileSync(file(SEARCH_FILES.manifest), 'utf8')) as SearchManifest;
  const files = [SEARCH_FILES.manifest, ...Object.keys(manifest.files)];
  let gzip = 0;
  let raw = 0;
  for (const name of files) {
    const bytes = fs.readFileSync(file(name));
    raw += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { gzip, raw, files };
}

export function checkSemanticIndex(dist: string): BudgetProblem[] {
  const { gzip, files } = semanticIndexBytes(dist);
  return gzip > BUDGETS.semanticIndex ? [{ page: '/search/', problem: `the first semantic query downloads ${kb(gzip)} gzip (${files.length} files), budget ${kb(BUDGETS.semanticIndex)}` }] : [];
}
