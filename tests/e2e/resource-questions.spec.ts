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

test.describe('a student reading a paper page', () => {
  test('the paper lists the questions it answers in the page\'s language, indexed for search', async ({ page }) => {
    for (const [url, heading, own] of [['/zh/papers/he2016resnet/', '本页回答的问题', true], ['/en/papers/he2016resnet/', 'Questions this page answers', false]] as const) {
      await page.goto(url);
      const section = page.getByTestId('paper-questions');
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(heading);
      const items = await section.locator('li').allTextContents();
      expect(items.length).toBeGreaterThanOrEqual(6);
      for (const item of items) expect(/[\u4e00-\u9fff]/.test(item), `${url}: "${item}"`).toBe(own);
      await expect(section).toHaveAttribute('data-pagefind-body', '');
      await expect(section.getByRole('heading')).toHaveAttribute('data-pagefind-ignore', '');
    }
  });
});
