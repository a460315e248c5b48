/**
 * npm run bench:search (after npm run build): search sizes and speed.
 * - the real site: Pagefind index size per language, semantic files, bytes a reader
 *   downloads for a first keyword and a first semantic query, latency after warm-up;
 * - a synthetic 10,000-page site indexed by the same Pagefind version: index size and
 *   bytes fetched per keyword query (target: <= 150 KB).
 * Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import * as pagefind from 'pagefind';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import type { SearchMode } from '../src/shared/search/contract.ts';

const dirSize = (dir: string): { raw: number; files: number } => {
  let raw = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      raw += fs.statSync(path.join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return { raw, files };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A static file server for a folder, on a free loopback port. */
function serve(root: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent((req.url ?? '/').split('?')[0]!));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
  }));
}

/** Bytes of the responses a callback causes, from the page and its workers (network events). */
async function bytesDuring(page: Page, action: () => Promise<unknown>): Promise<number> {
  const pending: Array<Promise<number>> = [];
  const onFinished = (request: import('@playwright/test').Request) => pending.push(request.sizes().then((s) => s.responseBodySize, () => 0));
  page.on('requestfinished', onFinished);
  await action();
  await page.waitForTimeout(300);
  page.off('requestfinished', onFinished);
  return (await Promise.all(pending)).reduce((a, b) => a + b, 0);
}

const dist = path.resolve('dist');
if (!fs.existsSync(path.join(dist, 'pagefind'))) {
  console.error('dist/pagefind not found: run npm run build first');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

// Real site.
console.log('== real site');
const index = dirSize(path.join(dist, 'pagefind'));
console.log(`pagefind index: ${kb(index.raw)} in ${index.files} files (both languages)`);
const semanticFiles = fs.readdirSync(path.join(dist, 'search'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const semanticRaw = semanticFiles.reduce((a, e) => a + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
const semanticGzip = semanticFiles.reduce((a, e) => a + gzipSync(fs.readFileSync(path.join(e.parentPath, e.name))).byteLength, 0);
console.log(`semantic model + vectors: ${kb(semanticRaw)} raw, ${kb(semanticGzip)} gzip`);
const chunk = fs.readdirSync(path.join(dist, '_astro')).filter((f) => f.startsWith('search.') && f.endsWith('.js'));
for (const f of chunk) {
  const b = fs.readFileSync(path.join(dist, '_astro', f));
  console.log(`search code ${f}: ${kb(b.byteLength)} raw, ${kb(gzipSync(b).byteLength)} gzip`);
}
const site = await serve(dist);
const page = await browser.newPage();
await page.goto(`${site.url}/zh/search/`);
await page.waitForFunction(() => 'deepatlasSearch' in window);
const run = (q: string, mode: SearchMode) => page.evaluate(([query, m]) => window.deepatlasSearch!.run(query, m), [q, mode] as const);
console.log(`first keyword query downloads ${kb(await bytesDuring(page, () => run('梯度下降', 'keyword')))}`);
console.log(`first semantic query downloads ${kb(await bytesDuring(page, () => run('反向传播', 'semantic')))} (uncompressed bodies; backend: TypeScript fast path)`);
const queries = ['梯度下降', 'gradient descent', '注意力机制', 'overfitting', '卷积神经网络', 'word embeddings', '反向传播', 'Transformer'];
for (const mode of ['keyword', 'semantic', 'fused'] as const) {
  for (const q of queries) await run(q, mode);
  const started = performance.now();
  for (const q of queries) await run(q, mode);
  console.log(`${mode.padEnd(8)} latency after warm-up: ${((performance.now() - started) / queries.length).toFixed(1)} ms/query`);
}
site.close();

// Synthetic 10,000-page site from the real pages' sentences.
console.log('== synthetic site, 10,000 pages');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-search-bench-'));
const sentences = fs.readdirSync(path.join(dist, 'en/concepts')).flatMap((slug) => {
  const file = path.join(dist, 'en/concepts', slug, 'index.html');
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  return text.split(/(?<=\.)\s+/).filter((s) => s.length > 40 && s.length < 300);
});
let seed = 42;
const pick = () => sentences[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % sentences.length]!;
const { index: synthetic } = await pagefind.createIndex({});
for (let i = 0; i < 10_000; i++) {
  const body = Array.from({ length: 12 }, pick).join(' ');
  await synthetic!.addHTMLFile({ url: `/p/${i}/`, content: `<html lang="en"><body><main data-pagefind-body><h1>Page ${i}</h1><p>${body}</p></main></body></html>` });
}
await synthetic!.writeFiles({ outputPath: path.join(tmp, 'pagefind') });
await pagefind.close();
fs.writeFileSync(path.join(tmp, 'index.html'), '<!doctype html><html lang="en"><body><script type="module">window.pf = await import("/pagefind/pagefind.js");</script></body></html>');
const big = dirSize(path.join(tmp, 'pagefind'));
console.log(`pagefind index: ${(big.raw / 1e6).toFixed(1)} MB in ${big.files} files`);
const synthSite = await serve(tmp);
const synthPage = await browser.newPage();
await synthPage.goto(`${synthSite.url}/`);
await synthPage.waitForFunction(() => 'pf' in window);
const perQuery: number[] = [];
for (const q of ['gradient', 'attention', 'overfitting', 'convolution', 'embedding']) {
  perQuery.push(await bytesDuring(synthPage, () => synthPage.evaluate(async (query) => {
    const pf = (window as unknown as { pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> } }).pf;
    const r = await pf.search(query);
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  }, q)));
}
console.log(`bytes fetched per keyword query (first 10 results loaded): ${perQuery.map(kb).join(', ')}; first includes the runtime`);
synthSite.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
