/** Static paths shared by the [lang] routes, and lookups the pages need. */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { LANGS, isLang, type Lang } from '../pipeline/settings.ts';
import { pickTranslation, type PickedTranslation } from '../pipeline/translation.ts';

export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}

export async function entityPaths(collection: 'concepts' | 'papers' | 'resources') {
  const entries = await getCollection(collection);
  return LANGS.flatMap((lang) => entries.map((e) => ({ params: { lang, id: e.id }, props: { lang, id: e.id } })));
}

type NoteCollection = 'conceptNotes' | 'paperNotes' | 'resourceNotes';

export interface RenderedNote<C extends NoteCollection> {
  picked: PickedTranslation<CollectionEntry<C>>;
  Content: Awaited<ReturnType<typeof render>>['Content'];
  hasMath: boolean;
  hasCitations: boolean;
}

/** The note in the page's language, or the other language's with `fallback` set. */
export async function renderNote<C extends NoteCollection>(collection: C, id: string, lang: Lang): Promise<RenderedNote<C> | undefined> {
  const byLang: Partial<Record<Lang, CollectionEntry<C>>> = {};
  for (const entry of await getCollection(collection, (e) => e.id.startsWith(`${id}/`))) {
    const l = entry.id.slice(id.length + 1);
    if (isLang(l)) byLang[l] = entry as CollectionEntry<C>;
  }
  const picked = pickTranslation(byLang, lang);
  if (!picked) return undefined;
  const { Content, remarkPluginFrontmatter } = await render(picked.value);
  return { picked, Content, hasMath: Boolean(remarkPluginFrontmatter.hasMath), hasCitations: Boolean(remarkPluginFrontmatter.hasCitations) };
}
