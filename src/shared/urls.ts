/** URLs of pages, built in one place so links, pages, search and tests agree. Runs in Node and the browser. */
import { ENTITY_KINDS, entityKey, kindOfSection, type EntityKind } from './entity-kinds.ts';
import { LANGS, type Lang } from './locales.ts';

/** `base` is Astro's `base` (import.meta.env.BASE_URL), with or without a trailing slash. */
export function withBase(base: string, pathname: string): string {
  return `${base.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
}

export function sectionPath(lang: Lang, kind: EntityKind): string {
  return `/${lang}/${ENTITY_KINDS[kind].section}/`;
}

export function entityPath(lang: Lang, kind: EntityKind, id: string): string {
  return `/${lang}/${ENTITY_KINDS[kind].section}/${encodeURIComponent(id)}/`;
}

/** The base path removed from a URL path, when it starts with it. */
function stripBase(pathname: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  return trimmedBase && pathname.startsWith(trimmedBase) ? pathname.slice(trimmedBase.length) : pathname;
}

/** The entity a page URL shows: `/zh/concepts/gradient-descent/` -> `{ lang: 'zh', kind: 'concept', id: 'gradient-descent' }`. */
export function parseEntityPath(url: string, base: string): { lang: Lang; kind: EntityKind; id: string } | undefined {
  const m = /^\/([a-z]+)\/([a-z-]+)\/([^/?#]+)\/?/.exec(stripBase(url, base));
  if (!m || !(LANGS as readonly string[]).includes(m[1]!)) return undefined;
  const kind = kindOfSection(m[2]!);
  return kind ? { lang: m[1] as Lang, kind, id: decodeURIComponent(m[3]!) } : undefined;
}

/** `/zh/concepts/gradient-descent/` (after the base path) -> `concept:gradient-descent`. */
export function entityKeyFromUrl(url: string, base: string): string | undefined {
  const parsed = parseEntityPath(url, base);
  return parsed ? entityKey(parsed.kind, parsed.id) : undefined;
}

/** The same page in the other language: /zh/concepts/x/ <-> /en/concepts/x/. */
export function switchLangPath(pathname: string, base: string, to: Lang): string {
  const rest = stripBase(pathname, base);
  const swapped = rest.replace(/^\/(zh|en)(?=\/|$)/, `/${to}`);
  return withBase(base, swapped === rest && !/^\/(zh|en)/.test(rest) ? `/${to}/` : swapped);
}
