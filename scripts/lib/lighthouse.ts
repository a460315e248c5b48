/**
 * Lighthouse (npm `lighthouse`, driving Debian's Chromium) on the pages a reader meets first:
 * home, a paper, a concept with math, search and a demo page. Scores 0-100 per category.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from './chromium.ts';
import { serveStatic } from './static-server.ts';

export interface LighthouseRow {
  page: string;
  performance?: number;
  accessibility?: number;
  bestPractices?: number;
  seo?: number;
}

export const LIGHTHOUSE_PAGES = [
  '/zh/',
  '/en/papers/vaswani2017attention/',
  '/zh/concepts/gradient-descent/',
  '/en/search/',
  '/en/concepts/convolutional-neural-network/',
];

const score = (s: number | null | undefined) => (typeof s === 'number' ? Math.round(s * 100) : undefined);

/** Serves a built site (a dist/ folder) and runs Lighthouse on each page in turn. */
export async function runLighthouse(dist: string, pages = LIGHTHOUSE_PAGES): Promise<LighthouseRow[]> {
  const server = await serveStatic(dist);
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      console.error(`== lighthouse ${page}`);
      const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const c = result?.lhr.categories;
      rows.push({ page, performance: score(c?.performance?.score), accessibility: score(c?.accessibility?.score), bestPractices: score(c?.['best-practices']?.score), seo: score(c?.seo?.score) });
    }
  } finally {
    await chrome.kill();
    server.stop();
  }
  return rows;
}

