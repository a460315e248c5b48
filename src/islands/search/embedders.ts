/** Turns a query into a vector: the corpus model's fast path, or transformers.js. */
import { CorpusEmbedder } from '../../shared/embed/fast-path.ts';
import { MODELS_DIR, SEARCH_FILES, searchFileUrl } from '../../shared/search/contract.ts';
import { webgpuStatus } from '../runtime/ort.ts';

export interface QueryEmbedder {
  embed(text: string): Promise<Float32Array>;
  /** 'typescript', 'webgpu' or 'wasm': what the UI reports. */
  backend: string;
  /** The query's content tokens in the corpus model, for the lexical score (the fast path only). */
  lexicalTokens?(text: string): number[];
}

export async function fastPathEmbedder(get: (name: string) => Promise<ArrayBuffer>): Promise<QueryEmbedder> {
  const decode = (b: ArrayBuffer) => JSON.parse(new TextDecoder().decode(b)) as unknown;
  const [tokenizer, config, table, scales] = await Promise.all([get(SEARCH_FILES.tokenizer), get(SEARCH_FILES.tokenizerConfig), get(SEARCH_FILES.table), get(SEARCH_FILES.tableScales)]);
  const embedder = new CorpusEmbedder({ tokenizerJson: decode(tokenizer), tokenizerConfig: decode(config), table: new Int8Array(table), scales: new Float32Array(scales) });
  // A misspelt English word would be [UNK] to the model: the nearest vocabulary words stand in.
  return { embed: async (text) => embedder.embed(embedder.correctSpelling(text)), lexicalTokens: (text) => embedder.lexicalTokens(embedder.correctSpelling(text)), backend: 'typescript' };
}

/** Pretrained models (and the corpus model on request) through transformers.js, WebGPU first. */
export async function transformersEmbedder(base: string, model: string): Promise<QueryEmbedder> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = searchFileUrl(base, `${MODELS_DIR}/`);
  const wasm = env.backends.onnx.wasm as { wasmPaths?: unknown; numThreads?: number } | undefined;
  if (wasm) {
    // transformers.js points onnxruntime-web at a CDN; the site serves the runtime itself
    // (the bundler emits it next to the code), and static hosts cannot enable threads.
    delete wasm.wasmPaths;
    wasm.numThreads = 1;
  }
  const device = (await webgpuStatus()).available ? 'webgpu' : 'wasm';
  const extractor = await pipeline('feature-extraction', model, { device, dtype: 'fp32' });
  return {
    backend: device,
    embed: async (text) => {
      const out = await extractor([text], { pooling: 'mean', normalize: true });
      const v = Float32Array.from(out.data as Float32Array);
      return v.some(Number.isNaN) ? new Float32Array(v.length) : v;
    },
  };
}
