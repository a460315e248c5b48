/** Runs the search query set in a real browser page against the built site (shared by eval:search and the test). */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { score, type EvalQuery, type ModeScore } from '../../src/pipeline/search/evaluate.ts';
import type { SearchMode } from '../../src/shared/search/contract.ts';

/** The query set with expected pages (shared with the tests, which own it). */
export const QUERY_SET = new URL('../../tests/fixtures/search-queries.json', import.meta.url);

export const MODES = ['keyword', 'semantic', 'fused'] as const;
export type Mode = (typeof MODES)[number];

export function loadQueries(file: URL = QUERY_SET): EvalQuery[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EvalQuery[];
}

export interface Evaluation {
  queries: EvalQuery[];
  /** Entity keys per mode, in query order. */
  rankings: Record<Mode, string[][]>;
  /** Semantic search's cosine similarities, in the order of its ranking. */
  similarities?: number[][];
}

/** Opens each language's search page once and asks its engine for every query and mode. */
export async function rankAll(page: Page, baseURL: string, queries: EvalQuery[]): Promise<Evaluation> {
  const rankings: Record<Mode, string[][]> = { keyword: [], semantic: [], fused: [] };
  const similarities: number[][] = [];
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`${baseURL}/${lang}/search/`);
    await page.waitForFunction(() => 'deepatlasSearch' in window);
    const mine = queries.map((q, i) => ({ q, i })).filter(({ q }) => q.lang === lang);
    const results = await page.evaluate(async ({ items, modes }) => {
      const engine = window.deepatlasSearch!;
      const out: Array<{ keys: Record<string, string[]>; similarities: number[] }> = [];
      for (const item of items) {
        const keys: Record<string, string[]> = {};
        let similarities: number[] = [];
        for (const mode of modes) {
          const hits = await engine.run(item, mode as SearchMode);
          keys[mode] = hits.map((h) => h.key);
          if (mode === 'semantic') similarities = hits.map((h) => h.similarity ?? 0);
        }
        out.push({ keys, similarities });
      }
      return out;
    }, { items: mine.map(({ q }) => q.q), modes: [...MODES] });
    mine.forEach(({ i }, j) => {
      MODES.forEach((m) => (rankings[m][i] = results[j]!.keys[m]!));
      similarities[i] = results[j]!.similarities;
    });
  }
  return { queries, rankings, similarities };
}

/** Scores of every mode over the queries that `keep` selects. */
export function scoresOf(run: Evaluation, keep: (q: EvalQuery) => boolean = () => true): Record<Mode, ModeScore> & { n: number } {
  const picked = run.queries.flatMap((q, i) => (keep(q) ? [i] : []));
  const queries = picked.map((i) => run.queries[i]!);
  return { n: picked.length, ...(Object.fromEntries(MODES.map((m) => [m, score(queries, picked.map((i) => run.rankings[m][i]!))])) as Record<Mode, ModeScore>) };
}

/** Queries a mode did not find in its top five. */
export function missesOf(run: Evaluation, mode: Mode, keep: (q: EvalQuery) => boolean = () => true): string[] {
  return run.queries.filter((q, i) => keep(q) && !run.rankings[mode][i]!.slice(0, 5).includes(q.expect)).map((q) => q.q);
}

/** The subsets the report and the test look at: each part by language, and each part by query type. */
export function subsets(queries: EvalQuery[]): Array<{ name: string; keep: (q: EvalQuery) => boolean }> {
  const parts = [...new Set(queries.map((q) => q.part ?? 'tuning'))];
  const types = [...new Set(queries.map((q) => q.type ?? 'topic'))];
  return parts.flatMap((part) => [
    ...(['zh', 'en'] as const).map((lang) => ({ name: `${part} ${lang}`, keep: (q: EvalQuery) => (q.part ?? 'tuning') === part && q.lang === lang })),
    ...types.map((type) => ({ name: `${part} ${type}`, keep: (q: EvalQuery) => (q.part ?? 'tuning') === part && (q.type ?? 'topic') === type })),
  ]);
}

/**
 * Each part by round and language ("heldout round 3 zh"), for the rounds the set has; unnumbered
 * queries have no line. Round 3 was written blind (without the other queries or the pages'
 * questions) and split in half: one half tunes, the other is held out.
 */
export function roundSubsets(queries: EvalQuery[]): Array<{ name: string; keep: (q: EvalQuery) => boolean }> {
  const rounds = [...new Set(queries.flatMap((q) => (typeof q.round === 'number' ? [q.round] : [])))].sort((a, b) => a - b);
  return rounds.flatMap((round) =>
    (['tuning', 'heldout'] as const).flatMap((part) =>
      (['zh', 'en'] as const).flatMap((lang) => {
        const keep = (q: EvalQuery) => (q.part ?? 'tuning') === part && q.round === round && q.lang === lang;
        return queries.some(keep) ? [{ name: `${part} round ${round} ${lang}`, keep }] : [];
      }),
    ),
  );
}

/** Compatibility with the first query-set test: all queries, scores and misses per mode. */
export async function evaluate(page: Page, baseURL: string, queries: EvalQuery[]): Promise<Record<Mode, ModeScore> & { misses: Record<Mode, string[]> }> {
  const run = await rankAll(page, baseURL, queries);
  return { ...scoresOf(run), misses: Object.fromEntries(MODES.map((m) => [m, missesOf(run, m)])) as Record<Mode, string[]> };
}

export function formatScores(scores: Record<Mode, ModeScore>, n: number, title = 'search quality'): string {
  const rows = MODES.map((m) => `  ${m.padEnd(9)} hit@1 ${(scores[m].hit1 * 100).toFixed(1).padStart(5)}%  hit@5 ${(scores[m].hit5 * 100).toFixed(1).padStart(5)}%  MRR ${scores[m].mrr.toFixed(3)}`);
  return [`${title} over ${n} queries:`, ...rows].join('\n');
}
