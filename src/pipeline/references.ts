/**
 * The cross-reference syntax, in one place:
 *   [[target]]            link to a concept, paper or resource by slug, key, name or alias
 *   [[target|text]]       the same, with the link text given
 *   [@key]                cite a paper
 *   [@key1; @key2]        cite several
 *   [@key, p. 5]          cite with a locator
 * Parsed from Markdown text nodes (never from code or math), so `[[x]]` in a code
 * block stays literal. Plain regular expressions suffice: neither form nests, and
 * CommonMark leaves both as literal text when no link definition matches.
 */
export interface WikiLinkRef {
  type: 'wikilink';
  /** Offset of `[[` in the scanned text. */
  start: number;
  end: number;
  target: string;
  label?: string;
}

export interface CitationItem {
  key: string;
  locator?: string;
}

export interface CitationRef {
  type: 'citation';
  start: number;
  end: number;
  items: CitationItem[];
}

export interface MalformedRef {
  type: 'malformed';
  start: number;
  end: number;
  text: string;
  reason: string;
}

export type Reference = WikiLinkRef | CitationRef | MalformedRef;

const PATTERN = /\[\[([^[\]\n]*?)(?:\|([^[\]\n]*))?\]\]|\[(@[^[\]\n]*)\]/g;
const CITE_ITEM = /^@([A-Za-z][A-Za-z0-9_:-]*)(?:\s*,\s*(\S.*))?$/;

export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[3] === undefined) {
      const target = (m[1] ?? '').trim();
      const label = m[2]?.trim();
      if (!target) {
        refs.push({ type: 'malformed', start, end, text: m[0], reason: 'empty link target' });
        continue;
      }
      refs.push({ type: 'wikilink', start, end, target, ...(label ? { label } : {}) });
      continue;
    }
    const items: CitationItem[] = [];
    let bad: string | undefined;
    for (const part of m[3].split(';')) {
      const item = CITE_ITEM.exec(part.trim());
      if (!item) {
        bad = part.trim();
        break;
      }
      items.push({ key: item[1]!, ...(item[2] ? { locator: item[2].trim() } : {}) });
    }
    if (bad !== undefined) {
      refs.push({ type: 'malformed', start, end, text: m[0], reason: `cannot read citation "${bad}"` });
    } else {
      refs.push({ type: 'citation', start, end, items });
    }
  }
  return refs;
}
