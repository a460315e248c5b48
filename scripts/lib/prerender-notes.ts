/**
 * Worker thread of scripts/lib/astro-build.ts: renders the notes into .cache/notes while the
 * Astro thread does the rest of the build (src/pipeline/note-prerender.ts says why and how).
 * It reads the content itself (a second run of the content pipeline, on the otherwise idle
 * core); the cache key covers the whole site, so its HTML is what the pages would render.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getSite } from '../../src/data/site.ts';
import { noteRenderer } from '../../src/data/notes.ts';
import { drainNotes, noteFiles } from '../../src/pipeline/note-prerender.ts';

const { counter } = workerData as { counter: Int32Array };
const renderer = noteRenderer();
await drainNotes(noteFiles(getSite().catalog), counter, (file) => renderer.render(file));
parentPort?.postMessage(renderer.stats);
