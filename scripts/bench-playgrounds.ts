/**
 * npm run bench:playgrounds (after npm run build): the learning playgrounds in
 * headless Chromium and in Node.
 * - MLP: ms per training step (one mini-batch of 10) on each backend the
 *   playground has (today one: the site's Float64 tensor module), in Node and in
 *   Chromium's engine, for the default network and the largest one the controls allow;
 * - gradient descent: frames per second of the animation with all five optimizers;
 * - island bytes (gzip) each playground loads when it scrolls into view.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { PLAYGROUND_NAMES } from '../src/shared/playgrounds/names.ts';
import { ISLANDS, type IslandInfo } from '../src/shared/islands.ts';
import http from 'node:http';

const NETWORKS = [
  { label: '2×4 tanh (default)', layers: 2, width: 4 },
  { label: '4×8 tanh (largest)', layers: 4, width: 8 },
];

/** The timing loop, run both in Node and (bundled) in the browser: returns ms per mini-batch step. */
const timingSource = `
import { TrainingSession, BATCH_SIZE } from './src/shared/playgrounds/mlp-session.ts';
import { trainEpoch } from './src/shared/playgrounds/mlp.ts';
import { seededRandom } from './src/shared/random.ts';
export function msPerStep(layers, width) {
  const s = new TrainingSession({ dataset: 'spiral', noise: 0.1, split: 0.5, layers, width, activation: 'tanh', learningRate: 0.03, l2: 0 });
  const settings = { learningRate: 0.03, l2: 0, batchSize: BATCH_SIZE };
  const random = seededRandom(3);
  let steps = 0;
  for (let i = 0; i < 50; i++) trainEpoch(s.net, s.train, settings, random); // warm-up: let the JIT compile the loops
  const start = performance.now();
  while (performance.now() - start < 1000) steps += trainEpoch(s.net, s.train, settings, random);
  return (performance.now() - start) / steps;
}
`;

const bundled = await build({ stdin: { contents: timingSource, resolveDir: process.cwd(), loader: 'js' }, bundle: true, format: 'iife', globalName: 'bench', write: false, platform: 'browser' });
const browserCode = bundled.outputFiles[0]!.text;
const nodeModule = await build({ stdin: { contents: timingSource, resolveDir: process.cwd(), loader: 'js' }, bundle: true, format: 'esm', write: false, platform: 'node' });
const tmp = path.join(process.cwd(), '.cache', 'bench-playgrounds.mjs');
fs.mkdirSync(path.dirname(tmp), { recursive: true });
fs.writeFileSync(tmp, nodeModule.outputFiles[0]!.text);
const { msPerStep } = (await import(tmp)) as { msPerStep: (layers: number, width: number) => number };

/**
 * dist/ over plain HTTP. Not astro preview: that loads the whole Astro config and
 * integration first, which took over 30 s on a loaded two-core machine; the
 * playgrounds need only static files.
 */
async function serveDist(port: number): Promise<{ url: string; stop: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm' };
  const root = path.resolve('dist');
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, url);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

const rows: string[][] = [['measure', 'value']];
for (const n of NETWORKS) rows.push([`MLP step, js-f64 in Node, ${n.label}`, `${msPerStep(n.layers, n.width).toFixed(3)} ms`]);

const server = await serveDist(4393);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  // A blank page without the site's CSP, so the bundled timing code can be injected.
  const blank = await browser.newPage();
  await blank.addScriptTag({ content: browserCode });
  for (const n of NETWORKS) {
    const ms = await blank.evaluate(([l, w]) => (window as unknown as { bench: { msPerStep(l: number, w: number): number } }).bench.msPerStep(l!, w!), [n.layers, n.width]);
    rows.push([`MLP step, js-f64 in Chromium, ${n.label}`, `${ms.toFixed(3)} ms`]);
  }
  rows.push(['MLP step, TensorFlow.js', 'not measured: not a dependency (see tensor.ts)']);

  const page = await browser.newPage();
  await page.goto(`${server.url}/en/concepts/gradient-descent/#gradient-descent:opt=sgd,momentum,nesterov,rmsprop,adam&steps=1000`);
  const gd = page.locator('[data-playground="gradient-descent"]');
  await gd.locator('[data-control="play"]').waitFor();
  const countFrames = () => page.evaluate(() => new Promise<{ fps: number; worst: number }>((resolve) => {
    const times: number[] = [];
    const tick = (now: number) => {
      times.push(now);
      if (now - times[0]! < 3000) requestAnimationFrame(tick);
      else resolve({ fps: (times.length - 1) / ((now - times[0]!) / 1000), worst: Math.max(...times.slice(1).map((t, i) => t - times[i]!)) });
    };
    requestAnimationFrame(tick);
  }));
  // The same page idle: what this browser on this machine manages with no work at all.
  const idle = await countFrames();
  // Chromium's own accounting of the main thread's work while the animation runs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await gd.locator('[data-control="play"]').click();
  const m0 = await metrics();
  const frames = await countFrames();
  const m1 = await metrics();
  const perFrame = (name: string) => ((1000 * (m1[name]! - m0[name]!)) / (frames.fps * 3)).toFixed(2);
  rows.push(['frames per second, idle page (baseline)', `${idle.fps.toFixed(1)} fps (longest frame ${idle.worst.toFixed(1)} ms)`]);
  rows.push(['gradient descent animation, 5 optimizers', `${frames.fps.toFixed(1)} fps (longest frame ${frames.worst.toFixed(1)} ms)`]);
  rows.push(['  main-thread work per frame', `script ${perFrame('ScriptDuration')} ms, layout ${perFrame('LayoutDuration')} ms, style ${perFrame('RecalcStyleDuration')} ms, all tasks ${perFrame('TaskDuration')} ms`]);

  for (const name of PLAYGROUND_NAMES) {
    const p = await browser.newPage();
    // Each playground's first concept page in the island registry (rnn sits on recurrent-neural-network).
    const pages = (ISLANDS[name].pages as IslandInfo['pages']).concept;
    await p.goto(`${server.url}/en/concepts/${Array.isArray(pages) ? pages[0] : name}/`);
    await p.waitForLoadState('networkidle');
    const scripts: string[] = [];
    p.on('response', (r) => { if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname); });
    await p.locator(`[data-playground="${name}"]`).scrollIntoViewIfNeeded();
    await p.locator(`[data-playground="${name}"][data-mounted="true"]`).waitFor();
    await p.waitForLoadState('networkidle');
    const gzip = scripts.reduce((sum, s) => sum + zlib.gzipSync(fs.readFileSync(path.join('dist', s))).length, 0);
    rows.push([`island ${name}: ${scripts.length} files`, `${(gzip / 1024).toFixed(1)} kB gzip`]);
    await p.close();
  }
} finally {
  await browser.close();
  server.stop();
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
