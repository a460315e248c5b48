/**
 * remark plugin: renders [[...]] links and [@...] citations as links to their
 * pages, validates math, and marks notes that contain math (so only those
 * pages load the KaTeX stylesheet). Citations get markers with hover cards and
 * a reference list at the end of the note. Errors carry file:line:column.
 */
import path from 'node:path';
import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { authorYearLabels, numberRanges, type AuthorYear } from './author-labels.ts';
import { shortAuthors } from './bib.ts';
import { entityName, type PaperEntity } from './catalog.ts';
import { defaultStyle, formatReferenceList, STYLES } from './cite.ts';
import { venueFamily } from './venues.ts';
import { offsetPosition, resolveReference } from './links.ts';
import { findReferences, type CitationRef } from './references.ts';
import { ContentError, type Diagnostic } from './diagnostics.ts';
import type { Site } from './site.ts';
import { isLang, LOCALES, type Lang } from '../shared/locales.ts';
import { entityPath, withBase } from '../shared/urls.ts';

export interface CrossLinkOptions {
  /** The cached pipeline result (src/data/site.ts): its resolver and its analysis of every note. */
  getSite: () => Pick<Site, 'resolver' | 'analyses' | 'catalog'>;
  base: string;
}

function noteLang(file: VFile): Lang {
  const name = path.basename(file.path ?? '').replace(/\.mdx?$/, '');
  return isLang(name) ? name : 'en';
}

function link(url: string, text: string, className: string[], kind: string): PhrasingContent {
  return { type: 'link', url, children: [{ type: 'text', value: text }], data: { hProperties: { className, 'data-kind': kind } } };
}

type HastChild = { type: 'text'; value: string } | { type: 'element'; tagName: string; properties: Record<string, unknown>; children: HastChild[] };

function el(tagName: string, properties: Record<string, unknown>, children: HastChild[]): HastChild {
  return { type: 'element', tagName, properties, children };
}
const txt = (value: string): HastChild => ({ type: 'text', value });

/** Per-note citation state: numbers in order of first citation, and the cited papers. */
class CitationList {
  readonly papers: PaperEntity[] = [];
  private cards = 0;
  number(paper: PaperEntity): number {
    const index = this.papers.indexOf(paper);
    if (index >= 0) return index + 1;
    this.papers.push(paper);
    return this.papers.length;
  }
  nextCardId(): string {
    this.cards += 1;
    return `cite-card-${this.cards}`;
  }
}

/**
 * An in-text citation: numbered "[1, 2]" on Chinese pages (GB/T 7714 numeric),
 * "(Vaswani et al., 2017)" on English pages (APA). Each marker carries a card
 * (title, authors, venue, year, link) that CSS shows on hover and keyboard focus
 * and a small script toggles on tap.
 */
function citationMarker(ref: CitationRef, papers: PaperEntity[], lang: Lang, base: string, list: CitationList, labels: Map<string, AuthorYear>): PhrasingContent {
  const numeric = lang === 'zh';
  // Numbers are given in the order of first citation, before a marker sorts them.
  const cited = ref.items.map((item, i) => ({ item, entity: papers[i]!, n: list.number(papers[i]!) }));
  const marker = ({ item, entity, n }: (typeof cited)[number]): HastChild => {
    const paper = entity.paper;
    const label = labels.get(entity.id) ?? { authors: shortAuthors(paper, lang), year: String(paper.year) };
    const cardId = list.nextCardId();
    const text = numeric ? `${n}${item.locator ? `, ${item.locator}` : ''}` : `${label.authors}, ${label.year}${item.locator ? `, ${item.locator}` : ''}`;
    const meta = [label.authors, venueFamily(paper), label.year].filter(Boolean).join(' · ');
    return el('span', { className: ['cite'] }, [
      el('a', { className: ['cite-ref'], href: `#ref-${entity.id}`, 'aria-describedby': cardId, 'data-cite': entity.id }, [txt(text)]),
      el('span', { className: ['cite-card'], id: cardId, role: 'tooltip' }, [
        el('a', { className: ['cite-card-title'], href: withBase(base, entityPath(lang, 'paper', entity.id)) }, [txt(paper.title)]),
        el('span', { className: ['cite-card-meta'] }, [txt(meta)]),
      ]),
    ]);
  };
  const parts: HastChild[] = [];
  if (numeric && cited.every((c) => !c.item.locator)) {
    // GB/T 7714 (10.1.2): ascending numbers, consecutive ones as a range: [1-4], [2-3, 5].
    const byNumber = new Map(cited.map((c) => [c.n, c]));
    numberRanges(cited.map((c) => c.n)).forEach(([from, to], i) => {
      if (i > 0) parts.push(txt(', '));
      parts.push(marker(byNumber.get(from)!));
      if (to > from) parts.push(txt('-'), marker(byNumber.get(to)!));
    });
  } else {
    cited.forEach((c, i) => {
      if (i > 0) parts.push(txt(numeric ? ', ' : '; '));
      parts.push(marker(c));
    });
  }
  return {
    type: 'text',
    value: '',
    // Markers stay out of the search index: their cards hold other pages' titles, and a bare "[1]" is excerpt debris.
    data: { hName: 'span', hProperties: { className: ['citation'], dataPagefindIgnore: '' }, hChildren: [txt(numeric ? '[' : '('), ...parts, txt(numeric ? ']' : ')')] },
  } as unknown as PhrasingContent;
}

