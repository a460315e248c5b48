/**
 * Ranking of pages by cosine similarity to a query vector, plus a BM25 match of the query's
 * tokens against each page's head and questions when the index has one (lexical.ts): pure, so
 * Node tests run it.
 */
import type { SearchHit, SearchPage } from './contract.ts';
import { lexicalScores, type LexicalIndex } from './lexical.ts';

/**
 * Weight of the lexical score (1 for the best-matching page) next to the cosine. Chosen with
 * npm run compare:embed on the tuning queries: 0.8 to 2 scored alike (round 3 tuning MRR
 * 0.89-0.90 against 0.77-0.78 for the cosine alone), 0.2 helped half as much.
 */
export const LEXICAL_WEIGHT = 1;

export interface SemanticCorpus {
  pages: SearchPage[];
  /** pages.length x dims, L2-normalised rows */
  vectors: Float32Array;
  /** The same for each page's head (title, aliases, summary), when the index has them. */
  headVectors?: Float32Array;
  /** The same for the questions each page answers, when the index has them. */
  questionVectors?: Float32Array;
  /** BM25 over each page's head and questions, in the order of `pages`. */
  lexical?: LexicalIndex;
  dims: number;
}

function dot(query: Float32Array, rows: Float32Array, row: number, dims: number): number {
  let score = 0;
  for (let c = 0; c < dims; c++) score += query[c]! * rows[row * dims + c]!;
  return score;
}

/**
 * Pages by similarity, one per entity, shown in `lang` where that language's page exists.
 * `tokens` are the query's content token ids in the corpus model (CorpusEmbedder.lexicalTokens),
 * for the lexical score; without them (or without corpus.lexical) the cosine alone ranks.
 */
export function rankSemantic(corpus: SemanticCorpus, query: Float32Array, lang: string, limit = 10, tokens: readonly number[] = []): SearchHit[] {
  if (query.every((x) => x === 0)) return [];
  const { pages, vectors, headVectors, questionVectors, dims } = corpus;
  const lexical = corpus.lexical && tokens.length ? lexicalScores(corpus.lexical, tokens) : undefined;
  const best = new Map<string, { score: number; page: SearchPage }>();
  pages.forEach((page, i) => {
    // A page is as close as its whole text, its head or its questions, whichever is closest.
    let similarity = dot(query, vectors, i, dims);
    if (headVectors) similarity = Math.max(similarity, dot(query, headVectors, i, dims));
    if (questionVectors) similarity = Math.max(similarity, dot(query, questionVectors, i, dims));
    const score = similarity + (lexical ? LEXICAL_WEIGHT * lexical[i]! : 0);
    const current = best.get(page.key);
    if (!current || score > current.score) best.set(page.key, { score, page: current && current.page.lang === lang ? current.page : page });
    else if (page.lang === lang) current.page = page;
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score, page }) => ({ key: page.key, url: page.url, title: page.title, kind: page.kind, similarity: score, ...(page.year ? { year: page.year } : {}), ...(page.category ? { category: page.category } : {}), ...(page.summary ? { summary: page.summary } : {}) }));
}
