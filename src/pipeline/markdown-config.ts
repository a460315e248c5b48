/**
 * The Markdown pipeline, in one place: astro.config.mjs gives it to Astro (the explainers' MDX)
 * and src/pipeline/note-render.ts renders the notes with it, so both produce the same HTML.
 * One difference: MDX compiles the tree to JavaScript and cannot take the `raw` HTML nodes of
 * rehype-katex-cached.ts, so MDX keeps rehype-katex (the same HTML, tested in
 * tests/unit/rehype-katex-cached.test.ts); the few explainers do not need the speed.
 */
import type { RehypePlugins, RemarkPlugins, ShikiConfig } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { KATEX_OPTIONS } from './math.ts';
import { remarkCrossLinks, type CrossLinkOptions } from './remark-cross-links.ts';
import { rehypeKatexCached } from './rehype-katex-cached.ts';
import { rehypeMathText } from './rehype-math-text.ts';

// The high-contrast GitHub themes: every token colour meets WCAG AA (4.5:1) on its background.
export const SHIKI_CONFIG = { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } } as const satisfies Partial<ShikiConfig>;

export function markdownPlugins(options: CrossLinkOptions, target: 'mdx' | 'html'): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkMath, [remarkCrossLinks, options]] as RemarkPlugins,
    rehypePlugins: (target === 'mdx' ? [[rehypeKatex, KATEX_OPTIONS], rehypeMathText] : [rehypeKatexCached]) as RehypePlugins,
  };
}
