/** Static paths shared by the [lang] routes, and the rendering of a page's note. */
import { entitiesOf, type Entity, type Note } from '../pipeline/catalog.ts';
import { pickTranslation } from '../pipeline/translation.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { LANGS, type Lang } from '../shared/locales.ts';
import { getSite } from './site.ts';
import { joinNotePrerender, noteRenderer } from './notes.ts';

export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** One page per entity of a kind and language; the page finds its entity with `entityFor`. */
export function entityPaths(kind: EntityKind) {
  const ids = [...entitiesOf(getSite().catalog, kind).keys()];
  return LANGS.flatMap((lang) => ids.map((id) => ({ params: { lang, id }, props: { lang, id } })));
}

export function entityFor<K extends EntityKind>(kind: K, id: string): Extract<Entity, { kind: K }> {
  const entity = entitiesOf(getSite().catalog, kind).get(id);
  if (!entity) throw new Error(`no ${kind} "${id}" in the catalog`);
  return entity;
}

type NoteOf<E extends Entity> = E['notes'][Lang] & Note<unknown>;

export interface RenderedNote<E extends Entity> {
  /** The note shown: its frontmatter comes from the pipeline, already validated. */
  note: NonNullable<NoteOf<E>>;
  /** The language it is written in, and whether that is a fallback from the page's language. */
  lang: Lang;
  fallback: boolean;
  /** The note's HTML (src/pipeline/note-render.ts), for `<Fragment set:html>`. */
  html: string;
  hasMath: boolean;
  hasCitations: boolean;
}

/** The note in the page's language, or the other language's with `fallback` set. */
export async function renderNote<E extends Entity>(entity: E, lang: Lang): Promise<RenderedNote<E> | undefined> {
  const picked = pickTranslation(entity.notes as Partial<Record<Lang, NonNullable<NoteOf<E>>>>, lang);
  if (!picked) return undefined;
  await joinNotePrerender();
  const { html, hasMath, hasCitations } = await noteRenderer().render(picked.value.file);
  return { note: picked.value, lang: picked.lang, fallback: picked.fallback, html, hasMath, hasCitations };
}
