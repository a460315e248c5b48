/**
 * The fused ranking: weighted reciprocal-rank fusion of keyword and semantic hits (Cormack et
 * al., 2009), plus what query understanding knows. A query that is exactly a page's name or
 * alias ("AlexNet", "批归一化") puts that page first; a query naming a kind ("LSTM 论文") puts
 * the concept's founding paper first and lifts pages of that kind. Pure. The weights were set by
 * tune:fusion's grid search on the tuning part of tests/fixtures/search-queries.json.
 */
import type { SearchHit } from './contract.ts';
import type { NameIndex } from './names.ts';
import type { KindIntent, UnderstoodQuery } from './understand.ts';

export interface FusionWeights {
  /** RRF damping: larger k flattens the difference between ranks. */
  k: number;
  /**
   * The damping for semantic search's ranks when it differs from k: a small one keeps the
   * difference between its first and second page larger than one keyword vote.
   */
  kSemantic?: number;
  keyword: number;
  semantic: number;
  /** The engines' weights for a question or paraphrase (UnderstoodQuery.question). */
  questionKeyword: number;
  questionSemantic: number;
  /** Added for a page whose name or alias is exactly the query: first place. */
  exactName: number;
  /** Added for the page whose name is within a typo of the query ("gradiant descent"). */
  nearName: number;
  /** Added for pages a name in the query refers to. */
  mentioned: number;
  /** Added for pages of the kind the query asks for. */
  kindPrior: number;
  /** Added for concept pages when the query asks for no kind: an explanation before a paper. */
  conceptPrior: number;
  /**
   * Added to semantic search's first page in proportion to its lead over the second (a score
   * difference, full at 0.1; the score is the cosine plus the lexical match): a clear semantic
   * winner goes first even where keyword search ranked another page higher.
   */
  semanticLead: number;
}

/** Semantic votes at kSemantic = 10, scaled so that its first rank votes as at k = 60. */
const SEMANTIC_SCALE = (10 + 1) / (60 + 1);

/**
 * Chosen by `npm run tune:fusion -- --fresh` on the tuning part of the blind rounds 5 and 6 (95
 * queries; the weaker language's hit@1 + hit@5 on both halves, ties to the fewest changes). The
 * older tuning queries were used to shape the keyword side (names, the glossary, Pagefind
 * weights) and overstate it; on the fresh ones the earlier defaults put the right page first for
 * 74.5% (zh) and 87.5% (en), these for 89.4% and 89.6%. What changed, 1 December 2026: semantic
 * ranks damped by 10 instead of 60, so its first page leads its second by more than a keyword
 * vote; keyword search weighs a quarter on questions; a larger lead bonus.
 */
export const DEFAULT_WEIGHTS: FusionWeights = {
  k: 60,
  kSemantic: 10,
  keyword: 1,
  semantic: 1.5 * SEMANTIC_SCALE,
  questionKeyword: 0.25,
  questionSemantic: 2 * SEMANTIC_SCALE,
  exactName: 1,
  nearName: 0.02,
  mentioned: 0.01,
  kindPrior: 0.02,
  conceptPrior: 0.02,
  semanticLead: 0.03,
};

/** How far semantic search's first hit leads its second, 0 to 1 (1 at a cosine lead of 0.1). */
export function semanticLead(semantic: SearchHit[]): number {
  const [first, second] = semantic;
  if (first?.similarity === undefined) return 0;
  return Math.min(1, Math.max(0, (first.similarity - (second?.similarity ?? 0)) / 0.1));
}

export function matchesIntent(hit: Pick<SearchHit, 'kind'>, category: string | undefined, intent: KindIntent): boolean {
  return hit.kind === intent.kind && (!intent.category || category === intent.category);
}

/**
 * Pages the query names, strongest first: with a kind intent, the pages of that kind among the
 * named ones, else the first key paper of a named concept ("Transformer 原论文"); without one,
 * the named pages themselves.
 */
