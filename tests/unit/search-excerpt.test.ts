import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tidyExcerpt } from '../../src/islands/search/excerpt.ts';

test('a space Pagefind keeps between two CJK characters goes, also around highlights; Latin spaces stay', () => {
  assert.equal(tidyExcerpt('学习 率 是 梯度 下降 的 步长。', '学习率'), '学习率是梯度下降的步长。');
  assert.equal(tidyExcerpt('读 <mark>学习</mark> <mark>率</mark> ， 看 每 一步', 'x'), '…读<mark>学习率</mark>，看每一步…');
  assert.equal(tidyExcerpt('用 Adam 优化 器 训练 BERT 模型。', 'x'), '…用 Adam 优化器训练 BERT 模型。');
  assert.equal(tidyExcerpt('the learning rate of Adam.', 'x'), '…the learning rate of Adam.');
});

test('numeric citation markers are removed, and the space they leave before CJK punctuation', () => {
  assert.equal(tidyExcerpt('并与残差连接配合 [2 ]。原始 Transformer 在残差相加之后', 'x'), '…并与残差连接配合。原始 Transformer 在残差相加之后…');
  assert.equal(tidyExcerpt('见 [1-3] 与 [2, 5]，以及 [4]。', 'x'), '…见与，以及。');
  // Brackets that are not citations stay.
  assert.equal(tidyExcerpt('the interval [a, b] of x.', 'x'), '…the interval [a, b] of x.');
});

test('a window inside the text is marked with ellipses; one at the top of the page is not', () => {
  assert.equal(tidyExcerpt('<mark>梯度</mark><mark>下降</mark>. Gradient descent. 沿着梯度的反方向', '梯度下降'), '<mark>梯度下降</mark>. Gradient descent. 沿着梯度的反方向…');
  assert.equal(tidyExcerpt('方向、以步长（学习率）前进', '梯度下降'), '…方向、以步长（学习率）前进…');
  // Punctuation that belongs to the words before the window is dropped.
  assert.equal(tidyExcerpt('，使损失下降。', '损失函数'), '…使损失下降。');
  assert.equal(tidyExcerpt('), which keeps <mark>gradients</mark> alive', 'LSTM'), '…which keeps <mark>gradients</mark> alive…');
  assert.equal(tidyExcerpt('   ', 'x'), '');
  // A window that starts inside a formula's TeX starts after it.
  assert.equal(tidyExcerpt('{n \\times d}： n：序列长度；d：模型<mark>宽度</mark>；', '自注意力'), '…n：序列长度；d：模型<mark>宽度</mark>；…');
  assert.equal(tidyExcerpt('^{2} scores, so time grows.', 'x'), '…scores, so time grows.');
});
