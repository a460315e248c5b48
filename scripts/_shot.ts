import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { startPreview } from './lib/preview-server.ts';
const server = await startPreview(4411);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [name, path, width, scheme, action] of [
  ['graph-zh-laptop', '/zh/graph/#focus=concept%3Aattention-mechanism', 1280, 'light', ''],
  ['graph-en-phone', '/en/graph/', 390, 'dark', 'Transformer'],
  ['local-zh-laptop', '/zh/concepts/attention-mechanism/', 1280, 'light', 'local'],
] as const) {
  const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme: scheme });
  await page.goto(server.url + path);
  if (action === 'local') { await page.getByTestId('local-graph').scrollIntoViewIfNeeded(); await page.waitForSelector('[data-testid="local-graph"][data-ready="true"]'); await page.waitForTimeout(800); await page.getByTestId('local-graph').screenshot({ path: `/tmp/${name}.png` }); continue; }
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
  if (action) { await page.fill('[data-graph-search]', action); await page.waitForTimeout(1200); }
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: width < 500 });
  console.log(name, await page.evaluate(() => document.documentElement.scrollWidth));
}
await browser.close();
server.stop();
