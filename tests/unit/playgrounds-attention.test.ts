import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attendHead, hashedVector, matMul, meanMaxWeight, multiHead, seededMatrix, softmaxRows, tokenize, type Matrix } from '../../src/shared/playgrounds/attention.ts';

const close = (a: number, b: number, what = '') => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);
const x: Matrix = ['the', 'cat', 'sat', 'down', 'today'].map((t) => hashedVector(t, 16));

test('tokenize: Han characters one by one, words whole, punctuation dropped, at most 8', () => {
  assert.deepEqual(tokenize('The cat, sat.'), ['The', 'cat', 'sat']);
  assert.deepEqual(tokenize('我爱深度学习！'), ['我', '爱', '深', '度', '学', '习']);
  assert.deepEqual(tokenize('GPT-4 很强'), ['GPT', '4', '很', '强']);
  assert.equal(tokenize('a b c d e f g h i j').length, 8);
  assert.deepEqual(tokenize('...'), []);
});

test('softmax by hand, rows sum to 1, large scores do not overflow', () => {
  const [row] = softmaxRows([[0, Math.log(3)]]);
  close(row![0]!, 0.25);
  close(row![1]!, 0.75);
  const [big] = softmaxRows([[1000, 1000, 1000 - Math.log(2)]]);
  close(big![0]!, 0.4);
  close(big![2]!, 0.2);
  for (const r of softmaxRows([[3, -1, 0.5], [100, 99, -50], [-Infinity, 2, 2]])) close(r.reduce((a, b) => a + b, 0), 1, 'row sum');
});

test('one head by hand: Q = K = V = I₂, scaled by √2', () => {
  const id = [[1, 0], [0, 1]];
  const r = attendHead(id, id, id, { causal: false, scale: true });
  close(r.scores[0]![0]!, 1 / Math.SQRT2);
  close(r.scores[0]![1]!, 0);
  const w = 1 / (1 + Math.exp(-1 / Math.SQRT2)); // e^(1/√2) / (e^(1/√2) + 1)
  close(r.weights[0]![0]!, w);
  close(r.weights[1]![1]!, w);
  // Output row 0 = w·v₀ + (1 − w)·v₁
  close(r.output[0]![0]!, w);
  close(r.output[0]![1]!, 1 - w);
  const unscaled = attendHead(id, id, id, { causal: false, scale: false });
  close(unscaled.scores[0]![0]!, 1);
});

test('the causal mask zeroes the future: weights above the diagonal are 0, the first token attends to itself only', () => {
  for (const heads of [1, 2, 4]) {
    for (const h of multiHead(x, { heads, dk: 8, causal: true, scale: true, seed: 1 })) {
      h.weights.forEach((row, i) => {
        row.forEach((w, j) => { if (j > i) assert.equal(w, 0); });
        close(row.reduce((a, b) => a + b, 0), 1, 'row sum');
      });
      assert.deepEqual(h.weights[0]!.slice(0, 1), [1]);
      // The last output row is unchanged by the mask: it may look at everything.
      const open = attendHead(h.q, h.k, h.v, { causal: false, scale: true });
      h.output.at(-1)!.forEach((v, c) => close(v, open.output.at(-1)![c]!));
    }
  }
});

test('heads: each has its own seeded projections; Q = X W_Q', () => {
  const heads = multiHead(x, { heads: 4, dk: 4, causal: false, scale: true, seed: 7 });
  assert.equal(heads.length, 4);
  assert.notDeepEqual(heads[0]!.weights, heads[1]!.weights);
  assert.deepEqual(heads[2]!.q, matMul(x, seededMatrix(16, 4, 7 * 1009 + 2 * 31 + 0)));
  assert.deepEqual(multiHead(x, { heads: 4, dk: 4, causal: false, scale: true, seed: 7 }), heads);
  for (const h of heads) for (const row of h.weights) close(row.reduce((a, b) => a + b, 0), 1);
});

test('without √d_k the softmax saturates as d_k grows; with it, it does not', () => {
  const peak = (dk: number, scale: boolean) => meanMaxWeight(multiHead(x, { heads: 1, dk, causal: false, scale, seed: 3 })[0]!.weights);
  // Scores QKᵀ have standard deviation ≈ √d_k here (unit-length x, N(0, 1) projections); dividing by √d_k brings it back to ≈ 1.
  assert.ok(peak(128, false) > 0.8, `unscaled d_k=128: ${peak(128, false)}`);
  assert.ok(peak(128, true) < 0.5, `scaled d_k=128: ${peak(128, true)}`);
  for (const dk of [16, 32, 64, 128]) assert.ok(peak(dk, false) > peak(dk, true) + 0.3, `d_k=${dk}`);
  assert.ok(peak(128, false) > peak(1, false));
  close(meanMaxWeight([[1, 0], [0.5, 0.5]]), 0.75);
});

test('hashed stand-in vectors are unit length and fixed per token', () => {
  close(Math.hypot(...hashedVector('猫', 32)), 1);
  assert.deepEqual(hashedVector('cat', 8), hashedVector('cat', 8));
});
