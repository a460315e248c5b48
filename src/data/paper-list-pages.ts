/**
 * The paper list in pages (PAPER_LIST_PAGE_SIZE says how the size was chosen).
 * Up to PAPER_LIST_PAGE_SIZE papers it stays one page (the real site, unchanged); past it,
 * pages of that many papers, newest first, each named by its years, and the by-venue aside
 * shrinks to venues with counts (a per-paper list there would repeat every paper on every page).
 */
import type { PaperEntity } from '../pipeline/catalog.ts';
import type { Lang } from '../shared/locales.ts';
import type { Site } from '../pipeline/site.ts';
import { getSite } from './site.ts';

/**
 * Chosen from measured gzip bytes per paper of the by-year list (title, authors, venue, summary):
 * ~190 on the real site (14.0 KB for 74 papers, zh; real summaries compress little) and ~32 on a
 * 1,000-paper synthetic build (34.8 KB for 1,074). Sized on the real figure: 250 papers are
 * ~47 KB, plus ~2 KB of chrome and a few KB of venue counts and pager, about half the 100 KB
 * budget, so longer summaries still fit.
 */
export const PAPER_LIST_PAGE_SIZE = 250;

export interface PaperListPage {
  /** 1 for /<lang>/papers/, n for /<lang>/papers/<n>/. */
  number: number;
  /** Newest first, then by title: the order of the one-page list. */
  papers: PaperEntity[];
  /** The page's newest and oldest year. */
  newestYear: number;
  oldestYear: number;
}

/** The list's order: newest first, then by title. */
export function byNewest(a: PaperEntity, b: PaperEntity): number {
  return b.paper.year - a.paper.year || a.paper.title.localeCompare(b.paper.title);
}

export function paperListPages(papers: Iterable<PaperEntity>, size = PAPER_LIST_PAGE_SIZE): PaperListPage[] {
  if (!(size >= 1)) throw new Error(`paper list page size must be at least 1, got ${size}`);
  const sorted = [...papers].sort(byNewest);
  // One page up to `size`, so the real site's list is exactly what it was before paging.
  const pages: PaperListPage[] = [];
  for (let offset = 0; offset < sorted.length || pages.length === 0; offset += size) {
    const chunk = sorted.slice(offset, offset + size);
    pages.push({ number: pages.length + 1, papers: chunk, newestYear: chunk[0]?.paper.year ?? 0, oldestYear: chunk.at(-1)?.paper.year ?? 0 });
  }
  return pages;
}

export function paperListPath(lang: Lang, page: number): string {
  return page === 1 ? `/${lang}/papers/` : `/${lang}/papers/${page}/`;
}

/** A page's name in the pager: its years, oldest to newest ("2019–2021", or "2020"). */
export function paperListYears(page: Pick<PaperListPage, 'newestYear' | 'oldestYear'>): string {
  return page.newestYear === page.oldestYear ? String(page.newestYear) : `${page.oldestYear}–${page.newestYear}`;
}

/** Per paper id, the number of the list page that shows it. */
export function paperListPageOf(pages: PaperListPage[]): Map<string, number> {
  return new Map(pages.flatMap((page) => page.papers.map((p) => [p.id, page.number] as const)));
}

// Every paper page asks where its year is listed: the pages are computed once per site.
const cached = new WeakMap<Site, { pages: PaperListPage[]; pageOf: Map<string, number> }>();
function siteList(): { pages: PaperListPage[]; pageOf: Map<string, number> } {
  const site = getSite();
  let list = cached.get(site);
  if (!list) {
    const pages = paperListPages(site.catalog.papers.values());
    list = { pages, pageOf: paperListPageOf(pages) };
    cached.set(site, list);
  }
  return list;
}

/** The site's paper list pages. */
export function sitePaperListPages(): PaperListPage[] {
  return siteList().pages;
}

/** Where a paper's year section is on the list: its page and `#year-<year>` anchor. */
export function paperYearHref(lang: Lang, paper: PaperEntity): string {
  return `${paperListPath(lang, siteList().pageOf.get(paper.id) ?? 1)}#year-${paper.paper.year}`;
}
