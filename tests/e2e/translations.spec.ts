import { expect, test } from '@playwright/test';

test.describe('a reader checking whether translations are up to date', () => {
  test('the footer leads to the status page, which lists every pair with its state', async ({ page }) => {
    await page.goto('/zh/concepts/softmax/');
    await page.getByTestId('footer-translations').click();
    await expect(page).toHaveURL(/\/zh\/translations\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('翻译状态');
    const rows = page.getByTestId('translation-pairs').locator('tbody tr');
    // One row per page of each kind: the three index pages count their entries.
    let expected = 0;
    for (const section of ['concepts', 'papers', 'resources']) {
      const index = await page.context().newPage();
      await index.goto(`/zh/${section}/`);
      expected += await index.locator(`main a[data-kind="${section.slice(0, -1)}"]`).evaluateAll((links) => new Set(links.map((a) => a.getAttribute('href'))).size);
      await index.close();
    }
    await expect(rows).toHaveCount(expected);
    // The real site is stamped (npm run check has 0 warnings), so every pair is in step.
    await expect(page.locator('tbody tr:not([data-state="in-step"])')).toHaveCount(0);
    await expect(page.getByTestId('translation-counts')).toContainText(`已同步 ${expected}`);
  });

  test('a row links both language versions of its page', async ({ page }) => {
    await page.goto('/en/translations/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Translation status');
    const row = page.locator('tr[data-entity="concept:softmax"]');
    await expect(row.locator('td').nth(2)).toHaveText('In step');
    await row.getByRole('link', { name: 'Chinese' }).click();
    await expect(page).toHaveURL(/\/zh\/concepts\/softmax\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('translation-stale')).toHaveCount(0);
  });
});
