/**
 * npm run eval:search: the search query set against keyword, semantic and fused
 * search in headless Chromium on the built site (run npm run build first); prints
 * hit@1, hit@5 and MRR per mode for each part (tuning, held-out) by language and
 * by query type, and the held-out part per round. Misses are listed for the tuning
 * part only: the held-out part is scored, never looked at while tuning
 * (--show-heldout lists them too).
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { formatScores, loadQueries, missesOf, MODES, rankAll, roundSubsets, scoresOf, subsets } from './lib/search-eval.ts';
import { startPreview } from './lib/preview-server.ts';

const showHeldout = process.argv.includes('--show-heldout');
const server = await startPreview(Number(process.env.EVAL_PORT ?? 4394));
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const queries = loadQueries();
  const run = await rankAll(page, server.url, queries);
  console.log(formatScores(scoresOf(run), queries.length, 'all queries'));
  for (const { name, keep } of [...subsets(queries), ...roundSubsets(queries)]) {
    const s = scoresOf(run, keep);
    console.log(formatScores(s, s.n, name));
  }
  for (const mode of MODES) {
    const missed = missesOf(run, mode, (q) => showHeldout || q.part !== 'heldout');
    console.log(`  ${mode} missed${showHeldout ? '' : ' (tuning part)'} (${missed.length}): ${missed.join(' | ')}`);
  }
  const dumpAt = process.argv.indexOf('--dump');
  if (dumpAt > 0) {
    // The engines' own rankings, for npm run tune:fusion (which fuses them again in Node).
    const file = process.argv[dumpAt + 1] ?? 'search-run.json';
    fs.writeFileSync(file, JSON.stringify(run));
    console.log(`wrote ${file}`);
  }
  if (process.argv.includes('--ranks')) {
    // Tuning queries whose expected page is not first: where it is, and what came first.
    run.queries.forEach((q, i) => {
      if (q.part === 'heldout' && !showHeldout) return;
      const line = MODES.map((m) => {
        const at = run.rankings[m][i]!.indexOf(q.expect);
        return `${m[0]}${at < 0 ? '-' : at + 1}`;
      });
      if (run.rankings.fused[i]![0] !== q.expect) console.log(`  ${q.q} [${line.join(' ')}] want ${q.expect}; fused top: ${run.rankings.fused[i]!.slice(0, 3).join(', ')}`);
    });
  }
  await browser.close();
} finally {
  server.stop();
}
