/**
 * A shallow scan of BibTeX source: where each entry starts and where each of
 * its fields is written. citation-js parses the values; this only answers the
 * questions it cannot: "is a field written twice?" (citation-js silently keeps
 * the last one) and "on which line is field X?" (for diagnostics).
 */

export interface ScannedField {
  /** Lower-case field name. */
  name: string;
  /** Offset of the field name in the text. */
  offset: number;
}

export interface ScannedEntry {
  /** Entry type as written, e.g. "Book", "string", "preamble". */
  type: string;
  /** Citation key; empty for @string, @preamble and @comment. */
  key: string;
  /** Offset of the "@". */
  offset: number;
  /** Offset just past the closing delimiter (or the end of the text when unclosed). */
  end: number;
  fields: ScannedField[];
}

const SPECIAL = new Set(['string', 'preamble', 'comment']);

/** Skips one balanced {...} or "..." starting at `i`; returns the offset after it. */
function skipDelimited(text: string, i: number): number {
  const open = text[i];
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') { j++; continue; }
    if (ch === '{') depth++;
    else if (ch === '}') { depth--; if (open === '{' && depth === 0) return j + 1; }
    else if (ch === '"' && open === '"' && j > i && depth === 0) return j + 1;
  }
  return text.length;
}

/** Every entry of a BibTeX text with the offsets of its fields. Never throws. */
export function scanBibtex(text: string): ScannedEntry[] {
  const entries: ScannedEntry[] = [];
  const head = /@\s*([A-Za-z]+)\s*([{(])/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const type = m[1]!;
    const close = m[2] === '{' ? '}' : ')';
    const entry: ScannedEntry = { type, key: '', offset: m.index, end: text.length, fields: [] };
    entries.push(entry);
    let i = m.index + m[0].length;
    if (SPECIAL.has(type.toLowerCase())) {
      // @string{a = ...}, @preamble{...}, @comment{...}: skip to the matching close.
      i = skipDelimited(text, i - 1);
      entry.end = i;
      head.lastIndex = i;
      continue;
    }
    const keyMatch = /^\s*([^,\s{}()]*)\s*,?/.exec(text.slice(i));
    entry.key = keyMatch?.[1] ?? '';
    i += keyMatch?.[0].length ?? 0;
    while (i < text.length) {
      const name = /^[\s,]*([^\s=,{}()"#%]+)\s*=\s*/.exec(text.slice(i));
      if (!name) {
        const rest = /^[\s,]*/.exec(text.slice(i))![0].length;
        i += rest;
        if (text[i] === close) i++;
        break;
      }
      entry.fields.push({ name: name[1]!.toLowerCase(), offset: i + name[0].indexOf(name[1]!) });
      i += name[0].length;
      // A value: parts joined by #, each {...}, "..." or a bare number or macro name.
      for (;;) {
        if (text[i] === '{' || text[i] === '"') i = skipDelimited(text, i);
        else i += /^[^\s,#{}()"]*/.exec(text.slice(i))![0].length;
        const hash = /^\s*#\s*/.exec(text.slice(i));
        if (!hash) break;
        i += hash[0].length;
      }
    }
    entry.end = i;
    head.lastIndex = i;
  }
  return entries;
}

/** The entries that are bibliography items (not @string, @preamble or @comment). */
export function scannedItems(text: string): ScannedEntry[] {
  return scanBibtex(text).filter((e) => !SPECIAL.has(e.type.toLowerCase()));
}
