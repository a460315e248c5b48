/**
 * The search contract between the build (src/pipeline/embed/browser-index.ts writes
 * /search/) and the browser (the search island and the embedding playground read it),
 * declared once here.
 */

/** One language version of an entity's page, in the order of the vectors. */
export interface SearchPage {
  /** `concept:gradient-descent` */
  key: string;
  lang: string;
  url: string;
  title: string;
  kind: string;
  /** Short names and aliases (meta.yaml), matched by the query understanding. */
  aliases?: string[];
  /** Papers: the publication year (the year filter applies to semantic hits too). */
  year?: number;
  /** Resources: course, dataset, conference, tool, platform (a query naming it boosts it). */
  category?: string;
  /** Concepts: their key papers, first the one that introduced the idea ("LSTM 论文"). */
  papers?: string[];
  /** The note's summary (shortened): the snippet of a hit keyword search did not find. */
  summary?: string;
}

export interface SearchManifest {
  model: string;
  /** 'corpus-fast-path' for the site's own model; pretrained models need transformers.js. */
  runtime: 'corpus-fast-path' | 'transformers';
  dims: number;
  /** Bytes of each file a first semantic query downloads, by name under /search/. */
  files: Record<string, number>;
  queryPrefix: string;
}

/** The files under /search/. */
export const SEARCH_FILES = {
  manifest: 'manifest.json',
  pages: 'pages.json',
  vectors: 'vectors.int8',
  vectorScales: 'vectors.scales.f32',
  /** One vector per page for its head (title, aliases, summary): questions often match it best. */
  headVectors: 'head-vectors.int8',
  headVectorScales: 'head-vectors.scales.f32',
  /** One vector per page for the questions it answers (its head's again when it lists none). */
  questionVectors: 'question-vectors.int8',
  questionVectorScales: 'question-vectors.scales.f32',
  /** Each page's head and questions as the corpus model's tokens, for BM25 (lexical.ts). */
  lexical: 'lexical.bin',
  tokenizer: 'model/tokenizer.json',
  tokenizerConfig: 'model/tokenizer_config.json',
  table: 'model/table.int8',
  tableScales: 'model/table.scales.f32',
} as const;

/** The model in the transformers.js layout (for transformers.js and the playground). */
export const MODELS_DIR = 'models';

export function searchFileUrl(base: string, name: string): string {
  return `${base}search/${name}`;
}

export type SearchMode = 'keyword' | 'semantic' | 'fused';

export interface SearchHit {
  key: string;
  url: string;
  title: string;
  kind: string;
  /** Pagefind's excerpt with <mark>ed words, when keyword search matched. */
  excerpt?: string;
  /** Semantic search's score, when it matched: the cosine similarity plus the lexical match (semantic.ts). */
  similarity?: number;
  /** Papers: publication year. */
  year?: number;
  /** Resources: course, dataset, ... */
  category?: string;
  /** The page's summary, for hits without a keyword excerpt. */
  summary?: string;
  /** True when keyword search did not find the page (the UI marks it). */
  semanticOnly?: boolean;
}

/** `window.deepatlasSearch`: what the evaluation script, the benchmark and the tests call. */
export interface SearchHook {
  /** `types`: labels of the type filter; `filters`: Pagefind's other filters (year, venue, topic). */
  run(query: string, mode: SearchMode, types?: string[], filters?: Record<string, string[]>, limit?: number): Promise<SearchHit[]>;
}

declare global {
  interface Window {
    deepatlasSearch?: SearchHook;
  }
}
