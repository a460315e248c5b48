/**
 * The search engine of one panel: query understanding and ranking from the pure core
 * (src/shared/search/), Pagefind for keywords, the semantic index on first use.
 * Exposed to the evaluation script and the tests as `window.deepatlasSearch`.
 */
import { filterByFacets, filterByType } from '../../shared/search/combine.ts';
import { SEARCH_FILES, searchFileUrl, type SearchHit, type SearchHook, type SearchMode, type SearchPage } from '../../shared/search/contract.ts';
import { NameIndex } from '../../shared/search/names.ts';
import { fuseRanked } from '../../shared/search/rank.ts';
import { understand, type UnderstoodQuery } from '../../shared/search/understand.ts';
import { chinesePhrases, lexiconOfPages } from '../../shared/search/zh-query.ts';
import type { ZhLexicon } from '../../shared/search/zh-words.ts';
import { hydrate, hydrateContaining, loadPagefind, type PagefindResult } from './pagefind.ts';
import { entityKeyFromUrl } from '../../shared/urls.ts';
import { SemanticIndex } from './semantic-index.ts';

export class SearchEngine implements SearchHook {
  private semantic?: Promise<SemanticIndex>;
  private pages?: Promise<SearchPage[]>;
  private names?: Promise<NameIndex>;
  private lexicon?: Promise<ZhLexicon>;
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

  private loadPages(): Promise<SearchPage[]> {
    this.pages ??= fetch(searchFileUrl(this.base, SEARCH_FILES.pages)).then((r) => r.json() as Promise<SearchPage[]>);
    return this.pages;
  }

  /** The knowledge base's names (pages.json, a few KB): loaded with the first query. */
  loadNames(): Promise<NameIndex> {
    this.names ??= this.loadPages().then((pages) => new NameIndex(pages));
    return this.names;
  }

  /** The Chinese words of the site's names, to read a Chinese query by words. */
  loadLexicon(): Promise<ZhLexicon> {
    this.lexicon ??= this.loadPages().then(lexiconOfPages);
    return this.lexicon;
  }

  loadSemantic(onProgress: (f: number) => void = () => {}): Promise<SemanticIndex> {
    this.semantic ??= SemanticIndex.load(this.base, onProgress, this.runtime, this.loadPages());
    return this.semantic;
  }

  hydrate(results: PagefindResult[], limit = 10): Promise<SearchHit[]> {
    return hydrate(results, this.base, limit);
  }

  /** Pagefind's hits for the query's keywords; when every word is not on any page, for the names it mentions. */
  async keyword(query: UnderstoodQuery | string, filters: Record<string, string[]> = {}, limit = 10): Promise<SearchHit[]> {
    const understood = typeof query === 'string' ? understand(query) : query;
    const pagefind = await loadPagefind(this.base);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length));
    const options = Object.keys(active).length ? { filters: active } : {};
    let response = await pagefind.search(understood.keywords, options);
    if (!response?.results.length) {
      const mentioned = (await this.loadNames().catch(() => undefined))?.mentions(understood.core).map((m) => m.name) ?? [];
      if (mentioned.length) response = await pagefind.search(mentioned.join(' '), options);
    }
    const results = response?.results ?? [];
    // Pagefind cuts a Chinese query into ICU's pieces (学习率 -> 学习, 率) and matches each alone, so
    // 学习率 finds every page with 率. Keep the pages whose text has each word of the query whole
    // (Pagefind's own phrase search misses words it segments differently, such as 自注意力).
    const phrases = chinesePhrases(understood.keywords, await this.loadLexicon().catch(() => undefined), understood);
    if (!phrases.length) return this.hydrate(results, limit);
    const names = await this.loadNames();
    const aliases = (url: string) => {
      const key = entityKeyFromUrl(url, this.base);
      return key ? (names.page(key, this.lang)?.aliases ?? []).join(' ') : '';
    };
    return hydrateContaining(results, phrases, this.base, aliases, limit);
  }

  async run(query: string, mode: SearchMode, types: string[] = [], filters: Record<string, string[]> = {}, limit = 10): Promise<SearchHit[]> {
    const understood = understand(query);
    const all = { ...filters, ...(types.length ? { type: types } : {}) };
    const keyword = mode === 'semantic' ? [] : await this.keyword(understood, all, limit);
    return this.combine(keyword, understood, mode, all, limit);
  }

  /** Keyword hits as they are, semantic hits alone, or both fused with what the query names. */
  async combine(keyword: SearchHit[], query: UnderstoodQuery, mode: SearchMode, filters: Record<string, string[]> = {}, limit = 10): Promise<SearchHit[]> {
    if (mode === 'keyword') return keyword;
    const index = await this.loadSemantic();
    // Filter first, then take the top ones: a filtered search still gets `limit` semantic hits.
    const filtered = Object.values(filters).some((v) => v.length);
    const found = await index.search(query.semantic, this.lang, filtered ? Number.MAX_SAFE_INTEGER : limit, query.lexical);
    const semantic = filterByFacets(filterByType(found, filters.type ?? [], this.kindLabels), filters).slice(0, limit);
    if (mode === 'semantic') return semantic;
    const names = await this.loadNames();
    // A filtered search ranks what the filters let through: no name-only pages that skip them.
    const fused = fuseRanked({ query, keyword, semantic, lang: this.lang, ...(filtered ? {} : { names }) }, undefined, limit);
    // Keyword hits lack the year and, for the UI, the summary: the names table has both.
    return fused.map((hit) => {
      const page = names.page(hit.key, this.lang);
      return { ...hit, ...(!hit.year && page?.year ? { year: page.year } : {}), ...(!hit.summary && page?.summary ? { summary: page.summary } : {}) };
    });
  }
}
