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
  /** Cosine similarity, when semantic search matched. */
  similarity?: number;
}

/** `window.deepatlasSearch`: what the evaluation script, the benchmark and the tests call. */
export interface SearchHook {
  run(query: string, mode: SearchMode, types?: string[]): Promise<SearchHit[]>;
}

declare global {
  interface Window {
    deepatlasSearch?: SearchHook;
  }
}
