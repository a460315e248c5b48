/**
 * src/pipeline/mdx-cache.ts: @astrojs/mdx's transform runs once per content; its result comes
 * back from .cache/mdx/ until the file, the site's names, the file's analysis or the
 * environment changes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Plugin, ResolvedConfig } from 'vite';
import type { NoteAnalysis } from '../../src/pipeline/analyze.ts';
import { mdxCachePlugin } from '../../src/pipeline/mdx-cache.ts';
import { catalogOf, concept } from '../helpers/catalog-fixture.ts';

process.env.DEEPATLAS_ACCESS_DATE ??= '2026-11-30';

type Handler = (this: { environment: { name: string } }, code: string, id: string) => Promise<{ code: string; map: null; meta: unknown }>;

test('a compiled MDX file is reused only while everything it depends on is unchanged', async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-mdx-'));
  try {
    let catalog = catalogOf([concept('attention', { zh: '注意力机制', en: 'Attention mechanism' })]);
    const file = 'src/content/explainers/x/en.mdx';
    const id = path.join(catalog.paths.root, file);
    const analyses = new Map<string, NoteAnalysis>([[file, { mentions: [], citations: [], hasMath: false, diagnostics: [] }]]);
    const compiled: string[] = [];
    // A stand-in for @astrojs/mdx's plugin: its transform records what it compiles.
    const fakeMdx = () => ({ name: '@mdx-js/rolldown', transform: { filter: { id: /\.mdx$/ }, handler: async (code: string) => {
      compiled.push(code);
      return { code: `export default ${JSON.stringify(code)} // ${compiled.length}`, map: null, meta: { astro: { propagation: 'none' } } };
    } } }) as unknown as Plugin;
    const mdx = fakeMdx();
    const cache = mdxCachePlugin({ getSite: () => ({ catalog, analyses }), base: '/', cacheDir });
    (cache.configResolved as (config: ResolvedConfig) => void)({ plugins: [mdx] } as unknown as ResolvedConfig);
    (cache.configResolved as (config: ResolvedConfig) => void)({ plugins: [mdx] } as unknown as ResolvedConfig);
    const transform = (code: string, env = 'ssr') => ((mdx.transform as { handler: Handler }).handler).call({ environment: { name: env } }, code, id);

    const first = await transform('# Attention');
    assert.deepEqual(await transform('# Attention'), first, 'the second build gets the first one\'s result');
    assert.equal(compiled.length, 1, 'compiled once (and wrapped once although configResolved ran twice)');
    await transform('# Attention, edited');
    assert.equal(compiled.length, 2, 'an edited file is compiled');
    await transform('# Attention', 'client');
    assert.equal(compiled.length, 3, 'another environment is another key');
    analyses.set(file, { mentions: [catalog.concepts.get('attention')!], citations: [], hasMath: false, diagnostics: [] });
    await transform('# Attention');
    assert.equal(compiled.length, 4, 'a link resolved differently is compiled again');
    // The linked concept's own note changes: what the explainer prints of it (name, URL) does not.
    const linked = catalog.concepts.get('attention')!;
    linked.notes = { en: { lang: 'en', file: 'src/content/concepts/attention/en.md', frontmatter: { summary: 'Edited.' }, body: 'An edited body.', bodyLine: 4 } } as typeof linked.notes;
    await transform('# Attention');
    assert.equal(compiled.length, 4, 'an edited note of a linked entity does not recompile the explainer');

    // A renamed entity changes the site key: a fresh plugin (a new build) compiles again.
    catalog = catalogOf([concept('attention', { zh: '注意力', en: 'Attention' })]);
    const next = mdxCachePlugin({ getSite: () => ({ catalog, analyses }), base: '/', cacheDir });
    const mdx2 = fakeMdx();
    (next.configResolved as (config: ResolvedConfig) => void)({ plugins: [mdx2] } as unknown as ResolvedConfig);
    await ((mdx2.transform as { handler: Handler }).handler).call({ environment: { name: 'ssr' } }, '# Attention', id);
    assert.equal(compiled.length, 5);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
});
