/**
 * The knowledge base's own names (titles in both languages and aliases) as a lookup table for
 * query understanding: exact matches ("AlexNet", "批归一化") and the names a longer query
 * mentions, longest first ("为什么学习率太大会发散" mentions 学习率). Pure: built from pages.json.
 */
import type { SearchHit, SearchPage } from './contract.ts';
import { editDistance } from './edit-distance.ts';
import { withoutKindWords } from './understand.ts';

/** NFKC, lower case, punctuation and symbols as spaces: "DALL·E" and "dall-e" both read "dall e". */
export function spaced(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

/** The spaced form without spaces, for exact comparison ("Batch Norm" = "batchnorm"). */
export function compact(text: string): string {
  return spaced(text).replace(/ /g, '');
}

const LATIN = /[a-z0-9]/;

export interface NameEntry {
  /** spaced form */
  name: string;
  /** as written in meta.yaml or the title */
  display: string;
  keys: string[];
}

export interface Mention {
  name: string;
  keys: string[];
  start: number;
  end: number;
}

export class NameIndex {
  /** compact name -> entity keys */
  private readonly exact = new Map<string, Set<string>>();
  /** "GPT-3 paper" read as "GPT-3": names that hold only together with their kind word. */
  private readonly exactWithKind = new Map<string, Set<string>>();
  private readonly entries: NameEntry[] = [];
  /** key -> page per language */
  private readonly pages = new Map<string, Map<string, SearchPage>>();

  constructor(pages: SearchPage[]) {
    const byName = new Map<string, Set<string>>();
    const displays = new Map<string, string>();
    for (const page of pages) {
      const langs = this.pages.get(page.key) ?? new Map<string, SearchPage>();
      langs.set(page.lang, page);
      this.pages.set(page.key, langs);
      for (const raw of [page.title, ...(page.aliases ?? [])]) {
        const name = spaced(raw);
        // One latin letter or one Chinese character names nothing reliably.
        if (name.length < 2) continue;
        (byName.get(name) ?? byName.set(name, new Set()).get(name)!).add(page.key);
        if (!displays.has(name)) displays.set(name, raw);
        const c = compact(raw);
        (this.exact.get(c) ?? this.exact.set(c, new Set()).get(c)!).add(page.key);
        // The alias "GPT-3 paper" answers the query "GPT-3 论文", not the query "ImageNet" for
        // the alias "ImageNet paper": it counts only when the query asks for that kind too.
        const { core, intent } = withoutKindWords(raw);
        if (intent?.kind === page.kind && compact(core).length >= 2) {
          const short = `${page.kind}:${compact(core)}`;
          (this.exactWithKind.get(short) ?? this.exactWithKind.set(short, new Set()).get(short)!).add(page.key);
        }
      }
    }
    for (const [name, keys] of byName) this.entries.push({ name, display: displays.get(name)!, keys: [...keys] });
    this.entries.sort((a, b) => b.name.length - a.name.length);
  }

  /** Entities one of whose names is exactly the text; with `kind`, also "<text> paper" aliases of that kind. */
  exactly(text: string, kind?: string): string[] {
    const keys = [...(this.exact.get(compact(text)) ?? [])];
    const withKind = kind ? [...(this.exactWithKind.get(`${kind}:${compact(text)}`) ?? [])] : [];
    return [...new Set([...keys, ...withKind])];
  }

  /**
   * Names that occur in the text, longest first and not overlapping. A name with latin letters
   * must stand as a word ("lr" is not found inside "clr"); a Chinese name may sit anywhere.
   */
  mentions(text: string): Mention[] {
    const query = spaced(text);
    const taken = new Array<boolean>(query.length).fill(false);
    const found: Mention[] = [];
    for (const { name, keys } of this.entries) {
      let from = 0;
      for (;;) {
        const at = query.indexOf(name, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + name.length;
        if (LATIN.test(name[0]!) && at > 0 && LATIN.test(query[at - 1]!)) continue;
        if (LATIN.test(name.at(-1)!) && end < query.length && LATIN.test(query[end]!)) continue;
        if (taken.slice(at, end).some(Boolean)) continue;
        taken.fill(true, at, end);
        found.push({ name, keys, start: at, end });
      }
    }
    return found.sort((a, b) => b.name.length - a.name.length || a.start - b.start);
  }

  /**
   * The names nearest to a query that found nothing, closest first: at most a quarter of the
   * name's characters differ (typos), and never a name shorter than three characters.
   */
  suggest(text: string, limit = 3): Array<{ name: string; key: string }> {
    const query = compact(text);
    if (query.length < 3) return [];
    const scored = this.entries.flatMap((entry) => {
      const name = compact(entry.display);
      if (name.length < 3 || Math.abs(name.length - query.length) > Math.max(1, name.length / 4)) return [];
      const distance = editDistance(query, name);
      return distance <= Math.max(1, Math.floor(name.length / 4)) ? [{ distance, name: entry.display, key: entry.keys[0]! }] : [];
    });
    const seen = new Set<string>();
    return scored
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
      .filter((s) => !seen.has(s.key) && Boolean(seen.add(s.key)))
      .slice(0, limit)
      .map(({ name, key }) => ({ name, key }));
  }

  page(key: string, lang: string): SearchPage | undefined {
    const langs = this.pages.get(key);
    return langs?.get(lang) ?? langs?.values().next().value;
  }

  /** A hit for a page no engine returned (found by name only), in the reader's language. */
  hit(key: string, lang: string): SearchHit | undefined {
    const page = this.page(key, lang);
    return page && { key, url: page.url, title: page.title, kind: page.kind, ...(page.year ? { year: page.year } : {}), ...(page.summary ? { summary: page.summary } : {}) };
  }
}
