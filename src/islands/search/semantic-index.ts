/** Downloads the semantic index from /search/ (with progress) and ranks pages with the pure core. */
import { dequantizeRows } from '../../shared/embed/quantize.ts';
import { SEARCH_FILES, searchFileUrl, type SearchHit, type SearchManifest, type SearchPage } from '../../shared/search/contract.ts';
import { semanticQueryText } from '../../shared/search/query.ts';
import { decodeLexical } from '../../shared/search/lexical.ts';
import { rankSemantic, type SemanticCorpus } from '../../shared/search/semantic.ts';
import { fastPathEmbedder, transformersEmbedder, type QueryEmbedder } from './embedders.ts';

export class SemanticIndex {
  readonly embedder: QueryEmbedder;
  readonly corpus: SemanticCorpus;
  readonly manifest: SearchManifest;
  /** Bytes downloaded, for the UI. */
  readonly bytes: number;

  constructor(embedder: QueryEmbedder, corpus: SemanticCorpus, manifest: SearchManifest, bytes: number) {
    this.embedder = embedder;
    this.corpus = corpus;
    this.manifest = manifest;
    this.bytes = bytes;
  }

  /** `runtime: 'transformers'` runs the model through transformers.js even when a fast path exists. */
  static async load(base: string, onProgress: (fraction: number) => void, runtime?: string, pages?: Promise<SearchPage[]>): Promise<SemanticIndex> {
    const manifest = (await (await fetch(searchFileUrl(base, SEARCH_FILES.manifest))).json()) as SearchManifest;
    const total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
    let loaded = 0;
    const get = async (name: string) => {
      const buffer = await (await fetch(searchFileUrl(base, name))).arrayBuffer();
      loaded += buffer.byteLength;
      onProgress(Math.min(1, loaded / total));
      return buffer;
    };
    const useTransformers = runtime === 'transformers' || manifest.runtime !== 'corpus-fast-path';
    // pages.json may already be on its way (the engine loads it for the names).
    const pagesFile = manifest.files[SEARCH_FILES.pages] ?? 0;
    const loadedPages = pages ? pages.then((p) => ((loaded += pagesFile), onProgress(Math.min(1, loaded / total)), p)) : get(SEARCH_FILES.pages).then((b) => JSON.parse(new TextDecoder().decode(b)) as SearchPage[]);
    // One set of int8 rows and their scales; undefined when the index has no such file (older builds).
    const rows = async (vectorsFile: string, scalesFile: string) => {
      if (!(vectorsFile in manifest.files)) return undefined;
      const [data, scales] = await Promise.all([get(vectorsFile), get(scalesFile)]);
      return dequantizeRows(new Int8Array(data), new Float32Array(scales), manifest.dims);
    };
    // The lexical index needs the corpus model's tokenizer: the fast path's (transformers.js runs without it).
    const lexicalBytes = !useTransformers && SEARCH_FILES.lexical in manifest.files ? get(SEARCH_FILES.lexical) : undefined;
    const [embedder, decodedPages, vectors, headVectors, questionVectors, lexicalFile] = await Promise.all([
      useTransformers ? transformersEmbedder(base, manifest.model) : fastPathEmbedder(get),
      loadedPages,
      rows(SEARCH_FILES.vectors, SEARCH_FILES.vectorScales),
      rows(SEARCH_FILES.headVectors, SEARCH_FILES.headVectorScales),
      rows(SEARCH_FILES.questionVectors, SEARCH_FILES.questionVectorScales),
      lexicalBytes,
    ]);
    if (!vectors) throw new Error(`the search index lists no ${SEARCH_FILES.vectors}`);
    const corpus: SemanticCorpus = {
      pages: decodedPages,
      vectors,
      ...(headVectors ? { headVectors } : {}),
      ...(questionVectors ? { questionVectors } : {}),
      ...(lexicalFile ? { lexical: decodeLexical(new Uint8Array(lexicalFile), decodedPages.length) } : {}),
      dims: manifest.dims,
    };
    return new SemanticIndex(embedder, corpus, manifest, loaded);
  }

  async search(query: string, lang: string, limit = 10, lexicalQuery = query): Promise<SearchHit[]> {
    const text = semanticQueryText(query, this.manifest.queryPrefix);
    const vector = await this.embedder.embed(text);
    return rankSemantic(this.corpus, vector, lang, limit, this.embedder.lexicalTokens?.(lexicalQuery) ?? []);
  }
}
