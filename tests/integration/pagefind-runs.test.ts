/**
 * The search index of a large site is built one language at a time (to halve Pagefind's
 * memory peak): the files it writes must be exactly those of a single run, or search would
 * silently change with the site's size.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildSearchIndex, htmlFilesByLang, languageRuns } from '../../src/pipeline/search/pagefind-index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-pagefind-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const page = (lang: string, title: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p><span class="katex">\\nabla</span></main></body></html>`;

function site(dir: string, options: { mixed: boolean }) {
  const files: Record<string, string> = {
    'index.html': page('zh-CN', '首页', '深度学习图谱'),
    'zh/concepts/gradient-descent/index.html': page('zh-CN', '梯度下降', '梯度下降沿着梯度的反方向更新参数，学习率决定步长。'),
    'zh/concepts/attention/index.html': page('zh-CN', '注意力机制', '注意力机制让模型按相关性加权求和。'),
    'en/concepts/gradient-descent/index.html': page('en', 'Gradient descent', 'Gradient descent moves the parameters against the gradient; the learning rate sets the step.'),
    'en/concepts/attention/index.html': page('en', 'Attention mechanism', 'Attention weights a sum of values by relevance.'),
    // A folder with both languages: its files go in one by one.
    ...(options.mixed ? {
      'mixed/a/index.html': page('en', 'Mixed English', 'An English page in a shared folder about optimizers.'),
      'mixed/b/index.html': page('zh-CN', '混合中文', '共享文件夹里关于优化器的中文页面。'),
    } : {}),
  };
  for (const [file, html] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), html);
  }
}

/** The same site indexed in one run and in one run per language. */
async function indexBothWays(name: string, options: { mixed: boolean }) {
  const single = path.join(root, `${name}-single`);
  const split = path.join(root, `${name}-split`);
  site(single, options);
  site(split, options);
  return { single, split, one: await buildSearchIndex(single), perLanguage: await buildSearchIndex(split, { splitAbovePages: 0 }) };
}

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

test('languages are grouped by <html lang>, whole folders by glob, mixed folders file by file', () => {
  const dir = path.join(root, 'groups');
  site(dir, { mixed: true });
  const runs = languageRuns(htmlFilesByLang(dir));
  assert.deepEqual(runs.map((r) => r.lang).sort(), ['en', 'zh-cn']);
  const zh = runs.find((r) => r.lang === 'zh-cn')!;
  assert.equal(zh.glob, '{index.html,zh/**/*.html}');
  assert.deepEqual(zh.files, ['mixed/b/index.html']);
});

test('one run per language writes byte for byte the files of a single run (one language per folder, as the site is)', async () => {
  const { single, split, one, perLanguage } = await indexBothWays('plain', { mixed: false });
  assert.equal(one.pages, 5);
  assert.equal(perLanguage.pages, one.pages);
  const files = listing(path.join(single, 'pagefind'));
  assert.deepEqual(listing(path.join(split, 'pagefind')), files);
  for (const file of files) assert.ok(fs.readFileSync(path.join(single, 'pagefind', file)).equals(fs.readFileSync(path.join(split, 'pagefind', file))), file);
  const entry = JSON.parse(fs.readFileSync(path.join(split, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  assert.deepEqual(Object.keys(entry.languages), ['en', 'zh-cn']);
  assert.equal(entry.languages.en!.page_count + entry.languages['zh-cn']!.page_count, 5);
});

test('a folder mixing languages is indexed too: the same pages and fragments (index chunks may number them differently)', async () => {
  const { single, split, one, perLanguage } = await indexBothWays('mixed', { mixed: true });
  assert.equal(one.pages, 7);
  assert.equal(perLanguage.pages, 7);
  const fragments = (dir: string) => listing(path.join(dir, 'pagefind')).filter((f) => f.startsWith('fragment'));
  assert.deepEqual(fragments(split), fragments(single));
});
