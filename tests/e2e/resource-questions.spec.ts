import { expect, test } from '@playwright/test';

test.describe('a student reading a resource page', () => {
  test('the Chinese page lists the questions it answers, under a Chinese heading, indexed for search', async ({ page }) => {
    await page.goto('/zh/resources/cs231n/');
    const section = page.getByTestId('resource-questions');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('本页回答的问题');
    const items = section.locator('li');
    expect(await items.count()).toBeGreaterThanOrEqual(8);
    await expect(items.first()).toContainText('计算机视觉');
    // Pagefind indexes only what sits inside data-pagefind-body; the heading is left out.
    await expect(section).toHaveAttribute('data-pagefind-body', '');
    await expect(section.getByRole('heading')).toHaveAttribute('data-pagefind-ignore', '');
  });

  test('the English page lists the English questions', async ({ page }) => {
    await page.goto('/en/resources/mnist/');
    const section = page.getByTestId('resource-questions');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Questions this page answers');
    expect(await section.locator('li').count()).toBeGreaterThanOrEqual(8);
    await expect(section).toContainText('handwritten digits');
    await expect(section).not.toContainText(/[\u4e00-\u9fff]/);
  });
});
