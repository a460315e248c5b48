/**
 * npm run screenshots: serves dist/ and saves full-page screenshots of key pages
 * (both languages, desktop and phone, light and dark) into screenshots/ for review.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { startPreview } from './lib/preview-server.ts';

const PORT = 4398;
const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/zh/', '/en/', '/zh/concepts/gradient-descent/', '/en/concepts/gradient-descent/', '/zh/papers/vaswani2017attention/', '/en/papers/', '/zh/concepts/'];
const server = await startPreview(PORT);
try {
  fs.mkdirSync('screenshots', { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const variants = [
    { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
    { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
  ];
  for (const v of variants) {
    const context = await browser.newContext({ viewport: v.viewport, colorScheme: v.colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: 'networkidle' });
      const file = `screenshots/${v.name}${path.replace(/\/+$/, '').replace(/\//g, '_') || '_root'}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.stop();
}
