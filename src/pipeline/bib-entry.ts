/**
 * One self-contained entry out of BibTeX as bibliographies are written: several
 * entries, @string abbreviations, crossref to a proceedings entry. paper.bib
 * holds one entry only, so `npm run new:paper` picks the entry and writes it
 * with the macros expanded and the crossref'd fields copied in; an entry that
 * needs none of that is kept exactly as written.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { scanBibtex, scannedItems } from './bib-scan.ts';
import { positionAt, type Diagnostic } from './diagnostics.ts';

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

export type EntryResult =
  /** `locate(field)`: where a field of the written entry came from in the input, for diagnostics. */
  | { ok: true; key: string; bibtex: string; verbatim: boolean; locate: (field: string | null) => { line: number; column: number } }
  | { ok: false; diagnostics: Diagnostic[] };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Entry types whose crossref'd parent's title is their booktitle (BibTeX's and biblatex's rule). */
const TAKES_BOOKTITLE = new Set(['inproceedings', 'conference', 'incollection', 'inbook']);

/** Keys become folder names and URLs: letters, digits, - and _ only. */
export const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function write(type: string, key: string, fields: Record<string, string>): string {
  const width = Math.max(...Object.keys(fields).map((f) => f.length));
  const lines = Object.entries(fields).map(([name, value]) => {
    const month = name === 'month' && /^\d{1,2}$/.test(value) ? MONTHS[Number(value) - 1] : undefined;
    return `  ${name.padEnd(width)} = ${month ?? `{${value}}`}`;
  });
  return `@${type.toLowerCase()}{${key},\n${lines.join(',\n')}\n}\n`;
}

/**
 * The entry `wanted` (or the only entry) of a BibTeX text, self-contained.
 * `source` names the input in diagnostics.
 */
export function extractEntry(text: string, source: string, wanted?: string): EntryResult {
  const fail = (offset: number, rule: string, message: string, hint: string): EntryResult =>
    ({ ok: false, diagnostics: [{ file: source, ...positionAt(text, offset), severity: 'error', rule, message, hint }] });
  const items = scannedItems(text);
  if (items.length === 0) return fail(0, 'bib/entry-count', 'no BibTeX entry found', 'the file must hold an entry such as @article{key, ...}');
  const chosen = wanted ? items.find((e) => e.key === wanted) : items.length === 1 ? items[0] : undefined;
  if (!chosen) {
    const keys = items.map((e) => e.key).join(', ');
    return wanted
      ? fail(0, 'bib/no-such-key', `no entry with key "${wanted}" (the file has ${keys})`, 'pass one of those keys with --key')
      : fail(items[1]!.offset, 'bib/entry-count', `the file holds ${items.length} entries (${keys.length > 200 ? `${keys.slice(0, 200)}…` : keys})`, 'pick one with --key <key>, e.g. npm run new:paper -- refs.bib --key ' + items[0]!.key);
  }
  if (!SAFE_KEY.test(chosen.key)) {
    const suggestion = chosen.key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'key';
    return fail(chosen.offset, 'bib/key', `the key "${chosen.key}" cannot be a folder name and URL`, `use letters, digits, - and _ only, e.g. ${suggestion}`);
  }
  const seen = new Set<string>();
  for (const field of chosen.fields) {
    if (seen.has(field.name)) return fail(field.offset, 'bib/duplicate-field', `field "${field.name}" is written twice in entry "${chosen.key}"`, 'keep one of the two: BibTeX uses the first, other tools the last');
    seen.add(field.name);
  }
  const entries = scanBibtex(text);
  const usesMacros = entries.some((e) => e.type.toLowerCase() === 'string');
  const parentKey = /\bcrossref\s*=\s*[{"]\s*([^}"\s]+)/i.exec(text.slice(chosen.offset, chosen.end))?.[1];
  const standalone = items.length === 1 && !usesMacros && !parentKey && !entries.some((e) => e.type.toLowerCase() === 'preamble');
  const locate = (field: string | null) => positionAt(text, chosen.fields.find((f) => f.name === field)?.offset ?? chosen.offset);
  if (standalone) return { ok: true, key: chosen.key, bibtex: `${text.trim()}\n`, verbatim: true, locate };

  let parsed: RawEntry[];
  try {
    parsed = plugins.input.chain(text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[];
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const at = /at line (\d+) col (\d+)/.exec(message);
    return { ok: false, diagnostics: [{ file: source, line: at ? Math.max(1, Number(at[1])) : 1, column: at ? Math.max(1, Number(at[2])) : 1, severity: 'error', rule: 'bib/syntax',
      message: `BibTeX syntax error: ${message.replace(/ at line \d+ col \d+:?$/, '')}`, hint: 'check that every { has a matching } and fields are separated by commas' }] };
  }
  const entry = parsed.find((e) => e.label === chosen.key);
  if (!entry) return fail(chosen.offset, 'bib/syntax', `entry "${chosen.key}" could not be read`, 'check its braces and commas');
  if (!parentKey) {
    // The entry's own text, when it means the same without the rest of the file, is kept as written.
    const own = text.slice(chosen.offset, chosen.end).trim();
    try {
      const alone = plugins.input.chain(own, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[];
      if (alone.length === 1 && JSON.stringify(alone[0]!.properties) === JSON.stringify(entry.properties)) {
        return { ok: true, key: chosen.key, bibtex: `${own}\n`, verbatim: false, locate };
      }
    } catch {
      // It uses a macro defined elsewhere in the file: write it out below.
    }
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(entry.properties)) if (name !== 'crossref') fields[name] = String(value);
  if (parentKey) {
    const parent = parsed.find((e) => e.label === parentKey);
    if (!parent) {
      const at = chosen.offset + text.slice(chosen.offset, chosen.end).search(/\bcrossref\s*=/i);
      return fail(at, 'bib/crossref', `crossref = {${parentKey}}: no entry "${parentKey}" in this file`, `add the @proceedings or @book entry ${parentKey} to the file, or copy its fields (booktitle, publisher, year, ...) into this entry`);
    }
    for (const [name, value] of Object.entries(parent.properties)) {
      const target = name === 'title' && TAKES_BOOKTITLE.has(entry.type.toLowerCase()) ? 'booktitle' : name;
      if (name === 'crossref' || target in fields) continue;
      fields[target] = String(value);
    }
  }
  return { ok: true, key: chosen.key, bibtex: write(entry.type, chosen.key, fields), verbatim: false, locate };
}
