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
import type { CslItem } from './bib.ts';
import { projectPaths, type Lang } from './settings.ts';

export const CITATION_STYLES = ['gbt7714', 'apa', 'ieee'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

interface StyleSpec {
  /** CSL file in src/citations/styles/, registered under this name. */
  template: string;
  /** Locale the style is formatted with. */
  locale: 'zh-CN' | 'en-US';
  label: string;
  numeric: boolean;
}

export const STYLES: Record<CitationStyle, StyleSpec> = {
  gbt7714: { template: 'china-national-standard-gb-t-7714-2015-numeric', locale: 'zh-CN', label: 'GB/T 7714-2015', numeric: true },
  apa: { template: 'apa', locale: 'en-US', label: 'APA 7', numeric: false },
  ieee: { template: 'ieee', locale: 'en-US', label: 'IEEE', numeric: true },
};

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
  for (const locale of ['zh-CN', 'en-US']) {
    config.locales.add(locale, fs.readFileSync(path.join(CSL_DIR, 'locales', `locales-${locale}.xml`), 'utf8'));
  }
  registered = true;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The CSL item as the styles need it: `language` tells GB/T 7714 whether to
 * write "et al." (Western works) or "等" (Chinese works).
 */
function forCsl(item: CslItem): CslItem {
  const { _graph, note, ...rest } = item as CslItem & { _graph?: unknown };
  void _graph;
  void note;
  // citation-js copies the BibTeX entry type into `genre` ("techreport"), which APA and
  // IEEE would print verbatim; without it they use their own wording.
  if (rest.genre === 'techreport') delete rest.genre;
  return { ...rest, language: CJK.test(String(item.title ?? '')) ? 'zh' : 'en' };
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
  const html = new Cite(items.map(forCsl)).format('bibliography', { format: 'html', template: spec.template, lang: spec.locale });
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
let diskCache: { file: string; entries: Map<string, string> } | undefined;
const styleHashes = new Map<CitationStyle, string>();

function disk() {
  if (diskCache) return diskCache;
  const file = path.join(projectPaths().root, '.cache', 'references', 'v1.jsonl');
  const entries = new Map<string, string>();
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        const [key, html] = JSON.parse(line) as [string, string];
        entries.set(key, html);
      } catch {
        // A line cut short by an interrupted build: that reference is simply formatted again.
      }
    }
  }
  return (diskCache = { file, entries });
}

function referenceKey(item: CslItem, style: CitationStyle): string {
  let styleHash = styleHashes.get(style);
  if (!styleHash) {
    const spec = STYLES[style];
    styleHash = createHash('sha256').update(fs.readFileSync(path.join(CSL_DIR, 'styles', `${spec.template}.csl`))).update(spec.locale).digest('hex');
    styleHashes.set(style, styleHash);
  }
  return createHash('sha256').update(styleHash).update(JSON.stringify(forCsl(item))).digest('hex').slice(0, 32);
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
  const entries = items.map((item) => ({ id: String(item.id), html: formatReference(item, style) }));
  if (STYLES[style].numeric) return entries.map((e, i) => ({ ...e, label: `[${i + 1}]` }));
  return entries.sort((a, b) => plain(a.html).localeCompare(plain(b.html), 'en'));
}

/** Plain-text form of a reference, for the copy button. */
export function formatReferenceText(item: CslItem, style: CitationStyle): string {
  registerStyles();
  const spec = STYLES[style];
  const text = new Cite([forCsl(item)]).format('bibliography', { format: 'text', template: spec.template, lang: spec.locale }).trim();
  return text.replace(/^\[\d+\]\s*/, '');
}

export function toRis(items: CslItem[]): string {
  return new Cite(items.map(forCsl)).format('ris');
}

export function toCslJson(items: CslItem[]): string {
  return `${JSON.stringify(items.map(forCsl), null, 2)}\n`;
}

/** BibTeX generated from CSL-JSON (used to test the round trip; downloads serve paper.bib itself). */
export function toBibtex(items: CslItem[]): string {
  return new Cite(items.map(forCsl)).format('bibtex');
}
