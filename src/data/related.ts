/** Related topics computed by the embed stage (src/pipeline/embed/), read once per build. */
import fs from 'node:fs';
import type { RelatedEntry, RelatedIndex } from '../pipeline/embed/related.ts';
import { relatedFile } from '../pipeline/embed/stage.ts';

let index: RelatedIndex | undefined;

/**
 * The index the integration's embed stage wrote before the pages render. A missing file is a
 * build error, not an empty sidebar: it means the stage did not run.
 */
export function relatedIndex(): RelatedIndex {
  if (!index) {
    const file = relatedFile();
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: the embed stage (src/integration.ts) must run before the pages render; run npm run build or npm run embed`);
    index = JSON.parse(fs.readFileSync(file, 'utf8')) as RelatedIndex;
  }
  return index;
}

export function relatedFor(pageId: string): RelatedEntry | undefined {
  return relatedIndex().pages[pageId];
}
