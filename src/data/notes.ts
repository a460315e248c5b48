/**
 * The build's note renderer (src/pipeline/note-render.ts), one per process. Like the site cache
 * (./site.ts) it lives on globalThis, so the pages and the integration (which logs how many
 * notes were rendered and how many came from .cache/notes/) share it across module graphs.
 */
import path from 'node:path';
import { createNoteRenderer, type NoteRenderer } from '../pipeline/note-render.ts';
import { getSite } from './site.ts';

const KEY = Symbol.for('deepatlas.notes');

// The same base astro.config.mjs gives the Markdown pipeline.
export function noteRenderer(base: string = process.env.DEEPATLAS_BASE ?? '/'): NoteRenderer {
  const holder = globalThis as typeof globalThis & { [KEY]?: NoteRenderer };
  holder[KEY] ??= createNoteRenderer({ getSite, base, cacheDir: path.join(getSite().catalog.paths.root, '.cache', 'notes') });
  return holder[KEY];
}

/** The renderer of this process, or undefined when no page rendered a note. */
export function usedNoteRenderer(): NoteRenderer | undefined {
  return (globalThis as typeof globalThis & { [KEY]?: NoteRenderer })[KEY];
}
