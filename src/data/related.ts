/** Related topics computed by the embed stage (src/pipeline/embed/), read once per build. */
import fs from 'node:fs';
import type { RelatedEntry, RelatedIndex } from '../pipeline/embed/related.ts';
import { relatedFile } from '../pipeline/embed/stage.ts';

let index: RelatedIndex | undefined;

export function relatedFor(pageId: string): RelatedEntry | undefined {
  index ??= fs.existsSync(relatedFile()) ? (JSON.parse(fs.readFileSync(relatedFile(), 'utf8')) as RelatedIndex) : { model: '', pages: {} };
  return index.pages[pageId];
}
