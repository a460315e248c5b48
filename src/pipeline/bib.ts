/**
 * `papers/<key>/paper.bib` -> Paper: one BibTeX entry, parsed by citation-js,
 * validated against the rules a maintainer must follow, with diagnostics that
 * point at the line of the offending field.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { z } from 'zod';
import type { paperRecord } from '../schemas/paper.ts';
import { positionAt, type Diagnostic } from './diagnostics.ts';

/** A CSL-JSON item as citation-js produces it (the fields we read). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
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
  properties: Record<string, string>;
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
  const fields = entry.properties;
  const entryType = entry.type.toLowerCase();

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
  const isArxiv = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase() === 'arxiv';
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
  const rawAuthors = item.author ?? [];
  const etAl = rawAuthors.some((a) => (a.family ?? a.literal ?? '').toLowerCase() === 'others');
  const authors = rawAuthors
    .filter((a) => (a.family ?? a.literal ?? '').toLowerCase() !== 'others')
    .map((a) => ({ family: a.family ?? a.literal ?? '', ...(a.given ? { given: a.given } : {}) }));
  const csl: CslItem = { ...item, author: authors };

  const venue = item['container-title'] ?? item.publisher ?? fields.institution;
  return {
    paper: {
      key: entry.label,
      entryType,
      title: item.title ?? '',
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

/** "Vaswani et al." / "Goodfellow, Bengio & Courville"-style short author label. */
export function shortAuthors(paper: Paper, lang: 'zh' | 'en'): string {
  const names = paper.authors.map((a) => a.family);
  const etAl = lang === 'zh' ? ' 等' : ' et al.';
  if (names.length === 0) return '';
  if (names.length > 2 || paper.etAl) return `${names[0]}${etAl}`;
  return names.join(lang === 'zh' ? '、' : ' & ');
}
