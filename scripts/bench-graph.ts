/**
 * npm run bench:graph: the graph stage and the graph page at scale.
 * - stage time and /graph.json bytes (raw, gzip) for the real site and for a synthetic
 *   knowledge base of 10,000 papers (in memory: papers citing older papers, concepts they use);
 * - frame times while panning that 10,000-node graph on the built graph page in headless
 *   Chromium (the page's own graph.json request is answered with the synthetic file).
 * Needs a built site (npm run build) for the browser part.
 */
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildGraphData } from '../src/pipeline/graph-data.ts';
import { buildGraph } from '../src/pipeline/graph.ts';
import { buildSite } from '../src/pipeline/site.ts';
import type { Catalog, ConceptEntity, PaperEntity } from '../src/pipeline/catalog.ts';
import { projectPaths } from '../src/pipeline/settings.ts';
import { relatedIndex } from '../src/data/related.ts';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { startPreview } from './lib/preview-server.ts';

const PAPERS = Number(process.env.BENCH_GRAPH_PAPERS ?? 10_000);

function measure<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function sizes(json: string) {
  return { raw: Buffer.byteLength(json), gzip: zlib.gzipSync(json).length };
}

/** A seeded linear congruential generator: the same synthetic graph on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticCatalog(papers: number): Catalog {
  const next = random(42);
  const catalog: Catalog = { paths: projectPaths('/nonexistent-bench'), sources: { articles: [], errata: [] }, concepts: new Map(), papers: new Map(), resources: new Map(), explainers: new Map() };
  const conceptIds = Array.from({ length: Math.max(20, Math.round(papers / 50)) }, (_, i) => `concept-${i}`);
  conceptIds.forEach((id, i) => {
    const prerequisites = i > 0 ? [conceptIds[Math.floor(next() * i)]!] : [];
    const c: ConceptEntity = { kind: 'concept', id, dir: `src/content/concepts/${id}`, notes: { en: { lang: 'en', file: `x/${id}/en.md`, frontmatter: { summary: `Synthetic concept ${i}. More text.` }, body: '', bodyLine: 1 } },
      meta: { name: { zh: `概念 ${i}`, en: `Concept ${i}` }, aliases: [], topic: 'foundations', prerequisites, papers: [] } };
    catalog.concepts.set(id, c);
  });
  const keys: string[] = [];
  for (let i = 0; i < papers; i++) {
    const key = `paper${i}`;
    const year = 1980 + Math.floor((i / papers) * 45);
    const cites = keys.length ? Array.from({ length: 1 + Math.floor(next() * 8) }, () => keys[Math.floor(next() * keys.length)]!) : [];
    const p: PaperEntity = {
      kind: 'paper', id: key, dir: `papers/${key}`,
      paper: { key, entryType: 'article', title: `Synthetic paper ${i}`, authors: [{ family: 'Doe' }], etAl: false, year, fields: {}, csl: { id: key, type: 'article-journal' }, bibtex: '' },
      meta: { aliases: [], cites: [...new Set(cites)] },
      notes: { en: { lang: 'en', file: `papers/${key}/en.md`, frontmatter: { summary: `Synthetic paper ${i}.`, concepts: [conceptIds[Math.floor(next() * conceptIds.length)]!], tags: [], equations: [] }, body: '', bodyLine: 1 } },
    };
    catalog.papers.set(key, p);
    keys.push(key);
  }
  return catalog;
}

const rows: string[] = [];
{
  const site = buildSite();
  const { value, ms } = measure(() => JSON.stringify(buildGraphData(site, relatedIndex())));
  const s = sizes(value);
  rows.push(`real site (${site.catalog.papers.size} papers, ${site.catalog.concepts.size + site.catalog.papers.size + site.catalog.resources.size} nodes)`.padEnd(46) + `stage ${ms.toFixed(0).padStart(6)} ms   graph.json ${(s.raw / 1024).toFixed(0).padStart(6)} KB (${(s.gzip / 1024).toFixed(0)} KB gzip)`);
}
const catalog = syntheticCatalog(PAPERS);
const { value: syntheticJson, ms } = measure(() => {
  const { graph } = buildGraph(catalog, new Map(), () => undefined);
  return JSON.stringify(buildGraphData({ catalog, graph }));
});
const s = sizes(syntheticJson);
const nodes = catalog.papers.size + catalog.concepts.size;
rows.push(`synthetic (${PAPERS} papers, ${nodes} nodes)`.padEnd(46) + `stage ${ms.toFixed(0).padStart(6)} ms   graph.json ${(s.raw / 1024).toFixed(0).padStart(6)} KB (${(s.gzip / 1024).toFixed(0)} KB gzip)`);

const server = await startPreview(4397);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/graph.json', (route) => route.fulfill({ body: syntheticJson, contentType: 'application/json' }));
  const loadStart = performance.now();
  await page.goto(`${server.url}/en/graph/`);
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]', { timeout: 120_000 });
  const loadMs = performance.now() - loadStart;
  // Pan the camera in small steps for two seconds and record the time between frames.
  const frames = await page.evaluate(async () => {
    const view = (window as unknown as { deepatlasGraph: { view?: { sigma: { getCamera(): { getState(): { x: number; y: number; ratio: number }; setState(s: object): void } } } } }).deepatlasGraph.view;
    if (!view) return [];
    const camera = view.sigma.getCamera();
    const start = camera.getState();
    const times: number[] = [];
    let last = performance.now();
    const end = last + 2000;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        times.push(now - last);
        last = now;
        const t = (now % 2000) / 2000;
        camera.setState({ x: start.x + 0.2 * Math.sin(t * 2 * Math.PI), y: start.y + 0.2 * Math.cos(t * 2 * Math.PI) });
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return times.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  rows.push(`panning ${nodes} nodes in headless Chromium`.padEnd(46) + `load ${loadMs.toFixed(0)} ms; frame median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms (${frames.length} frames in 2 s, SwiftShader WebGL: CPU, not a GPU)`);
  await browser.close();
} finally {
  server.stop();
}
console.log(rows.join('\n'));
