/**
 * Citation formatting and export with citation-js and the official CSL styles
 * shipped in src/citations/ (registered here, so citation-js never fetches a
 * style or locale over the network).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { accessDate } from './access-date.ts';
import type { CslItem } from './bib.ts';
import { formatRis } from './ris.ts';
import { projectPaths } from './settings.ts';
import { LOCALES, type Lang, type Locale } from '../shared/locales.ts';

interface StyleSpec {
  /** CSL file in src/citations/styles/, registered under this name. */
  template: string;
  /** Locale the style is formatted with (one of LOCALES' CSL locales). */
  locale: Locale['csl'];
  label: string;
  numeric: boolean;
}

/**
 * The citation styles, in the order the style switch shows them. A new style is one entry here
 * (plus its CSL file): the cite panel, the bibliography and the switch's CSS follow.
 */
export const STYLES = {
  gbt7714: { template: 'china-national-standard-gb-t-7714-2015-numeric', locale: 'zh-CN', label: 'GB/T 7714-2015', numeric: true },
  apa: { template: 'apa', locale: 'en-US', label: 'APA 7', numeric: false },
  ieee: { template: 'ieee', locale: 'en-US', label: 'IEEE', numeric: true },
} as const satisfies Record<string, StyleSpec>;

export type CitationStyle = keyof typeof STYLES;

/** The <html lang> tag a style's references are written in. */
export function styleLangTag(style: CitationStyle): string {
  return Object.values(LOCALES).find((l) => l.csl === STYLES[style].locale)?.tag ?? 'en';
}
export const CITATION_STYLES = Object.keys(STYLES) as CitationStyle[];

/** Chinese readers cite in GB/T 7714 (numeric); English readers most often in APA. */
export function defaultStyle(lang: Lang): CitationStyle {
  return lang === 'zh' ? 'gbt7714' : 'apa';
}

// Resolved from the project root, not import.meta.url: Astro bundles this module elsewhere.
const CSL_DIR = path.join(projectPaths().root, 'src/citations');
let registered = false;

