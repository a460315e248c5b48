/** Pagefind's browser API, loaded once from the site, and its results as search hits. */
import type { SearchHit } from '../../shared/search/contract.ts';
import { entityKeyFromUrl } from '../../shared/urls.ts';

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; type?: string };
}
export interface PagefindResult {
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
  const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return data.flatMap((d) => {
    const key = entityKeyFromUrl(d.url, base);
    return key ? [{ key, url: d.url, title: d.meta.title ?? d.url, kind: key.split(':')[0]!, excerpt: d.excerpt }] : [];
  });
}
