/**
 * Related topics: for each page, the most similar papers, concepts and resources
 * in the same language, excluding the page itself and its other-language twin.
 *
 * Scales as n * m * dims for n pages and m candidates of the same language, with O(k) memory per
 * page: word counts and norms are computed once per page (not once per pair), and each page keeps
 * its best k in a bounded heap instead of sorting every candidate.
 */
import type { EntityKind } from '../catalog.ts';
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

function offer(heap: TopK, other: PageText, similarity: number) {
  if (heap.full && similarity < heap.worst) return;
  heap.push({ kind: other.entity.kind, id: other.entity.id, similarity });
}

export function relatedTopics(pages: Array<{ page: PageText; vector: Float32Array }>, topK: number, model: string): RelatedIndex {
  const index: RelatedIndex = { model, pages: {} };
  // Per language, the long-enough pages' unit vectors in one flat array (word counts and norms
  // once per page, not once per pair; a flat array keeps the inner loop in cache).
  const groups = new Map<string, { pages: PageText[]; dims: number; matrix: Float32Array }>();
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
  for (const [lang, list] of candidates) {
    const dims = list[0]?.vector.length ?? 0;
    const matrix = new Float32Array(list.length * dims);
    list.forEach(({ vector }, i) => {
      const n = norm(vector) || 1;
      for (let d = 0; d < dims; d++) matrix[i * dims + d] = vector[d]! / n;
    });
    groups.set(lang, { pages: list.map((p) => p.page), dims, matrix });
  }
  for (const { pages: group, dims, matrix } of groups.values()) {
    // Similarity is symmetric: each pair is computed once and offered to both pages' heaps.
    const heaps = group.map(() => new TopK(topK));
    for (let i = 0; i < group.length; i++) {
      const a = i * dims;
      for (let j = i + 1; j < group.length; j++) {
        if (group[j]!.entity === group[i]!.entity) continue;
        let d0 = 0;
        let d1 = 0;
        let d = 0;
        for (let b = j * dims; d + 1 < dims; d += 2) {
          d0 += matrix[a + d]! * matrix[b + d]!;
          d1 += matrix[a + d + 1]! * matrix[b + d + 1]!;
        }
        if (d < dims) d0 += matrix[a + d]! * matrix[j * dims + d]!;
        const similarity = Math.round((d0 + d1) * 1e4) / 1e4;
        // Most pairs lose to both pages' current k-th best: skip them before allocating anything.
        offer(heaps[i]!, group[j]!, similarity);
        offer(heaps[j]!, group[i]!, similarity);
      }
    }
    group.forEach((page, i) => (index.pages[page.id] = { related: heaps[i]!.sorted() }));
  }
  return index;
}
