import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_HYPER, OPTIMIZER_NAMES, SURFACES, SURFACE_NAMES, hasDiverged, initialState, runPath, step, type OptimizerName, type Vec2 } from '../../src/shared/playgrounds/gradient-descent.ts';

const bowl = SURFACES.bowl;
const hyper = { ...DEFAULT_HYPER, learningRate: 0.1 };
const close = (actual: Vec2, expected: Vec2, tol: number, what: string) =>
  assert.ok(Math.abs(actual[0] - expected[0]) < tol && Math.abs(actual[1] - expected[1]) < tol, `${what}: got (${actual.join(', ')}), expected (${expected.join(', ')})`);

/** Two steps on f = x² + y² from (1, 2) with η = 0.1. */
function twoSteps(name: OptimizerName) {
  const a = step(name, bowl, initialState([1, 2]), hyper);
  const b = step(name, bowl, a.state, hyper);
  return [a.record, b.record] as const;
}

test('every surface gradient matches central finite differences', () => {
  const h = 1e-6;
  for (const name of SURFACE_NAMES) {
    const s = SURFACES[name];
    for (const [x, y] of [[-1.3, 0.7], [0.4, -2.1], [1.9, 1.1], s.start] as Vec2[]) {
      const numeric: Vec2 = [(s.f(x + h, y) - s.f(x - h, y)) / (2 * h), (s.f(x, y + h) - s.f(x, y - h)) / (2 * h)];
      const exact = s.grad(x, y);
      for (const i of [0, 1]) assert.ok(Math.abs(exact[i]! - numeric[i]!) < 1e-4 * Math.max(1, Math.abs(exact[i]!)), `${name} at (${x}, ${y}) coordinate ${i}: ${exact[i]} vs ${numeric[i]}`);
    }
  }
});

test('the Rosenbrock gradient at its start point, by hand', () => {
  // y − x² = 2 − 2.25 = −0.25; ∂x = −2(1 − (−1.5)) − 400(−1.5)(−0.25) = −5 − 150; ∂y = 200(−0.25)
  close(SURFACES.rosenbrock.grad(-1.5, 2), [-155, -50], 1e-12, 'gradient');
  assert.equal(SURFACES.rosenbrock.f(1, 1), 0);
});

test('SGD: θ ← θ − ηg', () => {
  const [a, b] = twoSteps('sgd');
  close(a.g, [2, 4], 1e-12, 'g1');
  close(a.after, [0.8, 1.6], 1e-12, 'θ1');
  close(b.after, [0.64, 1.28], 1e-12, 'θ2');
  assert.ok(Math.abs(a.loss - (0.64 + 2.56)) < 1e-12);
});

test('momentum: v ← μv + g, θ ← θ − ηv (hand-computed)', () => {
  const [a, b] = twoSteps('momentum');
  close(a.v!, [2, 4], 1e-12, 'v1');
  close(a.after, [0.8, 1.6], 1e-12, 'θ1');
  // v2 = 0.9(2, 4) + (1.6, 3.2) = (3.4, 6.8); θ2 = (0.8 − 0.34, 1.6 − 0.68)
  close(b.v!, [3.4, 6.8], 1e-12, 'v2');
  close(b.after, [0.46, 0.92], 1e-12, 'θ2');
});

test('Nesterov: the gradient is taken at the look-ahead point θ + μv (hand-computed)', () => {
  const [a, b] = twoSteps('nesterov');
  close(a.lookahead!, [1, 2], 1e-12, 'look-ahead 1');
  close(a.after, [0.8, 1.6], 1e-12, 'θ1');
  // look-ahead (0.8 − 0.18, 1.6 − 0.36) = (0.62, 1.24); g = (1.24, 2.48); v = (−0.18 − 0.124, −0.36 − 0.248)
  close(b.lookahead!, [0.62, 1.24], 1e-12, 'look-ahead 2');
  close(b.g, [1.24, 2.48], 1e-12, 'g2');
  close(b.v!, [-0.304, -0.608], 1e-12, 'v2');
  close(b.after, [0.496, 0.992], 1e-12, 'θ2');
});

test('RMSProp: the first step is η/√(1−ρ) in each coordinate (hand-computed)', () => {
  const [a] = twoSteps('rmsprop');
  close(a.s!, [0.4, 1.6], 1e-12, 's1');
  // 0.1 · 2 / √0.4 = 0.1 · 4 / √1.6 = 0.316228
  close(a.after, [1 - 0.316228, 2 - 0.316228], 1e-6, 'θ1');
});

test('Adam: bias correction makes the first step η·sign(g); the second by hand', () => {
  const [a, b] = twoSteps('adam');
  close(a.mHat!, [2, 4], 1e-12, 'm̂1');
  close(a.sHat!, [4, 16], 1e-9, 'v̂1');
  close(a.after, [0.9, 1.9], 1e-7, 'θ1');
  // m2 = (0.36, 0.74), v2 = (0.007236, 0.030424); m̂ = m2/0.19, v̂ = v2/0.001999
  close(b.v!, [0.36, 0.74], 1e-8, 'm2'); // θ1 is 0.9 only up to ε
  close(b.s!, [0.007236, 0.030424], 1e-8, 'v2');
  close(b.mHat!, [1.894737, 3.894737], 1e-6, 'm̂2');
  close(b.sHat!, [3.619810, 15.219610], 1e-5, 'v̂2');
  close(b.after, [0.800412, 1.800166], 1e-5, 'θ2');
});

test('a too-large learning rate diverges; a smaller one converges', () => {
  // On the bowl, SGD multiplies θ by (1 − 2η): |1 − 2.2| = 1.2 > 1 diverges, |1 − 1.8| = 0.8 converges.
  const bad = runPath('sgd', bowl, { ...hyper, learningRate: 1.1 }, 500);
  assert.equal(bad.diverged, true);
  assert.ok(bad.path.length < 100, `stopped after ${bad.path.length} points`);
  const good = runPath('sgd', bowl, { ...hyper, learningRate: 0.9 }, 200);
  assert.equal(good.diverged, false);
  assert.ok(Math.hypot(...good.path.at(-1)!) < 1e-9);
  assert.equal(hasDiverged(bowl, [Number.NaN, 0]), true);
});

test('every optimizer lowers the loss on each convex surface at its default learning rate', () => {
  for (const surface of [SURFACES.bowl, SURFACES.valley]) {
    for (const name of OPTIMIZER_NAMES) {
      const run = runPath(name, surface, { ...DEFAULT_HYPER, learningRate: surface.defaultLearningRate }, 200);
      assert.equal(run.diverged, false, `${name} on ${surface.name}`);
      assert.ok(run.records.at(-1)!.loss < 0.05 * surface.f(...surface.start), `${name} on ${surface.name}: ${run.records.at(-1)!.loss}`);
    }
  }
});

test('momentum escapes the saddle faster than plain SGD', () => {
  const h = { ...DEFAULT_HYPER, learningRate: SURFACES.saddle.defaultLearningRate };
  const escaped = (name: OptimizerName) => runPath(name, SURFACES.saddle, h, 300).path.findIndex(([, y]) => Math.abs(y) > 3);
  assert.ok(escaped('momentum') > 0 && escaped('momentum') < escaped('sgd'), `momentum ${escaped('momentum')}, sgd ${escaped('sgd')}`);
});
