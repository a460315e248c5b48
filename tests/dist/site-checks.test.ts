/**
 * Checks over the built site (dist/, or DEEPATLAS_DIST), run by npm test after the build:
 * page budgets and internal links. Reads files only; every failure names the page and the number.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { htmlFiles, pageFacts, type PageFacts } from '../../scripts/lib/dist-pages.ts';
import { checkBudgets, checkSemanticIndex, semanticIndexBytes } from '../../scripts/lib/budgets.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';

const dist = path.resolve(process.env.DEEPATLAS_DIST ?? 'dist');
let pages: PageFacts[] = [];

before(() => {
  assert.ok(fs.existsSync(path.join(dist, 'zh/index.html')), `${dist} has no built site: run npm run build first`);
  pages = htmlFiles(dist).map((file) => pageFacts(dist, file));
});

const report = (problems: Array<{ page: string; problem: string }>) => problems.map((p) => `  ${p.page}: ${p.problem}`).join('\n');

test('budgets: JavaScript before an island opens, HTML size, head tags, scrolling equations', () => {
  assert.ok(pages.length > 100, `only ${pages.length} pages found in ${dist}`);
  const problems = checkBudgets(dist, pages);
  assert.equal(problems.length, 0, `${problems.length} budget problem(s):\n${report(problems)}`);
});

test('budget: the first semantic query downloads at most 1 MB gzip (model, vectors, lexical index, names)', () => {
  const { gzip, raw, files } = semanticIndexBytes(dist);
  console.log(`first semantic query: ${files.length} files, ${(raw / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(0)} KB gzip`);
  assert.ok(files.includes('lexical.bin'), files.join(', '));
  const problems = checkSemanticIndex(dist);
  assert.equal(problems.length, 0, report(problems));
});

test('links: every internal link and #anchor resolves, zh/en twins, no orphan page', () => {
  const problems = checkLinks(pages, (p) => fs.existsSync(path.join(dist, p)) && fs.statSync(path.join(dist, p)).isFile());
  assert.equal(problems.length, 0, `${problems.length} link problem(s):\n${report(problems)}`);
});
