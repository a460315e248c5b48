/**
 * The learning playgrounds as a reader uses them, in both languages: each loads
 * only when scrolled to, a control changes what is drawn, and the numbers shown
 * are the ones the unit-tested core computes. Saves a screenshot per playground.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { IMAGES, KERNELS, convolve } from '../../src/shared/playgrounds/convolution.ts';
import { formatNumber } from '../../src/shared/playgrounds/format.ts';
import { TrainingSession } from '../../src/shared/playgrounds/mlp-session.ts';
import { unroll, verdict } from '../../src/shared/playgrounds/rnn.ts';
import { hashedVector, meanMaxWeight, multiHead, tokenize } from '../../src/shared/playgrounds/attention.ts';
import { CorpusEmbedder } from '../../src/shared/embed/fast-path.ts';
import fs from 'node:fs';

const SHOTS = 'docs/screenshots/playgrounds';

/** Opens a concept page, records errors and CSP violations, scrolls the playground in and waits for it. */
async function openPlayground(page: Page, path: string, name: string): Promise<{ root: Locator; problems: string[] }> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective}`)));
  await page.goto(path);
  const root = page.locator(`[data-playground="${name}"]`);
  // Lazy: nothing of the island runs before the reader gets there.
  await expect(root).not.toHaveAttribute('data-mounted', 'true');
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-mounted', 'true');
  return { root, problems };
}

/** The token vectors the attention playground gets from the built site's model, computed here in Node from the same files. */
function tokenVectors(tokens: readonly string[]): { source: 'model' | 'hashed'; vectors: number[][] } {
  const dir = 'dist/search';
  const manifest = JSON.parse(fs.readFileSync(`${dir}/manifest.json`, 'utf8')) as { runtime: string };
  if (manifest.runtime !== 'corpus-fast-path') return { source: 'hashed', vectors: tokens.map((t) => hashedVector(t, 32)) };
  const read = (name: string) => fs.readFileSync(`${dir}/model/${name}`);
  const table = read('table.int8');
  const scales = read('table.scales.f32');
  const embedder = new CorpusEmbedder({
    tokenizerJson: JSON.parse(read('tokenizer.json').toString('utf8')),
    tokenizerConfig: JSON.parse(read('tokenizer_config.json').toString('utf8')),
    table: new Int8Array(table.buffer, table.byteOffset, table.byteLength),
    scales: new Float32Array(scales.buffer.slice(scales.byteOffset, scales.byteOffset + scales.byteLength)),
  });
  return {
    source: 'model',
    vectors: tokens.map((t) => {
      const v = Array.from(embedder.embed(t));
      return v.some((x) => x !== 0) ? v : hashedVector(t, embedder.dims);
    }),
  };
}

/** A number the page keeps in a data attribute, against the core's value computed here (same engine family, so to 1e-10). */
const expectNumber = (locator: Locator, attribute: string, expected: number) =>
  expect.poll(async () => Number(await locator.getAttribute(attribute))).toBeCloseTo(expected, 10);

const pixels = (canvas: Locator) => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());

for (const lang of ['en', 'zh'] as const) {
  const zh = lang === 'zh';

  test(`gradient descent (${lang}): a step shows the update's numbers, a large learning rate diverges, the hash reproduces it`, async ({ page }) => {
    test.setTimeout(120_000);
    const { root, problems } = await openPlayground(page, `/${lang}/concepts/gradient-descent/`, 'gradient-descent');
    const sgd = root.locator('figure[data-optimizer="sgd"]');
    const canvas = sgd.locator('canvas');
    const before = await pixels(canvas);
    await root.getByRole('button', { name: zh ? '单步' : 'Step', exact: true }).click();
    // Valley 0.1x² + 2y² from (−2.8, 1.5), η = 0.2: g = (−0.56, 6), θ₁ = (−2.688, 0.3), f = 0.7225344 + 0.18.
    await expect(sgd.locator('figcaption')).toHaveText('t = 1 · θ = (−2.688, 0.3000) · f(θ) = 0.9025');
    await expect(sgd.locator('[data-readout]')).toContainText('g = ∇f(θ) = (−0.560, 6.00)');
    await expect(root.locator('figure[data-optimizer="momentum"] [data-readout]')).toContainText('v ← μv + g = (−0.560, 6.00)');
    expect(await pixels(canvas)).not.toBe(before);

    // η = 10^0.5 ≈ 3.2: |1 − 4η| > 1 on the steep axis, so SGD blows up.
    await root.locator('[data-control="lr"]').fill('0.5');
    await expect(root.locator('[data-value="lr"]')).toHaveText('3.200');
    await root.getByRole('button', { name: zh ? '播放' : 'Play', exact: true }).click();
    await expect(sgd).toHaveAttribute('data-stopped', 'true');
    await expect(root.locator('[data-playground-status]')).toContainText(zh ? '发散' : 'diverged');
    await expect(sgd.locator('figcaption')).toContainText(zh ? '已发散' : 'diverged');
    await expect(root.locator('figure[data-optimizer="adam"]')).toHaveAttribute('data-stopped', 'false');

    await root.locator('[data-control="surface"]').selectOption('rosenbrock');
    await root.locator('[data-control="opt-nesterov"]').check();
    await root.locator('[data-control="steps"]').fill('80');
    await root.getByRole('button', { name: zh ? '播放' : 'Play', exact: true }).click();
    // One step per frame: on a loaded test machine the frames come slowly.
    await expect(root.locator('figure[data-optimizer="nesterov"]')).toHaveAttribute('data-step', '80', { timeout: 60_000 });
    await root.screenshot({ path: `${SHOTS}/gradient-descent${zh ? '-zh' : ''}.png` });

    // The link reproduces the settings and the step reached.
    expect(page.url()).toContain('#gradient-descent:surface=rosenbrock&lr=0.001&opt=sgd,momentum,nesterov,adam&steps=80&t=80');
    const caption = await root.locator('figure[data-optimizer="nesterov"] figcaption').textContent();
    await page.reload();
    await root.scrollIntoViewIfNeeded();
    await expect(root.locator('[data-control="surface"]')).toHaveValue('rosenbrock');
    await expect(root.locator('figure[data-optimizer="nesterov"]')).toHaveAttribute('data-step', '80');
    await expect(root.locator('figure[data-optimizer="nesterov"] figcaption')).toHaveText(caption!);
    expect(problems).toEqual([]);
  });

  test(`backpropagation (${lang}): one epoch gives the core's loss, training lowers it, the trace shows a and δ`, async ({ page }) => {
    test.setTimeout(120_000);
    const { root, problems } = await openPlayground(page, `/${lang}/concepts/backpropagation/`, 'backpropagation');
    await expect(root.locator('[data-backend]')).toHaveAttribute('data-backend', 'js-f64');
    const stats = root.locator('[data-stats]');
    const boundary = root.locator('canvas[data-boundary]');
    const before = await pixels(boundary);
    await root.getByRole('button', { name: zh ? '训练一轮' : 'One epoch' }).click();
    await expect(stats).toHaveAttribute('data-epoch', '1');
    // The same seeds and settings in Node give the same numbers.
    const session = new TrainingSession({ dataset: 'circle', noise: 0.1, split: 0.5, layers: 2, width: 4, activation: 'tanh', learningRate: 0.1, l2: 0 });
    const expected = session.runEpoch();
    await expect(stats).toContainText(formatNumber(expected.trainLoss));
    await expect(stats).toContainText(formatNumber(expected.testLoss));
    expect(await pixels(boundary)).not.toBe(before);

    await root.locator('[data-control="data"]').selectOption('xor');
    await root.locator('[data-control="layers"]').fill('1');
    await expect(stats).toHaveAttribute('data-epoch', '0');
    // One hidden layer of 4: (2·4 + 4) + (4·1 + 1) weights and biases.
    await expect(stats).toContainText(zh ? '17 个参数' : '17 parameters');
    const start = Number(await stats.getAttribute('data-train-loss'));
    await root.getByRole('button', { name: zh ? '训练' : 'Train', exact: true }).click();
    await expect.poll(async () => Number(await stats.getAttribute('data-epoch')), { timeout: 60_000 }).toBeGreaterThan(150); // XOR at η = 0.1: the loss halves by epoch ~125
    await root.getByRole('button', { name: zh ? '暂停' : 'Pause', exact: true }).click();
    expect(Number(await stats.getAttribute('data-train-loss'))).toBeLessThan(start / 2);

    await root.getByRole('button', { name: zh ? '追踪一个样本' : 'Trace one example' }).click();
    await expect(root.locator('[data-trace]')).toContainText(zh ? '网络输出 p =' : 'the network says p =');
    await root.screenshot({ path: `${SHOTS}/backpropagation${zh ? '-zh' : ''}.png` });
    expect(page.url()).toMatch(/#backpropagation:data=xor&layers=1&epoch=\d+/);
    // The link replays the same epochs from the same seeds: the same numbers.
    const shown = await stats.textContent();
    await page.reload();
    await root.scrollIntoViewIfNeeded();
    await expect(stats).toHaveText(shown!, { timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  test(`convolution (${lang}): products and sum of the chosen cell, output-size formula, drawing changes the map`, async ({ page }) => {
    const { root, problems } = await openPlayground(page, `/${lang}/concepts/convolution/`, 'convolution');
    const output = root.locator('canvas[data-output]');
    // Keyboard: focus the feature map and walk to cell (1, 2).
    await output.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(root.locator('[data-cell-head]')).toHaveText(zh ? '输出格 (1, 2)' : 'Output cell (1, 2)');
    // Sobel x over rows 1-3, columns 2-4 of the 7 (ink in ninths): row 1 is blank; row 2 gives
    // −2·3/9 + 2·9/9, row 3 gives −1·3/9 + 1·7/9: Y[1,2] = 16/9. The core agrees.
    await expect(root.locator('[data-sum]')).toHaveText(zh ? '求和: Y[1, 2] = Σ W·X = 1.778' : 'Sum: Y[1, 2] = Σ W·X = 1.778');
    const seven = { rows: 12, cols: 12, values: IMAGES.seven.values.map((v) => Math.round(v * 9) / 9) };
    expect(convolve(seven, { rows: 3, cols: 3, values: KERNELS.sobelX }, 0, 1).values[1 * 10 + 2]).toBeCloseTo(16 / 9, 12);
    await expect(root.locator('[data-terms] td')).toHaveCount(9);
    await expect(root.locator('[data-size]')).toHaveText('⌊(12 + 2·0 − 3) / 1⌋ + 1 = 10');

    await root.locator('[data-control="padding"]').fill('1');
    await root.locator('[data-control="stride"]').fill('2');
    await expect(root.locator('[data-size]')).toHaveText('⌊(12 + 2·1 − 3) / 2⌋ + 1 = 6');
    await expect(output).toHaveAttribute('data-cells', '36');

    await root.locator('[data-control="kernel"]').selectOption('blur');
    await root.locator('[data-weight="4"]').fill('2');
    await expect(root.locator('[data-control="kernel"]')).toHaveValue('custom');
    const before = await pixels(output);
    await root.locator('canvas[data-input]').click({ position: { x: 30, y: 30 } });
    await expect(root.locator('[data-control="image"]')).toHaveValue('custom');
    expect(await pixels(output)).not.toBe(before);
    await root.screenshot({ path: `${SHOTS}/convolution${zh ? '-zh' : ''}.png` });
    expect(page.url()).toContain('#convolution:px=');
    expect(problems).toEqual([]);
  });

  test(`RNN and LSTM (${lang}): a linear RNN's gradient grows by exactly γ per step back, the LSTM keeps it, the drawing follows`, async ({ page }) => {
    const { root, problems } = await openPlayground(page, `/${lang}/concepts/recurrent-neural-network/`, 'rnn');
    const summary = root.locator('[data-summary]');
    const verdicts = root.locator('[data-verdicts]');
    const gradients = root.locator('canvas[data-gradients]');
    // The default sequence, in the page's language, with γ = 0.9, tanh and forget bias 3: the RNN's gradient vanishes, the LSTM's does not.
    const defaults = unroll(zh ? '循环神经网络很有趣' : 'hello world', 0.9, 'tanh', 3);
    await expectNumber(summary, 'data-rnn', verdict(defaults.rnn.gradNorms).factor);
    await expectNumber(summary, 'data-lstm', verdict(defaults.lstm.gradNorms).factor);
    await expect(verdicts).toHaveAttribute('data-rnn', verdict(defaults.rnn.gradNorms).kind);
    await expect(root.locator('[data-grad-table] tr')).toHaveCount(defaults.symbols.length + 1);
    const before = await pixels(gradients);
    const states = await pixels(root.locator('canvas[data-states]'));

    await root.locator('[data-control="text"]').fill('vanishing grads!');
    await root.locator('[data-control="activation"]').selectOption('linear');
    await root.locator('[data-control="gamma"]').fill('1.5');
    // W_h = 1.5·Q with Q orthogonal and no tanh: 15 steps back multiply the gradient by 1.5^15 = 437.89…
    await expect(summary).toContainText(zh ? '在 RNN 中被乘以 437.9' : 'by 437.9 in the RNN');
    await expect(verdicts).toHaveAttribute('data-rnn', 'exploding');
    const exploding = unroll('vanishing grads!', 1.5, 'linear', 3);
    await expect(summary).toContainText(formatNumber(verdict(exploding.lstm.gradNorms).factor));
    await expect(root.locator('[data-grad-table] tr')).toHaveCount(17);
    expect(await pixels(gradients)).not.toBe(before);
    expect(await pixels(root.locator('canvas[data-states]'))).not.toBe(states);

    await root.locator('[data-control="gamma"]').fill('0.5');
    await expect(verdicts).toHaveAttribute('data-rnn', 'vanishing');
    await expect(verdicts).toContainText(zh ? 'RNN：消失' : 'RNN: vanishing');
    // Closing the forget gate (b_f = −3, f ≈ 0.05) makes the LSTM forget too.
    await root.locator('[data-control="forget"]').fill('-3');
    await expect(verdicts).toHaveAttribute('data-lstm', 'vanishing');
    await root.screenshot({ path: `${SHOTS}/rnn${zh ? '-zh' : ''}.png` });
    expect(page.url()).toContain('#rnn:text=vanishing+grads%21&act=linear&gamma=0.5&forget=-3');
    await page.reload();
    await root.scrollIntoViewIfNeeded();
    await expect(root.locator('[data-control="text"]')).toHaveValue('vanishing grads!');
    await expect(verdicts).toHaveAttribute('data-lstm', 'vanishing');
    expect(problems).toEqual([]);
  });

  test(`attention (${lang}): the site's model gives the token vectors, weights match the core, the causal mask and d_k without √d_k show`, async ({ page }) => {
    const { root, problems } = await openPlayground(page, `/${lang}/concepts/self-attention/`, 'attention');
    const sentence = zh ? '我爱深度学习' : 'the cat sat on the mat';
    const tokens = tokenize(sentence);
    const { source, vectors } = tokenVectors(tokens);
    await expect(root.locator('[data-source]')).toHaveAttribute('data-source', source);
    const saturation = root.locator('[data-saturation]');
    const heat = root.locator('canvas[data-heatmap]');
    const core = (heads: number, dk: number, causal: boolean, scale: boolean, head = 0) => multiHead(vectors, { heads, dk, causal, scale, seed: 1 })[head]!;
    await expectNumber(saturation, 'data-value', meanMaxWeight(core(1, 8, false, true).weights));
    await expect(root.locator('[data-weights] tr')).toHaveCount(tokens.length + 1);
    const before = await pixels(heat);

    // Causal mask: the first row attends to itself only, so the first weight cell reads 1 and the next 0.
    await root.locator('[data-control="causal"]').check();
    await expect(root.locator('[data-weights] tr').nth(1).locator('td').nth(0)).toHaveText('1.00');
    await expect(root.locator('[data-weights] tr').nth(1).locator('td').nth(1)).toHaveText('0');
    expect(await pixels(heat)).not.toBe(before);
    await expectNumber(saturation, 'data-value', meanMaxWeight(core(1, 8, true, true).weights));

    // Two heads, the second shown; d_k = 128 without √d_k: the softmax saturates.
    await root.locator('[data-control="causal"]').uncheck();
    await root.locator('[data-control="heads"]').fill('2');
    await root.locator('[data-control="head"]').selectOption('2');
    await root.locator('[data-control="dk"]').selectOption('128');
    const scaled = meanMaxWeight(core(2, 128, false, true, 1).weights);
    await expectNumber(saturation, 'data-value', scaled);
    await root.locator('[data-control="scale"]').uncheck();
    const unscaled = meanMaxWeight(core(2, 128, false, false, 1).weights);
    expect(unscaled).toBeGreaterThan(scaled);
    await expect(saturation).toContainText(formatNumber(unscaled));
    await expect(root.locator('[data-formula]')).toHaveText('Attention(Q, K, V) = softmax(QKᵀ) V');

    // Keyboard: move to the cell (row 1, column 0) of the heat map.
    await heat.focus();
    await page.keyboard.press('ArrowDown');
    await expectNumber(root.locator('[data-cell]'), 'data-weight', core(2, 128, false, false, 1).weights[1]![0]!);
    await root.screenshot({ path: `${SHOTS}/attention${zh ? '-zh' : ''}.png` });
    expect(page.url()).toContain('#attention:heads=2&head=2&dk=128&scale=0');
    expect(problems).toEqual([]);
  });
}

test('reduced motion: Play shows the whole path at once; Reset restores the defaults', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { root, problems } = await openPlayground(page, '/en/concepts/gradient-descent/', 'gradient-descent');
  await root.locator('[data-control="steps"]').fill('100');
  await root.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(root.locator('figure[data-optimizer="adam"]')).toHaveAttribute('data-step', '100');
  await root.getByRole('button', { name: 'Reset' }).click();
  await expect(root.locator('[data-value="steps"]')).toHaveText('300');
  await expect(root.locator('figure[data-optimizer="adam"]')).toHaveAttribute('data-step', '0');
  expect(new URL(page.url()).hash).toBe('');
  expect(problems).toEqual([]);
});

test('keyboard: Tab reaches the playground controls and focus is visible', async ({ page }) => {
  const { root } = await openPlayground(page, '/en/concepts/convolution/', 'convolution');
  await root.locator('[data-control="image"]').focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-control', 'kernel');
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  // A link to the playground's state loads it at once, without scrolling there first.
  await page.goto('/en/');
  await page.goto('/en/concepts/convolution/#convolution:stride=3');
  await expect(root).toHaveAttribute('data-mounted', 'true');
  await expect(root.locator('[data-size]')).toHaveText('⌊(12 + 2·0 − 3) / 3⌋ + 1 = 4');
});

test('the attention mechanism and Transformer pages link to the attention playground on the self-attention page', async ({ page }) => {
  for (const concept of ['attention-mechanism', 'transformer']) {
    await page.goto(`/en/concepts/${concept}/`);
    const link = page.locator('[data-island-link="attention"] a');
    await expect(link).toHaveAttribute('href', /\/en\/concepts\/self-attention\/#try-attention$/);
  }
  await page.locator('[data-island-link="attention"] a').click();
  await expect(page.locator('[data-playground="attention"]')).toBeVisible();
});
