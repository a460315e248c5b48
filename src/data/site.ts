/**
 * The content pipeline's result, built once per process. Astro loads the config, the content
 * layer and the prerendered pages as separate module graphs, so a module-level variable would
 * give each its own copy (and its own pipeline run); the cache lives on globalThis under a
 * registered symbol instead, which every module instance in the process shares.
 */
import { buildSite, type Site } from '../pipeline/site.ts';

interface SiteCache {
  site?: Site;
  /** How many times the pipeline ran in this process (the build logs it; a test reads it). */
  runs: number;
}

const KEY = Symbol.for('deepatlas.site');

function cache(): SiteCache {
  const holder = globalThis as typeof globalThis & { [KEY]?: SiteCache };
  holder[KEY] ??= { runs: 0 };
  return holder[KEY];
}

export function getSite(): Site {
  const c = cache();
  if (!c.site) {
    c.site = buildSite();
    c.runs += 1;
  }
  return c.site;
}

/** Drop the cached site (the dev server calls this when content changes). */
export function invalidateSite(): void {
  cache().site = undefined;
}

export function pipelineRuns(): number {
  return cache().runs;
}
