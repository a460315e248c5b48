/**
 * Issue 19 as a student on a phone meets it: the paper's facts before its long lists,
 * tap targets a finger can hit, a learning path that says where you are and what is next,
 * lists that tell same-titled papers apart, code you can copy.
 */
import { expect, test } from '@playwright/test';

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', hasTouch: true });

  test('a paper page gives authors, venue, year and arXiv before the notes, and a jump to the cite panel', async ({ page }) => {
    await page.goto('/zh/papers/vaswani2017attention/');
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    const arxiv = await top('[data-testid="paper-facts"] a[href*="arxiv.org"]');
    expect(arxiv).toBeLessThan(await top('[data-testid="key-equations"]'));
    expect(arxiv).toBeLessThan(await top('[data-testid="backlinks"]'));
    expect(arxiv).toBeLessThan(1200);
    await expect(page.getByTestId('paper-authors')).toContainText('Vaswani');
    await expect(page.getByTestId('paper-read-next').locator('a').first()).toBeVisible();
    const jump = page.getByTestId('jump-to-cite');
    expect(await top('[data-testid="jump-to-cite"]')).toBeLessThan(await top('[data-testid="paper-facts"]'));
    await jump.click();
    await expect(page).toHaveURL(/#cite-title$/);
    await expect(page.locator('#cite-title')).toBeInViewport();
    // One backlink list, one BibTeX block.
    await expect(page.getByTestId('backlinks')).toHaveCount(1);
    await expect(page.locator('summary', { hasText: /^BibTeX$/ })).toHaveCount(1);
  });

  test('tap targets are at least 44 x 44 px', async ({ page }) => {
    const tooSmall: string[] = [];
    const measure = async (selector: string) => {
      for (const box of await page.locator(selector).evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height, text: e.textContent?.trim().slice(0, 20) ?? '' }; }))) {
        if (box.h < 44 || box.w < 44) tooSmall.push(`${selector} "${box.text}": ${Math.round(box.w)} x ${Math.round(box.h)}`);
      }
    };
    await page.goto('/zh/papers/vaswani2017attention/');
    for (const s of ['.site-nav a', '.lang-switch', '.search-open', '.style-switch-wrap > label']) await measure(s);
    await page.goto('/en/concepts/convolutional-neural-network/');
    for (const s of ['.site-nav a', '[data-ocr-backend-choice]', '.demo .button']) await measure(s);
    expect(tooSmall).toEqual([]);
  });
});

test.describe('the learning path guides', () => {
  test('the home page says where to start', async ({ page }) => {
    await page.goto('/zh/');
    const start = page.getByTestId('start-here');
    await expect(start.getByRole('heading', { name: '从这里开始' })).toBeVisible();
    await expect(start.locator('.start-stages li')).not.toHaveCount(0);
    await expect(start.locator('.start-stages li').first()).toHaveText('基础');
    await start.locator('a.button.primary').click();
    await expect(page.getByTestId('path-position')).toContainText('第 1 阶段');
    await expect(page.getByTestId('path-previous')).toHaveCount(0);
  });

  test('stages have names; a concept page says where it is, with previous and next along the path', async ({ page }) => {
    await page.goto('/en/learning-path/');
    const names = await page.locator('.learning-path > .stage > h2').allTextContents();
    expect(names[0]).toMatch(/^Stage 1: Foundations/);
    expect(names.join(' | ')).toMatch(/Optimization and training.*Classic networks.*Sequences and attention.*Large models/);
    const order = await page.locator('.learning-path .card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept!));
    const i = order.indexOf('backpropagation');
    await page.goto('/en/concepts/backpropagation/');
    await expect(page.getByTestId('path-position')).toContainText(/stage \d of \d/);
    await expect(page.getByTestId('path-previous').locator('a')).toHaveAttribute('href', `/en/concepts/${order[i - 1]}/`);
    await expect(page.getByTestId('path-next').locator('a')).toHaveAttribute('href', `/en/concepts/${order[i + 1]}/`);
  });

  test('"next to learn" follows the path, not the alphabet, and folds a long list', async ({ page }) => {
    await page.goto('/en/learning-path/');
    const order = await page.locator('.learning-path .card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept!));
    await page.goto('/zh/concepts/neural-network/');
    const next = page.getByTestId('next');
    const hrefs = await next.locator('a[data-kind="concept"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!.split('/').at(-2)!));
    expect(hrefs.length).toBeGreaterThan(6);
    const positions = hrefs.map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await expect(next.locator(':scope > .entity-list > li')).toHaveCount(6);
    await expect(next.locator('details.more summary')).toContainText('还有');
  });
});

test.describe('lists and code', () => {
  test('the zh paper list shows Chinese summaries; two papers titled "Deep Learning" are told apart', async ({ page }) => {
    await page.goto('/zh/papers/');
    await expect(page.getByTestId('paper-summary').first()).toBeVisible();
    const summaries = await page.getByTestId('paper-summary').allTextContents();
    expect(summaries.filter((s) => /[\u4e00-\u9fff]/.test(s)).length).toBe(summaries.length);
    const deep = await page.locator('#year-2015 a[data-kind="paper"], #year-2016 a[data-kind="paper"]').filter({ hasText: /^Deep Learning/ }).allTextContents();
    expect(deep).toHaveLength(2);
    expect(deep[0]).not.toBe(deep[1]);
    for (const title of deep) expect(title).toMatch(/^Deep Learning \(.+，201[56]\)$/);
  });

  test('a code block has a copy button reachable by keyboard, and copying is announced', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/zh/concepts/gradient-descent/');
    const button = page.locator('.code-block .code-copy').first();
    await expect(button).toHaveText('复制代码');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-code-copy] [role="status"]')).toHaveText('代码已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('import');
  });

  for (const scheme of ['dark', 'light'] as const) {
    test(`code comments are readable in the ${scheme} scheme (contrast at least 4.5:1)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/zh/concepts/gradient-descent/');
      // A Python comment token and the code block's background, as the reader sees them.
      const ratio = await page.evaluate(() => {
        const comment = [...document.querySelectorAll<HTMLElement>('.astro-code .line span')].find((s) => s.textContent?.trim().startsWith('#'));
        const pre = comment?.closest('pre');
        if (!comment || !pre) return 0;
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const [a, b] = [lum(getComputedStyle(comment).color), lum(getComputedStyle(pre).backgroundColor)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    });
  }
});