/** The note's reference list, in the page language's default style. */
function referenceList(list: CitationList, lang: Lang, base: string): RootContent[] {
  const style = defaultStyle(lang);
  const byId = new Map(list.papers.map((p) => [p.id, p]));
  const entries = formatReferenceList(list.papers.map((p) => p.paper.csl), style);
  const items = entries.map((e) => {
    const href = withBase(base, entityPath(lang, 'paper', e.id));
    const label = e.label ? `<span class="ref-label">${e.label}</span> ` : '';
    return `<li id="ref-${e.id}">${label}<span class="ref-text">${e.html}</span> <a class="ref-page" href="${href}" aria-label="${escapeAttribute(byId.get(e.id)?.paper.title ?? e.id)}">→</a></li>`;
  });
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: LOCALES[lang].references }], data: { hProperties: { id: 'references' } } },
    { type: 'html', value: `<ol class="reference-list${STYLES[style].numeric ? ' numeric' : ''}" data-testid="reference-list">${items.join('')}</ol>` },
  ];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function remarkCrossLinks(options: CrossLinkOptions) {
  const siteLabels = new Map<Lang, Map<string, AuthorYear>>();
  // Author-year labels are unique site-wide (Mikolov et al., 2013a / 2013b), so they come from every paper.
  const labelsFor = (lang: Lang): Map<string, AuthorYear> => {
    let labels = siteLabels.get(lang);
    if (!labels) siteLabels.set(lang, (labels = authorYearLabels([...options.getSite().catalog.papers.values()].map((p) => p.paper), lang)));
    return labels;
  };
  return (tree: Root, file: VFile) => {
    const site = options.getSite();
    const lang = noteLang(file);
    const where = path.relative(site.catalog.paths.root, file.path ?? '').split(path.sep).join('/');
    // The pipeline already checked this note (links, citations, math): render what it found
    // valid, and stop with all of its errors, as the check prints them, when it found any.
    const analysis = site.analyses.get(where);
    const errors = analysis?.diagnostics.filter((d) => d.severity === 'error') ?? [];
    if (errors.length > 0) throw new ContentError(errors);
    const fail = (line: number, column: number, rule: string, message: string, hint?: string): never => {
      const diagnostic: Diagnostic = { file: where, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
      throw new ContentError([diagnostic]);
    };
    let hasMath = false;
    const citations = new CitationList();

    visit(tree, (node, index, parent) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        hasMath = true;
        return SKIP;
      }
      if (node.type !== 'text' || !parent || index === undefined || parent.type === 'link') return undefined;
      const text = node as Text;
      const refs = findReferences(text.value);
      if (refs.length === 0) return undefined;
      const start = text.position?.start ?? { line: 1, column: 1 };
      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const ref of refs) {
        const result = resolveReference(ref, site.resolver);
        if (!result.ok) {
          const pos = offsetPosition(text.value, ref.start, start);
          fail(pos.line, pos.column, result.rule, result.message, result.hint);
          return undefined;
        }
        if (ref.start > cursor) replacement.push({ type: 'text', value: text.value.slice(cursor, ref.start) });
        if (ref.type === 'wikilink') {
          const target = result.targets[0]!;
          replacement.push(link(withBase(options.base, entityPath(lang, target.kind, target.id)), ref.label ?? entityName(target, lang), ['xref', `xref-${target.kind}`], target.kind));
        } else if (ref.type === 'citation') {
          replacement.push(citationMarker(ref, result.targets as PaperEntity[], lang, options.base, citations, labelsFor(lang)));
        }
        cursor = ref.end;
      }
      if (cursor < text.value.length) replacement.push({ type: 'text', value: text.value.slice(cursor) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });

    if (citations.papers.length > 0) tree.children.push(...referenceList(citations, lang, options.base));

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.hasMath = hasMath;
    data.astro.frontmatter.hasCitations = citations.papers.length > 0;
  };
}
