/**
 * Embedding cache: one line of JSON per model, vectors as base64 int8 with a
 * per-vector scale (a quarter of float32, and exact enough for cosine ranking).
 * Keyed by model id + model hash + text hash: only changed pages are re-embedded,
 * and entries of deleted pages are dropped when the cache is written back.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dequantize, quantize, type QuantizedVector } from '../../shared/embed/quantize.ts';

export { dequantize, quantize, type QuantizedVector };

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Hash of a model directory's weights and tokenizer: a retrained model invalidates the cache. */
export function modelHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of ['config.json', 'tokenizer.json', 'onnx/model.onnx']) {
    const abs = path.join(dir, file);
    if (fs.existsSync(abs)) hash.update(fs.readFileSync(abs));
  }
  return hash.digest('hex').slice(0, 32);
}

interface CacheFile {
  model: string;
  modelHash: string;
  dims: number;
  entries: Record<string, [number, string]>;
}

export class EmbeddingCache {
  private readonly entries = new Map<string, QuantizedVector>();
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  private readonly file: string;
  private readonly model: string;
  private readonly hash: string;

  constructor(file: string, model: string, hash: string) {
    this.file = file;
    this.model = model;
    this.hash = hash;
    if (!fs.existsSync(file)) return;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (data.model !== model || data.modelHash !== hash) return;
    for (const [key, [scale, b64]] of Object.entries(data.entries)) {
      const bytes = Buffer.from(b64, 'base64');
      this.entries.set(key, { scale, data: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    }
  }

  get(text: string): Float32Array | undefined {
    const key = textHash(text);
    const hit = this.entries.get(key);
    if (hit) {
      this.used.add(key);
      this.hits++;
      return dequantize(hit);
    }
    this.misses++;
    return undefined;
  }

  /** Stores a fresh vector and returns it as the cache will return it next time. */
  set(text: string, vector: Float32Array): Float32Array {
    const key = textHash(text);
    const q = quantize(vector);
    this.entries.set(key, q);
    this.used.add(key);
    return dequantize(q);
  }

  /** Writes the entries used in this run (pages that were deleted drop out). */
  save(dims: number) {
    const entries: CacheFile['entries'] = {};
    for (const key of [...this.used].sort()) {
      const q = this.entries.get(key)!;
      entries[key] = [q.scale, Buffer.from(q.data.buffer, q.data.byteOffset, q.data.byteLength).toString('base64')];
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify({ model: this.model, modelHash: this.hash, dims, entries } satisfies CacheFile));
  }
}