function registerStyles() {
  if (registered) return;
  const config = plugins.config.get('@csl') as {
    styles: { add(name: string, xml: string): void };
    locales: { add(name: string, xml: string): void };
  };
  for (const spec of Object.values(STYLES)) {
    config.styles.add(spec.template, fs.readFileSync(path.join(CSL_DIR, 'styles', `${spec.template}.csl`), 'utf8'));
  }
  for (const locale of new Set(Object.values(LOCALES).map((l) => l.csl))) {
    config.locales.add(locale, fs.readFileSync(path.join(CSL_DIR, 'locales', `locales-${locale}.xml`), 'utf8'));
  }
  registered = true;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The CSL item without the parser's internals: `language` tells GB/T 7714
 * whether to write "et al." (Western works) or "等" (Chinese works). Exports
 * keep `note` (the arXiv id); the styles get it removed below.
 */
function forExport(item: CslItem): CslItem {
  const { _graph, custom, ...rest } = item as CslItem & { _graph?: unknown };
  void _graph;
  void custom;
  return { ...rest, language: CJK.test(String(item.title ?? '')) ? 'zh' : 'en' };
}

const isPreprint = (item: CslItem) => item.type === 'article' && /^arXiv:/i.test(String(item.number ?? ''));

/** "Proceedings of the X" -> "Proc. X": IEEE names conferences "in Proc. ...". */
export function ieeeProceedings(name: string): string {
  const stripped = name.replace(/^(?:the\s+)?proceedings\s+of\s+(?:the\s+)?/i, '');
  return /^Proc\.\s/.test(stripped) ? stripped : `Proc. ${stripped}`;
}

/** The CSL item as one style needs it; each rule says which style guide asks for it. */
function forStyle(item: CslItem, style: CitationStyle): CslItem {
  const { note, ...out } = forExport(item);
  void note;
  // citation-js copies the BibTeX entry type into `genre` ("techreport"); a real
  // BibTeX `type = {...}` field arrives there too and is kept.
  const entryTypeGenre = out.genre === 'techreport';
  if (entryTypeGenre) delete out.genre;
  const sentenceTitle = (item.custom as Record<string, unknown> | undefined)?.['sentence-case-title'];
  if (style === 'apa') {
    // APA 7 (6.17): titles of articles, papers, books and reports in sentence case.
    // Only while it is the same title: a changed title must not show a stale copy.
    if (typeof sentenceTitle === 'string' && sentenceTitle.toLowerCase() === String(out.title ?? '').toLowerCase()) out.title = sentenceTitle;
    // APA 7 (10.5): a paper in published proceedings is cited like a chapter: "In *Proceedings* (pp. x–y). Publisher."
    if (out.type === 'paper-conference' && out['container-title']) out.type = 'chapter';
  } else if (style === 'ieee') {
    if (out.type === 'paper-conference' && out['container-title']) out['container-title'] = ieeeProceedings(String(out['container-title']));
    if (out.type === 'report' && (entryTypeGenre || !out.genre)) out.genre = 'Tech. Rep.';
    // IEEE Reference Guide, preprints: "..., year, arXiv:ID. [Online]. Available: URL".
    if (isPreprint(out)) {
      delete out.publisher;
      delete out.DOI;
    }
  } else {
    // GB/T 7714-2015 (8.8.2): the access date follows every online work; one date per build.
    if (out.URL) {
      const { year, month, day } = accessDate();
      out.accessed = { 'date-parts': [[year, month, day]] };
    }
    // GB/T 7714-2015 (8.4.1.3, 8.4.2.2): an unknown place or publisher of a Chinese work is
    // [出版地不详] / [出版者不详]; the style writes [S.l.] / [s.n.] for the others.
    if (out.language === 'zh' && ['paper-conference', 'report', 'book', 'chapter', 'thesis'].includes(out.type)) {
      out['publisher-place'] ??= '[出版地不详]';
      out.publisher ??= '[出版者不详]';
    }
    // GB/T 7714-2015 (4.6): a preprint server's record is an electronic resource, [EB/OL].
    if (isPreprint(out)) {
      out.type = 'webpage';
      delete out.publisher;
      delete out.number;
    }
  }
  return out;
}

export interface FormattedEntry {
  id: string;
  /** The number in a numeric style's list, e.g. "[1]"; absent for author-year styles. */
  label?: string;
  /** The entry as HTML (citation-js escapes every field). */
  html: string;
}

/** A bibliography in the style's own order (citation order for numeric styles, alphabetical for APA). */
export function formatBibliography(items: CslItem[], style: CitationStyle): FormattedEntry[] {
  if (items.length === 0) return [];
  registerStyles();
  const spec = STYLES[style];
  const html = new Cite(items.map((item) => forStyle(item, style))).format('bibliography', { format: 'html', template: spec.template, lang: spec.locale });
  const entries: FormattedEntry[] = [];
  const entryPattern = /<div data-csl-entry-id="([^"]+)" class="csl-entry">([\s\S]*?)<\/div>\s*(?=<div data-csl-entry-id|<\/div>\s*$)/g;
  for (const m of html.matchAll(entryPattern)) {
    const body = (m[2] ?? '').trim();
    const margin = /^<div class="csl-left-margin">([\s\S]*?)<\/div><div class="csl-right-inline">([\s\S]*?)<\/div>$/.exec(body);
    entries.push(margin ? { id: m[1]!, label: margin[1]!.trim(), html: margin[2]!.trim() } : { id: m[1]!, html: body });
  }
  return entries;
}

// Pages format the same catalog items more than once (paper page, bibliography, cards).
const referenceCache = new WeakMap<CslItem, Map<CitationStyle, string>>();

/**
 * citeproc takes tens of milliseconds per reference, so at thousands of papers formatting is a
 * large part of a build. Formatted references are kept on disk under .cache/, keyed by a hash
 * of the style file and the CSL item: an unchanged paper is never formatted again. One JSON
 * line per entry, appended as they are made (several processes of one build may write).
 */
let diskCache: { file: string; entries: Map<string, string>; read: number } | undefined;
const styleHashes = new Map<CitationStyle, string>();

function disk() {
  if (diskCache) return diskCache;
  diskCache = { file: path.join(projectPaths().root, '.cache', 'references', 'v1.jsonl'), entries: new Map(), read: 0 };
  readAppended(diskCache);
  return diskCache;
}

