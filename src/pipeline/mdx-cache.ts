/**
 * The explainers' MDX, compiled once per content: a Vite plugin that keeps what @astrojs/mdx's
 * transform returns for each .mdx file in .cache/mdx/ and hands it back while nothing it depends
 * on changed. Compiling the four explainers (remark, rehype-katex, parse5, recma) was ~0.7 CPU s
 * of Vite's server build on every build, for files an edited paper note never touches. Vite and
 * Rolldown keep no transform cache between builds, and @astrojs/mdx has no option for one, so
 * this wraps that plugin's transform hook (found by name once the config is resolved).
 *
 * The key: the file's path and text, the Vite environment, the note renderer's site key (every
 * entity's names and bibliographic data, the citation access date, src/pipeline and src/shared,
 * the Markdown packages: src/pipeline/note-render.ts), the file's stored analysis (which entities
 * its links and citations resolve to), astro.config.mjs and the versions of the MDX packages. A result with a
 * source map, or with metadata JSON does not keep exactly, is not stored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { packageVersions } from './cache-key.ts';
import { isPlainJson, writeAtomically } from './json-cache.ts';
import { siteRenderKey } from './note-render.ts';
import type { Site } from './site.ts';

const MDX_PLUGIN = '@mdx-js/rolldown';
const PACKAGES = ['astro', '@astrojs/mdx', '@mdx-js/mdx', 'rehype-katex', 'vite', 'rolldown'];
const WRAPPED = Symbol.for('deepatlas.mdx-cache');

interface TransformResult {
  code: string;
  map: unknown;
  meta?: unknown;
}
type TransformHandler = (this: { environment?: { name?: string } }, code: string, id: string) => Promise<TransformResult | undefined>;

export function mdxCachePlugin(options: { getSite: () => Pick<Site, 'catalog' | 'analyses'>; base: string; cacheDir: string }): Plugin {
  let fixedKey: string | undefined;
  const keyOf = (code: string, id: string, environment: string) => {
    const site = options.getSite();
    const root = site.catalog.paths.root;
    const config = path.join(root, 'astro.config.mjs');
    fixedKey ??= createHash('sha256')
      .update(`${siteRenderKey(site, options.base)}\n${packageVersions(root, PACKAGES)}\n`)
      .update(fs.existsSync(config) ? fs.readFileSync(config) : '')
      .digest('hex');
    const file = path.relative(root, id.replace(/[?#].*$/, '')).split(path.sep).join('/');
    // Entities by kind and id: their names and bibliographic data are in the site key, and their
    // notes (an edited paper the explainer cites) are not what the explainer prints.
    const analysis = JSON.stringify(site.analyses.get(file) ?? null, (_key, value: unknown) =>
      value && typeof value === 'object' && 'kind' in value && 'id' in value && 'notes' in value ? `${String(value.kind)}:${String(value.id)}` : value);
    return createHash('sha256').update(`${fixedKey}\n${environment}\n${id}\n${analysis}\n`).update(code).digest('hex');
  };
  return {
    name: 'deepatlas:mdx-cache',
    configResolved(config) {
      const mdx = config.plugins.find((p) => p.name === MDX_PLUGIN) as (Plugin & { [WRAPPED]?: true }) | undefined;
      const hook = mdx?.transform;
      if (!mdx || mdx[WRAPPED] || !hook || typeof hook !== 'object' || typeof hook.handler !== 'function') return;
      mdx[WRAPPED] = true;
      const compile = hook.handler as unknown as TransformHandler;
      (hook as { handler: TransformHandler }).handler = async function (code, id) {
        const key = keyOf(code, id, this.environment?.name ?? '');
        const file = path.join(options.cacheDir, `${key}.json`);
        try {
          return JSON.parse(fs.readFileSync(file, 'utf8')) as TransformResult;
        } catch {
          // Not compiled with this content yet (or cut short by an interrupted build).
        }
        const result = await compile.call(this, code, id);
        if (result && result.map === null && (result.meta === undefined || isPlainJson(result.meta))) writeAtomically(file, JSON.stringify(result));
        return result;
      };
    },
  };
}
