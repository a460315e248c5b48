/**
 * npm run screenshots: serves dist/ and writes the screenshots of docs/screenshots/ that are
 * looked at before each release: phone (390 px, dark) and laptop (1280 px, light), both
 * languages, for home, a concept with math, a paper, search, the learning path and a demo.
 * Pages are clipped at 2400 px so each PNG stays small. Other paths may be given as arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { startPreview } from './lib/preview-server.ts';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4398);
const OUT = 'docs/screenshots';
const MAX_HEIGHT = 2400;

interface Shot {
  name: string;
  path: (lang: string) => string;
  /** Brings the page into the state worth showing (search results, a demo in view). */
  prepare?: (page: Page, lang: string) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'home', path: (l) => `/${l}/` },
  { name: 'concept-math', path: (l) => `/${l}/concepts/gradient-descent/` },
  { name: 'paper', path: (l) => `/${l}/papers/vaswani2017attention/` },
  {
    name: 'search',
    path: (l) => `/${l}/search/`,
    prepare: async (page, lang) => {
      await page.locator('[data-search-page] [data-search-input]').fill(lang === 'zh' ? '注意力' : 'attention');
      await page.locator('[data-search-page] [data-search-results] li').first().waitFor({ timeout: 15_000 }).catch(() => {});
    },
  },
  { name: 'learning-path', path: (l) => `/${l}/learning-path/` },
  {
    name: 'demo',
    path: (l) => `/${l}/concepts/word-embedding/`,
    prepare: async (page) => {
      // Run the playground so the shot shows its results, not an empty frame.
      const demo = page.locator('[data-demo]').first();
      await demo.scrollIntoViewIfNeeded();
      await demo.locator('[data-play-run]').click();
      await demo.locator('[data-play-nearest] li').first().waitFor({ timeout: 120_000 });
      await demo.scrollIntoViewIfNeeded();
    },
  },
];

const extra = process.argv.slice(2);
const server = await startPreview(PORT);
try {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const variants = [
    { name: 'laptop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const, hasTouch: false },
    { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const, hasTouch: true },
  ];
  for (const v of variants) {
    const context = await browser.newContext({ viewport: v.viewport, colorScheme: v.colorScheme, deviceScaleFactor: 1, hasTouch: v.hasTouch });
    const page = await context.newPage();
    const shots: Array<{ file: string; url: string; shot?: Shot; lang?: string }> = extra.length
      ? extra.map((p) => ({ file: `${v.name}${p.replace(/\/+$/, '').replace(/\//g, '_') || '_root'}.png`, url: p }))
      : SHOTS.flatMap((shot) => ['zh', 'en'].map((lang) => ({ file: `${v.name}-${lang}-${shot.name}.png`, url: shot.path(lang), shot, lang })));
    for (const s of shots) {
      await page.goto(`http://127.0.0.1:${PORT}${s.url}`, { waitUntil: 'networkidle' });
      if (s.shot?.prepare) await s.shot.prepare(page, s.lang ?? 'zh');
      const scrollY = await page.evaluate(() => window.scrollY);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = path.join(OUT, s.file);
      // A demo is shown where it is; other pages from the top.
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: Math.max(0, Math.min(scrollY - 100, height - MAX_HEIGHT)), width: v.viewport.width, height: Math.min(height, MAX_HEIGHT) } });
      console.log(`${file} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.stop();
}
