/**
 * The embed stage: make sure the model exists (training the corpus model when
 * it is the one configured), embed every page with the cache, and derive the
 * related topics. Used by `npm run embed`, the build and the benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog.ts';
import { EmbeddingCache, modelHash } from './cache.ts';
import { pageTexts, type PageText } from './corpus.ts';
import { embedTexts, loadModel, type LoadedModel } from './load.ts';
import { relatedTopics, type RelatedIndex } from './related.ts';
import { CORPUS_MODEL_ID, prefixesFor, type EmbedSettings } from './settings.ts';
import { trainCorpusModel, type TrainResult } from './train.ts';

export interface EmbeddedPage {
  page: PageText;
  /** The whole page: related topics and semantic search. */
  vector: Float32Array;
  /** Its head (title, aliases, summary): semantic search takes the closest of the three. */
  head: Float32Array;
  /** The questions the page answers; the head's vector again for a page without questions. */
  questions: Float32Array;
}

export interface EmbedRun {
  model: { id: string; device: string; fallbackReason?: string; dims: number; hash: string };
  training?: TrainResult;
  pages: EmbeddedPage[];
  related: RelatedIndex;
  relatedMilliseconds: number;
  embedded: number;
  cached: number;
  milliseconds: number;
  passagesPerSecond: number;
}

export function modelPath(settings: EmbedSettings): string {
  return path.join(settings.modelDir, settings.modelId);
}

export async function embedSite(
  catalog: Catalog,
  settings: EmbedSettings,
  options: { cacheDir: string; proseCacheFile?: string; onProgress?: (done: number, total: number) => void; model?: LoadedModel; texts?: PageText[] },
): Promise<EmbedRun> {
  const pages = options.texts ?? pageTexts(catalog, options.proseCacheFile ? { cacheFile: options.proseCacheFile } : {});
  // The model trains on the pages as they are, even when a caller embeds edited texts.
  const training = settings.modelId === CORPUS_MODEL_ID ? trainCorpusModel(catalog, modelPath(settings), options.texts ? {} : { pages }) : undefined;
  const model = options.model ?? (await loadModel(settings));
  const hash = modelHash(modelPath(settings));
  const cache = new EmbeddingCache(path.join(options.cacheDir, `${settings.modelId.replace(/[^\w.-]+/g, '__')}.json`), settings.modelId, hash);
  const { passage } = prefixesFor(settings.modelId);
  // Whole pages, their heads, their questions (or the head again): all through the cache.
  const texts = [...pages.map((p) => passage + p.text), ...pages.map((p) => passage + p.sections[0]!), ...pages.map((p) => passage + (p.questions ?? p.sections[0]!))];

  const vectors: Array<Float32Array | undefined> = texts.map((t) => cache.get(t));
  // Batched by length: a batch is padded to its longest text, so mixing a title with a whole page
  // made most of every batch padding (memory, garbage collection and pooling spent on nothing).
  const missing = texts.flatMap((_text, i) => (vectors[i] ? [] : [i])).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const started = performance.now();
  const batch = 32;
  for (let i = 0; i < missing.length; i += batch) {
    const indices = missing.slice(i, i + batch);
    const fresh = await embedTexts(model, indices.map((j) => texts[j]!), batch);
    indices.forEach((j, k) => (vectors[j] = cache.set(texts[j]!, fresh[k]!)));
    options.onProgress?.(Math.min(i + batch, missing.length), missing.length);
  }
  const milliseconds = performance.now() - started;
  const dims = vectors[0]?.length ?? 0;
  cache.save(dims);

  const embedded = pages.map((page, i) => ({ page, vector: vectors[i]!, head: vectors[pages.length + i]!, questions: vectors[2 * pages.length + i]! }));
  const relatedStarted = performance.now();
  const related = await relatedTopics(embedded, settings.topK, settings.modelId);
  return {
    model: { id: settings.modelId, device: model.device, ...(model.fallbackReason ? { fallbackReason: model.fallbackReason } : {}), dims, hash },
    ...(training ? { training } : {}),
    pages: embedded,
    related,
    relatedMilliseconds: performance.now() - relatedStarted,
    embedded: missing.length,
    cached: texts.length - missing.length,
    milliseconds,
    passagesPerSecond: missing.length > 0 ? (missing.length / milliseconds) * 1000 : 0,
  };
}

/** Where the build keeps what the pages read: related topics per page. */
export function writeRelated(file: string, related: RelatedIndex) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(related));
}
