/**
 * npm run bench:demos (after npm run build): the in-browser demos in headless
 * Chromium, per backend this browser offers (WASM always; WebGPU when an adapter
 * exists, here SwiftShader): model bytes, load time, per-stage latency.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { startPreview } from './lib/preview-server.ts';

const bytes = (dir: string) => fs.readdirSync(dir).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
console.log(`OCR models: ${(bytes('dist/models/ocr') / 1e6).toFixed(1)} MB; onnxruntime-web WASM: ${(fs.readdirSync('dist/_astro').filter((f) => f.endsWith('.wasm')).reduce((a, f) => a + fs.statSync(path.join('dist/_astro', f)).size, 0) / 1e6).toFixed(1)} MB; corpus model: ${(fs.statSync('dist/search/models/deepatlas/corpus-lsi/onnx/model.onnx').size / 1e6).toFixed(2)} MB`);
const server = await startPreview(4392);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] });
const rows = [['backend', 'load ms', 'detection ms', 'direction ms', 'recognition ms', 'text']];
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/concepts/convolutional-neural-network/`);
  await page.locator('[data-demo="ocr"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => 'deepatlasOcr' in window);
  const hasGpu = await page.evaluate(async () => Boolean(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));
  for (const backend of hasGpu ? ['wasm', 'webgpu'] : ['wasm']) {
    const row = await page.evaluate(async (b) => {
      type Api = { loadPipeline(b: string): Promise<{ backend: string }>; recognize(p: unknown, img: ImageBitmap): Promise<{ lines: Array<{ text: string }>; timings: Record<string, number> }> };
      const api = (window as unknown as { deepatlasOcr: Api }).deepatlasOcr;
      const image = await createImageBitmap(await (await fetch('/samples/ocr-sample.png')).blob());
      let t = performance.now();
      const p = await api.loadPipeline(b);
      const load = performance.now() - t;
      await api.recognize(p, image); // warm-up
      const r = await api.recognize(p, image);
      return [p.backend, load.toFixed(0), r.timings.detection!.toFixed(0), r.timings.classification!.toFixed(0), r.timings.recognition!.toFixed(0), r.lines.map((l) => l.text).join(' / ')];
    }, backend);
    rows.push(row);
  }
  if (!hasGpu) console.log('WebGPU: no adapter in this browser, skipped');
} finally {
  await browser.close();
  server.stop();
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
