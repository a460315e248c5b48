/**
 * src/pipeline/rehype-katex-cached.ts replaces rehype-katex in the Markdown pipeline: the HTML
 * must be byte for byte what rehype-katex and rehype-math-text give, for inline, display and
 * fenced math.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { KATEX_OPTIONS, renderTex } from '../../src/pipeline/math.ts';
import { rehypeKatexCached } from '../../src/pipeline/rehype-katex-cached.ts';
import { rehypeMathText } from '../../src/pipeline/rehype-math-text.ts';

const samples = [
  'Inline $x^2 + \\sqrt{y}$ and $\\mathrm{softmax}(z)_i = e^{z_i} / \\sum_j e^{z_j}$ in a sentence.',
  '## Display\n\n$$\n\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$\n\nAfter.',
  'A fence:\n\n```math\n\\nabla_\\theta L = \\frac{\\partial L}{\\partial \\theta}\n```\n',
  '- a list with $a_i$\n- and $$b$$ inline display\n\n| t | $m$ |\n|---|---|\n| 1 | $\\lVert W \\rVert_F^2$ |\n',
  'The same formula twice: $x^2$, $x^2$; and code `$x$` stays code.',
];

test('the cached plugin renders exactly what rehype-katex renders', async () => {
  const reference = await createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, KATEX_OPTIONS], rehypeMathText] });
  const cached = await createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatexCached] });
  for (const markdown of samples) {
    const expected = (await reference.render(markdown)).code;
    assert.match(expected, /class="katex/, 'the sample has math');
    if (/\$[^$]+\$/.test(markdown.replace(/\$\$[^$]*\$\$/g, ''))) assert.match(expected, /class="math-text visually-hidden"/, 'inline math is followed by its TeX');
    assert.equal((await cached.render(markdown)).code, expected, markdown);
  }
});

test('bad math renders as KaTeX error text, with a message on the file', async () => {
  const cached = await createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatexCached] });
  const { code } = await cached.render('Broken $\\frac{1}{$ here.');
  assert.match(code, /katex-error|color:#cc0000/);
});

test('renderTex renders a formula once and reports errors without KaTeX\'s prefix', () => {
  const first = renderTex('a+b', false);
  assert.equal(renderTex('a+b', false), first, 'the second call returns the remembered result');
  assert.notEqual(renderTex('a+b', true).html, first.html, 'display and inline are remembered apart');
  const bad = renderTex('\\frac{1}{', true);
  assert.equal(bad.html, undefined);
  assert.match(bad.error ?? '', /^Unexpected end of input/);
});
