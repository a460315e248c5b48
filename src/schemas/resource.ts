import { z } from 'zod';
import { bilingualName, citationKey, pageQuestions, slug, summary } from './common.ts';
import { syncedHash } from './translation.ts';

export const RESOURCE_KINDS = ['course', 'platform', 'conference', 'tool', 'dataset'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** `src/content/resources/<slug>/meta.yaml`: a course, platform, conference, tool or data set. */
export const resourceMeta = z.strictObject({
  name: bilingualName,
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(RESOURCE_KINDS),
  /** Questions the page answers, per language (see pageQuestions): what it is, which to pick, where to find it. */
  questions: pageQuestions.optional(),
  /** The official site; leave it out rather than guess. */
  url: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
  /** Concepts the resource teaches or serves (slugs). */
  concepts: z.array(slug).default([]),
  /** Papers that describe it, e.g. a data set's paper (BibTeX keys). */
  papers: z.array(citationKey).default([]),
});
export type ResourceMeta = z.infer<typeof resourceMeta>;

export const resourceNote = z.strictObject({
  summary,
  /** Hash of the twin note at the last translation sync (see translation.ts). */
  synced: syncedHash,
});
export type ResourceNote = z.infer<typeof resourceNote>;
