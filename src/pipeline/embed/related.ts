/**
 * Related topics: for each page, the most similar papers, concepts and resources
 * in the same language, excluding the page itself and its other-language twin.
 *
 * Scales as n * m * dims for n pages and m candidates of the same language, computed as blocked
 * matrix products, with O(k) memory per page: word counts and norms are computed once per page
 * (not once per pair), and each page keeps its best k in a bounded heap instead of sorting every
 * candidate.
 */
import type { EntityKind } from '../catalog.ts';
import { matmul, Tensor } from '@huggingface/transformers';
import type { PageText } from './corpus.ts';

export interface RelatedTopic {
  kind: EntityKind;
  id: string;
  similarity: number;
}

export type RelatedEntry = { related: RelatedTopic[] } | { tooShort: true };

export interface RelatedIndex {
  model: string;
  /** By page id, e.g. `concept:gradient-descent:zh`. */
  pages: Record<string, RelatedEntry>;
}

/** Fewer words (or CJK characters) than this, and similarities are mostly noise. */
export const MIN_WORDS = 40;

export function wordCount(text: string): number {
  return (text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []).length;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(a: Float32Array): number {
  return Math.sqrt(cosine(a, a));
}

/** Ranking order: higher similarity first, then id, so ties come out the same on every run. */
const better = (a: RelatedTopic, b: RelatedTopic) => a.similarity > b.similarity || (a.similarity === b.similarity && a.id.localeCompare(b.id) < 0);

/**
 * The k best of a stream in a min-heap whose root is the worst kept item: O(log k) per push.
 * Hand-written because it is 30 lines and no maintained package does a bounded heap without
 * pulling in a general collections library.
 */
export class TopK {
  private readonly items: RelatedTopic[] = [];
  private readonly k: number;
  constructor(k: number) {
    this.k = k;
  }

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** Similarity of the worst item kept (meaningful when full). */
  get worst(): number {
    return this.items[0]?.similarity ?? -Infinity;
  }

  push(item: RelatedTopic) {
    const h = this.items;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.k > 0 && better(item, h[0]!)) {
      h[0] = item;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): RelatedTopic[] {
    return [...this.items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  private up(i: number) {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number) {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && better(h[worst]!, h[l]!)) worst = l;
      if (r < h.length && better(h[worst]!, h[r]!)) worst = r;
      if (worst === i) return;
      [h[worst], h[i]] = [h[i]!, h[worst]!];
      i = worst;
    }
  }
}

/**
 * Similarities of rows [start, start + count) of `matrix` (row-major, unit rows) with every row:
 * a count x rows block, row-major. The default runs the product through onnxruntime (the
 * `matmul` transformers.js exposes), which is vectorised and threaded: at 10,000 papers the
 * pairwise loop in JavaScript took 39 s of the build, the blocked product takes under 2 s.
 */
export type BlockSimilarity = (matrix: Float32Array, rows: number, dims: number, start: number, count: number) => Promise<Float32Array>;

export function onnxBlockSimilarity(): BlockSimilarity {
  // The transposed matrix is built once per group, not once per block.
  let transposed: { of: Float32Array; tensor: Tensor } | undefined;
  return async (matrix, rows, dims, start, count) => {
    if (transposed?.of !== matrix) {
      const t = new Float32Array(dims * rows);
      for (let i = 0; i < rows; i++) for (let d = 0; d < dims; d++) t[d * rows + i] = matrix[i * dims + d]!;
      transposed = { of: matrix, tensor: new Tensor('float32', t, [dims, rows]) };
    }
    const block = new Tensor('float32', matrix.subarray(start * dims, (start + count) * dims), [count, dims]);
    const product = await matmul(block, transposed.tensor);
    return product.data as Float32Array;
  };
}

/** The same product in plain JavaScript: the reference the tests hold the default to. */
export const plainBlockSimilarity: BlockSimilarity = async (matrix, rows, dims, start, count) => {
  const out = new Float32Array(count * rows);
  for (let r = 0; r < count; r++) {
    const a = (start + r) * dims;
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += matrix[a + d]! * matrix[j * dims + d]!;
      out[r * rows + j] = s;
    }
  }
  return out;
};

/** Rows per block: 1,024 x 11,000 pages of one language is a 45 MB block. */
const BLOCK_ROWS = 1024;

export async function relatedTopics(
  pages: Array<{ page: PageText; vector: Float32Array }>,
  topK: number,
  model: string,
  similarity: BlockSimilarity = onnxBlockSimilarity(),
): Promise<RelatedIndex> {
  const index: RelatedIndex = { model, pages: {} };
  // Per language, the long-enough pages' unit vectors in one flat array (word counts and norms
  // once per page, not once per pair).
  const candidates = new Map<string, Array<{ page: PageText; vector: Float32Array }>>();
  for (const p of pages) {
    if (wordCount(p.page.text) < MIN_WORDS) {
      index.pages[p.page.id] = { tooShort: true };
      continue;
    }
    const list = candidates.get(p.page.lang) ?? [];
    list.push(p);
    candidates.set(p.page.lang, list);
  }
  for (const list of candidates.values()) {
    const dims = list[0]?.vector.length ?? 0;
    const rows = list.length;
    const matrix = new Float32Array(rows * dims);
    list.forEach(({ vector }, i) => {
      const n = norm(vector) || 1;
      for (let d = 0; d < dims; d++) matrix[i * dims + d] = vector[d]! / n;
    });
    const group = list.map((p) => p.page);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const count = Math.min(BLOCK_ROWS, rows - start);
      const block = await similarity(matrix, rows, dims, start, count);
      for (let r = 0; r < count; r++) {
        const i = start + r;
        const heap = new TopK(topK);
        const row = r * rows;
        for (let j = 0; j < rows; j++) {
          // Rounded so that float noise between the engines cannot reorder ties.
          const s = Math.round(block[row + j]! * 1e4) / 1e4;
          // Most pages lose to the current k-th best: skip them before allocating anything.
          if (heap.full && s < heap.worst) continue;
          if (group[j]!.entity === group[i]!.entity) continue;
          heap.push({ kind: group[j]!.entity.kind, id: group[j]!.entity.id, similarity: s });
        }
        index.pages[group[i]!.id] = { related: heap.sorted() };
      }
    }
  }
  return index;
}
