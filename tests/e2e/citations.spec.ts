import fs from 'node:fs';
import { expect, test } from '@playwright/test';

const VASWANI_BIB = fs.readFileSync('papers/vaswani2017attention/paper.bib', 'utf8').trim();

test.describe('citing a paper', () => {
  test('the paper page shows GB/T 7714 on /zh, and the reader can switch to APA and IEEE', async ({ page }) => {
    await page.goto('/zh/papers/vaswani2017attention/');
    const panel = page.getByTestId('cite-panel');
    await expect(panel.getByRole('heading', { name: '引用本文' })).toBeVisible();
    const gbt = panel.getByTestId('reference-gbt7714');
    await expect(gbt).toBeVisible();
    // No DOI, so the arXiv record is how to find it: [C/OL], place and publisher unknown, the build's access date, the URL.
    await expect(gbt.locator('.reference')).toHaveText(
      /^VASWANI A, SHAZEER N, PARMAR N, et al\. Attention Is All You Need\[C\/OL\]\/\/Advances in Neural Information Processing Systems 30 \(NIPS 2017\)\. \[S\.l\.\]: \[s\.n\.\], 2017: 5998-6008\[\d{4}-\d{2}-\d{2}\]\. https:\/\/arxiv\.org\/abs\/1706\.03762\.$/,
    );
    await panel.getByText('APA 7', { exact: true }).click();
    await expect(gbt).toBeHidden();
    await expect(panel.getByTestId('reference-apa')).toContainText('Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017).');
    await panel.getByText('IEEE', { exact: true }).click();
    await expect(panel.getByTestId('reference-ieee')).toContainText('A. Vaswani et al., “Attention Is All You Need,”');
  });

  test('APA is the default on /en', async ({ page }) => {
    await page.goto('/en/papers/vaswani2017attention/');
    await expect(page.getByTestId('reference-apa')).toBeVisible();
    await expect(page.getByTestId('reference-gbt7714')).toBeHidden();
  });

  test('copies the BibTeX entry to the clipboard and offers the files', async ({ page, context, request }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/en/papers/vaswani2017attention/');
    const bibtex = page.getByTestId('export-bibtex');
    await bibtex.getByText('BibTeX', { exact: true }).click();
    await bibtex.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect(page.getByRole('status')).toHaveText('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(VASWANI_BIB);
    for (const [file, marker] of [['bib', '@inproceedings{vaswani2017attention'], ['ris', 'TY  - CONF'], ['json', '"citation-key": "vaswani2017attention"']]) {
      const href = await page.locator(`a[download="vaswani2017attention.${file}"]`).getAttribute('href');
      const response = await request.get(href!);
      expect(response.ok()).toBe(true);
      expect(await response.text()).toContain(marker);
    }
    await expect(page.locator('a[href="https://arxiv.org/abs/1706.03762"]')).toBeVisible();
  });

  test('the bibliography page lists every paper and offers references.bib', async ({ page, request }) => {
    await page.goto('/zh/bibliography/');
    const count = fs.readdirSync('papers').filter((d) => fs.existsSync(`papers/${d}/paper.bib`)).length;
    await expect(page.locator('.formatted[data-style="gbt7714"] li')).toHaveCount(count);
    const all = await (await request.get('/references.bib')).text();
    expect(all.match(/^@\w+\{/gm)?.length).toBe(count);
  });
});

test.describe('in-text citations', () => {
  test('a marker opens a card on hover and on keyboard focus, and the page lists its references', async ({ page }) => {
    await page.goto('/en/concepts/transformer/');
    const cite = page.locator('.prose .cite').first();
    const card = cite.locator('.cite-card');
    await expect(card).toBeHidden();
    await cite.locator('.cite-ref').hover();
    await expect(card).toBeVisible();
    await expect(card.locator('.cite-card-title')).toHaveText('Attention Is All You Need');
    await expect(card.locator('.cite-card-meta')).toHaveText('Vaswani et al. · NeurIPS · 2017');
    await page.mouse.move(0, 0);
    await expect(card).toBeHidden();
    await cite.locator('.cite-ref').focus();
    await expect(card).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(card.locator('.cite-card-title')).toBeFocused();
    const list = page.getByTestId('reference-list');
    // APA 7 writes the title in sentence case in the reference list (the card keeps the paper's own title).
    await expect(list.locator('#ref-vaswani2017attention')).toContainText('Attention is all you need');
  });

  test('Chinese pages number citations in GB/T 7714 order', async ({ page }) => {
    await page.goto('/zh/concepts/transformer/');
    const first = page.locator('.prose .cite-ref').first();
    await expect(first).toHaveText('1');
    const list = page.getByTestId('reference-list');
    await expect(list.locator('li').first()).toContainText('[1]');
    await expect(list.locator('li').first()).toContainText('et al.');
  });
});

test.describe('telling works apart', () => {
  test('two Mikolov et al. 2013 works carry different labels in markers and cards', async ({ page }) => {
    await page.goto('/en/concepts/word2vec/');
    const efficient = page.locator('.prose .cite-ref[data-cite="mikolov2013efficient"]').first();
    const distributed = page.locator('.prose .cite-ref[data-cite="mikolov2013distributed"]').first();
    await expect(efficient).toHaveText('Mikolov, Chen, et al., 2013');
    await expect(distributed).toHaveText('Mikolov, Sutskever, et al., 2013');
    await efficient.hover();
    await expect(page.locator('.prose .cite', { has: page.locator('.cite-ref[data-cite="mikolov2013efficient"]') }).first().locator('.cite-card-meta')).toHaveText('Mikolov, Chen, et al. · arXiv · 2013');
    const list = page.getByTestId('reference-list');
    await expect(list.locator('#ref-mikolov2013efficient')).toContainText('Mikolov, T., Chen, K., Corrado, G., & Dean, J. (2013). Efficient estimation of word representations in vector space (arXiv:1301.3781). arXiv. https://doi.org/10.48550/arXiv.1301.3781');
  });

  test('the arXiv-only work is findable on its page in all three styles', async ({ page }) => {
    await page.goto('/zh/papers/mikolov2013efficient/');
    await expect(page.getByTestId('reference-gbt7714')).toContainText('[EB/OL]');
    await expect(page.getByTestId('reference-gbt7714')).toContainText('https://arxiv.org/abs/1301.3781');
    await expect(page.getByTestId('reference-ieee').locator('.reference')).toContainText('2013, arXiv:1301.3781. [Online]. Available: https://arxiv.org/abs/1301.3781');
    await expect(page.getByTestId('reference-apa').locator('.reference')).toContainText('(arXiv:1301.3781). arXiv. https://doi.org/10.48550/arXiv.1301.3781');
  });
});

test.describe('in-text citations on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the first tap opens the card instead of jumping away', async ({ page }) => {
    await page.goto('/en/concepts/transformer/');
    const cite = page.locator('.prose .cite').first();
    await cite.locator('.cite-ref').tap();
    await expect(cite.locator('.cite-card')).toBeVisible();
    await expect(page).toHaveURL(/\/en\/concepts\/transformer\/$/);
    await page.keyboard.press('Escape');
    await expect(cite.locator('.cite-card')).toBeHidden();
  });
});