/**
 * Reads the lines written since this process last read the file: the build's note worker
 * formats every paper's references while the pages are not being generated yet (see
 * scripts/lib/prerender-notes.ts), and a page that misses one looks here before formatting it.
 * Only whole lines are taken; a line being written is read next time.
 */
function readAppended(store: { file: string; entries: Map<string, string>; read: number }) {
  let size: number;
  try {
    size = fs.statSync(store.file).size;
  } catch {
    return;
  }
  if (size <= store.read) return;
  const fd = fs.openSync(store.file, 'r');
  try {
    const bytes = Buffer.alloc(size - store.read);
    fs.readSync(fd, bytes, 0, bytes.length, store.read);
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) return;
    store.read += end + 1;
    for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        const [key, html] = JSON.parse(line) as [string, string];
        store.entries.set(key, html);
      } catch {
        // A line cut short by an interrupted build: that reference is simply formatted again.
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function referenceKey(item: CslItem, style: CitationStyle): string {
  let styleHash = styleHashes.get(style);
  if (!styleHash) {
    const spec = STYLES[style];
    styleHash = createHash('sha256').update(fs.readFileSync(path.join(CSL_DIR, 'styles', `${spec.template}.csl`))).update(spec.locale).digest('hex');
    styleHashes.set(style, styleHash);
  }
  return createHash('sha256').update(styleHash).update(JSON.stringify(forStyle(item, style))).digest('hex').slice(0, 32);
}

/** The first author's family name (or literal name): what citeproc disambiguates on. */
function firstAuthor(item: CslItem): string {
  const first = (item.author as Array<{ family?: string; literal?: string }> | undefined)?.[0];
  return (first?.family ?? first?.literal ?? '').toLowerCase();
}

const WARM_BATCH = 250;

/**
 * Formats the works of a list that are not cached yet, many per citeproc call: each call costs
 * a few milliseconds however few works it formats (the bibliography page of 10,000 papers took
 * minutes one work at a time). Within one call citeproc disambiguates works that would be cited
 * alike ("2017a", added initials), which a one-work call never does; so no two works of a call
 * share a first author's family name, and every entry is exactly what formatReference gives
 * for the work alone (tests/unit/cite-batch.test.ts compares them).
 */
export function warmReferences(items: CslItem[], style: CitationStyle): void {
  const store = disk();
  const pending: Array<{ item: CslItem; key: string }> = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (referenceCache.get(item)?.has(style)) continue;
    const key = referenceKey(item, style);
    const html = store.entries.get(key);
    if (html !== undefined) remember(item, style, html);
    else if (!seen.has(String(item.id))) {
      seen.add(String(item.id));
      pending.push({ item, key });
    }
  }
  if (pending.length > 0) {
    // Another thread or process of this build may have formatted them meanwhile.
    readAppended(store);
    for (let i = pending.length - 1; i >= 0; i--) {
      const html = store.entries.get(pending[i]!.key);
      if (html === undefined) continue;
      remember(pending[i]!.item, style, html);
      pending.splice(i, 1);
    }
  }
  const formatted = formatEach(pending.map((w) => w.item), style);
  const lines: string[] = [];
  for (const { item, key } of pending) {
    const html = formatted.get(String(item.id)) ?? '';
    store.entries.set(key, html);
    remember(item, style, html);
    lines.push(JSON.stringify([key, html]));
  }
  if (lines.length > 0) {
    fs.mkdirSync(path.dirname(store.file), { recursive: true });
    fs.appendFileSync(store.file, lines.join('\n') + '\n');
  }
}

/** How many of these works lack a reference in some style, in this process and in .cache/references. */
export function uncachedReferences(items: CslItem[]): number {
  const store = disk();
  readAppended(store);
  return items.filter((item) => (Object.keys(STYLES) as CitationStyle[]).some((style) => !referenceCache.get(item)?.has(style) && !store.entries.has(referenceKey(item, style)))).length;
}

