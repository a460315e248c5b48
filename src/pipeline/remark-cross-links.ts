/**
 * remark plugin: renders [[...]] links and [@...] citations as links to their
 * pages, validates math, and marks notes that contain math (so only those
 * pages load the KaTeX stylesheet). Errors carry file:line:column.
 */
import path from 'node:path';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { shortAuthors } from './bib.ts';
import { entityName, type Entity } from './catalog.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { offsetPosition, resolveReference } from './links.ts';
import { validateTex } from './math.ts';
import { findReferences, type CitationRef } from './references.ts';
import type { Resolver } from './resolver.ts';
import { isLang, type Lang } from './settings.ts';
import { entityPath, withBase } from './urls.ts';

export interface CrossLinkOptions {
  /** Called once per note; lets the config build the resolver lazily. */
  getResolver: () => Resolver;
  base: string;
  root: string;
}

function noteLang(file: VFile): Lang {
  const name = path.basename(file.path ?? '', '.md');
  return isLang(name) ? name : 'en';
}

function link(url: string, text: string, className: string[], kind: string): PhrasingContent {
  return { type: 'link', url, children: [{ type: 'text', value: text }], data: { hProperties: { className, 'data-kind': kind } } };
}

function citationNodes(ref: CitationRef, papers: Entity[], lang: Lang, base: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [{ type: 'text', value: '[' }];
  ref.items.forEach((item, i) => {
    const paper = papers[i]!;
    if (paper.kind !== 'paper') return;
    if (i > 0) nodes.push({ type: 'text', value: '; ' });
    const label = `${shortAuthors(paper.paper, lang)}, ${paper.paper.year}${item.locator ? `, ${item.locator}` : ''}`;
    nodes.push(link(withBase(base, entityPath(lang, 'paper', paper.id)), label, ['citation'], 'citation'));
  });
  nodes.push({ type: 'text', value: ']' });
  return nodes;
}

export function remarkCrossLinks(options: CrossLinkOptions) {
  return (tree: Root, file: VFile) => {
    const resolver = options.getResolver();
    const lang = noteLang(file);
    const where = path.relative(options.root, file.path ?? '').split(path.sep).join('/');
    const fail = (line: number, column: number, rule: string, message: string, hint?: string): never => {
      throw new Error(formatDiagnostic({ file: where, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) }));
    };
    let hasMath = false;

    visit(tree, (node, index, parent) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        hasMath = true;
        const error = validateTex(node.value, node.type === 'math');
        if (error) fail(node.position?.start.line ?? 1, node.position?.start.column ?? 1, 'math/invalid', `invalid LaTeX: ${error}`);
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
        const result = resolveReference(ref, resolver);
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
          replacement.push(...citationNodes(ref, result.targets, lang, options.base));
        }
        cursor = ref.end;
      }
      if (cursor < text.value.length) replacement.push({ type: 'text', value: text.value.slice(cursor) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.hasMath = hasMath;
  };
}
