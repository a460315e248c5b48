/**
 * Pagefind's full-text index, built through its Node API at the end of every
 * build (after Starlight's integrations/pagefind.ts): one index per <html lang>,
 * KaTeX markup and citation cards excluded, every response checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { spaceZhWords, ZhLexicon } from '../../shared/search/zh-words.ts';

export interface SearchIndexResult {
  pages: number;
  milliseconds: number;
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new Error(`pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

/** Every .html file under a folder, relative paths with forward slashes. */
function htmlFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? htmlFiles(dir, rel) : entry.name.endsWith('.html') ? [rel] : [];
  });
}

/**
 * The page's Chinese text with a space between words, the knowledge base's own words first
 * (src/shared/search/zh-words.ts): Pagefind then indexes 学习率 as one word instead of 学习 and
 * 率, so 学习率 no longer finds every page with 率 in it. Only text between tags changes.
 */
export function segmentHtml(html: string, lexicon: ZhLexicon): string {
  return html.replace(/>([^<]+)</g, (_m, text: string) => `>${spaceZhWords(text, lexicon)}<`);
}

export async function buildSearchIndex(siteDir: string, zhWords: string[] = []): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({
      // Formula markup ("∇θL\nabla_\theta L") and hover cards would pollute excerpts; the cite
      // panel's formatted references would make "transformer paper" find every page citing it.
      excludeSelectors: ['.katex', '.cite-card', '.cite-panel', '.reference-list', 'pre', '[data-pagefind-ignore]'],
    });
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    if (zhWords.length && fs.existsSync(path.join(siteDir, 'zh'))) {
      // English and the root pages as they are; the Chinese pages segmented into words.
      for (const glob of ['*.html', 'en/**/*.html']) pages += check('indexing', await index.addDirectory({ path: siteDir, glob })).page_count;
      const lexicon = new ZhLexicon(zhWords);
      for (const rel of htmlFiles(path.join(siteDir, 'zh'))) {
        const content = segmentHtml(fs.readFileSync(path.join(siteDir, 'zh', rel), 'utf8'), lexicon);
        check('indexing', await index.addHTMLFile({ url: `/zh/${rel.replace(/index\.html$/, '')}`, content }));
        pages += 1;
      }
    } else {
      pages = check('indexing', await index.addDirectory({ path: siteDir })).page_count;
    }
    check('writing', await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') }));
    return { pages, milliseconds: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}
