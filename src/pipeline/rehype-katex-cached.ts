/**
 * rehype plugin: rehype-katex's job (render the math elements remark-math makes) with two
 * changes that matter at thousands of notes. Each distinct formula is rendered once per
 * process (renderTex, shared with the content check, which already rendered it to validate
 * it); and KaTeX's HTML goes into the tree as one `raw` node instead of being parsed into
 * hast here and parsed again by rehype-raw, which Astro's pipeline runs after our plugins.
 * A profile of 800 synthetic notes put 22% of rendering in those two parses. The output is
 * the same HTML (tests/unit/rehype-katex-cached.test.ts compares it with rehype-katex's, plus
 * rehype-math-text.ts's TeX span after inline formulas).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import katex from 'katex';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { KATEX_OPTIONS, renderTex } from './math.ts';
import { mathTextSpan } from './rehype-math-text.ts';

const classesOf = (element: Element): unknown[] => (Array.isArray(element.properties.className) ? element.properties.className : []);

/** The text of a math element (remark-math gives it one text child; a fence, <pre><code>). */
function textOf(node: RootContent | Element): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as RootContent)).join('') : '';
}

export function rehypeKatexCached() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (element: Element, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const code = element.children[0];
      // ```math fences: replace the whole <pre> and render in display mode (as rehype-katex does).
      const fence = element.tagName === 'pre' && code?.type === 'element' && code.tagName === 'code' && classesOf(code).includes('language-math');
      const classes = classesOf(element);
      if (!fence && !classes.includes('language-math') && !classes.includes('math-display') && !classes.includes('math-inline')) return undefined;
      const displayMode = fence || classes.includes('math-display');
      const value = textOf(element);
      const result = renderTex(value, displayMode);
      let html = result.html;
      if (html === undefined) {
        // The content check stops a build on bad math before this runs; in `astro dev` the
        // note still renders, with KaTeX's own red error text, like rehype-katex.
        file.message(`Could not render math with KaTeX: ${result.error}`, { place: element.position, ruleId: 'parseerror', source: 'rehype-katex' });
        html = katex.renderToString(value, { ...KATEX_OPTIONS, displayMode, strict: 'ignore', throwOnError: false });
      }
      const raw = { type: 'raw', value: html } as unknown as ElementContent;
      // Inline math is followed by its TeX for the search index, as rehype-math-text.ts does after rehype-katex.
      const tex = value.replace(/\s+/g, ' ').trim();
      const replacement = displayMode || !tex ? [raw] : [raw, mathTextSpan(tex)];
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
