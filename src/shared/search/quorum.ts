/**
 * Best-match keyword ranking for a query whose words are not all on any one page. Pagefind
 * returns only pages with every word, so a student's question ("how do I make my training set
 * bigger with flipped images") finds nothing, or a few pages that happen to hold every word.
 * Here each word is searched alone and a page scores the inverse document frequency of the
 * words it holds (coordination-level matching weighted by IDF, as in classic best-match
 * retrieval): rare words count more than common ones, and a page must hold at least half of
 * the query's weight. Pure: the browser passes Pagefind's result ids per word.
 */

export interface WordResults {
  word: string;
  /** Result ids in Pagefind's order (best first), every result Pagefind found. */
  ids: string[];
}

export interface QuorumOptions {
  /** Pages in the index (the IDF's N). */
  pages: number;
  /** The share of the query's total IDF a page must hold. */
  quorum?: number;
}

export function idf(found: number, pages: number): number {
  return Math.log(1 + pages / Math.max(1, found));
}

/** Page ids by the IDF weight of the query words they hold, then by their best rank for any word. */
export function quorumRank(words: WordResults[], { pages, quorum = 0.5 }: QuorumOptions): string[] {
  const useful = words.filter((w) => w.ids.length > 0);
  // A word on no page counts towards the total: a page holding the rest still holds only part of the query.
  const total = words.reduce((sum, w) => sum + idf(w.ids.length, pages), 0);
  if (useful.length < 2 || total <= 0) return [];
  const score = new Map<string, { weight: number; matched: number; best: number }>();
  for (const { ids } of useful) {
    const weight = idf(ids.length, pages);
    ids.forEach((id, rank) => {
      const s = score.get(id) ?? { weight: 0, matched: 0, best: Infinity };
      s.weight += weight;
      s.matched += 1;
      s.best = Math.min(s.best, rank);
      score.set(id, s);
    });
  }
  return [...score.entries()]
    .filter(([, s]) => s.matched >= 2 && s.weight >= quorum * total)
    .sort((a, b) => b[1].weight - a[1].weight || a[1].best - b[1].best)
    .map(([id]) => id);
}
