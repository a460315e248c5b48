/**
 * The translation status table in pages. Up to TRANSLATION_PAGE_SIZE pairs it stays one page
 * (the real site, unchanged); past it, pages of that many rows in the table's own order, work to
 * do first (PAIR_STATES), so page 1 holds the pairs that need work and the in-step pairs follow.
 * Every page keeps the counts of all pairs.
 */
import { entityName } from '../pipeline/catalog.ts';
import { PAIR_STATES, type PairState, type TranslationPair } from '../pipeline/translation-status.ts';
import { langTag, type Lang } from '../shared/locales.ts';

/**
 * Chosen from measured gzip bytes per row: ~46 on the real site (8.9 KB for 194 pairs, zh) and
 * ~21 on a 1,000-paper synthetic build (26.4 KB for 1,244 pairs). 500 rows of the real kind are
 * ~23 KB, under a third of the 100 KB budget with the chrome and the pager.
 */
export const TRANSLATION_PAGE_SIZE = 500;

export interface TranslationPage {
  /** 1 for /<lang>/translations/, n for /<lang>/translations/<n>/. */
  number: number;
  pairs: TranslationPair[];
  /** The states on this page, in table order (a page's name in the pager). */
  states: PairState[];
}

/** The table's order: work to do first, then by kind, then by name in the reader's language. */
export function sortPairs(pairs: Iterable<TranslationPair>, lang: Lang): TranslationPair[] {
  const collator = new Intl.Collator(langTag(lang));
  return [...pairs].sort(
    (a, b) =>
      PAIR_STATES.indexOf(a.state) - PAIR_STATES.indexOf(b.state) ||
      a.entity.kind.localeCompare(b.entity.kind) ||
      collator.compare(entityName(a.entity, lang), entityName(b.entity, lang)),
  );
}

export function translationPages(pairs: Iterable<TranslationPair>, lang: Lang, size = TRANSLATION_PAGE_SIZE): TranslationPage[] {
  if (!(size >= 1)) throw new Error(`translation page size must be at least 1, got ${size}`);
  const sorted = sortPairs(pairs, lang);
  const pages: TranslationPage[] = [];
  for (let offset = 0; offset < sorted.length || pages.length === 0; offset += size) {
    const chunk = sorted.slice(offset, offset + size);
    pages.push({ number: pages.length + 1, pairs: chunk, states: PAIR_STATES.filter((s) => chunk.some((p) => p.state === s)) });
  }
  return pages;
}

/** The page where the first pair of a state is listed (the counts link there). */
export function firstPageOf(pages: TranslationPage[], state: PairState): number | undefined {
  return pages.find((p) => p.states.includes(state))?.number;
}

export function translationsPath(lang: Lang, page: number): string {
  return page === 1 ? `/${lang}/translations/` : `/${lang}/translations/${page}/`;
}
