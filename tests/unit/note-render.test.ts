/**
 * src/pipeline/note-render.ts: notes render through the site's Markdown pipeline, and the disk
 * cache serves an unchanged note of an unchanged site without rendering it again, but never a
 * stale one (an edited note, another base or a renamed entity changes the key).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { parse, serialize } from 'parse5';
import { buildSite } from '../../src/pipeline/site.ts';
import { markdownPlugins, SHIKI_CONFIG } from '../../src/pipeline/markdown-config.ts';
import { createNoteRenderer, siteRenderKey } from '../../src/pipeline/note-render.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';

process.env.DEEPATLAS_ACCESS_DATE ??= '2026-11-30';
const site = buildSite(projectPaths());
const getSite = () => site;
const NOTE = 'papers/vaswani2017attention/en.md';

test('a note renders with links, citations and math, then comes from the cache', async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-notes-'));
  try {
    const first = createNoteRenderer({ getSite, base: '/', cacheDir });
    const rendered = await first.render(NOTE);
    assert.match(rendered.html, /class="xref xref-concept"/, 'wiki links become links');
    assert.match(rendered.html, /class="katex"/, 'math is rendered by KaTeX');
    assert.equal(rendered.hasMath, true);
    assert.deepEqual(first.stats, { rendered: 1, cached: 0 });

    const second = createNoteRenderer({ getSite, base: '/', cacheDir });
    assert.deepEqual(await second.render(NOTE), rendered);
    assert.deepEqual(second.stats, { rendered: 0, cached: 1 }, 'a fresh process reads it from disk');

    const OTHER = 'papers/vaswani2017attention/zh.md';
    assert.deepEqual(second.uncached([NOTE, OTHER]), [OTHER], 'only the note never rendered is missing');

    const other = createNoteRenderer({ getSite, base: '/deepatlas/', cacheDir });
    assert.deepEqual(other.uncached([NOTE]), [NOTE], 'another base misses the cache');
    const based = await other.render(NOTE);
    assert.deepEqual(other.stats, { rendered: 1, cached: 0 }, 'another base is another key');
    assert.match(based.html, /href="\/deepatlas\/en\/concepts\//);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('the site key changes when an entity a note can print changes', () => {
  const before = siteRenderKey(site, '/');
  assert.equal(siteRenderKey(site, '/'), before, 'deterministic');
  const paper = site.catalog.papers.get('vaswani2017attention')!;
  const title = paper.paper.title;
  try {
    paper.paper.title = `${title} (renamed)`;
    assert.notEqual(siteRenderKey(site, '/'), before);
  } finally {
    paper.paper.title = title;
  }
  assert.notEqual(siteRenderKey(site, '/base/'), before);
});

test('notes render to the same document as Astro\'s own Markdown processor', async () => {
  // Astro's processor with the site's plugins (rehype-katex, and rehype-raw re-parsing the tree);
  // ours writes raw HTML as it is, so the bytes may differ (<x/> for <x></x>, &#38; for &#x26;)
  // but an HTML parser must build the same document from both.
  const astro = await createMarkdownProcessor({ ...markdownPlugins({ getSite, base: '/' }, 'mdx'), shikiConfig: SHIKI_CONFIG } as Parameters<typeof createMarkdownProcessor>[0]);
  const ours = createNoteRenderer({ getSite, base: '/' });
  const files = [NOTE, 'papers/vaswani2017attention/zh.md', 'src/content/concepts/adam/en.md', 'src/content/concepts/generative-adversarial-network/en.md', 'src/content/concepts/convolution/zh.md'];
  const doc = (html: string) => serialize(parse(html));
  for (const file of files) {
    const abs = path.join(site.catalog.paths.root, file);
    const { frontmatter, content } = parseFrontmatter(fs.readFileSync(abs, 'utf8'));
    const expected = await astro.render(content, { fileURL: pathToFileURL(abs), frontmatter });
    const actual = await ours.render(file);
    assert.equal(doc(actual.html), doc(expected.code), file);
    assert.equal(actual.hasMath, Boolean(expected.metadata.frontmatter.hasMath), file);
    assert.equal(actual.hasCitations, Boolean(expected.metadata.frontmatter.hasCitations), file);
  }
});

test('a note\'s local images point at their published copy, and none may leave the project', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-note-images-'));
  try {
    fs.mkdirSync(path.join(root, 'papers/x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'papers/x/en.md'), '---\nsummary: s\n---\n\nA figure:\n\n![The model](./fig.png)\n');
    fs.writeFileSync(path.join(root, 'papers/x/zh.md'), '---\nsummary: s\n---\n\n![图](../../../outside.png)\n');
    const fake = { catalog: { ...site.catalog, paths: { ...site.catalog.paths, root } }, analyses: new Map(), resolver: site.resolver } as unknown as typeof site;
    const renderer = createNoteRenderer({ getSite: () => fake, base: '/deepatlas/' });
    const { html, images } = await renderer.render('papers/x/en.md');
    assert.match(html, /<img src="\/deepatlas\/media\/papers\/x\/fig\.png" alt="The model">/);
    assert.deepEqual(images, ['papers/x/fig.png']);
    assert.deepEqual([...renderer.images], ['papers/x/fig.png']);
    await assert.rejects(renderer.render('papers/x/zh.md'), (error: Error) => /image\/outside|outside the project/.test(`${error.message} ${JSON.stringify(error)}`));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
