/** Ranking of pages by cosine similarity to a query vector: pure, so Node tests run it. */
import type { SearchHit, SearchPage } from './contract.ts';

export interface SemanticCorpus {
  pages: SearchPage[];
  /** pages.length x dims, L2-normalised rows */
  vectors: Float32Array;
  dims: number;
}

/** Pages by similarity, one per entity, shown in `lang` where that language's page exists. */
export function rankSemantic(corpus: SemanticCorpus, query: Float32Array, lang: string, limit = 10): SearchHit[] {
  if (query.every((x) => x === 0)) return [];
  const { pages, vectors, dims } = corpus;
  const best = new Map<string, { score: number; page: SearchPage }>();
  pages.forEach((page, i) => {
    let score = 0;
    for (let c = 0; c < dims; c++) score += query[c]! * vectors[i * dims + c]!;
    const current = best.get(page.key);
    if (!current || score > current.score) best.set(page.key, { score, page: current && current.page.lang === lang ? current.page : page });
    else if (page.lang === lang) current.page = page;
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score, page }) => ({ key: page.key, url: page.url, title: page.title, kind: page.kind, similarity: score, ...(page.year ? { year: page.year } : {}), ...(page.category ? { category: page.category } : {}), ...(page.summary ? { summary: page.summary } : {}) }));
}
