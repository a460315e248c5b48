/**
 * Related topics: for each page, the most similar papers, concepts and resources
 * in the same language, excluding the page itself and its other-language twin.
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

export function relatedTopics(pages: Array<{ page: PageText; vector: Float32Array }>, topK: number, model: string): RelatedIndex {
  const index: RelatedIndex = { model, pages: {} };
  for (const { page, vector } of pages) {
    if (wordCount(page.text) < MIN_WORDS) {
      index.pages[page.id] = { tooShort: true };
      continue;
    }
    const scored = pages
      .filter((o) => o.page.lang === page.lang && o.page.entity !== page.entity && wordCount(o.page.text) >= MIN_WORDS)
      .map((o) => ({ kind: o.page.entity.kind, id: o.page.entity.id, similarity: Number(cosine(vector, o.vector).toFixed(4)) }))
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    index.pages[page.id] = { related: scored.slice(0, topK) };
  }
  return index;
}
