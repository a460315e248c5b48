/**
 * Astro's build of the site into a staging folder, in its own process (scripts/build.ts starts
 * it). The search index is built by the parent after this process has exited: at 10,000 papers
 * this process holds ~1.9 GiB when Astro finishes, and Pagefind's indexer needs ~3.6 GiB, so
 * running them one after the other instead of together keeps the build's peak under 4 GiB.
 * A worker thread renders the notes meanwhile (src/pipeline/note-prerender.ts).
 * Usage: node scripts/lib/astro-build.ts <outDir>
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'astro';
import { announceNotePrerender } from '../../src/data/notes.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Read by src/integration.ts: leave Pagefind to scripts/build.ts.
process.env.DEEPATLAS_SEARCH_INDEX = 'after-build';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/lib/astro-build.ts <outDir>');
  process.exit(2);
}
// The notes are rendered on the second core while this thread trains and embeds
// (src/pipeline/note-prerender.ts); the worker starts once the content check has passed and
// saved its analyses. A failed worker only costs time: pages render their notes.
const counter = new Int32Array(new SharedArrayBuffer(4));
let startWorker: () => void = () => {};
let skipWorker: (reason: string) => void = () => {};
const finished = new Promise<number>((resolve) => {
  skipWorker = (reason) => {
    startWorker = skipWorker = () => {};
    console.log(`[deepatlas] notes, worker thread: not started (${reason}: the pages render them)`);
    resolve(0);
  };
  startWorker = () => {
    startWorker = skipWorker = () => {};
    const worker = new Worker(new URL('./prerender-notes.ts', import.meta.url), { workerData: { counter } });
    let rendered = 0;
    let cached = 0;
    worker.on('message', (stats: { rendered: number; cached: number }) => ({ rendered, cached } = stats));
    worker.on('error', (error) => console.warn(`[deepatlas] note pre-rendering stopped (${error.message}); pages render the rest`));
    worker.on('exit', () => {
      console.log(`[deepatlas] notes, worker thread: ${rendered} rendered, ${cached} already in .cache/notes`);
      resolve(rendered);
    });
  };
});
announceNotePrerender({
  counter,
  start: () => startWorker(),
  skip: (reason) => skipWorker(reason),
  // Pages wait for the worker once the check has started or skipped it (src/data/notes.ts).
  worker: finished,
});
// Astro's sync (types and the content layer) starts a Vite server of its own: 1.4 s of every build.
// The site has no content collection (pages read the pipeline's data and import the explainers'
// MDX), so there is nothing to sync; a collection added later turns the sync back on here.
const hasCollections = ['src/content.config', 'src/live.config', 'src/content/config']
  .some((base) => ['.ts', '.mts', '.js', '.mjs'].some((ext) => fs.existsSync(path.join(process.cwd(), base + ext))));
try {
  // `sync` is an option of Astro's builder that `build` passes on but does not declare.
  await build({ root: process.cwd(), outDir, logLevel: 'info' }, { sync: hasCollections } as Parameters<typeof build>[1]);
} catch (error) {
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
