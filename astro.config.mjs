// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { deepatlas } from './src/integration.ts';
import { markdownPlugins, SHIKI_CONFIG } from './src/pipeline/markdown-config.ts';
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
    // The explainers' MDX; the notes are rendered with the same plugins by src/pipeline/note-render.ts.
    processor: unified(markdownPlugins({ getSite, base }, 'mdx')),
    shikiConfig: SHIKI_CONFIG,
  },
  integrations: [deepatlas(), mdx()],
  // Stylesheets as files, never inlined, so the CSP can be style-src 'self'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Astro's build cache (its content data store) with the project's other caches, not in
  // node_modules/.astro: synthetic benchmark projects link node_modules and must not share it.
  cacheDir: './.cache/astro',
  // Scripts ship as files, never inline, so the Content-Security-Policy can be script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
