/**
 * Content collections: only the notes (zh.md, en.md), which Astro renders through its Markdown
 * pipeline. Metadata, frontmatter and their validation come from the content pipeline
 * (src/pipeline/, run once per build through src/data/site.ts), so nothing is parsed twice and
 * every problem is reported as one Diagnostic, never skipped here.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ENTITY_KINDS, ENTITY_KIND_LIST } from './shared/entity-kinds.ts';

// Ids keep the folder name as written ("vaswani2017attention/zh"), so they match catalog ids.
const noteId = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  ...Object.fromEntries(
    ENTITY_KIND_LIST.map((kind) => [
      ENTITY_KINDS[kind].noteCollection,
      defineCollection({ loader: glob({ pattern: '*/{zh,en}.md', base: `./${ENTITY_KINDS[kind].contentDir}`, generateId: noteId }) }),
    ]),
  ),
  // Explainer articles (src/pipeline/explainers.ts): MDX written by the core team, embedding playgrounds.
  explainers: defineCollection({ loader: glob({ pattern: '*/{zh,en}.mdx', base: './src/content/explainers', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }) }),
};
