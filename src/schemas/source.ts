import { z } from 'zod';
import { bilingualName, slug } from './common.ts';

const bilingualText = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** `src/content/sources/articles.yaml`: the five source articles the knowledge base was built from. */
export const sourceArticle = z.strictObject({
  /** Stable id, e.g. "seed-001". */
  id: z.string().regex(/^seed-\d{3}$/),
  /** The article's file name in shared/seeds/. */
  file: z.string().min(1),
  /** The article's own title (in Chinese), as a fact about the source. */
  title: z.string().min(1),
  /** What the article covers, in our words. */
  summary: bilingualText,
  /** Concepts it teaches (slugs). */
  covers: z.array(slug).default([]),
});

export const ERRATUM_KINDS = ['reference', 'code', 'claim', 'terminology', 'formula'] as const;

/** `src/content/sources/errata.yaml`: one mistake in a source article and its correction. */
export const erratum = z.strictObject({
  /** The article's id from articles.yaml. */
  article: z.string().regex(/^seed-\d{3}$/),
  kind: z.enum(ERRATUM_KINDS),
  /** Where in the article, e.g. { zh: 第 3.2 节代码, en: Section 3.2, code }. */
  where: bilingualName,
  /** What is wrong, paraphrased (never quoted at length). */
  error: bilingualText,
  /** What is right. */
  correction: bilingualText,
  /** The page that has it right: a concept or resource slug or a paper key, as in [[...]] links. */
  link: z.string().min(1),
});
