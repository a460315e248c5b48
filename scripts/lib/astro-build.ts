/**
 * Astro's build of the site into a staging folder, in its own process (scripts/build.ts starts
 * it). The search index is built by the parent after this process has exited: at 10,000 papers
 * this process holds ~1.9 GiB when Astro finishes, and Pagefind's indexer needs ~3.6 GiB, so
 * running them one after the other instead of together keeps the build's peak under 4 GiB.
 * Usage: node scripts/lib/astro-build.ts <outDir>
 */
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Read by src/integration.ts: leave Pagefind to scripts/build.ts.
process.env.DEEPATLAS_SEARCH_INDEX = 'after-build';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/lib/astro-build.ts <outDir>');
  process.exit(2);
}
try {
  await build({ root: process.cwd(), outDir, logLevel: 'info' });
} catch (error) {
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
