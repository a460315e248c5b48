/**
 * UI strings, one flat table per locale (after Starlight's translations/*.json).
 * The English table defines the keys; the Chinese one must have the same keys,
 * which the type below enforces and a unit test double-checks.
 */
import type { Lang } from '../shared/locales.ts';
import { ISLANDS, type IslandName } from '../shared/islands.ts';
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };

export type UiKey = keyof typeof en;
const tables: Record<Lang, Record<UiKey, string>> = { en, zh };

/** `t('zh', 'home.stats', { papers: 3 })`: the string, with {name} placeholders filled. */
export function t(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const uiTables = tables;

/** Label of a topic area or resource kind: `label('zh', 'topic', 'nlp')`. */
export function label(lang: Lang, group: 'topic' | 'resources.kind' | 'kind' | 'sources.kind', value: string): string {
  return t(lang, `${group}.${value}` as UiKey);
}

/**
 * The strings an island's browser code reads (its registry entry's prefixes in
 * src/shared/islands.ts), for its root's data-strings attribute.
 */
export function islandStrings(lang: Lang, name: IslandName): Record<string, string> {
  const prefixes: readonly string[] = ISLANDS[name].strings;
  return Object.fromEntries(Object.entries(tables[lang]).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
