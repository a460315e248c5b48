/** Ranking of pages by cosine similarity to a query vector: pure, so Node tests run it. */
import type { SearchHit, SearchPage } from './contract.ts';

export interface SemanticCorpus {
  pages: SearchPage[];
  /** pages.length x dims, L2-normalised rows */
  vectors: Float32Array;
  /** The same for each page's head (title, aliases, summary), when the index has them. */
  headVectors?: Float32Array;
  /** The same for the questions each page answers, when the index has them. */
  questionVectors?: Float32Array;
  dims: number;
}

function dot(query: Float32Array, rows: Float32Array, row: number, dims: number): number {
  let score = 0;
  for (let c = 0; c < dims; c++) score += query[c]! * rows[row * dims + c]!;
  return score;
}

/** Pages by similarity, one per entity, shown in `lang` where that language's page exists. */
export function rankSemantic(corpus: SemanticCorpus, query: Float32Array, lang: string, limit = 10): SearchHit[] {
  if (query.every((x) => x === 0)) return [];
  const { pages, vectors, headVectors, questionVectors, dims } = corpus;
  const best = new Map<string, { score: number; page: SearchPage }>();
  pages.forEach((page, i) => {
    // A page is as close as its whole text, its head or its questions, whichever is closest.
    let score = dot(query, vectors, i, dims);
    if (headVectors) score = Math.max(score, dot(query, headVectors, i, dims));
    if (questionVectors) score = Math.max(score, dot(query, questionVectors, i, dims));
    const current = best.get(page.key);
    if (!current || score > current.score) best.set(page.key, { score, page: current && current.page.lang === lang ? current.page : page });
    else if (page.lang === lang) current.page = page;
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score, page }) => ({ key: page.key, url: page.url, title: page.title, kind: page.kind, similarity: score, ...(page.year ? { year: page.year } : {}), ...(page.category ? { category: page.category } : {}), ...(page.summary ? { summary: page.summary } : {}) }));
}
