/**
 * The embed stage as the build runs it: settings from the environment, caches
 * and outputs under .cache/, related topics written where the pages read them.
 */
import path from 'node:path';
import type { Catalog } from '../catalog.ts';
import { projectPaths } from '../settings.ts';
import { embedSite, writeRelated, type EmbedRun } from './index.ts';
import { embedSettings, type EmbedSettings } from './settings.ts';
import { RETRAIN_DRIFT } from './train.ts';

export function cacheDir(root = projectPaths().root): string {
  return path.join(root, '.cache');
}

export function relatedFile(root = projectPaths().root): string {
  return path.join(cacheDir(root), 'site/related.json');
}

export async function runEmbedStage(catalog: Catalog, settings: EmbedSettings = embedSettings(), onProgress?: (done: number, total: number) => void): Promise<EmbedRun> {
  const run = await embedSite(catalog, settings, { cacheDir: path.join(cacheDir(catalog.paths.root), 'embeddings'), proseCacheFile: path.join(cacheDir(catalog.paths.root), 'site/page-prose.json'), ...(onProgress ? { onProgress } : {}) });
  writeRelated(relatedFile(catalog.paths.root), run.related);
  return run;
}

export function describeRun(run: EmbedRun): string {
  const device = run.model.fallbackReason ? `${run.model.device} (${run.model.fallbackReason})` : run.model.device;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const drift = run.training?.drift ? ` (corpus drift ${pct(run.training.drift.documents)} of documents, ${pct(run.training.drift.vocabulary)} of vocabulary; retrains past ${pct(RETRAIN_DRIFT)})` : '';
  const training = run.training ? `${run.training.retrained ? 'trained' : 'reused'} corpus model (${run.training.vocabSize} tokens x ${run.training.dims} dims, ${(run.training.bytes / 1e6).toFixed(2)} MB) in ${Math.round(run.training.milliseconds)} ms${drift}; ` : '';
  return `${training}model ${run.model.id} on ${device}: ${run.embedded} pages embedded, ${run.cached} from cache` +
    (run.embedded ? `, ${run.passagesPerSecond.toFixed(0)} passages/s` : '') +
    ` (embedding ${Math.round(run.milliseconds)} ms); related topics in ${Math.round(run.relatedMilliseconds)} ms`;
}
