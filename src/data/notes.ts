/**
 * The build's note renderer (src/pipeline/note-render.ts), one per process. Like the site cache
 * (./site.ts) it lives on globalThis, so the pages and the integration (which logs how many
 * notes were rendered and how many came from .cache/notes/) share it across module graphs.
 */
import path from 'node:path';
import { createNoteRenderer, type NoteRenderer } from '../pipeline/note-render.ts';
import { drainNotes, noteFiles, WORKER_MIN_WORK, type NotePrerender } from '../pipeline/note-prerender.ts';
import { uncachedReferences } from '../pipeline/cite.ts';
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

const PRERENDER = Symbol.for('deepatlas.notes.prerender');
type PrerenderHolder = typeof globalThis & { [PRERENDER]?: NotePrerender & { joined?: Promise<void> } };

/** Called by scripts/lib/astro-build.ts: notes are being rendered by a worker thread. */
export function announceNotePrerender(prerender: NotePrerender): void {
  (globalThis as PrerenderHolder)[PRERENDER] = prerender;
}

/**
 * Called by the integration after the content check passed: the worker starts if the caches
 * lack enough notes or references to be worth it (WORKER_MIN_WORK), else the pages render them.
 */
export function startNotePrerender(): void {
  const prerender = (globalThis as PrerenderHolder)[PRERENDER];
  if (!prerender) return;
  const { catalog } = getSite();
  const notes = noteRenderer().uncached(noteFiles(catalog)).length;
  const references = uncachedReferences([...catalog.papers.values()].map((p) => p.paper.csl));
  if (notes > WORKER_MIN_WORK || references > WORKER_MIN_WORK) return prerender.start();
  // Nothing to join: each page renders (or reads) its own note.
  prerender.joined = Promise.resolve();
  prerender.skip(`${notes} note${notes === 1 ? '' : 's'} and ${references} paper${references === 1 ? '' : 's'}' references not in .cache/`);
}

/**
 * Before the first note of a page: help the worker render what is left, then wait for it, so
 * every page reads its note from the cache. Does nothing without a worker (dev, tests).
 */
export function joinNotePrerender(): Promise<void> {
  const prerender = (globalThis as PrerenderHolder)[PRERENDER];
  if (!prerender) return Promise.resolve();
  prerender.joined ??= (async () => {
    // Started after the check in a build; started here otherwise, so the wait below always ends.
    prerender.start();
    const renderer = noteRenderer();
    await drainNotes(noteFiles(getSite().catalog), prerender.counter, (file) => renderer.render(file));
    await prerender.worker;
  })();
  return prerender.joined;
}
