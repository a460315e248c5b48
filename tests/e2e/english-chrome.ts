/**
 * Issue 19, item 3: English words in the UI chrome of a zh page. The notes' own text and
 * other data (titles, authors, venues, formulas, code, references, anything marked with
 * another lang) are skipped; what is left is what the site itself says.
 */
import type { Page } from '@playwright/test';

/** Content and data, not chrome: never scanned. */
export const CONTENT_SELECTORS = [
  '.prose', '.summary', '.subtitle', 'code', 'pre', '.katex', 'math', '.reference', '.formatted', '.reference-list', '.cite-card',
  '.exports', '[lang]:not(html)', 'a[data-kind]', '.tag', 'dl.facts dd', 'h1', '.breadcrumbs li:last-child', '.entity-list .muted',
  '.equation', 'ul.questions', 'table.errata', '.paper-summary', '.source-summary', 'a[rel="external"]', '.search-results', '[hidden]', 'script', 'style', 'noscript', 'template', 'svg', '[data-chrome-skip]',
];

/** Proper names and technical terms that stay in Latin letters in Chinese text. */
export const ALLOWED = new Set([
  'DeepAtlas', 'GitHub', 'KaTeX', 'WebGPU', 'WASM', 'WebAssembly', 'arXiv', 'DOI', 'BibTeX', 'RIS', 'CSL', 'JSON', 'APA', 'IEEE', 'GB', 'ISBN',
  'PP', 'OCRv4', 'DBNet', 'SVTR', 'CTC', 'PCA', 'PNG', 'JPEG', 'WebP', 'MB', 'KB', 'Ctrl', 'CC', 'BY', 'SA', 'MIT', 'Astro', 'Pagefind',
  'Transformer', 'AI', 'PP-OCRv4', 'BY-SA', 'CSL-JSON',
  // Network names Chinese courses and textbooks write in Latin letters too.
  'RNN', 'LSTM',
]);

export async function englishChrome(page: Page): Promise<string[]> {
  return page.evaluate(({ skip, allowed }) => {
    const skipSelector = skip.join(',');
    const words = new Set<string>();
    const note = (text: string | null, where: string) => {
      // File names (references.bib) are names, not words.
      for (const w of (text ?? '').replace(/[\w-]+\.(bib|json|ris|png|txt)\b/g, '').match(/[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]/g) ?? []) {
        if (!allowed.includes(w) && !/^v?\d/.test(w)) words.add(`${w} (${where})`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      // Skipped: content, and what is neither shown nor read out (display: none, e.g. Pagefind's own filter label).
      acceptNode: (node) => (node instanceof Element && (node.matches(skipSelector) || getComputedStyle(node).display === 'none') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) if (node.hasAttribute(attr)) note(node.getAttribute(attr), `${node.tagName.toLowerCase()}[${attr}]`);
      } else note(node.textContent, node.parentElement?.tagName.toLowerCase() ?? '');
    }
    return [...words];
  }, { skip: CONTENT_SELECTORS, allowed: [...ALLOWED] });
}
