/**
 * `papers/<key>/paper.bib` -> Paper: one BibTeX entry, parsed by citation-js,
 * validated against the rules a maintainer must follow, with diagnostics that
 * point at the line of the offending field.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { z } from 'zod';
import type { paperRecord } from '../schemas/paper.ts';
import { scannedItems } from './bib-scan.ts';
import { positionAt, type Diagnostic } from './diagnostics.ts';
import { LOCALES, type Lang } from '../shared/locales.ts';
import { sentenceCaseBibtex } from './sentence-case.ts';

/** A CSL name; citation-js keeps BibTeX's "von" and "Jr." parts in the particle and suffix fields. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/** A CSL-JSON item as citation-js produces it (the fields we read). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: Array<Array<number | string>> };
  'container-title'?: string;
  publisher?: string;
  DOI?: string;
  ISBN?: string;
  URL?: string;
  page?: string;
  volume?: string;
  issue?: string;
  [field: string]: unknown;
}

/** The validated record; its shape is the `papers` collection schema. */
export type Paper = Omit<z.output<typeof paperRecord>, 'csl'> & { csl: CslItem };

/** Fields each entry type must have, beyond author, title and year. */
const VENUE_FIELDS: Record<string, string[]> = {
  article: ['journal'],
  inproceedings: ['booktitle'],
  conference: ['booktitle'],
  incollection: ['booktitle', 'publisher'],
  book: ['publisher'],
  techreport: ['institution'],
  phdthesis: ['school'],
  mastersthesis: ['school'],
  misc: [],
  online: [],
  unpublished: [],
};

const DOI = /^10\.\d{4,9}\/\S+$/;
const ARXIV = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

function isbnIsValid(raw: string): boolean {
  const digits = raw.replace(/[-\s]/g, '');
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  if (/^\d{13}$/.test(digits)) {
    const sum = [...digits].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 ? 3 : 1), 0);
    return sum % 10 === 0;
  }
  return false;
}

