import { z } from 'zod';
import { bilingualName, slug, summary } from './common.ts';

/** `src/content/explainers/<slug>/meta.yaml`: what both language versions of an explainer share. */
export const explainerMeta = z.strictObject({
  /** The article's title in Chinese and English. */
  name: bilingualName,
  /** Concepts the article walks through (slugs); their pages link to it. */
  concepts: z.array(slug).min(1),
  /** Position among the explainers on the learning path page (lower first). */
  order: z.number().int().min(0),
});
export type ExplainerMeta = z.infer<typeof explainerMeta>;

/** Frontmatter of `src/content/explainers/<slug>/zh.mdx` and `en.mdx`. */
export const explainerNote = z.strictObject({
  /** One or two sentences, in the article's language. */
  summary,
});
export type ExplainerNote = z.infer<typeof explainerNote>;
