/** Downloads the semantic index from /search/ (with progress) and ranks pages with the pure core. */
import { dequantizeRows } from '../../shared/embed/quantize.ts';
import { SEARCH_FILES, searchFileUrl, type SearchHit, type SearchManifest, type SearchPage } from '../../shared/search/contract.ts';
import { semanticQueryText } from '../../shared/search/query.ts';
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
    const hasHeads = SEARCH_FILES.headVectors in manifest.files;
    const hasQuestions = SEARCH_FILES.questionVectors in manifest.files;
    const [embedder, decodedPages, vectors, vectorScales, heads, headScales, questions, questionScales] = await Promise.all([
      useTransformers ? transformersEmbedder(base, manifest.model) : fastPathEmbedder(get),
      loadedPages, get(SEARCH_FILES.vectors), get(SEARCH_FILES.vectorScales),
      hasHeads ? get(SEARCH_FILES.headVectors) : undefined, hasHeads ? get(SEARCH_FILES.headVectorScales) : undefined,
      hasQuestions ? get(SEARCH_FILES.questionVectors) : undefined, hasQuestions ? get(SEARCH_FILES.questionVectorScales) : undefined,
    ]);
    const corpus: SemanticCorpus = {
      pages: decodedPages,
      vectors: dequantizeRows(new Int8Array(vectors), new Float32Array(vectorScales), manifest.dims),
      ...(heads && headScales ? { headVectors: dequantizeRows(new Int8Array(heads), new Float32Array(headScales), manifest.dims) } : {}),
      ...(questions && questionScales ? { questionVectors: dequantizeRows(new Int8Array(questions), new Float32Array(questionScales), manifest.dims) } : {}),
      dims: manifest.dims,
    };
    return new SemanticIndex(embedder, corpus, manifest, loaded);
  }

  async search(query: string, lang: string, limit = 10): Promise<SearchHit[]> {
    const vector = await this.embedder.embed(semanticQueryText(query, this.manifest.queryPrefix));
    return rankSemantic(this.corpus, vector, lang, limit);
  }
}
