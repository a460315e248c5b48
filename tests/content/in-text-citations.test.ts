/**
 * In-text citations: author-year labels that never stand for two works, and
 * GB/T 7714 number ranges, through the same remark plugin the build uses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { authorYearLabels, numberRanges } from '../../src/pipeline/author-labels.ts';
import { parseBibFile } from '../../src/pipeline/bib.ts';
import { remarkCrossLinks } from '../../src/pipeline/remark-cross-links.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { REPO } from '../helpers/scratch.ts';

const site = buildSite(projectPaths(REPO));
const papers = [...site.catalog.papers.values()].map((p) => p.paper);

test('two Mikolov et al. 2013 works get labels that tell them apart, the others keep theirs', () => {
  const en = authorYearLabels(papers, 'en');
  assert.deepEqual(en.get('mikolov2013distributed'), { authors: 'Mikolov, Sutskever, et al.', year: '2013' });
  assert.deepEqual(en.get('mikolov2013efficient'), { authors: 'Mikolov, Chen, et al.', year: '2013' });
  assert.deepEqual(en.get('vaswani2017attention'), { authors: 'Vaswani et al.', year: '2017' });
  assert.deepEqual(en.get('hochreiter1997long'), { authors: 'Hochreiter & Schmidhuber', year: '1997' });
  assert.deepEqual(authorYearLabels(papers, 'zh').get('mikolov2013efficient'), { authors: 'Mikolov、Chen 等', year: '2013' });
  for (const lang of ['en', 'zh'] as const) {
    const all = [...authorYearLabels(papers, lang).values()].map((l) => `${l.authors}, ${l.year}`);
    assert.equal(new Set(all).size, all.length, `${lang}: every label is one work`);
  }
});

test('the same authors twice in a year: 2020a and 2020b, by title', () => {
  const bib = (key: string, title: string) => parseBibFile(`@misc{${key}, author = {Doe, Jane and Roe, Rick}, title = {${title}}, year = 2020}`, `papers/${key}/paper.bib`, key).paper!;
  const labels = authorYearLabels([bib('b', 'Zebra'), bib('a', 'Aardvark')], 'en');
  assert.deepEqual(labels.get('a'), { authors: 'Doe & Roe', year: '2020a' });
  assert.deepEqual(labels.get('b'), { authors: 'Doe & Roe', year: '2020b' });
});

test('consecutive numbers become ranges', () => {
  assert.deepEqual(numberRanges([3, 1, 2, 4]), [[1, 4]]);
  assert.deepEqual(numberRanges([2, 3, 5]), [[2, 3], [5, 5]]);
  assert.deepEqual(numberRanges([7]), [[7, 7]]);
});

/** The note rendered to HTML by the build's plugin, and the marker texts a reader sees. */
function render(markdown: string, lang: 'zh' | 'en'): { html: string; markers: string[] } {
  const processor = unified()
    .use(remarkParse)
    .use(remarkCrossLinks, { getSite: () => site, base: '/' })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const file = new VFile({ path: `${REPO}/src/content/concepts/x/${lang}.md`, value: markdown });
  const html = String(processor.processSync(file));
  // What a reader sees in the text: cards removed, tags removed, the bracketed markers.
  const text = html.replace(/<span class="cite-card"[^>]*>[\s\S]*?<span class="cite-card-meta">[\s\S]*?<\/span><\/span>/g, '').replace(/<h2[\s\S]*$/, '').replace(/<[^>]+>/g, '');
  const markers = text.match(/\[[^\]]*\]|\([^)]*\)/g) ?? [];
  return { html, markers };
}

test('Chinese pages join consecutive numbers: [1-3], then [1, 4]', () => {
  const { markers } = render('甲 [@lecun2015deep; @vaswani2017attention; @he2016resnet]。乙 [@lecun2015deep; @kingma2015adam]。丙 [@he2016resnet; @vaswani2017attention]。\n', 'zh');
  assert.deepEqual(markers, ['[1-3]', '[1, 4]', '[2-3]']);
});

test('English markers, cards and reference list agree on the disambiguated label', () => {
  const { html, markers } = render('Skip-gram [@mikolov2013efficient] and negative sampling [@mikolov2013distributed].\n', 'en');
  assert.deepEqual(markers, ['(Mikolov, Chen, et al., 2013)', '(Mikolov, Sutskever, et al., 2013)']);
  assert.match(html, /<span class="cite-card-meta">Mikolov, Chen, et al\. · arXiv · 2013<\/span>/);
  // The reference list names the authors in full, so the label's second author is there to see.
  assert.match(html, /<li id="ref-mikolov2013efficient">[^]*?Mikolov, T\., Chen, K\./);
  assert.match(html, /<li id="ref-mikolov2013distributed">[^]*?Mikolov, T\., Sutskever, I\., Chen, K\./);
});
