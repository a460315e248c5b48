/**
 * Accessibility: axe-core (WCAG 2.1 A and AA) on one page of every type, in both languages and
 * both colour schemes, must find nothing; and a reader with only a keyboard can use the header,
 * the language switch, the search dialog, the cite panel and a demo.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** One page per type: every template the site renders. */
const PAGE_TYPES: Record<string, string> = {
  home: '',
  'paper (equations, citations, cite panel)': 'papers/vaswani2017attention/',
  'concept (math, code)': 'concepts/gradient-descent/',
  'concept with a demo': 'concepts/convolutional-neural-network/',
  resource: 'resources/pytorch/',
  'paper list': 'papers/',
  'concept list': 'concepts/',
  'resource list': 'resources/',
  search: 'search/?q=attention',
  bibliography: 'bibliography/',
  'learning path': 'learning-path/',
  'explainer (MDX, playgrounds)': 'explainers/gradient-descent-to-backpropagation/',
  sources: 'sources/',
  credits: 'credits/',
};

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`).join('\n')}`);
}

for (const [type, path] of Object.entries(PAGE_TYPES)) {
  for (const lang of ['zh', 'en'] as const) {
    test(`axe: no WCAG 2.1 A/AA violations on the ${type} page, /${lang}/, light and dark`, async ({ page }) => {
      test.setTimeout(90_000);
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/${lang}/${path}`);
        if (path.startsWith('search/')) await page.locator('[data-search-results] li').first().waitFor({ timeout: 15_000 }).catch(() => {});
        for (const v of await violations(page)) found.push(`${scheme}: ${v}`);
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

test('axe: the 404 page and the open search dialog', async ({ page }) => {
  await page.goto('/zh/no-such-page/');
  expect(await violations(page)).toEqual([]);
  await page.goto('/en/');
  await page.keyboard.press('/');
  await expect(page.locator('dialog[data-search-dialog]')).toBeVisible();
  await page.keyboard.type('attention');
  await page.locator('dialog [data-search-results] li').first().waitFor();
  expect(await violations(page)).toEqual([]);
});

/** Tabs until `target` has focus (at most `limit` presses) and returns how many it took. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return i;
  }
  throw new Error(`${target} not reached in ${limit} Tab presses`);
}

test('keyboard only: skip link, header, language switch, search dialog, cite panel, demo', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/en/papers/vaswani2017attention/');
  // The first Tab shows the skip link, which jumps to the content.
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // The language switch is reachable and lands on the same paper in Chinese.
  await tabTo(page, page.locator('.lang-switch'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/papers\/vaswani2017attention\/$/);
  // The search button opens the dialog with Enter; focus goes to the field; Escape closes it and focus returns.
  const open = page.locator('[data-search-open]');
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[data-search-dialog]');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('注意力');
  await expect(dialog.locator('[data-search-results] li').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  // The cite panel: pick APA with the arrow keys in the style radio group, then reach its copy button.
  const gbt = page.locator('#style-gbt7714');
  await tabTo(page, gbt, 150);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#style-apa')).toBeChecked();
  await expect(page.getByTestId('reference-apa')).toBeVisible();
  // A demo: the OCR sample button is reachable and starts the demo with Enter.
  await page.goto('/en/concepts/convolutional-neural-network/');
  const demo = page.locator('[data-demo="ocr"]');
  const sample = demo.locator('[data-ocr-sample]');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-mounted', 'true');
  await tabTo(page, sample, 200);
  await expect(sample).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(demo.locator('[data-ocr-status]')).not.toBeEmpty({ timeout: 30_000 });
});
