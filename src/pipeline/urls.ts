/** URLs of pages, built in one place so links, pages and tests agree. */
import type { EntityKind } from './catalog.ts';
import type { Lang } from './settings.ts';

const SECTION: Record<EntityKind, string> = { concept: 'concepts', paper: 'papers', resource: 'resources' };

/** `base` is Astro's `base` (import.meta.env.BASE_URL), with or without a trailing slash. */
export function withBase(base: string, pathname: string): string {
  return `${base.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
}

export function sectionPath(lang: Lang, kind: EntityKind): string {
  return `/${lang}/${SECTION[kind]}/`;
}

export function entityPath(lang: Lang, kind: EntityKind, id: string): string {
  return `/${lang}/${SECTION[kind]}/${encodeURIComponent(id)}/`;
}

/** The same page in the other language: /zh/concepts/x/ <-> /en/concepts/x/. */
export function switchLangPath(pathname: string, base: string, to: Lang): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const rest = pathname.startsWith(trimmedBase) ? pathname.slice(trimmedBase.length) : pathname;
  const swapped = rest.replace(/^\/(zh|en)(?=\/|$)/, `/${to}`);
  return withBase(base, swapped === rest && !/^\/(zh|en)/.test(rest) ? `/${to}/` : swapped);
}