/** Each work's reference as a one-work call gives it, formatted in batches (see warmReferences). */
export function formatEach(items: CslItem[], style: CitationStyle): Map<string, string> {
  // Groups with distinct first authors: a work goes into the first group without its author.
  const groups: Array<{ authors: Set<string>; works: CslItem[] }> = [];
  for (const item of items) {
    const author = firstAuthor(item);
    let group = groups.find((g) => g.works.length < WARM_BATCH && !g.authors.has(author));
    if (!group) groups.push((group = { authors: new Set(), works: [] }));
    group.authors.add(author);
    group.works.push(item);
  }
  const out = new Map<string, string>();
  for (const group of groups) {
    for (const e of formatBibliography(group.works, style)) out.set(e.id, e.html);
    // A work citeproc left out of a batch (none is expected) is formatted alone.
    for (const item of group.works) if (!out.has(String(item.id))) out.set(String(item.id), formatBibliography([item], style)[0]?.html ?? '');
  }
  return out;
}

function remember(item: CslItem, style: CitationStyle, html: string) {
  let byStyle = referenceCache.get(item);
  if (!byStyle) referenceCache.set(item, (byStyle = new Map()));
  byStyle.set(style, html);
}

/** One work's reference in a style, without a list number: what "cite this paper" shows. */
export function formatReference(item: CslItem, style: CitationStyle): string {
  let byStyle = referenceCache.get(item);
  if (!byStyle) referenceCache.set(item, (byStyle = new Map()));
  let html = byStyle.get(style);
  if (html === undefined) {
    const store = disk();
    const key = referenceKey(item, style);
    html = store.entries.get(key);
    if (html === undefined) {
      readAppended(store);
      html = store.entries.get(key);
    }
    if (html === undefined) {
      html = formatBibliography([item], style)[0]?.html ?? '';
      store.entries.set(key, html);
      fs.mkdirSync(path.dirname(store.file), { recursive: true });
      fs.appendFileSync(store.file, JSON.stringify([key, html]) + '\n');
    }
    byStyle.set(style, html);
  }
  return html;
}

const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

/**
 * A note's reference list from the per-work references above (each work formatted once, not
 * once per note that cites it): numeric styles in order of first citation with [n] labels,
 * author-date styles sorted by their text, which starts with the authors and the year.
 * Not handled: author-date disambiguation (2017a, 2017b) within one note's list.
 */
export function formatReferenceList(items: CslItem[], style: CitationStyle): FormattedEntry[] {
  warmReferences(items, style);
  const entries = items.map((item) => ({ id: String(item.id), html: formatReference(item, style) }));
  if (STYLES[style].numeric) return entries.map((e, i) => ({ ...e, label: `[${i + 1}]` }));
  // Author-date order as citeproc sorts it: name by name (family, then given; a shorter list
  // first), then year, then the text. Comparing whole strings would put "Goodfellow, I. J., …"
  // before "Goodfellow, I., Bengio, …".
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const names = (item: CslItem | undefined) => ((item?.author as Array<{ family?: string; given?: string; literal?: string }> | undefined) ?? []).map((a) => [a.family ?? a.literal ?? '', a.given ?? ''] as const);
  const year = (item: CslItem | undefined) => Number((item?.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? 0);
  const compareNames = (a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = a[i]![0].localeCompare(b[i]![0], 'en') || a[i]![1].localeCompare(b[i]![1], 'en');
      if (c) return c;
    }
    return a.length - b.length;
  };
  return entries.sort((a, b) => {
    const x = byId.get(a.id);
    const y = byId.get(b.id);
    return compareNames(names(x), names(y)) || year(x) - year(y) || plain(a.html).localeCompare(plain(b.html), 'en');
  });
}

/** Plain-text form of a reference, for the copy button. */
export function formatReferenceText(item: CslItem, style: CitationStyle): string {
  registerStyles();
  const spec = STYLES[style];
  const text = new Cite([forStyle(item, style)]).format('bibliography', { format: 'text', template: spec.template, lang: spec.locale }).trim();
  return text.replace(/^\[\d+\]\s*/, '');
}

export function toRis(items: CslItem[]): string {
  return formatRis(items.map(forExport));
}

export function toCslJson(items: CslItem[]): string {
  return `${JSON.stringify(items.map(forExport), null, 2)}\n`;
}

/** BibTeX generated from CSL-JSON (used to test the round trip; downloads serve paper.bib itself). */
export function toBibtex(items: CslItem[]): string {
  return new Cite(items.map(forExport)).format('bibtex');
}
