/**
 * npm run build: an atomic site build. Astro writes into a fresh temporary
 * directory; only a complete build replaces dist/, so a failed build leaves the
 * last good site untouched. The content check runs first (in the integration).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../src/pipeline/search/pagefind-index.ts';

// The build must not phone home (it is tested to make no network request at all).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const dist = path.join(root, 'dist');
const staging = path.join(root, `.dist-staging`);
// A unique name per build: the replaced site is deleted in the background (see the end).
const previous = path.join(root, `.dist-previous-${process.pid}-${Date.now()}`);

// What earlier builds' background deletions left (interrupted, or still running: best effort).
for (const leftover of fs.readdirSync(root).filter((name) => name.startsWith('.dist-previous'))) {
  try {
    fs.rmSync(path.join(root, leftover), { recursive: true, force: true });
  } catch {
    // Being deleted by the previous build's background process right now.
  }
}

fs.rmSync(staging, { recursive: true, force: true });
const started = performance.now();
const fail = (message?: string) => {
  fs.rmSync(staging, { recursive: true, force: true });
  if (message) console.error(`\nbuild failed: ${message}`);
  console.error(fs.existsSync(dist) ? 'dist/ still holds the last successful build.' : 'dist/ was not created.');
  process.exit(1);
};
// Astro in its own process, then the search index once its memory is returned (see astro-build.ts).
// V8's compiled code for every module Astro's process loads (Astro, Vite, the pipeline: ~0.4 CPU s
// of its start-up) is kept in .cache/ by Node's compile cache, keyed by each file's contents.
const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(root, '.cache', 'node-compile') };
const astro = spawnSync(process.execPath, [fileURLToPath(new URL('./lib/astro-build.ts', import.meta.url)), staging], { stdio: 'inherit', env });
if (astro.status !== 0) fail(astro.error ? astro.error.message : undefined);
try {
  const result = await buildSearchIndex(staging);
  console.log(`[deepatlas] pagefind: indexed ${result.pages} pages in ${Math.round(result.milliseconds)} ms`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (fs.existsSync(dist)) fs.renameSync(dist, previous);
fs.renameSync(staging, dist);
console.log(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
// The replaced site is deleted by a detached process: at thousands of papers it is tens of
// thousands of files (11 s of a 1,000-paper rebuild), and dist/ is complete already.
if (fs.existsSync(previous)) {
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
