/**
 * The explainer articles (issue 13, item 7) as a reader meets them, in both languages: listed on
 * the learning path, linked from their concept pages, formulas rendered by KaTeX, and each
 * embedded playground loaded only when scrolled to, without page errors.
 */
import { expect, test, type Page } from '@playwright/test';

const ARTICLES = [
  { id: 'gradient-descent-to-backpropagation', title: { en: 'From gradient descent to backpropagation', zh: '从梯度下降到反向传播' }, islands: ['gradient-descent', 'backpropagation'], concept: 'backpropagation' },
  // The attention playground is shown when its markup exists, the word-embedding one until then.
  { id: 'attention-step-by-step', title: { en: 'Attention, step by step', zh: '一步步理解注意力' }, islands: ['attention|embedding'], concept: 'self-attention' },
] as const;

function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return problems;
}

for (const lang of ['en', 'zh'] as const) {
  for (const article of ARTICLES) {
    test(`explainer ${article.id} (${lang}): formulas rendered, playgrounds load when scrolled to`, async ({ page }) => {
      test.setTimeout(90_000);
      const problems = recordProblems(page);
      await page.goto(`/${lang}/explainers/${article.id}/`);
      await expect(page.locator('h1')).toHaveText(article.title[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? /^zh/ : /^en/);
      // Display formulas went through KaTeX (MathML plus HTML), not left as $$ source.
      await expect(page.locator('.prose .katex-display').first()).toBeVisible();
      expect(await page.locator('.prose .katex-display').count()).toBeGreaterThanOrEqual(4);
      await expect(page.locator('.prose')).not.toContainText('$$');
      // Links and citations were rendered by the same plugin as notes.
      await expect(page.locator(`.prose a.xref[href$="/${lang}/concepts/${article.concept}/"]`).first()).toBeVisible();
      await expect(page.locator('.prose .citation').first()).toBeVisible();

      const figures = page.locator('[data-explainer-island]');
      await expect(figures).toHaveCount(article.islands.length);
      for (const [i, names] of article.islands.entries()) {
        const root = figures.nth(i).locator('[data-island]');
        await expect(root).toHaveAttribute('data-island', new RegExp(`^(?:${names})$`));
        // Lazy: nothing of the island runs before the reader gets there.
        await expect(root).not.toHaveAttribute('data-mounted', 'true');
        await root.scrollIntoViewIfNeeded();
        await expect(root).toHaveAttribute('data-mounted', 'true', { timeout: 30_000 });
      }
      expect(problems).toEqual([]);
    });
  }

  test(`explainers (${lang}) are listed on the learning path and linked from their concept pages`, async ({ page }) => {
    await page.goto(`/${lang}/learning-path/`);
    const list = page.getByTestId('explainers');
    for (const article of ARTICLES) {
      await list.getByRole('link', { name: article.title[lang], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/explainers/${article.id}/$`));
      await page.goBack();
    }
    for (const [concept, article] of [['gradient-descent', 0], ['backpropagation', 0], ['attention-mechanism', 1], ['self-attention', 1], ['transformer', 1]] as const) {
      await page.goto(`/${lang}/concepts/${concept}/`);
      const link = page.getByTestId('concept-explainers').getByRole('link');
      await expect(link, concept).toHaveAttribute('href', new RegExp(`/${lang}/explainers/${ARTICLES[article].id}/$`));
      await expect(link).toContainText(ARTICLES[article].title[lang]);
    }
  });
}
