/**
 * Chinese queries read by words in the browser: the words of the site's names (titles and
 * aliases in pages.json) first, ICU for the rest (see zh-words.ts). Pure.
 */
import type { SearchPage } from './contract.ts';
import { hanRuns, segmentHan, ZhLexicon } from './zh-words.ts';

/** The Chinese words of the knowledge base's names, from the search index's page list. */
export function lexiconOfPages(pages: SearchPage[]): ZhLexicon {
  return new ZhLexicon(pages.flatMap((p) => [p.title, ...(p.aliases ?? [])]).flatMap(hanRuns));
}

/**
 * The words of two or more Chinese characters in a query that a matching page must contain
 * whole: the knowledge base's own words always ("学习率太大" -> 学习率), and ICU's words too
 * for a short topic query ("量子纠缠" -> 量子, 纠缠), not for a question, where ICU's guesses
 * ("太大会" -> 太, 大会) would throw good pages out. Single characters are left to Pagefind.
 */
export function chinesePhrases(query: string, lexicon: ZhLexicon | undefined, options: { question: boolean }): string[] {
  const words = hanRuns(query).flatMap((run) => {
    if (!lexicon) return options.question ? [] : [run];
    return segmentHan(run, lexicon).filter((w) => !options.question || lexicon.has(w));
  });
  return [...new Set(words.filter((w) => w.length >= 2))];
}
