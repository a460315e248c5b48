import { expect, test } from '@playwright/test';
import { evaluate, formatScores, loadQueries } from '../../scripts/lib/search-eval.ts';

test('fused search beats the better of keyword and semantic search at hit@5', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const queries = loadQueries();
  expect(queries.length).toBeGreaterThanOrEqual(40);
  const scores = await evaluate(page, baseURL!, queries);
  console.log(formatScores(scores, queries.length));
  for (const [mode, missed] of Object.entries(scores.misses)) if (missed.length) console.log(`  ${mode} missed: ${missed.join(' | ')}`);
  const best = Math.max(scores.keyword.hit5, scores.semantic.hit5);
  expect(scores.fused.hit5).toBeGreaterThanOrEqual(best + 0.02);
  // The promise to students: these find the right pages.
  expect(scores.fused.hit5).toBeGreaterThanOrEqual(0.85);
});
