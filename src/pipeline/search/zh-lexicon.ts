/**
 * The knowledge base's Chinese lexicon: its own names and aliases (梯度下降, 批归一化,
 * 残差网络), and the words its Chinese notes use often enough to count (ICU's words of two
 * or more characters found in at least MIN_NOTES notes). One list, used by the corpus
 * model's tokenizer, the Pagefind index and the browser's query segmentation, so all three
 * cut Chinese the same way.
 */
import { allEntities, type Catalog } from '../catalog.ts';
import { hanRuns, isHanWord } from '../../shared/search/zh-words.ts';

/** A word the segmenter finds must appear in this many Chinese notes to join the lexicon. */
export const MIN_NOTES = 3;

export interface LexiconOptions {
  /** Add ICU's frequent words to the site's names (default true). */
  frequentWords?: boolean;
  minNotes?: number;
}

export function siteNames(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const entity of allEntities(catalog)) {
    const own = entity.kind === 'paper' ? [] : [entity.meta.name.zh];
    for (const name of [...own, ...entity.meta.aliases]) for (const run of hanRuns(name)) if (run.length >= 2) names.add(run);
  }
  return [...names].sort();
}

const memo = new WeakMap<Catalog, string[]>();

/** The lexicon of a catalog (computed once per catalog with the default options). */
export function zhLexiconWords(catalog: Catalog, options?: LexiconOptions): string[] {
  if (options) return buildLexicon(catalog, options);
  if (!memo.has(catalog)) memo.set(catalog, buildLexicon(catalog, {}));
  return memo.get(catalog)!;
}

function buildLexicon(catalog: Catalog, options: LexiconOptions): string[] {
  const words = new Set(siteNames(catalog));
  if (options.frequentWords !== false) {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const notesWith = new Map<string, number>();
    for (const entity of allEntities(catalog)) {
      const body = entity.notes.zh?.body;
      if (!body) continue;
      const seen = new Set<string>();
      // The note's Chinese runs in one call, a line apart (a line break always ends a word): the
      // same words as segmenting run by run, in half the time (one ICU call per note, not per run).
      const runs = hanRuns(`${entity.notes.zh!.frontmatter.summary}\n${body}`).join('\n');
      for (const { segment, isWordLike } of segmenter.segment(runs)) if (isWordLike && segment.length >= 2 && isHanWord(segment)) seen.add(segment);
      for (const w of seen) notesWith.set(w, (notesWith.get(w) ?? 0) + 1);
    }
    const min = options.minNotes ?? MIN_NOTES;
    for (const [w, n] of notesWith) if (n >= min) words.add(w);
  }
  return [...words].sort();
}
