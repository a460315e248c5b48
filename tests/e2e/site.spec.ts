import { expect, test } from '@playwright/test';

test.describe('a reader browsing the knowledge base', () => {
  test('the home page says what the site is and offers topics and papers', async ({ page }) => {
    await page.goto('/zh/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('深度学习图谱');
    await expect(page.getByRole('heading', { name: '按主题浏览' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '最新收录的论文' })).toBeVisible();
    await expect(page.getByTestId('stats')).toContainText('篇论文');
  });

  test('follows a concept link from home to the concept page', async ({ page }) => {
    await page.goto('/zh/');
    await page.locator('.card a[data-kind="concept"]', { hasText: '梯度下降' }).first().click();
    await expect(page).toHaveURL(/\/zh\/concepts\/gradient-descent\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('梯度下降');
    await expect(page.locator('.breadcrumbs')).toContainText('概念');
  });

  test('switches language and lands on the same concept in English', async ({ page }) => {
    await page.goto('/zh/concepts/gradient-descent/');
    await page.getByTestId('lang-switch').click();
    await expect(page).toHaveURL(/\/en\/concepts\/gradient-descent\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gradient descent');
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', /\/zh\/concepts\/gradient-descent\/$/);
    await page.getByTestId('lang-switch').click();
    await expect(page).toHaveURL(/\/zh\/concepts\/gradient-descent\/$/);
  });

  test('cross-links in notes lead to other pages', async ({ page }) => {
    await page.goto('/en/concepts/gradient-descent/');
    const link = page.locator('.prose a.xref-concept').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/en\/concepts\/[a-z0-9-]+\/$/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('math is rendered at build time with self-hosted KaTeX fonts', async ({ page }) => {
    const fontRequests: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/vendor/katex/')) fontRequests.push(r.url()); });
    await page.goto('/en/concepts/gradient-descent/');
    const math = page.locator('.prose .katex').first();
    await expect(math).toBeVisible();
    await expect(math.locator('.katex-mathml math')).toHaveCount(1);
    const family = await math.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('KaTeX_Main');
    await expect(page.locator('.prose [style*="#cc0000"]')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(fontRequests.some((u) => u.endsWith('katex.min.css'))).toBe(true);
    expect(fontRequests.every((u) => u.startsWith('http://127.0.0.1'))).toBe(true);
    await expect(page.locator('script[src*="katex"]')).toHaveCount(0);
  });

  test('pages without math do not load the KaTeX stylesheet', async ({ page }) => {
    await page.goto('/en/papers/');
    await expect(page.locator('link[href*="katex"]')).toHaveCount(0);
  });

  test('a paper page shows its metadata, equations and the pages that mention it', async ({ page }) => {
    await page.goto('/en/papers/vaswani2017attention/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attention Is All You Need');
    await expect(page.getByTestId('paper-year')).toHaveText('2017');
    await expect(page.getByTestId('paper-authors')).toContainText('Łukasz Kaiser');
    await expect(page.getByTestId('paper-venue')).toContainText('Neural Information Processing Systems');
    await expect(page.getByTestId('key-equations').locator('.katex-display').first()).toBeVisible();
    const backlinks = page.getByTestId('backlinks');
    await expect(backlinks.getByRole('heading')).toHaveText(/Mentioned in/);
    await expect(backlinks.locator('a[data-kind="concept"]', { hasText: /^\s*Transformer\s*$/ })).toBeVisible();
  });

  test('concept pages list backlinks in the page language', async ({ page }) => {
    await page.goto('/zh/concepts/loss-function/');
    const backlinks = page.getByTestId('backlinks');
    await expect(backlinks.getByRole('heading')).toContainText('被引用于');
    await expect(backlinks.locator('a', { hasText: '梯度下降' })).toBeVisible();
  });

  test('lists: papers by year and venue, concepts by topic and A–Z', async ({ page }) => {
    await page.goto('/en/papers/');
    await expect(page.locator('#year-2017')).toContainText('Attention Is All You Need');
    await expect(page.getByRole('heading', { name: /NeurIPS/ })).toBeVisible();
    await page.goto('/zh/concepts/');
    await expect(page.getByRole('heading', { name: '按字母（A–Z）' })).toBeVisible();
    await expect(page.locator('#letter-G')).toContainText('梯度下降');
    await expect(page.locator('#topic-optimization')).toContainText('梯度下降');
  });

  test('an unknown address shows the bilingual 404 page', async ({ page }) => {
    const response = await page.goto('/zh/concepts/no-such-concept/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('pages load only the site\'s own small scripts: the search loader everywhere, more only where interactive', async ({ page, request }) => {
    for (const path of ['/zh/', '/en/concepts/', '/zh/papers/', '/en/concepts/gradient-descent/', '/zh/papers/vaswani2017attention/']) {
      await page.goto(path);
      const sources = await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? 'inline'));
      for (const src of sources) expect(src, path).toMatch(/^\/_astro\/[\w.-]+\.js$/);
      const loader = sources.filter((s) => s.includes('SearchDialog'));
      expect(loader, path).toHaveLength(1);
      expect((await (await request.get(loader[0]!)).body()).byteLength, 'search loader bytes').toBeLessThan(4096);
    }
    await page.goto('/en/concepts/');
    await expect(page.locator('script')).toHaveCount(1);
  });
});

test('every page carries a Content-Security-Policy that allows only the site\'s own scripts, and nothing violates it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  for (const path of ['/', '/zh/', '/en/papers/vaswani2017attention/', '/zh/concepts/transformer/', '/en/search/?q=attention', '/zh/bibliography/']) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain('unsafe-inline\'; script');
  }
  expect(violations, 'no page breaks its own policy').toEqual([]);
  // An injected inline script does not run (and is reported as a violation).
  await page.goto('/en/');
  const ran = await page.evaluate(() => {
    const el = document.createElement('script');
    el.textContent = 'window.__injected = true';
    document.body.append(el);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBe(1);
});

test.describe('on a phone and in dark mode', () => {
  test.use({ viewport: { width: 375, height: 740 }, colorScheme: 'dark', isMobile: true, hasTouch: true });

  test('nothing overflows sideways and the palette is dark', async ({ page }) => {
    for (const path of ['/zh/', '/zh/concepts/gradient-descent/', '/en/papers/vaswani2017attention/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(17, 21, 28)');
    }
  });
});
