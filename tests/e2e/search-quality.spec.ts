import { expect, test } from '@playwright/test';
import { formatScores, loadQueries, missesOf, MODES, rankAll, scoresOf, subsets } from '../../scripts/lib/search-eval.ts';

test('fused search is never below the better of keyword and semantic search at hit@5, and puts more right pages first', async ({ page, baseURL }) => {
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
  // Over all queries, fusion adds what semantic search alone misses at hit@1: query understanding
  // (names, kinds) and keyword search's votes put more right pages first. Since round 6 the
  // semantic engine alone reaches 97% at hit@5, and fusion is tuned not to disturb it there.
  const best = (metric: 'hit1' | 'hit5') => Math.max(scores.keyword[metric], scores.semantic[metric]);
  expect(scores.fused.hit5, 'fused hit@5 over all queries').toBeGreaterThanOrEqual(best('hit5'));
  expect(scores.fused.hit1, 'fused hit@1 over all queries').toBeGreaterThan(best('hit1'));
  // The promise to students: these find the right pages.
  expect(scores.fused.hit5).toBeGreaterThanOrEqual(0.85);
});
