import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { KATEX_OPTIONS } from '../../src/pipeline/math.ts';
import { rehypeMathText } from '../../src/pipeline/rehype-math-text.ts';

const render = (md: string) => String(unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex, KATEX_OPTIONS).use(rehypeMathText).use(rehypeStringify).processSync(md));

test('each inline formula is followed by its TeX, hidden from eyes and screen readers', () => {
  const html = render('基础模型的宽度为 $d_{\\text{model}} = 512$，使用 8 个头。');
  const span = '<span class="math-text visually-hidden" aria-hidden="true">d_{\\text{model}} = 512</span>';
  assert.ok(html.includes(`</span></span></span>${span}，`), html.slice(-400));
  assert.equal(html.split('class="math-text').length - 1, 1);
});

test('display math gets no text copy, and text without math is unchanged', () => {
  const html = render('$$\n\\frac{a}{b}\n$$\n\nand $x$ here');
  assert.equal(html.split('class="math-text').length - 1, 1);
  assert.ok(html.includes('aria-hidden="true">x</span> here'));
  assert.equal(render('no math here'), '<p>no math here</p>');
});
