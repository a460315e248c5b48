import { expect, test } from '@playwright/test';
import { formatScores, loadQueries, missesOf, MODES, rankAll, scoresOf, subsets } from '../../scripts/lib/search-eval.ts';

test('fused search beats the better of keyword and semantic search at hit@5', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const queries = loadQueries();
  expect(queries.length).toBeGreaterThanOrEqual(120);
  const run = await rankAll(page, baseURL!, queries);
  const scores = scoresOf(run);
  console.log(formatScores(scores, queries.length));
  for (const mode of MODES) {
    const missed = missesOf(run, mode, (q) => q.part !== 'heldout');
    if (missed.length) console.log(`  ${mode} missed (tuning part): ${missed.join(' | ')}`);
  }
  // Fusion never loses: on every subset (each part by language and by query type), fused hit@5
  // is at least the better single engine's.
  // Asserted on the tuning subsets; the held-out ones are printed and reported (docs/search.md,
  // round 4: at least the better engine on every held-out subset too, not asserted so that
  // nobody tunes against them).
  for (const { name, keep } of subsets(queries)) {
    const s = scoresOf(run, keep);
    console.log(formatScores(s, s.n, name));
    if (name.startsWith('heldout')) continue;
    expect(s.fused.hit5, `fused hit@5 on ${name}`).toBeGreaterThanOrEqual(Math.max(s.keyword.hit5, s.semantic.hit5));
  }
  // Over all queries fusion removes at least a quarter of the better engine's misses (a fixed
  // margin in points stops making sense near 100%: semantic alone reaches 97% since round 4).
  const best = Math.max(scores.keyword.hit5, scores.semantic.hit5);
  expect(1 - scores.fused.hit5, `fused misses ${(100 * (1 - scores.fused.hit5)).toFixed(1)}%, the better engine ${(100 * (1 - best)).toFixed(1)}%`).toBeLessThanOrEqual((1 - best) * 0.75);
  // The promise to students: these find the right pages.
  expect(scores.fused.hit5).toBeGreaterThanOrEqual(0.85);
});
