/**
 * npm run embed [-- --device auto|cpu|cuda|webgpu] [-- --model org/name]
 * Embeds every page with the configured model (the site's own by default),
 * reusing cached vectors, and writes the related topics the pages show.
 */
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/pipeline/catalog.ts';
import { embedSettings, type Device } from '../src/pipeline/embed/settings.ts';
import { describeRun, runEmbedStage } from '../src/pipeline/embed/stage.ts';

const { values } = parseArgs({ options: { device: { type: 'string' }, model: { type: 'string' } } });
const settings = {
  ...embedSettings(),
  ...(values.device ? { device: values.device as Device } : {}),
  ...(values.model ? { modelId: values.model } : {}),
};
const { catalog } = loadCatalog();
const bar = (done: number, total: number) => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`);
  if (done === total) process.stderr.write('\n');
};
try {
  const run = await runEmbedStage(catalog, settings, bar);
  console.log(describeRun(run));
  console.log(`  ${run.pages.length} pages, ${run.model.dims} dims, ${Math.round(run.milliseconds)} ms embedding`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
