import { z } from 'zod';
import { citationKey, pageQuestions, slug, summary } from './common.ts';
import { syncedHash } from './translation.ts';

/** A key equation shown at the top of a paper page. */
export const keyEquation = z.strictObject({
  /** What the equation is, in the note's language, e.g. "Scaled dot-product attention". */
  label: z.string().min(1),
  /** The equation in LaTeX, rendered by KaTeX at build time. */
  tex: z.string().min(1),
});

/**
 * Frontmatter of `papers/<key>/zh.md` and `en.md`. Bibliographic facts live in
 * `paper.bib` only; the notes hold what the knowledge base says about the paper.
 */
export const paperNote = z.strictObject({
  /** One or two sentences: what the paper did and why it matters. */
  summary,
  /** Concepts the paper introduces or uses (slugs). */
  concepts: z.array(slug).default([]),
  /** Free-form tags, e.g. "architecture", "dataset". */
  tags: z.array(z.string().min(1)).default([]),
  /** Key equations, shown rendered above the notes. */
  equations: z.array(keyEquation).default([]),
  /** Hash of the twin note at the last translation sync (see translation.ts). */
  synced: syncedHash,
});
export type PaperNote = z.infer<typeof paperNote>;

/**
 * `papers/<key>/meta.yaml` (optional): what both notes share and BibTeX has no field for.
 */
export const paperMeta = z.strictObject({
  /** Short names readers use for the paper (AlexNet, ResNet, BERT): shown under the title, searchable, linkable as `[[AlexNet]]`. */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Papers of the knowledge base that this paper cites in its own reference list (BibTeX keys).
   * Only what the paper really cites: leave a key out when unsure. A paper cannot cite one published
   * more than a year after it.
   */
  cites: z.array(citationKey).default([]),
  /**
   * Questions the paper answers, as students ask them (哪篇论文提出了残差连接? "which paper made
   * very deep networks trainable?"): shown on the page, indexed and embedded like a concept's.
   */
  questions: pageQuestions.optional(),
});
export type PaperMeta = z.infer<typeof paperMeta>;

/** One paper's bibliographic record, parsed from `paper.bib` (the `papers` collection's entries). */
export const paperRecord = z.object({
  key: z.string(),
  /** BibTeX entry type, lower case: article, inproceedings, book, misc, techreport, ... */
  entryType: z.string(),
  title: z.string().min(1),
  /** particle: BibTeX's "von" part ("von Platen"); suffix: its "Jr." part. */
  authors: z.array(z.object({ family: z.string(), given: z.string().optional(), particle: z.string().optional(), suffix: z.string().optional() })),
  /** True when the BibTeX author list ends in "and others". */
  etAl: z.boolean(),
  year: z.number().int(),
  /** Journal, proceedings, publisher or institution, whichever the entry type has. */
  venue: z.string().optional(),
  pages: z.string().optional(),
  doi: z.string().optional(),
  arxiv: z.string().optional(),
  isbn: z.string().optional(),
  url: z.string().optional(),
  /** BibTeX fields as written (lower-case names). */
  fields: z.record(z.string(), z.string()),
  /** CSL-JSON item for citation-js, with "and others" turned into et al. */
  csl: z.looseObject({ id: z.string(), type: z.string() }),
  /** The paper.bib text itself. */
  bibtex: z.string(),
});
