/**
 * Inline math as text the search index can read. The `.katex` markup stays out of Pagefind's
 * index (its HTML and MathML spell each symbol twice, "∇θL\nabla_\theta L"), which left holes in
 * excerpts ("宽度为 ，"). After each inline formula this adds its TeX source in a span that is
 * visually hidden and aria-hidden (screen readers already read KaTeX's MathML), so Pagefind
 * indexes it and shows it in excerpts. Display math is left alone: it is a paragraph of its own,
 * and its TeX would only lengthen the page.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const TEX = 'application/x-tex';

// rehype-katex sets className as an array (hast's convention).
const classes = (node: Element): string[] => {
  const c: unknown = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

/** The TeX a KaTeX element was rendered from (its MathML annotation), whitespace collapsed. */
export function texOf(katexNode: Element): string | undefined {
  const stack: ElementContent[] = [...katexNode.children];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'annotation' && node.properties?.encoding === TEX) {
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      return text.replace(/\s+/g, ' ').trim() || undefined;
    }
    stack.unshift(...node.children);
  }
  return undefined;
}

export function mathTextSpan(tex: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['math-text', 'visually-hidden'], ariaHidden: 'true' }, children: [{ type: 'text', value: tex }] };
}

function visit(parent: Root | Element) {
  const children = parent.children as Array<RootContent | ElementContent>;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'element') continue;
    const c = classes(node);
    if (c.includes('katex-display')) continue;
    if (c.includes('katex')) {
      const tex = texOf(node);
      if (tex) children.splice(++i, 0, mathTextSpan(tex));
      continue;
    }
    visit(node);
  }
}

export function rehypeMathText() {
  return (tree: Root) => visit(tree);
}
