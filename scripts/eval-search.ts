/**
 * npm run eval:search: the search query set against keyword, semantic and fused
 * search in headless Chromium on the built site (run npm run build first);
 * prints hit@1, hit@5 and MRR per mode.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { evaluate, formatScores, loadQueries } from './lib/search-eval.ts';
import { startPreview } from './lib/preview-server.ts';

const server = await startPreview(4394);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const queries = loadQueries();
  const scores = await evaluate(page, server.url, queries);
  console.log(formatScores(scores, queries.length));
  for (const [mode, missed] of Object.entries(scores.misses)) console.log(`  ${mode} missed (${missed.length}): ${missed.join(' | ')}`);
  await browser.close();
} finally {
  server.stop();
}
