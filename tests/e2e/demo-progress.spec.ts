/**
 * Issue 19, item 5: the progress bar counts every byte a demo downloads, the ~27 MB runtime
 * included, says when it is preparing rather than downloading, and is full only when the
 * demo can run; the zh demo speaks Chinese throughout.
 */
import { expect, test } from '@playwright/test';

test('the embedding playground: progress in bytes, runtime included, 100% only when ready', async ({ page }) => {
  test.setTimeout(180_000);
  const wasm: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto('/zh/concepts/word-embedding/');
  const demo = page.locator('[data-demo="embedding"]');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-mounted', 'true');
  // Record every state the bar and the status line go through.
  await page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('[data-play-progress]')!;
    const status = document.querySelector<HTMLElement>('[data-play-status]')!;
    const log: Array<{ phase: string; value: string | null; total: number; status: string; ready: boolean }> = [];
    (window as unknown as { progressLog: typeof log }).progressLog = log;
    const record = () => log.push({ phase: bar.dataset.phase ?? '', value: bar.getAttribute('value') === null ? null : String(bar.value), total: Number(bar.dataset.total ?? 0), status: status.textContent ?? '', ready: document.querySelectorAll('[data-play-nearest] li').length > 0 });
    new MutationObserver(record).observe(bar, { attributes: true });
    new MutationObserver(record).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await demo.locator('[data-play-input]').fill('梯度下降\n注意力机制');
  await demo.getByRole('button', { name: '计算' }).click();
  await expect(demo.locator('[data-play-nearest] li').first()).toBeVisible({ timeout: 150_000 });
  const log = await page.evaluate(() => (window as unknown as { progressLog: Array<{ phase: string; value: string | null; total: number; status: string; ready: boolean }> }).progressLog);
  const downloading = log.filter((l) => l.phase === 'downloading');
  expect(downloading.length).toBeGreaterThan(0);
  expect(Math.max(...downloading.map((l) => l.total)), 'the runtime counts').toBeGreaterThan(27_000_000);
  expect(downloading.every((l) => l.value === null || Number(l.value) < 1), 'never full while downloading').toBe(true);
  expect(downloading.some((l) => /^正在下载：\d+\.\d \/ \d+\.\d MB（\d+%）$/.test(l.status))).toBe(true);
  expect(log.some((l) => l.phase === 'preparing' && l.value === null && l.status.startsWith('下载完成，正在准备模型'))).toBe(true);
  expect(log.filter((l) => l.value === '1').every((l) => l.phase === 'ready')).toBe(true);
  await expect(demo.locator('[data-play-progress]')).toBeHidden();
  expect(wasm, 'the runtime is downloaded once, by the counted fetch').toHaveLength(1);
  await expect(demo.locator('[data-play-status]')).toHaveText(/^每行耗时 \d+\.\d 毫秒$/);
  await expect(demo.locator('[data-play-backend]')).not.toHaveText(/[a-z]{3,}/);
  await expect(demo.locator('[data-play-line] option')).toHaveText(['梯度下降', '注意力机制']);
  const firstLine = await demo.locator('[data-play-nearest] li').first().getAttribute('data-key');
  await demo.locator('[data-play-line]').selectOption('1');
  await expect(demo.locator('[data-play-nearest] li').first()).not.toHaveAttribute('data-key', firstLine!);
});
