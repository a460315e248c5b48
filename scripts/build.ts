/**
 * npm run build: an atomic site build. Astro writes into a fresh temporary
 * directory; only a complete build replaces dist/, so a failed build leaves the
 * last good site untouched. The content check runs first (in the integration).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'astro';

// The build must not phone home (it is tested to make no network request at all).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const dist = path.join(root, 'dist');
const staging = path.join(root, `.dist-staging`);
const previous = path.join(root, `.dist-previous`);

fs.rmSync(staging, { recursive: true, force: true });
const started = performance.now();
try {
  await build({ root, outDir: staging, logLevel: 'info' });
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(fs.existsSync(dist) ? 'dist/ still holds the last successful build.' : 'dist/ was not created.');
  process.exit(1);
}
fs.rmSync(previous, { recursive: true, force: true });
if (fs.existsSync(dist)) fs.renameSync(dist, previous);
fs.renameSync(staging, dist);
fs.rmSync(previous, { recursive: true, force: true });
console.log(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
