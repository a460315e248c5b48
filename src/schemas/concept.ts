import { z } from 'zod';
import { bilingualName, citationKey, pageQuestions, slug, summary } from './common.ts';
import { syncedHash } from './translation.ts';

/** Topic areas, in the order the home page and the concept index list them. */
export const TOPICS = [
  'foundations',
  'optimization',
  'training',
  'architectures',
  'nlp',
  'vision',
  'speech',
  'generative-models',
  'large-models',
  'llm-training-alignment',
  'inference-serving',
  'systems',
  'responsible-ai',
] as const;
export type Topic = (typeof TOPICS)[number];

/** `src/content/concepts/<slug>/meta.yaml`: what both language versions share. */
export const conceptMeta = z.strictObject({
  /** The concept's name in Chinese and English. */
  name: bilingualName,
  /** Other names that resolve to this concept in `[[...]]` links: abbreviations, synonyms, both languages. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Questions the page answers, per language (see pageQuestions). */
  questions: pageQuestions.optional(),
  /** The topic area the concept is listed under. */
  topic: z.enum(TOPICS),
  /** Concepts a reader should know first (slugs). */
  prerequisites: z.array(slug).default([]),
  /** Papers that introduced or shaped the concept (BibTeX keys). */
  papers: z.array(citationKey).default([]),
});
export type ConceptMeta = z.infer<typeof conceptMeta>;

/** Frontmatter of `src/content/concepts/<slug>/zh.md` and `en.md`. */
export const conceptNote = z.strictObject({
  /** One or two sentences, in the note's language. */
  summary,
  /** Hash of the twin note at the last translation sync (see translation.ts). */
  synced: syncedHash,
});
export type ConceptNote = z.infer<typeof conceptNote>;
