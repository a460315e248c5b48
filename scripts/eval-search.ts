/**
 * npm run eval:search: the search query set against keyword, semantic and fused
 * search in headless Chromium on the built site (run npm run build first);
 * prints hit@1, hit@5 and MRR per mode.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.ts';
import { evaluate, formatScores, loadQueries } from '../tests/e2e/search-eval.ts';

const PORT = 4394;
const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/zh/`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const queries = loadQueries();
  const scores = await evaluate(page, `http://127.0.0.1:${PORT}`, queries);
  console.log(formatScores(scores, queries.length));
  for (const [mode, missed] of Object.entries(scores.misses)) console.log(`  ${mode} missed (${missed.length}): ${missed.join(' | ')}`);
  await browser.close();
} finally {
  server.kill();
}
