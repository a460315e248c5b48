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

/** Opens each language's search page once and asks its engine for every query and mode. */
export async function evaluate(page: Page, baseURL: string, queries: EvalQuery[]): Promise<Record<Mode, ModeScore> & { misses: Record<Mode, string[]> }> {
  const rankings: Record<Mode, string[][]> = { keyword: [], semantic: [], fused: [] };
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`${baseURL}/${lang}/search/`);
    await page.waitForFunction(() => 'deepatlasSearch' in window);
    const mine = queries.map((q, i) => ({ q, i })).filter(({ q }) => q.lang === lang);
    const results = await page.evaluate(async ({ items, modes }) => {
      const engine = window.deepatlasSearch!;
      const out: Array<Record<string, string[]>> = [];
      for (const item of items) {
        const row: Record<string, string[]> = {};
        for (const mode of modes) row[mode] = (await engine.run(item, mode as SearchMode)).map((h) => h.key);
        out.push(row);
      }
      return out;
    }, { items: mine.map(({ q }) => q.q), modes: [...MODES] });
    mine.forEach(({ i }, j) => MODES.forEach((m) => (rankings[m][i] = results[j]![m]!)));
  }
  const misses = Object.fromEntries(MODES.map((m) => [m, queries.filter((q, i) => !rankings[m][i]!.slice(0, 5).includes(q.expect)).map((q) => q.q)])) as Record<Mode, string[]>;
  return { ...(Object.fromEntries(MODES.map((m) => [m, score(queries, rankings[m])])) as Record<Mode, ModeScore>), misses };
}

export function formatScores(scores: Record<Mode, ModeScore>, n: number): string {
  const rows = MODES.map((m) => `${m.padEnd(9)} hit@1 ${(scores[m].hit1 * 100).toFixed(1).padStart(5)}%  hit@5 ${(scores[m].hit5 * 100).toFixed(1).padStart(5)}%  MRR ${scores[m].mrr.toFixed(3)}`);
  return [`search quality over ${n} queries:`, ...rows].join('\n');
}
