/** Pagefind's browser API, loaded once from the site, and its results as search hits. */
import type { SearchHit } from '../../shared/search/contract.ts';
import { entityKeyFromUrl } from '../../shared/urls.ts';

export interface PagefindData {
  url: string;
  excerpt: string;
  /** The page's indexed text (Pagefind's data has it; the modular UI's type omits it). */
  content?: string;
  meta: { title?: string; type?: string };
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

let pagefindPromise: Promise<PagefindApi> | undefined;
export function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
    await api.options({ excerptLength: 24 });
    return api;
  });
  return pagefindPromise;
}

/** The top Pagefind results as hits (Pagefind loads each result's data on demand). */
export async function hydrate(results: PagefindResult[], base: string, limit = 10): Promise<SearchHit[]> {
  return hitsOf(await Promise.all(results.slice(0, limit).map((r) => r.data())), base);
}

/**
 * The first `limit` results whose text (or `alsoKnownAs`, the page's other names) contains every
 * phrase whole, spaces ignored, looking at most `scan` results deep, a page of results at a time.
 */
export async function hydrateContaining(results: PagefindResult[], phrases: string[], base: string, alsoKnownAs: (url: string) => string, limit = 10, scan = 50): Promise<SearchHit[]> {
  const kept: PagefindData[] = [];
  for (let i = 0; i < Math.min(results.length, scan) && kept.length < limit; i += limit) {
    const data = await Promise.all(results.slice(i, Math.min(i + limit, scan)).map((r) => r.data()));
    for (const d of data) {
      const text = `${d.meta.title ?? ''}${alsoKnownAs(d.url)}${d.content ?? ''}`.replace(/\s+/g, '');
      if (phrases.every((p) => text.includes(p)) && kept.length < limit) kept.push(d);
    }
  }
  return hitsOf(kept, base);
}

function hitsOf(data: PagefindData[], base: string): SearchHit[] {
  return data.flatMap((d) => {
    const key = entityKeyFromUrl(d.url, base);
    return key ? [{ key, url: d.url, title: d.meta.title ?? d.url, kind: key.split(':')[0]!, excerpt: d.excerpt }] : [];
  });
}
