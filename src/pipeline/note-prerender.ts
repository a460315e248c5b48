/**
 * Notes rendered on both cores. Page generation is one thread, and at thousands of papers
 * rendering the notes' Markdown was two thirds of it (1,000 synthetic papers: 52 s of page
 * generation with an empty .cache/notes, 19 s with a full one), while the second core idled. So
 * scripts/lib/astro-build.ts starts a worker thread that renders every note into .cache/notes
 * while the Astro process checks the content, trains and embeds; when the first page needs a
 * note, the Astro thread joins in until no note is left, and the pages then read the cache.
 *
 * The two threads share one counter (a SharedArrayBuffer): each claims the next note with an
 * atomic add, so no note is rendered twice and neither thread waits while work is left. Both
 * list the notes in the same order from the same content. Everything here is an optimisation:
 * a note nobody pre-rendered (a worker that failed, `astro dev`) is rendered by its page.
 */
import type { Catalog } from './catalog.ts';
import { allEntities } from './catalog.ts';

/**
 * Up to this many notes (or papers' references) missing from the caches, the pages render them
 * and no worker starts. The worker reads the whole content again before its first note (~1.5 CPU
 * s on the real site, more than rendering 20 notes at ~15 ms each) and took the second core from
 * Vite in a rebuild after one edit, where it found one note to render.
 */
export const WORKER_MIN_WORK = 20;

/** Every note file of the catalog, sorted: the same list in every thread. */
export function noteFiles(catalog: Catalog): string[] {
  return [...new Set(allEntities(catalog).flatMap((entity) => Object.values(entity.notes).flatMap((note) => (note ? [note.file] : []))))].sort();
}

/** Renders notes claimed from the shared counter until none is left; returns how many this thread rendered. */
export async function drainNotes(files: readonly string[], counter: Int32Array, render: (file: string) => Promise<unknown>): Promise<number> {
  let done = 0;
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    await render(files[i]!);
    done++;
  }
  return done;
}

/** What astro-build.ts shares with the pages of its process (on globalThis, see src/data/notes.ts). */
export interface NotePrerender {
  counter: Int32Array;
  /**
   * Starts the worker; the integration calls it once the content check has passed, so the
   * worker reads the check's analyses from .cache/site/ instead of analysing every note a
   * second time (at 10,000 papers that duplicate took a minute of the second core).
   */
  start(): void;
  /** The caches hold (nearly) everything: no worker; `worker` resolves at once. */
  skip(reason: string): void;
  /** Resolves when the worker has finished, failed or was skipped: how many notes it rendered. */
  worker: Promise<number>;
}
