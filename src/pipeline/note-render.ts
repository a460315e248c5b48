/**
 * Renders the notes (zh.md, en.md of papers, concepts and resources) to HTML for their pages.
 *
 * Why not Astro's content collections: Astro's glob loader renders every note at content sync
 * and keeps the HTML in its data store, which the build then bundles as one JavaScript module
 * holding every note (99 MB for 1,000 synthetic papers, compiled by V8 and kept in memory for
 * the whole page generation; past ~5,000 papers the string no longer fits in V8's limit). Here
 * each page renders its own note when it is generated and lets it go: memory stays flat in the
 * number of notes, and no note is rendered for nothing.
 *
 * Rendered notes are kept on disk (.cache/notes/) under a key made of everything the HTML
 * depends on: the note's text and path, the site's base, the names and bibliographic data of
 * every entity (links and citations print them), the citation access date, the source of the
 * plugins (src/pipeline/, src/shared/) and the versions of the Markdown packages. An unchanged note of an
 * unchanged site is never rendered again; editing one note re-renders that note only.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, rehypeHeadingIds, rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ContentError } from './diagnostics.ts';
import { withBase } from '../shared/urls.ts';
import { accessDate } from './access-date.ts';
import { allEntities } from './catalog.ts';
import { packageVersions, sourceHash } from './cache-key.ts';
import { markdownPlugins, SHIKI_CONFIG } from './markdown-config.ts';
import type { Site } from './site.ts';
import { writeAtomically } from './json-cache.ts';

export interface RenderedHtml {
  html: string;
  hasMath: boolean;
  hasCitations: boolean;
  /** Project-relative paths of the images the note shows (served from /media/, see below). */
  images?: string[];
}

/** Where a note's images are published: /media/<project-relative path>, copied by the integration. */
export const MEDIA_DIR = 'media';

/** Bump when the cache entry's shape or the key's meaning changes. */
const CACHE_VERSION = 2;
const PACKAGES = ['@astrojs/markdown-remark', 'katex', 'remark-math', 'shiki', '@citation-js/core', '@citation-js/plugin-csl'];

export interface NoteRendererOptions {
  getSite: () => Pick<Site, 'resolver' | 'analyses' | 'catalog'>;
  base: string;
  /** Where rendered notes are kept; no disk cache when absent. */
  cacheDir?: string;
}

export interface NoteRenderer {
  render(file: string): Promise<RenderedHtml>;
  /** How many notes were rendered and how many came from the disk cache (the build logs it). */
  stats: { rendered: number; cached: number };
  /** Images of the notes rendered or read in this process, to copy into the site. */
  images: Set<string>;
  /** The files among these whose HTML is not in the disk cache yet (every file without a cache). */
  uncached(files: readonly string[]): string[];
}

/**
 * Local images (checked to exist by the content check) point at their published copy under
 * /media/, keeping the path they have in the repository, so two notes never collide.
 */
