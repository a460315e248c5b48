/**
 * Facts about the built site read from the files in dist/ (no browser): per HTML page its
 * language, title, description, canonical and hreflang links, element ids, links, and the
 * JavaScript it loads before any island opens. The budget and link checks share them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';

export interface PageFacts {
  /** Site path, e.g. `/zh/papers/he2016resnet/`. */
  url: string;
  file: string;
  lang?: string;
  title?: string;
  description?: string;
  canonical?: string;
  hreflang: Record<string, string>;
  ids: Set<string>;
  /** href of every <a>, as written. */
  links: string[];
  /** src of every <script src> and href of every modulepreload: what loads before an island opens. */
  scripts: string[];
  /** href of every stylesheet link. */
  stylesheets: string[];
  /** Per display equation, the classes of it and its ancestors (to match against CSS rules). */
  equations: Array<Set<string>>;
  htmlGzipBytes: number;
  htmlBytes: number;
}

type Node = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; content?: Node; value?: string };

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

function text(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(text).join('');
}

/** Every .html file under dist, as site paths (`index.html` maps to its folder). */
export function htmlFiles(dist: string): string[] {
  return fs.readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function urlOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return '/' + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

/**
 * The ancestor classes under which CSS makes `.katex-display` scroll horizontally on its own:
 * from rules like `.prose .katex-display { overflow-x: auto }` (an empty list: every equation).
 * Only class selectors are understood, which is all the site's CSS uses for equations.
 */
export function scrollingEquationScopes(css: string): string[][] {
  const scopes: string[][] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/overflow(?:-x)?\s*:\s*(?:auto|scroll)/.test(m[2]!)) continue;
    for (const selector of m[1]!.split(',').map((s) => s.trim())) {
      const parts = selector.split(/\s+/);
      if (parts.at(-1) !== '.katex-display' || !parts.every((p) => /^\.[\w-]+$/.test(p))) continue;
      scopes.push(parts.slice(0, -1).map((p) => p.slice(1)));
    }
  }
  return scopes;
}

/** Display equations of a page that no stylesheet of the page lets scroll by themselves. */
export function unscrolledEquations(dist: string, page: PageFacts): number {
  const scopes = page.stylesheets.flatMap((href) => {
    const file = path.join(dist, decodeURIComponent(new URL(href, `http://site${page.url}`).pathname));
    return fs.existsSync(file) ? scrollingEquationScopes(fs.readFileSync(file, 'utf8')) : [];
  });
  return page.equations.filter((classes) => !scopes.some((scope) => scope.every((c) => classes.has(c)))).length;
}

export function pageFacts(dist: string, file: string): PageFacts {
  const html = fs.readFileSync(file, 'utf8');
  const facts: PageFacts = {
    url: urlOf(dist, file), file, hreflang: {}, ids: new Set(), links: [], scripts: [], stylesheets: [], equations: [],
    htmlBytes: Buffer.byteLength(html), htmlGzipBytes: gzipSync(html).byteLength,
  };
  const walk = (node: Node, classes: Set<string>) => {
    const tag = node.tagName;
    const own = (attr(node, 'class') ?? '').split(/\s+/).filter(Boolean);
    const inherited = own.length ? new Set([...classes, ...own]) : classes;
    if (tag) {
      const id = attr(node, 'id');
      if (id) facts.ids.add(id);
      if (tag === 'html') facts.lang = attr(node, 'lang');
      else if (tag === 'title') facts.title = text(node).trim();
      else if (tag === 'meta' && attr(node, 'name') === 'description') facts.description = attr(node, 'content');
      else if (tag === 'link') {
        const rel = attr(node, 'rel') ?? '';
        if (rel === 'canonical') facts.canonical = attr(node, 'href');
        if (rel === 'alternate' && attr(node, 'hreflang')) facts.hreflang[attr(node, 'hreflang')!] = attr(node, 'href') ?? '';
        if (rel === 'modulepreload' && attr(node, 'href')) facts.scripts.push(attr(node, 'href')!);
        if (rel === 'stylesheet' && attr(node, 'href')) facts.stylesheets.push(attr(node, 'href')!);
      } else if (tag === 'a' && attr(node, 'href') !== undefined) facts.links.push(attr(node, 'href')!);
      else if (tag === 'script' && attr(node, 'src')) facts.scripts.push(attr(node, 'src')!);
      if (own.includes('katex-display')) facts.equations.push(inherited);
    }
    for (const child of node.childNodes ?? []) walk(child, inherited);
    if (node.content) walk(node.content, inherited);
  };
  walk(parse(html) as unknown as Node, new Set());
  return facts;
}

/** Static imports of an ES module (what loads with it), not dynamic import() (what an island loads later). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.push(m[1]!);
  return found;
}

/** gzip bytes of the scripts a page loads up front, following static imports, each file once. */
export function upfrontScriptBytes(dist: string, page: PageFacts): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (src: string, from: string) => {
    if (/^(?:[a-z]+:)?\/\//i.test(src)) return; // another origin: the CSP forbids it anyway
    const url = new URL(src, `http://site${from}`).pathname;
    if (seen.has(url)) return;
    seen.add(url);
    const file = path.join(dist, decodeURIComponent(url));
    if (!fs.existsSync(file)) return;
    const code = fs.readFileSync(file);
    bytes += gzipSync(code).byteLength;
    for (const dep of staticImports(code.toString('utf8'))) visit(dep, url);
  };
  for (const src of page.scripts) visit(src, page.url);
  return { bytes, files: [...seen] };
}
