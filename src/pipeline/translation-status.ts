/**
 * Translations that stay in step: for every zh/en note pair, whether each side still matches
 * the version of its twin it was last synced with (the `synced:` hash, see translation-hash.ts).
 * A side whose twin changed since is stale: `npm run check` warns on its `synced:` line, its
 * page shows a notice linking the twin, and /<lang>/translations/ lists the pair's state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { allEntities, type Catalog, type Entity } from './catalog.ts';
import type { Diagnostic } from './diagnostics.ts';
import { LANGS, otherLang, type Lang } from '../shared/locales.ts';
import { syncedLine, translationHash } from './translation-hash.ts';

/** States of a pair, in the order the status page lists them (work to do first). */
export const PAIR_STATES = ['zh-stale', 'en-stale', 'both-stale', 'missing-zh', 'missing-en', 'untracked', 'in-step'] as const;
export type PairState = (typeof PAIR_STATES)[number];

/** What the state logic needs to know of one side of a pair. */
export interface NoteVersion {
  /** Hash of this note's own content. */
  hash: string;
  /** Hash of the twin recorded at the last sync; undefined when the note is not tracked yet. */
  synced?: string | undefined;
}

/**
 * The state of a pair. A side is stale when the twin's hash no longer matches the one it
 * recorded. A side without `synced` makes no claim: notes added before they were ever stamped
 * are "untracked", not stale, so new content never raises warnings on its own.
 */
export function pairState(versions: Partial<Record<Lang, NoteVersion>>): PairState {
  const { zh, en } = versions;
  if (!zh) return 'missing-zh';
  if (!en) return 'missing-en';
  if (zh.synced === undefined && en.synced === undefined) return 'untracked';
  const zhStale = zh.synced !== undefined && zh.synced !== en.hash;
  const enStale = en.synced !== undefined && en.synced !== zh.hash;
  if (zhStale && enStale) return 'both-stale';
  if (zhStale) return 'zh-stale';
  if (enStale) return 'en-stale';
  return 'in-step';
}

/** The languages whose page is out of date in a pair of this state. */
export function staleLangs(state: PairState): Lang[] {
  if (state === 'both-stale') return [...LANGS];
  return LANGS.filter((lang) => state === `${lang}-stale`);
}

export interface TranslatedNote extends NoteVersion {
  /** Project-relative path of the note. */
  file: string;
  /** 1-based line of its `synced:` field, when it has one. */
  syncedLine?: number | undefined;
}

export interface TranslationPair {
  entity: Entity;
  state: PairState;
  notes: Partial<Record<Lang, TranslatedNote>>;
}

export interface TranslationStatus {
  pairs: TranslationPair[];
  /** Look up an entity's pair: `${kind}:${id}`. */
  byEntity: Map<string, TranslationPair>;
  diagnostics: Diagnostic[];
}

export const pairKey = (entity: Pick<Entity, 'kind' | 'id'>): string => `${entity.kind}:${entity.id}`;

/** The stage: read every note pair of the catalog and compare the recorded hashes. */
export function translationStatus(catalog: Catalog): TranslationStatus {
  const pairs: TranslationPair[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entity of allEntities(catalog)) {
    const notes: Partial<Record<Lang, TranslatedNote>> = {};
    for (const note of Object.values(entity.notes)) {
      // The raw text, not the parsed frontmatter: the hash must not change when a schema
      // gains a default value, only when a maintainer edits the file.
      const text = fs.readFileSync(path.join(catalog.paths.root, note.file), 'utf8');
      notes[note.lang] = { file: note.file, hash: translationHash(text), synced: note.frontmatter.synced, syncedLine: syncedLine(text) };
    }
    const state = pairState(notes);
    pairs.push({ entity, state, notes });
    const both = state === 'both-stale';
    for (const lang of staleLangs(state)) {
      const stale = notes[lang]!;
      const twin = notes[otherLang(lang)]!;
      diagnostics.push({
        file: stale.file, line: stale.syncedLine ?? 1, column: 1, severity: 'warning', rule: 'translation/stale',
        message: `translation out of date: ${twin.file} changed after this note was last synced with it${both ? ' (and this note changed too)' : ''}`,
        hint: both
          ? `reconcile the two notes, then declare them in step: npm run sync:translations -- ${stale.file}`
          : `bring this note in line with ${twin.file}, then declare the pair in step: npm run sync:translations -- ${stale.file}`,
      });
    }
  }
  return { pairs, byEntity: new Map(pairs.map((p) => [pairKey(p.entity), p])), diagnostics };
}
