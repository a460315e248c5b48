import { expect, test } from '@playwright/test';

test.describe('demo models in the reader\'s browser', () => {
  test('OCR reads the Chinese and English sample on the WASM backend', async ({ page }) => {
    test.setTimeout(180_000);
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url()); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/zh/concepts/convolutional-neural-network/');
    const demo = page.locator('[data-demo="ocr"]');
    await demo.scrollIntoViewIfNeeded();
    await demo.locator('[data-ocr-backend-choice]').selectOption('wasm');
    await demo.getByRole('button', { name: '用示例图片' }).click();
    await expect(demo.locator('[data-ocr-status]')).toContainText('识别出', { timeout: 150_000 });
    const lines = await demo.locator('[data-ocr-lines] li').allTextContents();
    console.log(`OCR (wasm): ${lines.join(' | ')}; ${await demo.locator('[data-ocr-timings]').textContent()}`);
    expect(lines.join('\n')).toContain('深度学习');
    expect(lines.join('\n')).toMatch(/Attention\s*2017/);
    await expect(demo.locator('[data-ocr-backend]')).toHaveAttribute('data-backend', 'wasm');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('OCR explains a file that is not an image', async ({ page }) => {
    await page.goto('/en/concepts/convolutional-neural-network/');
    const demo = page.locator('[data-demo="ocr"]');
    await demo.scrollIntoViewIfNeeded();
    await expect(demo).toHaveAttribute('data-mounted', 'true');
    await demo.locator('[data-ocr-file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(demo.locator('[data-ocr-status]')).toHaveText('That is not an image: choose a PNG, JPEG or WebP file.');
  });

  test('the embedding playground puts gradient descent next to 梯度下降', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/en/concepts/word-embedding/');
    const demo = page.locator('[data-demo="embedding"]');
    await demo.scrollIntoViewIfNeeded();
    await demo.locator('[data-play-input]').fill('梯度下降\nattention');
    await demo.getByRole('button', { name: 'Compare' }).click();
    await expect(demo.locator('[data-play-nearest] li').first()).toBeVisible({ timeout: 90_000 });
    const nearest = await demo.locator('[data-play-nearest] li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    expect(nearest.slice(0, 5)).toContain('concept:gradient-descent');
    await expect(demo.locator('[data-play-matrix] table td').first()).toHaveText('1.00');
    await expect(demo.locator('[data-play-map] svg circle')).not.toHaveCount(0);
  });
});

test.describe('on WebGPU', () => {
  test('OCR and the playground run on WebGPU when the browser offers an adapter @webgpu', async ({ page, browserName }, testInfo) => {
    test.skip(testInfo.project.name !== 'webgpu', 'WebGPU runs in the webgpu project only (Chromium with --enable-unsafe-webgpu)');
    test.setTimeout(420_000);
    await page.goto('/zh/concepts/convolutional-neural-network/');
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string } } | null> } }).gpu;
      const a = await gpu?.requestAdapter();
      return a ? `${a.info?.vendor ?? '?'} ${a.info?.architecture ?? ''}`.trim() : null;
    });
    if (!adapter) {
      console.log(`WebGPU skipped: ${browserName} offers no adapter here`);
      test.skip(true, 'no WebGPU adapter in this Chromium');
    }
    console.log(`WebGPU adapter: ${adapter}`);
    const demo = page.locator('[data-demo="ocr"]');
    await demo.scrollIntoViewIfNeeded();
    await demo.getByRole('button', { name: '用示例图片' }).click();
    await expect(demo.locator('[data-ocr-status]')).toContainText('识别出', { timeout: 400_000 });
    await expect(demo.locator('[data-ocr-backend]')).toHaveAttribute('data-backend', 'webgpu');
    const lines = await demo.locator('[data-ocr-lines] li').allTextContents();
    console.log(`OCR (webgpu): ${lines.join(' | ')}; ${await demo.locator('[data-ocr-timings]').textContent()}`);
    expect(lines.join('\n')).toContain('深度学习');
  });
});
