/**
 * Content collections. Metadata is validated by the zod schemas in src/schemas/
 * (the schema is the documentation); notes are Markdown rendered by Astro.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import fs from 'node:fs';
import path from 'node:path';
import { conceptMeta, conceptNote } from './schemas/concept.ts';
import { paperNote, paperRecord } from './schemas/paper.ts';
import { resourceMeta, resourceNote } from './schemas/resource.ts';
import { parseBibFile } from './pipeline/bib.ts';
import { formatDiagnostic } from './pipeline/diagnostics.ts';

const folderId = ({ entry }: { entry: string }) => entry.split('/')[0]!;

/** papers/<key>/paper.bib, one entry each, parsed by citation-js (src/pipeline/bib.ts). */
function bibLoader(dir: string): Loader {
  return {
    name: 'deepatlas-bib',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      for (const key of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, key, 'paper.bib');
        if (!fs.existsSync(file)) continue;
        const { paper, diagnostics } = parseBibFile(fs.readFileSync(file, 'utf8'), `papers/${key}/paper.bib`, key);
        if (!paper) {
          diagnostics.forEach((d) => logger.error(formatDiagnostic(d)));
          continue;
        }
        store.set({ id: key, data: await parseData({ id: key, data: { ...paper } }), filePath: `papers/${key}/paper.bib` });
      }
    },
  };
}

export const collections = {
  papers: defineCollection({ loader: bibLoader('./papers'), schema: paperRecord }),
  paperNotes: defineCollection({ loader: glob({ pattern: '*/{zh,en}.md', base: './papers' }), schema: paperNote }),
  concepts: defineCollection({ loader: glob({ pattern: '*/meta.yaml', base: './src/content/concepts', generateId: folderId }), schema: conceptMeta }),
  conceptNotes: defineCollection({ loader: glob({ pattern: '*/{zh,en}.md', base: './src/content/concepts' }), schema: conceptNote }),
  resources: defineCollection({ loader: glob({ pattern: '*/meta.yaml', base: './src/content/resources', generateId: folderId }), schema: resourceMeta }),
  resourceNotes: defineCollection({ loader: glob({ pattern: '*/{zh,en}.md', base: './src/content/resources' }), schema: resourceNote }),
};