export function namedPages(query: UnderstoodQuery, names: NameIndex, lang: string): { exact: string[]; mentioned: string[]; near: string[] } {
  const intent = query.intent;
  const fits = (key: string) => !intent || matchesIntent({ kind: key.split(':')[0]! }, names.page(key, lang)?.category, intent);
  const resolve = (keys: string[]): string[] => {
    if (!intent) return keys;
    const direct = keys.filter(fits);
    if (direct.length) return direct;
    if (intent.kind !== 'paper') return [];
    return keys.flatMap((key) => names.page(key, lang)?.papers?.slice(0, 1) ?? []);
  };
  const exact = resolve(names.exactly(query.core, intent?.kind));
  const mentioned = names.mentions(query.core).flatMap((m) => resolve(m.keys));
  // A typo of a name, only when nothing is named exactly (the suggestion "did you mean" shows).
  const near = exact.length ? [] : resolve(names.suggest(query.core, 1).map((s) => s.key)).filter((k) => !mentioned.includes(k));
  return { exact: [...new Set(exact)], mentioned: [...new Set(mentioned)].filter((k) => !exact.includes(k)), near };
}

export interface RankInput {
  query: UnderstoodQuery;
  keyword: SearchHit[];
  semantic: SearchHit[];
  names?: NameIndex;
  lang: string;
  /** namedPages(query, names, lang), when the caller has it already (tune:fusion reuses it). */
  named?: ReturnType<typeof namedPages>;
}

export function fuseRanked({ query, keyword, semantic, names, lang, named }: RankInput, weights: FusionWeights = DEFAULT_WEIGHTS, limit = 10): SearchHit[] {
  const scores = new Map<string, number>();
  const hits = new Map<string, SearchHit>();
  const add = (key: string, score: number) => scores.set(key, (scores.get(key) ?? 0) + score);
  const vote = (list: SearchHit[], weight: number, k: number) => {
    const seen = new Set<string>();
    list.forEach((hit, i) => {
      if (seen.has(hit.key)) return;
      seen.add(hit.key);
      add(hit.key, weight / (k + i + 1));
    });
  };
  vote(keyword, query.question ? weights.questionKeyword : weights.keyword, weights.k);
  vote(semantic, query.question ? weights.questionSemantic : weights.semantic, weights.kSemantic ?? weights.k);
  if (weights.semanticLead && semantic[0]) add(semantic[0].key, weights.semanticLead * semanticLead(semantic));
  // Keyword hits carry the excerpt; semantic hits add their similarity.
  for (const hit of semantic) if (!hits.has(hit.key)) hits.set(hit.key, { ...hit, semanticOnly: true });
  for (const hit of keyword) {
    const similarity = hits.get(hit.key)?.similarity;
    hits.set(hit.key, { ...hit, ...(similarity !== undefined ? { similarity } : {}) });
  }
  if (names) {
    const { exact, mentioned, near } = named ?? namedPages(query, names, lang);
    exact.forEach((key, i) => add(key, weights.exactName / (i + 1)));
    mentioned.forEach((key, i) => add(key, weights.mentioned / (i + 1)));
    near.forEach((key, i) => add(key, weights.nearName / (i + 1)));
    for (const key of [...exact, ...mentioned, ...(weights.nearName > 0 ? near : [])]) {
      const hit = hits.get(key) ?? names.hit(key, lang);
      if (hit && !hits.has(key)) hits.set(key, hit);
    }
  }
  if (query.intent) {
    for (const [key, hit] of hits) if (matchesIntent(hit, names?.page(key, lang)?.category, query.intent)) add(key, weights.kindPrior);
  } else if (weights.conceptPrior) {
    for (const [key, hit] of hits) if (hit.kind === 'concept' && scores.has(key)) add(key, weights.conceptPrior);
  }
  const keywordRank = new Map(keyword.map((h, i) => [h.key, i]));
  return [...scores.entries()]
    .filter(([key]) => hits.has(key))
    .sort((a, b) => b[1] - a[1] || (keywordRank.get(a[0]) ?? 1e9) - (keywordRank.get(b[0]) ?? 1e9))
    .slice(0, limit)
    .map(([key]) => hits.get(key)!);
}
