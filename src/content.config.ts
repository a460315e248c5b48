/**
 * Content collections: only the explainer articles (MDX with playgrounds), which Astro compiles.
 * The notes (zh.md, en.md) are not collections: each page renders its own note with the same
 * Markdown pipeline (src/pipeline/note-render.ts says why), and metadata, frontmatter and their
 * validation come from the content pipeline (src/pipeline/, run once per build through
 * src/data/site.ts), so nothing is parsed twice and every problem is one Diagnostic.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  // Explainer articles (src/pipeline/explainers.ts): MDX written by the core team, embedding playgrounds.
  explainers: defineCollection({ loader: glob({ pattern: '*/{zh,en}.mdx', base: './src/content/explainers', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }) }),
};
