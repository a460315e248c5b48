import { z } from 'zod';

/** Lower-case words joined by hyphens: the folder name of a concept or resource. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug of lower-case letters, digits and hyphens, e.g. "gradient-descent"');

/** A BibTeX citation key, which is also the paper's folder name under papers/. */
export const citationKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_:-]*$/, 'a BibTeX key of letters, digits, "_", ":" or "-", e.g. "vaswani2017attention"');

/** A name in both languages; the site shows the one of the page's language. */
export const bilingualName = z.object({
  /** Chinese name, e.g. 梯度下降. */
  zh: z.string().min(1),
  /** English name, e.g. Gradient descent. */
  en: z.string().min(1),
});

/** The one-paragraph summary shown in lists, cards and link previews. */
export const summary = z.string().min(10, 'a summary of at least 10 characters');

/**
 * Questions a page answers, as students ask them, per language: shown on the page, and part
 * of the page's head for search (a question finds the page that answers it).
 */
export const pageQuestions = z.strictObject({ zh: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) });
