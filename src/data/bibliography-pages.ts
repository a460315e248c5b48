/**
 * The bibliography in pages. Every work in three styles is ~85 bytes of gzip HTML per paper,
 * so one page passes the 100 KB budget near 1,200 papers (10,000 synthetic papers: 0.9 MB).
 * Up to BIBLIOGRAPHY_PAGE_SIZE papers it stays one page (the real site); past it, pages of
 * that many works, oldest first, each named by its years; numeric styles keep numbering
 * across pages, so [412] is the same work on every page that shows it.
 */
import type { PaperEntity } from '../pipeline/catalog.ts';
import type { Lang } from '../shared/locales.ts';
import { getSite } from './site.ts';

export const BIBLIOGRAPHY_PAGE_SIZE = 400;

export interface BibliographyPage {
  /** 1 for /<lang>/bibliography/, n for /<lang>/bibliography/<n>/. */
  number: number;
  papers: PaperEntity[];
  /** How many works come before this page (numeric styles count on from there). */
  offset: number;
  firstYear: number;
  lastYear: number;
}

export function bibliographyPages(papers: Iterable<PaperEntity> = getSite().catalog.papers.values(), size = BIBLIOGRAPHY_PAGE_SIZE): BibliographyPage[] {
  // Oldest first, so the numeric styles number the works in the order the field produced them.
  const sorted = [...papers].sort((a, b) => a.paper.year - b.paper.year || a.id.localeCompare(b.id));
  const pages: BibliographyPage[] = [];
  for (let offset = 0; offset < sorted.length || pages.length === 0; offset += size) {
    const chunk = sorted.slice(offset, offset + size);
    pages.push({ number: pages.length + 1, papers: chunk, offset, firstYear: chunk[0]?.paper.year ?? 0, lastYear: chunk.at(-1)?.paper.year ?? 0 });
  }
  return pages;
}

export function bibliographyPath(lang: Lang, page: number): string {
  return page === 1 ? `/${lang}/bibliography/` : `/${lang}/bibliography/${page}/`;
}
