/**
 * The search results page as a reader meets it (issue 16): readable excerpts, faceted filter
 * counts, filters in the URL, the keyboard, no layout shift while results load, and the first
 * result above the fold on a phone and a laptop.
 */
import { expect, test, type Page } from '@playwright/test';

const options = (page: Page) => page.locator('[data-search-page] [data-search-results] [role="option"]');
const pill = (page: Page, filter: string, name: RegExp) => page.locator(`[data-search-page] [data-search-filters][data-filter="${filter}"]`).getByRole('button', { name });
const countOf = async (page: Page, filter: string, name: RegExp) => Number((await pill(page, filter, name).textContent())!.match(/\((\d+)\)$/)![1]);
const CJK = '[\\p{Script=Han}，。；：、]';

test.describe('excerpts', () => {
  test('inline math shows as its TeX, no citation debris, no space between Chinese characters', async ({ page }) => {
    await page.goto('/zh/search/?q=宽度');
    await expect(options(page).first()).toBeVisible();
    const excerpts = await page.locator('[data-search-page] .search-why').allTextContents();
    expect(excerpts.length).toBeGreaterThan(2);
    // "基础模型的宽度为 ，" before: the formula's TeX is there now.
    expect(excerpts.join('\n')).toMatch(/宽度为 d_\{/);
    for (const text of excerpts) {
      expect(text).not.toMatch(/\[\s*\d+\s*\]/);
      expect(text).not.toMatch(new RegExp(`${CJK}[ \\t]+${CJK}`, 'u'));
      expect(text).not.toMatch(/\s[，。；：]/);
      // A window inside the text says so; none starts with punctuation or a TeX fragment.
      expect(text).not.toMatch(/^[，。；：,.;:)}^_{]/);
    }
    expect(excerpts.some((t) => t.startsWith('…'))).toBe(true);
  });

  test('citation markers are out of the index: "[2 ]" never reaches an excerpt', async ({ page }) => {
    await page.goto('/zh/search/?q=残差');
    await expect(options(page).first()).toBeVisible();
    const texts = await page.locator('[data-search-page] .search-why').allTextContents();
    expect(texts.join('\n')).toContain('残差');
    expect(texts.join('\n')).not.toMatch(/\[\s*\d+(\s*[-,]\s*\d+)*\s*\]/);
  });

  test("a concept's other names reach an excerpt as a list, not run together", async ({ page }) => {
    await page.goto('/en/search/?q=positional');
    await expect(options(page).first()).toBeVisible();
    const first = (await options(page).first().locator('.search-why').textContent())!;
    expect(first).toMatch(/positional embedding, /);
    // "position encodingpositional embedding" before: the tags touched in the index.
    expect(first).not.toMatch(/[a-z](?:positional|position) /);
  });

  test('a result only semantic search found shows the page summary', async ({ page }) => {
    await page.goto('/en/search/?q=how%20do%20I%20turn%20words%20into%20vectors');
    const marked = page.locator('[data-search-page] [role="option"]:has(.search-semantic-only)').first();
    await expect(marked).toBeVisible({ timeout: 20_000 });
    const why = (await marked.locator('.search-why').textContent())!;
    expect(why.length).toBeGreaterThan(30);
    expect(why).not.toMatch(/similar|相似度/i);
    // The same summary the page itself shows under its title.
    const href = (await marked.getAttribute('data-href'))!;
    await page.goto(href);
    await expect(page.locator('main')).toContainText(why.slice(0, 40));
  });
});

