/**
 * The budget and link checks (scripts/lib/) on a tiny hand-made dist/: each problem they exist
 * to catch is caught, with the page named, and a clean site passes.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { htmlFiles, pageFacts, scrollingEquationScopes, staticImports, upfrontScriptBytes } from '../../scripts/lib/dist-pages.ts';
import { checkBudgets } from '../../scripts/lib/budgets.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-dist-'));
after(() => fs.rmSync(dist, { recursive: true, force: true }));

function write(file: string, text: string | Buffer) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.writeFileSync(path.join(dist, file), text);
}

function page(lang: 'zh' | 'en', slug: string, body: string, head = '') {
  const twin = `/${lang === 'zh' ? 'en' : 'zh'}/${slug}`;
  return `<!doctype html><html lang="${lang}"><head><title>T</title><meta name="description" content="d">
<link rel="canonical" href="https://x.org/${lang}/${slug}"><link rel="alternate" hreflang="${lang}" href="/${lang}/${slug}">
<link rel="alternate" hreflang="${lang === 'zh' ? 'en' : 'zh'}" href="${twin}"><link rel="stylesheet" href="/_astro/site.css">${head}</head>
<body><a href="${twin}">twin</a>${body}</body></html>`;
}

const facts = () => htmlFiles(dist).map((f) => pageFacts(dist, f));
const exists = (p: string) => fs.existsSync(path.join(dist, p)) && fs.statSync(path.join(dist, p)).isFile();

test('static imports are followed, dynamic import() is not', () => {
  assert.deepEqual(staticImports('import{a as b}from"./chunk.js";import"./side.js";const m=()=>import("./island.js");export{x}from"./re.js"'), ['./chunk.js', './side.js', './re.js']);
});

test('CSS scopes that make display equations scroll', () => {
  assert.deepEqual(scrollingEquationScopes('.prose .katex-display{overflow-x:auto}.katex-display{margin:0}.a,.katex-display{overflow:auto}'), [['prose'], []]);
});

test('a clean site passes both checks; each defect is reported with its page', () => {
  write('_astro/site.css', '.prose .katex-display{overflow-x:auto}');
  write('_astro/small.js', 'import"./dep.js";console.log(1)');
  write('_astro/dep.js', 'export const x=1');
  write('zh/a/index.html', page('zh', 'a/', '<a href="/zh/b/#sec">b</a><div class="prose"><span class="katex-display">x</span></div>', '<script type="module" src="/_astro/small.js"></script>'));
  write('en/a/index.html', page('en', 'a/', '<a href="/en/b/">b</a>'));
  write('zh/b/index.html', page('zh', 'b/', '<h2 id="sec">s</h2><a href="/zh/a/">a</a><a href="/cite/x.bib">bib</a>'));
  write('en/b/index.html', page('en', 'b/', '<a href="/en/a/">a</a>'));
  write('cite/x.bib', '@misc{x}');
  assert.deepEqual(checkLinks(facts(), exists), []);
  assert.deepEqual(checkBudgets(dist, facts()), []);
  assert.equal(upfrontScriptBytes(dist, facts().find((p) => p.url === '/zh/a/')!).files.length, 2);

  // Defects: a broken anchor, a broken link, a missing twin, an orphan, a page over the JS
  // budget, a page without description, an equation outside the scrolling scope.
  write('_astro/big.js', `const s=${JSON.stringify(randomBytes(30_000).toString('base64'))}`); // random: gzip cannot shrink it
  write('zh/a/index.html', page('zh', 'a/', '<a href="/zh/b/#nope">b</a><a href="/zh/missing/">m</a><span class="katex-display">x</span>', '<script type="module" src="/_astro/big.js"></script>'));
  write('zh/lonely/index.html', page('zh', 'lonely/', '').replace('<meta name="description" content="d">', ''));
  const links = checkLinks(facts(), exists).map((p) => `${p.page} ${p.problem}`);
  assert.ok(links.some((l) => l.startsWith('/zh/a/ broken anchor "/zh/b/#nope"')), links.join('\n'));
  assert.ok(links.some((l) => l.startsWith('/zh/a/ broken link "/zh/missing/"')), links.join('\n'));
  assert.ok(links.includes('/zh/lonely/ no English twin at /en/lonely/'), links.join('\n'));
  assert.ok(links.includes('/zh/lonely/ orphan: no other page links here'), links.join('\n'));
  const budgets = checkBudgets(dist, facts()).map((p) => `${p.page} ${p.problem}`);
  assert.ok(budgets.some((b) => /^\/zh\/a\/ loads \d+\.\d KB of JavaScript \(gzip\) before any island opens, budget 15\.0 KB/.test(b)), budgets.join('\n'));
  assert.ok(budgets.includes('/zh/lonely/ no <meta name="description">'), budgets.join('\n'));
  assert.ok(budgets.includes('/zh/a/ 1 display equation(s) can overflow their column: no CSS rule gives them their own horizontal scroll'), budgets.join('\n'));
});
