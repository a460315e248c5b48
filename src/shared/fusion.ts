/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher, 2009): each list votes
 * 1 / (k + rank) for its items; k = 60 damps the weight of the top ranks so
 * neither keyword nor semantic search can dominate alone.
 */
export interface Ranked<T> {
  key: string;
  item: T;
}

export interface Fused<K, S> {
  key: string;
  score: number;
  keyword?: K;
  keywordRank?: number;
  semantic?: S;
  semanticRank?: number;
}

export function reciprocalRankFusion<K, S>(keyword: Array<Ranked<K>>, semantic: Array<Ranked<S>>, k = 60): Array<Fused<K, S>> {
  const fused = new Map<string, Fused<K, S>>();
  // Each list votes once per key, at the key's first (best) rank in that list.
  const vote = <T>(list: Array<Ranked<T>>, record: (entry: Fused<K, S>, item: T, rank: number) => boolean) =>
    list.forEach(({ key, item }, i) => {
      const entry = fused.get(key) ?? { key, score: 0 };
      if (record(entry, item, i + 1)) entry.score += 1 / (k + i + 1);
      fused.set(key, entry);
    });
  vote(keyword, (entry, item, rank) => entry.keyword === undefined && Boolean(Object.assign(entry, { keyword: item, keywordRank: rank })));
  vote(semantic, (entry, item, rank) => entry.semantic === undefined && Boolean(Object.assign(entry, { semantic: item, semanticRank: rank })));
  return [...fused.values()].sort((a, b) => b.score - a.score || (a.keywordRank ?? 1e9) - (b.keywordRank ?? 1e9));
}