test.describe('filters', () => {
  test('counts follow the other filters, the way faceted search counts', async ({ page }) => {
    await page.goto('/en/search/?q=attention');
    await expect(options(page).first()).toBeVisible();
    const allTypes = await countOf(page, 'type', /^All types/);
    const papers = await countOf(page, 'type', /^Paper/);
    const in2017 = await countOf(page, 'year', /^2017/);
    await pill(page, 'year', /^2017/).click();
    await expect(pill(page, 'year', /^2017/)).toHaveAttribute('aria-pressed', 'true');
    // The type pills now count within 2017 ...
    await expect.poll(() => countOf(page, 'type', /^All types/)).toBe(in2017);
    expect(in2017).toBeLessThan(allTypes);
    expect(await countOf(page, 'type', /^Paper/)).toBeLessThanOrEqual(papers);
    await expect(pill(page, 'type', /^Concept/)).toBeHidden();
    // ... while the year pills still count every year (not 0 for the others).
    expect(await countOf(page, 'year', /^2017/)).toBe(in2017);
    await expect(pill(page, 'year', /^1997/)).toBeVisible();
    // Choosing a type narrows the years in turn.
    await pill(page, 'type', /^Paper/).click();
    await expect.poll(() => countOf(page, 'year', /^All/)).toBe(papers);
  });

  test('filters live in the URL: reload and back/forward restore them', async ({ page }) => {
    await page.goto('/en/search/?q=attention');
    await expect(options(page).first()).toBeVisible();
    await pill(page, 'type', /^Paper/).click();
    await expect(page).toHaveURL(/[?&]type=Paper(&|$)/);
    await pill(page, 'year', /^2017/).click();
    await expect(page).toHaveURL(/[?&]year=2017(&|$)/);
    await expect(page).toHaveURL(/[?&]q=attention(&|$)/);
    const keys = () => options(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key!));
    await expect.poll(keys).toContain('paper:vaswani2017attention');
    const filtered = await keys();
    expect(filtered.every((k) => k.startsWith('paper:'))).toBe(true);

    await page.reload();
    await expect(pill(page, 'year', /^2017/)).toHaveAttribute('aria-pressed', 'true');
    await expect(pill(page, 'type', /^Paper/)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(keys).toEqual(filtered);

    await page.goBack();
    await expect(page).not.toHaveURL(/year=/);
    await expect(pill(page, 'year', /^All/)).toHaveAttribute('aria-pressed', 'true');
    await expect(pill(page, 'type', /^Paper/)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await keys()).every((k) => k.startsWith('paper:')) && (await keys()).length > filtered.length).toBe(true);
    await page.goBack();
    await expect(pill(page, 'type', /^All types/)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => new Set((await keys()).map((k) => k.split(':')[0])).size).toBeGreaterThan(1);
    await page.goForward();
    await page.goForward();
    await expect(pill(page, 'year', /^2017/)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(keys).toEqual(filtered);
  });
});

test('keyboard: arrow keys move through the results, Enter opens the chosen one', async ({ page }) => {
  await page.goto('/zh/search/');
  const input = page.locator('[data-search-page] [data-search-input]');
  await input.fill('梯度');
  await expect(options(page).nth(3)).toBeVisible();
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(options(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options(page).nth(2).getAttribute('id'))!);
  await input.press('ArrowUp');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).nth(2)).toHaveAttribute('aria-selected', 'false');
  const href = (await options(page).nth(1).getAttribute('data-href'))!;
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

for (const viewport of [{ name: 'phone', width: 390, height: 844 }, { name: 'laptop', width: 1366, height: 768 }]) {
  test.describe(`on a ${viewport.name} (${viewport.width}x${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const [lang, query] of [['zh', '注意力'], ['en', 'attention']] as const) {
      test(`${lang}: the page does not jump while results load, and the first result is above the fold`, async ({ page }) => {
        await page.addInitScript(() => {
          const w = window as unknown as { cls: number };
          w.cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.cls += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
        await expect(options(page).first()).toBeVisible({ timeout: 15_000 });
        // The semantic model and the filter counts arrive after the first results.
        await expect(page.locator('[data-search-page] [data-search-backend]')).toHaveAttribute('data-backend', /./, { timeout: 15_000 });
        await page.waitForTimeout(500);
        const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
        expect(cls).toBeLessThan(0.02);
        const box = (await options(page).first().boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        // No English chrome on the Chinese page's filters.
        if (lang === 'zh') expect((await page.locator('[data-search-page] .pagefind-modular-filter-pill').allTextContents()).join(' ')).not.toMatch(/\bAll\b/);
      });
    }
  });
}
