/**
 * npm run bench:embed [-- --device cpu|cuda]
 * Embedding benchmarks: training time, passages/s (cold and cached) and peak
 * memory for the real site and for 2,000 and 20,000 synthetic passages made
 * from its text. Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/pipeline/catalog.ts';
import { EmbeddingCache } from '../src/pipeline/embed/cache.ts';
import { pageTexts } from '../src/pipeline/embed/corpus.ts';
import { embedSite, modelPath } from '../src/pipeline/embed/index.ts';
import { embedTexts, loadModel } from '../src/pipeline/embed/load.ts';
import { trainLsi } from '../src/pipeline/embed/lsi.ts';
import { embedSettings, type Device } from '../src/pipeline/embed/settings.ts';
import { encode, isContentToken, loadTokenizer } from '../src/pipeline/embed/tokenizer.ts';
import { trainCorpusModel } from '../src/pipeline/embed/train.ts';

const { values } = parseArgs({ options: { device: { type: 'string', default: 'auto' } } });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-bench-'));
const settings = { ...embedSettings(), modelDir: path.join(tmp, 'models'), device: values.device as Device };
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const { catalog } = loadCatalog();
const rows: string[][] = [['workload', 'passages', 'train ms', 'cold passages/s', 'warm run ms (all cached)', 'peak RSS MB']];

// The real site: train, embed cold, embed again from the cache.
let started = performance.now();
const trained = trainCorpusModel(catalog, modelPath(settings), { force: true });
const trainMs = performance.now() - started;
const cold = await embedSite(catalog, settings, { cacheDir: path.join(tmp, 'cache') });
started = performance.now();
const loaded = await loadModel(settings);
const warm = await embedSite(catalog, settings, { cacheDir: path.join(tmp, 'cache'), model: loaded });
const warmMs = performance.now() - started;
console.log(`model: ${cold.model.id}, ${trained.vocabSize} tokens x ${trained.dims} dims, ${(trained.bytes / 1e6).toFixed(2)} MB; device ${cold.model.device}${cold.model.fallbackReason ? ` (${cold.model.fallbackReason})` : ''}`);
rows.push(['real site', String(cold.pages.length), trainMs.toFixed(0), cold.passagesPerSecond.toFixed(0), `${warmMs.toFixed(0)} (${warm.cached} cached)`, peakMb()]);

// Synthetic passages: sentences of the real pages, shuffled and recombined.
const sentences = pageTexts(catalog).flatMap((p) => p.text.split(/(?<=[。.!?！？])\s*/)).filter((s) => s.length > 20);
let seed = 7;
const pick = () => sentences[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % sentences.length]!;
const model = loaded;
const tokenizer = loadTokenizer(JSON.parse(fs.readFileSync(path.join(modelPath(settings), 'tokenizer.json'), 'utf8')));
const vocab = Object.keys(JSON.parse(fs.readFileSync(path.join(modelPath(settings), 'tokenizer.json'), 'utf8')).model.vocab);
for (const count of [2000, 20000]) {
  const passages = Array.from({ length: count }, (_, i) => `${pick()} ${pick()} ${pick()} (${i})`);
  started = performance.now();
  trainLsi(passages.map((p) => encode(tokenizer, p)), vocab.length, (id) => isContentToken(vocab[id]!), { dims: trained.dims });
  const synthTrainMs = performance.now() - started;
  const cache = new EmbeddingCache(path.join(tmp, `synthetic-${count}.json`), settings.modelId, 'bench');
  started = performance.now();
  const vectors = await embedTexts(model, passages, 64);
  passages.forEach((p, i) => cache.set(p, vectors[i]!));
  const coldMs = performance.now() - started;
  started = performance.now();
  for (const p of passages) cache.get(p);
  const cachedMs = performance.now() - started;
  rows.push([`synthetic ${count}`, String(count), synthTrainMs.toFixed(0), ((count / coldMs) * 1000).toFixed(0), cachedMs.toFixed(0), peakMb()]);
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
fs.rmSync(tmp, { recursive: true, force: true });
