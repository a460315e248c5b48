/**
 * Pagefind's full-text index, built through its Node API at the end of every
 * build (after Starlight's integrations/pagefind.ts): one index per <html lang>,
 * KaTeX markup and citation cards excluded, every response checked.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pages: number;
  milliseconds: number;
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new Error(`pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({
      // Formula markup ("∇θL\nabla_\theta L") and hover cards would pollute excerpts; the cite
      // panel's formatted references would make "transformer paper" find every page citing it.
      excludeSelectors: ['.katex', '.cite-card', '.cite-panel', '.reference-list', 'pre', '[data-pagefind-ignore]'],
    });
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = check('indexing', await index.addDirectory({ path: siteDir }));
    check('writing', await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') }));
    return { pages: added.page_count, milliseconds: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}
