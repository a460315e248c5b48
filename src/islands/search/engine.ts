/**
 * The search engine of one panel: Pagefind for keywords, the semantic index on first
 * use, and the pure core (src/shared/search/) to filter and fuse. Exposed to the
 * evaluation script and the tests as `window.deepatlasSearch`.
 */
import { combineHits, filterByType } from '../../shared/search/combine.ts';
import type { SearchHit, SearchHook, SearchMode } from '../../shared/search/contract.ts';
import { hydrate, loadPagefind, type PagefindResult } from './pagefind.ts';
import { SemanticIndex } from './semantic-index.ts';

export class SearchEngine implements SearchHook {
  private semantic?: Promise<SemanticIndex>;
  readonly base: string;
  readonly lang: string;
  /** `kind.<kind>` to the label the type filter holds, in the page's language. */
  private readonly kindLabels: Record<string, string>;
  /** 'transformers' forces transformers.js (?semantic=transformers). */
  private readonly runtime: string | undefined;

  constructor(base: string, lang: string, kindLabels: Record<string, string>, runtime?: string) {
    this.base = base;
    this.lang = lang;
    this.kindLabels = kindLabels;
    this.runtime = runtime;
  }

  loadSemantic(onProgress: (f: number) => void = () => {}): Promise<SemanticIndex> {
    this.semantic ??= SemanticIndex.load(this.base, onProgress, this.runtime);
    return this.semantic;
  }

  hydrate(results: PagefindResult[]): Promise<SearchHit[]> {
    return hydrate(results, this.base);
  }

  async keyword(query: string, types: string[] = []): Promise<SearchHit[]> {
    const pagefind = await loadPagefind(this.base);
    const response = await pagefind.search(query, types.length ? { filters: { type: types } } : {});
    return this.hydrate(response?.results ?? []);
  }

  async run(query: string, mode: SearchMode, types: string[] = []): Promise<SearchHit[]> {
    const keyword = mode === 'semantic' ? [] : await this.keyword(query, types);
    return this.combine(keyword, query, mode, types);
  }

  /** Keyword hits as they are, semantic hits alone, or both fused. */
  async combine(keyword: SearchHit[], query: string, mode: SearchMode, types: string[] = []): Promise<SearchHit[]> {
    if (mode === 'keyword') return keyword;
    const semantic = filterByType(await (await this.loadSemantic()).search(query, this.lang), types, this.kindLabels);
    return combineHits(mode, keyword, semantic);
  }
}
