import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIDDEN, LOSS_DIRECTION, lstmForward, lstmGradients, lstmWeights, norm, orthogonal, rnnForward, rnnGradients, rnnWeights, symbolVector, symbols, unroll, verdict, type LstmWeights, type RnnWeights, type Vector } from '../../src/shared/playgrounds/rnn.ts';
import { seededRandom } from '../../src/shared/random.ts';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const dot = (a: Vector, b: Vector) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const xsOf = (text: string) => symbols(text).map(symbolVector);

test('symbols: characters of zh and en text, whitespace collapsed, at most 16', () => {
  assert.deepEqual(symbols('  hi  there '), ['h', 'i', ' ', 't', 'h', 'e', 'r', 'e']);
  assert.deepEqual(symbols('循环网络'), ['循', '环', '网', '络']);
  assert.equal(symbols('x'.repeat(40)).length, 16);
  assert.deepEqual(symbolVector('a'), symbolVector('a'));
  assert.notDeepEqual(symbolVector('a'), symbolVector('b'));
});

test('orthogonal matrices keep lengths', () => {
  const q = orthogonal(HIDDEN, seededRandom(5));
  for (let i = 0; i < HIDDEN; i++) for (let j = 0; j < HIDDEN; j++) close(dot(q.map((r) => r[i]!), q.map((r) => r[j]!)), i === j ? 1 : 0, 1e-12, `QᵀQ[${i},${j}]`);
});

test('one RNN step by hand', () => {
  const w: RnnWeights = { wh: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], wx: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], b: [0, 0, 0, 0.5], activation: 'tanh' };
  const [h1, h2] = rnnForward(w, [[0.5, -1, 0], [0, 0, 0]]);
  assert.deepEqual(h1, [Math.tanh(0.5), Math.tanh(-1), 0, 0]);
  // Second step: no input, so h2 = tanh(h1 + b).
  assert.deepEqual(h2, [Math.tanh(Math.tanh(0.5)), Math.tanh(Math.tanh(-1)), 0, Math.tanh(0.5)]);
});

test('linear RNN with W_h = γQ: the gradient norm is exactly γ^(T−t), vanishing below 1, exploding above', () => {
  const xs = xsOf('vanishing grads!');
  for (const gamma of [0.5, 1, 1.5]) {
    const w = rnnWeights(gamma, 'linear');
    const norms = rnnGradients(w, rnnForward(w, xs), LOSS_DIRECTION).map(norm);
    norms.forEach((n, t) => close(n, gamma ** (xs.length - 1 - t), 1e-9, `γ=${gamma} t=${t}`));
  }
  // 0.5^15 ≈ 3.05e-5 and 1.5^15 ≈ 437.9
  const u = unroll('vanishing grads!', 1.5, 'linear', 1);
  close(u.rnn.gradNorms[0]!, 437.8938903808594, 1e-9, 'exploding');
});

test('tanh RNN: φ′ ≤ 1, so its gradient never exceeds the linear bound γ^(T−t)', () => {
  const xs = xsOf('the cat sat on a mat');
  const w = rnnWeights(1.2, 'tanh');
  rnnGradients(w, rnnForward(w, xs), LOSS_DIRECTION).forEach((g, t) => assert.ok(norm(g) <= 1.2 ** (xs.length - 1 - t) + 1e-12));
});

/** L = u·h_T from a perturbed state at step t, by running the rest of the sequence. */
function fdCheck(loss: (t: number, k: number, eps: number) => number, analytic: (t: number) => Vector, steps: number) {
  const eps = 1e-6;
  for (let t = 0; t < steps; t++) {
    for (let k = 0; k < HIDDEN; k++) {
      const fd = (loss(t, k, eps) - loss(t, k, -eps)) / (2 * eps);
      close(analytic(t)[k]!, fd, 1e-6, `t=${t} k=${k}`);
    }
  }
}

test('RNN gradients match finite differences (tanh)', () => {
  const xs = xsOf('backprop!');
  const w = rnnWeights(1.3, 'tanh');
  const hs = rnnForward(w, xs);
  const grads = rnnGradients(w, hs, LOSS_DIRECTION);
  fdCheck((t, k, e) => {
    const h = hs[t]!.map((v, i) => (i === k ? v + e : v));
    return dot(LOSS_DIRECTION, rnnForward(w, xs.slice(t + 1), h).at(-1) ?? h);
  }, (t) => grads[t]!, xs.length);
});