function remarkNoteImages(options: { base: string; root: string }) {
  return (tree: Root, file: VFile) => {
    const note = path.relative(options.root, file.path ?? '').split(path.sep).join('/');
    const images: string[] = [];
    visit(tree, 'image', (node: Image) => {
      const url = node.url.trim().split(/[?#]/)[0] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return;
      const rel = path.posix.normalize(path.posix.join(path.posix.dirname(note), url));
      if (rel.startsWith('../')) {
        throw new ContentError([{ file: note, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, severity: 'error', rule: 'image/outside',
          message: `image "${node.url}" is outside the project`, hint: 'put the image file next to the note and reference it as ./name.png' }]);
      }
      images.push(rel);
      node.url = withBase(options.base, `/${MEDIA_DIR}/${rel}`);
    });
    (file.data as { images?: string[] }).images = images;
  };
}

/** Everything outside the note itself that its HTML depends on. */
export function siteRenderKey(site: Pick<Site, 'catalog'>, base: string): string {
  const root = site.catalog.paths.root;
  const hash = createHash('sha256').update(`v${CACHE_VERSION}\n${base}\n${packageVersions(root, PACKAGES)}\n${sourceHash(root)}\n`);
  const { year, month, day } = accessDate();
  hash.update(`${year}-${month}-${day}\n`);
  for (const entity of allEntities(site.catalog)) {
    hash.update(`${entity.kind}:${entity.id}\u0000`);
    hash.update(entity.kind === 'paper' ? JSON.stringify(entity.paper) : JSON.stringify(entity.meta.name));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/**
 * Astro's Markdown pipeline (createMarkdownProcessor: GFM, smartypants, our plugins, Shiki,
 * heading ids) minus two steps notes do not need. rehype-raw re-parses the whole tree through
 * parse5 so that raw HTML in Markdown becomes elements: notes may not contain raw HTML (the
 * content check refuses it), and the only raw nodes are the HTML our own plugins make (KaTeX,
 * reference lists), which rehype-stringify writes out as they are. That parse was 60% of the
 * time per note. Astro's image steps are replaced by remarkNoteImages: a note's images are
 * published as they are (no resizing), under /media/.
 * tests/unit/note-render.test.ts checks the HTML against Astro's own processor.
 */
export function createNoteProcessor(options: Pick<NoteRendererOptions, 'getSite' | 'base'>): Processor {
  const plugins = markdownPlugins({ getSite: options.getSite, base: options.base }, 'html');
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants, {}).use(remarkNoteImages, { base: options.base, root: options.getSite().catalog.paths.root });
  for (const plugin of plugins.remarkPlugins) processor.use(...((Array.isArray(plugin) ? plugin : [plugin]) as [never]));
  processor.use(remarkRehype, { allowDangerousHtml: true, passThrough: [] }).use(rehypeShiki, SHIKI_CONFIG as unknown as ShikiConfig, undefined);
  for (const plugin of plugins.rehypePlugins) processor.use(...((Array.isArray(plugin) ? plugin : [plugin]) as [never]));
  return processor.use(rehypeHeadingIds).use(rehypeStringify, { allowDangerousHtml: true }) as unknown as Processor;
}

export function createNoteRenderer(options: NoteRendererOptions): NoteRenderer {
  let processor: Processor | undefined;
  // One key per pipeline result: in `astro dev` an edited entity gives a new site, and a new key.
  const siteKeys = new WeakMap<object, string>();
  const stats = { rendered: 0, cached: 0 };
  const images = new Set<string>();
  const root = () => options.getSite().catalog.paths.root;

  async function renderText(raw: string, abs: string): Promise<RenderedHtml> {
    processor ??= createNoteProcessor(options);
    // As Astro's content layer does: frontmatter out, the body rendered with it as data.
    const { frontmatter, content } = parseFrontmatter(raw);
    const file = new VFile({ value: content, path: pathToFileURL(abs), data: { astro: { frontmatter } } });
    const result = await processor.process(file);
    const data = result.data as { astro?: { frontmatter?: Record<string, unknown> } };
    const images = (result.data as { images?: string[] }).images ?? [];
    return { html: String(result.value), hasMath: Boolean(data.astro?.frontmatter?.hasMath), hasCitations: Boolean(data.astro?.frontmatter?.hasCitations), ...(images.length ? { images } : {}) };
  }

  return {
    stats,
    images,
    async render(file) {
      const rendered = await renderCached(file);
      for (const image of rendered.images ?? []) images.add(image);
      return rendered;
    },
    uncached(files) {
      if (!options.cacheDir) return [...files];
      return files.filter((file) => !fs.existsSync(cacheFileOf(file, fs.readFileSync(path.join(root(), file), 'utf8'), options.cacheDir!)));
    },
  };

  function cacheFileOf(file: string, raw: string, cacheDir: string): string {
    const site = options.getSite();
    let siteKey = siteKeys.get(site);
    if (!siteKey) siteKeys.set(site, (siteKey = siteRenderKey(site, options.base)));
    const key = createHash('sha256').update(siteKey).update(`\n${file}\n`).update(raw).digest('hex');
    return path.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  async function renderCached(file: string): Promise<RenderedHtml> {
    const abs = path.join(root(), file);
    const raw = fs.readFileSync(abs, 'utf8');
    if (!options.cacheDir) {
      stats.rendered++;
      return renderText(raw, abs);
    }
    const cacheFile = cacheFileOf(file, raw, options.cacheDir);
    try {
      const hit = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as RenderedHtml;
      stats.cached++;
      return hit;
    } catch {
      // Not rendered yet (or a file cut short by an interrupted build): render it.
    }
    const rendered = await renderText(raw, abs);
    stats.rendered++;
    writeAtomically(cacheFile, JSON.stringify(rendered));
    return rendered;
  }
}
