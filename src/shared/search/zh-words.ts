/**
 * Chinese words the knowledge base knows, and text split by them. ICU's segmenter
 * (Intl.Segmenter('zh') in Node and the browsers) splits domain terms into pieces
 * (学习|率, 批|归|一|化), so the site's own names and aliases, and the words its notes
 * use often, are matched first, longest first; ICU splits what is left. Pure: the corpus
 * model's vocabulary is built with it, and the browser reads Chinese queries with it (zh-query.ts).
 */

/** CJK ideographs (the unified block, extension A and the compatibility block). */
export const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const HAN_RUN = new RegExp(`[${HAN}]+`, 'gu');
const ONLY_HAN = new RegExp(`^[${HAN}]+$`, 'u');

export function isHanWord(word: string): boolean {
  return ONLY_HAN.test(word);
}

/** The runs of Chinese characters in a text ("批归一化 (BatchNorm) 层" -> 批归一化, 层). */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

/** A lexicon: words by their first character, longest first, for greedy longest matching. */
export class ZhLexicon {
  private readonly byFirst = new Map<string, string[]>();
  readonly size: number;

  constructor(words: Iterable<string>) {
    const unique = new Set([...words].filter((w) => w.length >= 2 && isHanWord(w)));
    for (const word of unique) {
      const list = this.byFirst.get(word[0]!) ?? [];
      list.push(word);
      this.byFirst.set(word[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.size = unique.size;
  }

  words(): string[] {
    return [...this.byFirst.values()].flat().sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  has(word: string): boolean {
    return this.byFirst.get(word[0]!)?.includes(word) ?? false;
  }

  /** The longest lexicon word starting at `i`, if any. */
  matchAt(text: string, i: number): string | undefined {
    return this.byFirst.get(text[i]!)?.find((w) => text.startsWith(w, i));
  }
}

let icu: Intl.Segmenter | undefined;
function icuWords(run: string): string[] {
  icu ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...icu.segment(run)].map((s) => s.segment);
}

/**
 * The words of a run of Chinese characters: lexicon words where they start (longest
 * first), ICU's segmentation for the stretches between them.
 */
export function segmentHan(run: string, lexicon: ZhLexicon): string[] {
  const out: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) out.push(...icuWords(pending));
    pending = '';
  };
  for (let i = 0; i < run.length; ) {
    const word = lexicon.matchAt(run, i);
    if (word) {
      flush();
      out.push(word);
      i += word.length;
    } else {
      pending += run[i];
      i += 1;
    }
  }
  flush();
  return out;
}