test('LSTM gradients (hidden and cell state) match finite differences', () => {
  const xs = xsOf('long memory');
  const w: LstmWeights = lstmWeights(1);
  const steps = lstmForward(w, xs);
  const grads = lstmGradients(w, steps, LOSS_DIRECTION);
  const rest = (t: number, h: Vector, c: Vector) => dot(LOSS_DIRECTION, lstmForward(w, xs.slice(t + 1), { h, c }).at(-1)?.h ?? h);
  fdCheck((t, k, e) => rest(t, steps[t]!.h.map((v, i) => (i === k ? v + e : v)), steps[t]!.c), (t) => grads[t]!.h, xs.length);
  // Moving c_t moves h_t = o ⊙ tanh(c_t) with it.
  fdCheck((t, k, e) => {
    const c = steps[t]!.c.map((v, i) => (i === k ? v + e : v));
    return rest(t, c.map((ck, i) => steps[t]!.o[i]! * Math.tanh(ck)), c);
  }, (t) => grads[t]!.c, xs.length);
});

test('one LSTM step by hand: zero weights give gates of ½', () => {
  const zero = () => Array.from({ length: HIDDEN }, () => [0, 0, 0]);
  const zeroH = () => Array.from({ length: HIDDEN }, () => [0, 0, 0, 0]);
  const w: LstmWeights = { wx: { i: zero(), f: zero(), o: zero(), g: zero() }, wh: { i: zeroH(), f: zeroH(), o: zeroH(), g: zeroH() }, b: { i: [0, 0, 0, 0], f: [0, 0, 0, 0], o: [0, 0, 0, 0], g: [1, 1, 1, 1] } };
  const [s] = lstmForward(w, [[1, 2, 3]], { h: [0, 0, 0, 0], c: [2, 2, 2, 2] });
  assert.deepEqual(s!.i, [0.5, 0.5, 0.5, 0.5]);
  // c = ½·2 + ½·tanh(1); h = ½·tanh(c)
  const c = 1 + 0.5 * Math.tanh(1);
  assert.deepEqual(s!.c, [c, c, c, c]);
  assert.deepEqual(s!.h, [0.5 * Math.tanh(c), 0.5 * Math.tanh(c), 0.5 * Math.tanh(c), 0.5 * Math.tanh(c)]);
});

test('LSTM gates lie in [0, 1] (g in [−1, 1]) for every step and forget bias', () => {
  for (const bias of [-3, 0, 1, 5]) {
    for (const s of unroll('gates stay in range 门控', 1, 'tanh', bias).lstm.steps) {
      for (const gate of [s.i, s.f, s.o]) assert.ok(gate.every((v) => v >= 0 && v <= 1));
      assert.ok(s.g.every((v) => v >= -1 && v <= 1));
    }
  }
});

test('over 16 steps the tanh RNN gradient vanishes while an LSTM with forget bias 3 keeps it', () => {
  const u = unroll('a long sequence!', 0.9, 'tanh', 3);
  const rnnRatio = u.rnn.gradNorms[0]! / u.rnn.gradNorms.at(-1)!;
  const lstmRatio = u.lstm.gradNorms[0]! / u.lstm.gradNorms.at(-1)!;
  assert.ok(rnnRatio < 0.9 ** 15, `rnn ${rnnRatio}`);
  assert.ok(lstmRatio > 10 * rnnRatio, `lstm ${lstmRatio} vs rnn ${rnnRatio}`);
  // A forget bias of −3 closes the carousel: f ≈ σ(−3) ≈ 0.05 and the LSTM forgets too.
  const shut = unroll('a long sequence!', 0.9, 'tanh', -3);
  assert.ok(shut.lstm.gradNorms[0]! / shut.lstm.gradNorms.at(-1)! < lstmRatio / 100);
});

test('verdict: the factor from the last step back to the first, vanishing below 1e-2, exploding above 1e2', () => {
  assert.deepEqual(verdict([1e-3, 0.5, 1]), { factor: 1e-3, kind: 'vanishing' });
  assert.deepEqual(verdict([0.5, 1]), { factor: 0.5, kind: 'stable' });
  assert.deepEqual(verdict([400, 1]), { factor: 400, kind: 'exploding' });
  assert.equal(verdict([0, 1]).kind, 'vanishing');
  assert.equal(unroll('vanishing grads!', 1.5, 'linear', 1).rnn.gradNorms.length, 16);
  assert.equal(verdict(unroll('vanishing grads!', 1.5, 'linear', 1).rnn.gradNorms).kind, 'exploding');
  assert.equal(verdict(unroll('vanishing grads!', 0.5, 'linear', 1).rnn.gradNorms).kind, 'vanishing');
});
