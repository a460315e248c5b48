// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { deepatlas } from './src/integration.ts';
import { remarkCrossLinks } from './src/pipeline/remark-cross-links.ts';
import { KATEX_OPTIONS } from './src/pipeline/math.ts';
import { rehypeMathText } from './src/pipeline/rehype-math-text.ts';
import { getSite } from './src/data/site.ts';

// Deploying under a sub-path (GitHub Pages project site) sets DEEPATLAS_BASE=/repo-name/.
const base = process.env.DEEPATLAS_BASE ?? '/';

export default defineConfig({
  site: process.env.DEEPATLAS_SITE ?? 'https://deepatlas.example.org',
  base,
  trailingSlash: 'always',
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, [remarkCrossLinks, { getSite, base }]],
      rehypePlugins: [[rehypeKatex, KATEX_OPTIONS], rehypeMathText],
    }),
    // The high-contrast GitHub themes: every token colour meets WCAG AA (4.5:1) on its background.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
  integrations: [deepatlas(), mdx()],
  // Stylesheets as files, never inlined, so the CSP can be style-src 'self'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Scripts ship as files, never inline, so the Content-Security-Policy can be script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
