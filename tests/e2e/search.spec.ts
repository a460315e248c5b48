import { expect, test, type Page } from '@playwright/test';

/**
 * The first fused results wait for the semantic index (about 750 KB gzip, decoded in the page): on
 * CI's two shared cores that took more than the default 5 s once, so first results get 15 s.
 */
const FIRST_RESULTS = { timeout: 15_000 };

async function openSearch(page: Page) {
  await page.keyboard.press('/');
  const dialog = page.locator('[data-search-dialog]');
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('searching from any page', () => {
  test('"/" opens the search, a Chinese query finds the concept, arrows and Enter open it', async ({ page }) => {
    await page.goto('/zh/papers/');
    const dialog = await openSearch(page);
    const input = dialog.locator('[data-search-input]');
    await expect(input).toBeFocused();
    await input.fill('梯度下降');
    const options = dialog.locator('[data-search-results] [role="option"]');
    await expect(options.first()).toBeVisible(FIRST_RESULTS);
    const keys = await options.evaluateAll((els) => els.slice(0, 5).map((e) => (e as HTMLElement).dataset.key));
    expect(keys).toContain('concept:gradient-descent');
    await expect(dialog.locator('[role="status"]')).toContainText('条结果');
    const index = keys.indexOf('concept:gradient-descent');
    for (let i = 0; i < index; i++) await input.press('ArrowDown');
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(page).toHaveURL(/\/zh\/concepts\/gradient-descent\/$/);
  });

  test('Ctrl+K opens the search; an English keyword query highlights its words', async ({ page }) => {
    await page.goto('/en/');
    await page.keyboard.press('Control+k');
    const dialog = page.locator('[data-search-dialog]');
    await dialog.locator('[data-search-input]').fill('backpropagation');
    const first = dialog.locator('[data-search-results] [role="option"]').first();
    await expect(first).toBeVisible(FIRST_RESULTS);
    const keys = await dialog.locator('[data-search-results] [role="option"]').evaluateAll((els) => els.slice(0, 5).map((e) => (e as HTMLElement).dataset.key));
    expect(keys).toContain('concept:backpropagation');
    await expect(dialog.locator('.search-why mark').first()).toBeVisible();
  });

  test('the type filter keeps only papers', async ({ page }) => {
    await page.goto('/en/search/?q=attention');
    const panel = page.locator('[data-search-page]');
    await expect(panel.locator('[data-search-results] [role="option"]').first()).toBeVisible(FIRST_RESULTS);
    await panel.locator('[data-search-filters][data-filter="type"]').getByRole('button', { name: /^Paper/ }).click();
    await expect(panel.locator('[data-search-filters][data-filter="type"]').getByRole('button', { name: /^Paper/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.locator('[data-search-results] [role="option"]').first()).toBeVisible(FIRST_RESULTS);
    await expect.poll(async () => new Set(await panel.locator('[data-search-results] [role="option"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key!.split(':')[0])))).toEqual(new Set(['paper']));
    // The search page also filters papers by year.
    await panel.locator('[data-search-filters][data-filter="year"]').getByRole('button', { name: /^2017/ }).click();
    await expect.poll(async () => panel.locator('[data-search-results] [role="option"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key))).toContain('paper:vaswani2017attention');
    const kinds = await panel.locator('[data-search-results] [role="option"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key!.split(':')[0]));
    expect(new Set(kinds)).toEqual(new Set(['paper']));
  });

  test('semantic search finds across languages with the site\'s own model, served by the site', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url()); });
    await page.goto('/en/search/');
    const panel = page.locator('[data-search-page]');
    await panel.locator('[data-search-input]').fill('反向传播 链式法则');
    await expect(panel.locator('[data-search-backend]')).toContainText('TypeScript');
    await expect(panel.locator('[data-key="concept:backpropagation"]')).toBeVisible();
    // Shown in the UI language: the English page of the concept.
    // The option itself leads to the page (it holds no nested link: axe nested-interactive).
    await expect(panel.locator('[data-key="concept:backpropagation"]')).toHaveAttribute('data-href', /\/en\/concepts\/backpropagation\/$/);
    expect(foreign).toEqual([]);
  });

  test('a query with no match says so', async ({ page }) => {
    await page.goto('/zh/search/');
    const panel = page.locator('[data-search-page]');
    await panel.locator('[data-search-semantic]').uncheck();
    // Pagefind matches indexed words that an unknown Latin word starts with ("qqqxyzzyqqq" finds
    // the variable q in a formula label), so the no-match query uses letters no page contains.
    await panel.locator('[data-search-input]').fill('þþþþþþ');
    await expect(panel.locator('[data-search-empty]')).toBeVisible();
    await expect(panel.locator('[data-search-empty]')).toContainText('没有找到“þþþþþþ”的结果');
  });
});

test('semantic search through transformers.js on the WASM backend finds across languages', async ({ page }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url()); });
  // The site's own model, forced through transformers.js (the path pretrained models take).
  await page.goto('/en/search/?semantic=transformers');
  const panel = page.locator('[data-search-page]');
  await expect(panel.locator('[data-search-panel]')).toHaveAttribute('data-mounted', 'true');
  await panel.locator('[data-search-input]').fill('反向传播 链式法则');
  await expect(panel.locator('[data-search-backend]')).toContainText('transformers.js (WASM)', { timeout: 90_000 });
  await expect(panel.locator('[data-key="concept:backpropagation"]')).toBeVisible();
  expect(foreign).toEqual([]);
});

test.describe('search that understands how students ask (issue 16)', () => {
  const firstKey = (page: Page) => page.locator('[data-search-page] [data-search-results] [role="option"]').first().getAttribute('data-key');

  test('short names bring up their papers first, in both languages', async ({ page }) => {
    for (const [url, key] of [['/en/search/?q=AlexNet', 'paper:krizhevsky2012imagenet'], ['/zh/search/?q=ResNet', 'paper:he2016resnet'], ['/zh/search/?q=LSTM%20论文', 'paper:hochreiter1997long']] as const) {
      await page.goto(url);
      await expect.poll(() => firstKey(page), { timeout: 20_000 }).toBe(key);
    }
  });

  test('a paper page shows its short names under the title', async ({ page }) => {
    await page.goto('/en/papers/krizhevsky2012imagenet/');
    await expect(page.getByTestId('paper-aliases')).toContainText('AlexNet');
  });

  test('the Chinese search page has no English "All" pill', async ({ page }) => {
    await page.goto('/zh/search/?q=注意力');
    const pills = page.locator('[data-search-page] .pagefind-modular-filter-pill');
    await expect(pills.first()).toBeVisible();
    await expect(pills.first()).toContainText('全部');
    expect(await pills.allTextContents()).not.toContainEqual(expect.stringMatching(/^All\b/));
  });

  test('the year filter applies to semantic results too', async ({ page }) => {
    await page.goto('/en/search/?q=attention');
    const panel = page.locator('[data-search-page]');
    await expect(panel.locator('[data-search-results] [role="option"]').first()).toBeVisible(FIRST_RESULTS);
    await panel.locator('[data-search-filters][data-filter="year"]').getByRole('button', { name: /^1997/ }).click();
    await expect.poll(async () => panel.locator('[data-search-results] [role="option"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key))).toEqual(['paper:hochreiter1997long']);
  });

  test('the query lives in the URL and the language switch keeps it', async ({ page }) => {
    await page.goto('/zh/search/');
    await page.locator('[data-search-page] [data-search-input]').fill('dropout');
    await expect(page.locator('[data-search-page] [data-search-results] [role="option"]').first()).toBeVisible(FIRST_RESULTS);
    await expect(page).toHaveURL(/\?q=dropout$/);
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', /\/en\/search\/\?q=dropout$/);
  });

  test('no results is no dead end: the concept list is offered', async ({ page }) => {
    await page.goto('/zh/search/');
    const panel = page.locator('[data-search-page]');
    await panel.locator('[data-search-semantic]').uncheck();
    // Pagefind matches indexed words that an unknown Latin word starts with ("qqqxyzzyqqq" finds
    // the variable q in a formula label), so the no-match query uses letters no page contains.
    await panel.locator('[data-search-input]').fill('þþþþþþ');
    await expect(panel.locator('[data-search-suggest]')).toBeVisible();
    await expect(panel.locator('[data-search-suggest] a')).toHaveText(['浏览全部概念']);
  });

  test('pages only semantic search found are marked', async ({ page }) => {
    await page.goto('/en/search/?q=how%20do%20I%20turn%20words%20into%20vectors');
    const marked = page.locator('[data-search-page] [data-search-results] [role="option"]:has(.search-semantic-only)');
    await expect(marked.first()).toBeVisible({ timeout: 20_000 });
    await expect(marked.first().locator('.search-semantic-only')).toHaveText('found by meaning');
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    test(`the first result is above the fold at ${viewport.width}px in both languages`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const url of ['/zh/search/?q=梯度下降', '/en/search/?q=gradient%20descent']) {
        await page.goto(url);
        const first = page.locator('[data-search-page] [data-search-results] [role="option"]').first();
        await expect(first).toBeVisible({ timeout: 15_000 });
        const box = (await first.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }
    });
  }
});

test('"show more" reaches the results past the first ten', async ({ page }) => {
  await page.goto('/en/search/?q=learning');
  const options = page.locator('[data-search-page] [data-search-results] [role="option"]');
  await expect(options).toHaveCount(10, { timeout: 15_000 });
  const first = await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
  await page.locator('[data-search-page] [data-search-more-results]').click();
  await expect.poll(() => options.count()).toBeGreaterThan(10);
  // The first ten stay where they were: more results are added below.
  const after = await options.evaluateAll((els) => els.slice(0, 10).map((e) => (e as HTMLElement).dataset.key));
  expect(after).toEqual(first);
});