/** Line and column of `field = ` in the BibTeX text, or of the entry head. */
export function fieldPosition(text: string, field: string | null): { line: number; column: number } {
  if (field) {
    const scanned = scannedItems(text)[0]?.fields.find((f) => f.name === field.toLowerCase());
    if (scanned) return positionAt(text, scanned.offset);
    const m = new RegExp(`^([ \\t]*)${field}\\s*=`, 'mi').exec(text);
    if (m) return positionAt(text, m.index + (m[1]?.length ?? 0));
  }
  const head = /@\w+\s*[{(]/.exec(text);
  return positionAt(text, head ? head.index : 0);
}

/** citation-js reports "... at line L col C"; lines are 1-based in the parsed text. */
function parseErrorPosition(message: string): { line: number; column: number } {
  const m = /at line (\d+) col (\d+)/.exec(message);
  // Inside math mode the parser's line counter can say 0: never point before the file.
  return m ? { line: Math.max(1, Number(m[1])), column: Math.max(1, Number(m[2])) } : { line: 1, column: 1 };
}

interface RawEntry {
  type: string;
  label: string;
  /** Strings, or numbers where the BibTeX value is a bare number (year = 2004). */
  properties: Record<string, string | number>;
}

/**
 * Names and titles in one Unicode form (NFC), so that search, de-duplication and
 * reference managers see "Martín" as one string. BibTeX's {\'\i} gives a dotless
 * ı plus a combining accent, which has no composed form: use the dotted letter.
 * A ~ tie arrives as a no-break space, a typesetting hint: make it a space.
 */
export function normalizeText(value: string): string {
  return value.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').replace(/\u0237(?=[\u0300-\u036f])/g, 'j').replace(/\u00a0/g, ' ').normalize('NFC');
}

function normalizeName(name: CslName): CslName {
  const out: CslName = {};
  for (const [part, value] of Object.entries(name) as Array<[keyof CslName, string | undefined]>) {
    if (typeof value === 'string') out[part] = normalizeText(value);
  }
  return out;
}

/** arXiv's DOI for a preprint (DataCite registers one for every arXiv id). */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id.replace(/v\d+$/, '')}`;
}

export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The title as BibTeX source in sentence case, decoded to Unicode by citation-js. */
function sentenceCaseTitle(rawTitle: string): string | undefined {
  try {
    const items = plugins.input.chain(`@misc{t, title = {${sentenceCaseBibtex(rawTitle)}}}`, { forceType: '@biblatex/text', target: '@csl/list+object', generateGraph: false }) as CslItem[];
    return items[0]?.title === undefined ? undefined : normalizeText(items[0].title);
  } catch {
    return undefined;
  }
}

export interface ParsedBib {
  paper?: Paper;
  diagnostics: Diagnostic[];
}

/**
 * Parse and validate one paper.bib. `file` is the project-relative path and
 * `folderKey` the folder name, which must equal the entry's key.
 */
export function parseBibFile(text: string, file: string, folderKey: string): ParsedBib {
  const diagnostics: Diagnostic[] = [];
  const report = (field: string | null, rule: string, message: string, hint?: string) =>
    diagnostics.push({ file, ...fieldPosition(text, field), severity: 'error', rule, message, ...(hint ? { hint } : {}) });

  const parse = <T>(target: string): T[] | undefined => {
    try {
      return plugins.input.chain(text, { forceType: '@biblatex/text', target, generateGraph: false }) as T[];
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      diagnostics.push({
        file,
        ...parseErrorPosition(message),
        severity: 'error',
        rule: 'bib/syntax',
        message: `BibTeX syntax error: ${message.replace(/ at line \d+ col \d+:?$/, '')}`,
        hint: 'check that every { has a matching } and fields are separated by commas',
      });
      return undefined;
    }
  };
  // citation-js cannot tell a file with no entry from another format, so count heads first.
  const heads = text.match(/^\s*@\s*(?!comment\b|string\b|preamble\b)[A-Za-z]+\s*[{(]/gim) ?? [];
  const entries = heads.length === 0 ? [] : parse<RawEntry>('@biblatex/entries+list');
  if (!entries) return { diagnostics };
  if (entries.length !== 1) {
    report(null, 'bib/entry-count', `expected exactly one BibTeX entry, found ${entries.length}`,
      entries.length ? 'put each paper in its own folder under papers/' : 'add the entry, e.g. @article{key, ...}');
    return { diagnostics };
  }
  const items = parse<CslItem>('@csl/list+object');
  if (!items?.[0]) return { diagnostics };
  const entry = entries[0]!;
  const item = items[0];
  // Bare values (year = 2004, volume = 33) arrive as numbers: every field is text from here on.
  const fields: Record<string, string> = Object.fromEntries(Object.entries(entry.properties).map(([name, value]) => [name, String(value)]));
  const entryType = entry.type.toLowerCase();

  // citation-js keeps the last of two equal field names without a word; BibTeX keeps the first.
  const seen = new Map<string, number>();
  for (const field of scannedItems(text)[0]?.fields ?? []) {
    const first = seen.get(field.name);
    if (first === undefined) { seen.set(field.name, field.offset); continue; }
    diagnostics.push({ file, ...positionAt(text, field.offset), severity: 'error', rule: 'bib/duplicate-field',
      message: `field "${field.name}" is written twice (first on line ${positionAt(text, first).line})`,
      hint: 'keep one of the two: BibTeX uses the first, other tools the last' });
  }
  if (fields.crossref !== undefined) {
    report('crossref', 'bib/crossref', `crossref = {${fields.crossref}} points at another entry, and paper.bib holds only this one`,
      'copy the fields this entry takes from it (booktitle, publisher, year, editor, ...) into the entry and delete crossref; npm run new:paper does this for you');
  }

  if (entry.label !== folderKey) {
    report(null, 'bib/key-mismatch', `BibTeX key "${entry.label}" does not match the folder name "${folderKey}"`,
      `rename the folder to papers/${entry.label}/ or the key to ${folderKey}`);
  }
  const venueFields = VENUE_FIELDS[entryType];
  if (!venueFields) {
    report(null, 'bib/entry-type', `unsupported entry type @${entry.type}`,
      `use one of ${Object.keys(VENUE_FIELDS).map((t) => `@${t}`).join(', ')}`);
  }
  for (const field of ['author', 'title', 'year', ...(venueFields ?? [])]) {
    if (!fields[field]?.trim()) {
      const alt = field === 'author' && fields.editor ? null : field;
      if (alt) report(null, 'bib/missing-field', `@${entryType} entry "${entry.label}" is missing required field "${field}"`, `add ${field} = {...}`);
    }
  }
  const yearText = fields.year?.trim();
  const year = Number(yearText);
  const maxYear = new Date().getFullYear() + 1;
  if (yearText && (!/^\d{4}$/.test(yearText) || year < 1600 || year > maxYear)) {
    report('year', 'bib/year', `year "${yearText}" is not a plausible year`, `write a four-digit year between 1600 and ${maxYear}`);
  }
  const doi = fields.doi?.trim();
  if (doi && !DOI.test(doi)) {
    report('doi', 'bib/doi', `DOI "${doi}" is not well-formed`, 'write the bare DOI, e.g. 10.1038/nature14539 (no https://doi.org/ prefix)');
  }
  const isArxiv = (fields.archiveprefix ?? fields.eprinttype ?? '').trim().toLowerCase() === 'arxiv';
  const arxiv = isArxiv ? fields.eprint?.trim() : undefined;
  if (arxiv !== undefined && !ARXIV.test(arxiv)) {
    report('eprint', 'bib/arxiv', `arXiv id "${arxiv}" is not well-formed`, 'write the id only, e.g. 1706.03762');
  }
  const isbn = fields.isbn?.trim();
  if (isbn && !isbnIsValid(isbn)) {
    report('isbn', 'bib/isbn', `ISBN "${isbn}" is not a valid ISBN-10 or ISBN-13`, 'copy the ISBN from the publisher; its check digit must match');
  }
  for (const [field, value] of Object.entries(fields)) {
    // Pages escape every field anyway; markup in metadata is still a mistake, or an attack.
    const tag = /<\/?\s*([a-zA-Z][\w-]*)[^>]*>/.exec(value);
    if (tag) {
      const what = /\son[a-z]+\s*=/i.test(tag[0]) ? `an event handler in <${tag[1]}>` : `<${tag[1]}>`;
      report(field, 'safety/bib-html', `HTML is not allowed in BibTeX field "${field}": found ${what}`, 'write plain text; for accents use LaTeX escapes such as {\\"u}');
    }
  }
  if (diagnostics.length) return { diagnostics };

  // BibTeX "and others" arrives as a literal author named "others": make it et al.
  const rawAuthors = (item.author ?? []).map(normalizeName);
  const etAl = rawAuthors.some((a) => (a.family ?? a.literal ?? '').toLowerCase() === 'others');
  const cslAuthors = rawAuthors
    .filter((a) => (a.family ?? a.literal ?? '').toLowerCase() !== 'others')
    .map((a) => (a.family === undefined && a.literal !== undefined ? { family: a.literal } : a));
  const authors = cslAuthors.map((a) => ({
    family: a.family ?? '',
    ...(a.given ? { given: a.given } : {}),
    ...(a['non-dropping-particle'] ?? a['dropping-particle'] ? { particle: a['non-dropping-particle'] ?? a['dropping-particle'] } : {}),
    ...(a.suffix ? { suffix: a.suffix } : {}),
  }));
  const title = normalizeText(item.title ?? '');
  const csl: CslItem = { ...item, title, author: cslAuthors };
  for (const field of ['container-title', 'publisher', 'collection-title'] as const) {
    if (typeof csl[field] === 'string') csl[field] = normalizeText(csl[field] as string);
  }
  if (item.editor) csl.editor = (item.editor as CslName[]).map(normalizeName);
  const sentenceTitle = fields.title ? sentenceCaseTitle(fields.title) : undefined;
  // CSL-JSON's "custom" object holds what CSL has no field for; cite.ts reads it for APA.
  if (sentenceTitle) csl.custom = { ...(csl.custom as object | undefined), 'sentence-case-title': sentenceTitle };
  if (arxiv) Object.assign(csl, arxivCsl(csl, arxiv, fields.primaryclass?.trim()));

  const venue = item['container-title'] ?? item.publisher ?? fields.institution;
  return {
    paper: {
      key: entry.label,
      entryType,
      title,
      authors,
      etAl,
      year,
      ...(venue ? { venue } : {}),
      ...(item.page ? { pages: item.page } : {}),
      ...(doi ? { doi } : {}),
      ...(arxiv ? { arxiv } : {}),
      ...(isbn ? { isbn } : {}),
      ...(item.URL ? { url: item.URL } : {}),
      fields,
      csl,
      bibtex: text,
    },
    diagnostics,
  };
}

/**
 * Where the arXiv id goes in CSL. A work that exists only on arXiv becomes a
 * preprint the way Zotero writes one (type "article", number "arXiv:ID",
 * publisher arXiv, arXiv's DOI and URL), which each style prints by its own
 * rules. A published work keeps its venue and gains the arXiv URL only when it
 * has no DOI or URL, so the reader can still find it. Both keep the id in
 * "note" (Zotero's "arXiv: ID" convention) for the exports.
 */
function arxivCsl(item: CslItem, id: string, primaryClass: string | undefined): Partial<CslItem> {
  const note = `arXiv: ${id}${primaryClass ? ` [${primaryClass}]` : ''}`;
  const published = Boolean(item['container-title']) || item.type === 'book' || item.type === 'report' || item.type === 'thesis';
  if (published) return { note, ...(!item.DOI && !item.URL ? { URL: arxivUrl(id) } : {}) };
  return { type: 'article', number: `arXiv:${id}`, publisher: 'arXiv', DOI: item.DOI ?? arxivDoi(id), URL: item.URL ?? arxivUrl(id), note };
}

/** "von Platen", "Smith Jr.": the family name as a reader sees it, with particle and suffix. */
export function familyName(author: Paper['authors'][number]): string {
  return [author.particle, author.family].filter(Boolean).join(' ');
}

/** "Patrick von Platen": the full name for author lists on the pages. */
export function displayName(author: Paper['authors'][number]): string {
  return [author.given, author.particle, author.family].filter(Boolean).join(' ') + (author.suffix ? `, ${author.suffix}` : '');
}

/** "Vaswani et al." / "Goodfellow, Bengio & Courville"-style short author label. */
export function shortAuthors(paper: Paper, lang: Lang): string {
  const names = paper.authors.map(familyName);
  const etAl = LOCALES[lang].etAl;
  if (names.length === 0) return '';
  if (names.length > 2 || paper.etAl) return `${names[0]}${etAl}`;
  return names.join(lang === 'zh' ? '、' : ' & ');
}
