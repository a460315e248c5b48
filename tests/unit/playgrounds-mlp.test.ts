import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATASET_NAMES, EXTENT, makeDataset, splitTrainTest } from '../../src/shared/playgrounds/datasets.ts';
import { ACTIVATIONS, ACTIVATION_NAMES, backward, createMlp, evaluate, forward, inputsOf, loss, neuronMaps, parameterCount, trainEpoch, type Mlp } from '../../src/shared/playgrounds/mlp.ts';
import { seededRandom } from '../../src/shared/random.ts';
import { Matrix, matmul, matmulTransA, matmulTransB } from '../../src/shared/playgrounds/tensor.ts';

test('matrix products against hand-computed values', () => {
  const a = Matrix.from([[1, 2, 3], [4, 5, 6]]);
  const b = Matrix.from([[7, 8], [9, 10], [11, 12]]);
  assert.deepEqual(matmul(a, b).toArrays(), [[58, 64], [139, 154]]);
  assert.deepEqual(matmulTransA(a, Matrix.from([[1, 0], [0, 1]])).toArrays(), [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(matmulTransB(a, a).toArrays(), [[14, 32], [32, 77]]);
  assert.throws(() => matmul(a, a), /shapes 2x3 and 2x3 do not fit/);
});

test('logistic regression (no hidden layer), one example, by hand', () => {
  const net = createMlp([], 'tanh', 1);
  net.weights[0]!.data.fill(0);
  // x = (6, 12) is (1, 2) after scaling by 1/EXTENT; w = 0, b = 0 → p = 0.5, L = ln 2, δ = p − y = −0.5.
  const x = inputsOf([{ x: EXTENT, y: 2 * EXTENT }]);
  const pass = forward(net, x);
  assert.equal(pass.a[1]!.data[0], 0.5);
  assert.ok(Math.abs(loss(net, pass, [1], 0).data - Math.LN2) < 1e-15);
  const g = backward(net, pass, [1], 0);
  assert.deepEqual(Array.from(g.weights[0]!.data), [-0.5, -1]);
  assert.deepEqual(Array.from(g.biases[0]!), [-0.5]);
});

/** Central finite differences of the total loss with respect to every parameter. */
function checkGradients(net: Mlp, l2: number) {
  const points = makeDataset('spiral', 12, 0.2, 7);
  const x = inputsOf(points);
  const y = points.map((p) => p.label);
  const total = () => loss(net, forward(net, x), y, l2).total;
  const g = backward(net, forward(net, x), y, l2);
  const h = 1e-6;
  let worst = 0;
  const params: Array<[Float64Array, Float64Array]> = [...net.weights.map((w, l) => [w.data, g.weights[l]!.data] as [Float64Array, Float64Array]), ...net.biases.map((b, l) => [b, g.biases[l]!] as [Float64Array, Float64Array])];
  for (const [values, grads] of params) {
    for (let i = 0; i < values.length; i++) {
      const keep = values[i]!;
      values[i] = keep + h;
      const up = total();
      values[i] = keep - h;
      const down = total();
      values[i] = keep;
      const numeric = (up - down) / (2 * h);
      const relative = Math.abs(numeric - grads[i]!) / Math.max(1e-8, Math.abs(numeric) + Math.abs(grads[i]!));
      worst = Math.max(worst, Math.abs(numeric - grads[i]!) < 1e-9 ? 0 : relative);
    }
  }
  return worst;
}

test('backpropagation matches finite differences for every activation, with and without L2', () => {
  for (const activation of ACTIVATION_NAMES) {
    for (const l2 of [0, 0.01]) {
      const net = createMlp([4, 3], activation, 3);
      // Non-zero biases so ReLU units sit away from their kink at the sampled points.
      net.biases.forEach((b, l) => b.forEach((_, i) => (b[i] = 0.1 * (i + 1) * (l % 2 ? -1 : 1))));
      const worst = checkGradients(net, l2);
      assert.ok(worst < 1e-6, `${activation}, λ=${l2}: worst relative error ${worst}`);
    }
  }
});

test('each activation derivative matches a finite difference', () => {
  for (const name of ACTIVATION_NAMES) {
    for (const z of [-2.3, -0.4, 0.7, 1.9]) {
      const { f, df } = ACTIVATIONS[name];
      assert.ok(Math.abs((f(z + 1e-6) - f(z - 1e-6)) / 2e-6 - df(z)) < 1e-6, `${name} at ${z}`);
    }
  }
});

test('datasets: reproducible from the seed, balanced, inside the plot, split as asked', () => {
  for (const name of DATASET_NAMES) {
    const a = makeDataset(name, 200, 0.3, 42);
    assert.deepEqual(a, makeDataset(name, 200, 0.3, 42), name);
    assert.notDeepEqual(a, makeDataset(name, 200, 0.3, 43), name);
    assert.equal(a.length, 200);
    const positives = a.filter((p) => p.label === 1).length;
    assert.ok(positives > 60 && positives < 140, `${name}: ${positives} positives`);
    assert.ok(a.every((p) => Math.abs(p.x) <= EXTENT && Math.abs(p.y) <= EXTENT));
    const { train, test: held } = splitTrainTest(a, 0.7, 42);
    assert.equal(train.length, 140);
    assert.equal(held.length, 60);
  }
  // Without noise, XOR's label is the sign of x·y.
  assert.ok(makeDataset('xor', 100, 0, 1).every((p) => (p.x * p.y >= 0 ? 1 : 0) === p.label));
});

test('training learns XOR and the circle: test accuracy above 90 %', () => {
  for (const name of ['xor', 'circle'] as const) {
    const { train, test: held } = splitTrainTest(makeDataset(name, 300, 0, 5), 0.7, 5);
    const net = createMlp([6, 4], 'tanh', 11);
    const before = evaluate(net, train).loss;
    const random = seededRandom(9);
    for (let epoch = 0; epoch < 300; epoch++) trainEpoch(net, train, { learningRate: 0.3, l2: 0, batchSize: 10 }, random);
    const after = evaluate(net, held);
    assert.ok(evaluate(net, train).loss < before / 3, `${name}: loss ${before} → ${evaluate(net, train).loss}`);
    assert.ok(after.accuracy > 0.9, `${name}: test accuracy ${after.accuracy}`);
  }
});

test('L2 shrinks the weights', () => {
  const { train } = splitTrainTest(makeDataset('gaussians', 200, 0.1, 2), 0.8, 2);
  const norm = (net: Mlp) => net.weights.reduce((s, w) => s + w.data.reduce((a, v) => a + v * v, 0), 0);
  const plain = createMlp([4], 'tanh', 4);
  const decayed = createMlp([4], 'tanh', 4);
  for (let i = 0; i < 100; i++) {
    trainEpoch(plain, train, { learningRate: 0.1, l2: 0, batchSize: 10 }, seededRandom(i));
    trainEpoch(decayed, train, { learningRate: 0.1, l2: 0.05, batchSize: 10 }, seededRandom(i));
  }
  assert.ok(norm(decayed) < 0.7 * norm(plain), `${norm(decayed)} vs ${norm(plain)}`);
});

test('neuron maps: one map per neuron, the output map equals the forward pass', () => {
  const net = createMlp([3, 2], 'relu', 1);
  const maps = neuronMaps(net, 4);
  assert.deepEqual(maps.map((layer) => layer.length), [2, 3, 2, 1]);
  // Cell (row 0, col 0) is centred at (−4.5, 4.5).
  const p = forward(net, inputsOf([{ x: -4.5, y: 4.5 }])).a.at(-1)!.data[0]!;
  assert.ok(Math.abs(maps[3]![0]![0]! - p) < 1e-12);
  assert.equal(parameterCount(net), 2 * 3 + 3 + 3 * 2 + 2 + 2 * 1 + 1);
});

test('a training session is reproducible and its trace agrees with backpropagation', async () => {
  const { TrainingSession } = await import('../../src/shared/playgrounds/mlp-session.ts');
  const settings = { dataset: 'xor' as const, noise: 0.1, split: 0.5, layers: 2, width: 4, activation: 'tanh' as const, learningRate: 0.03, l2: 0 };
  const a = new TrainingSession(settings);
  const b = new TrainingSession(settings);
  for (let i = 0; i < 5; i++) assert.deepEqual(a.runEpoch(), b.runEpoch());
  assert.equal(a.history.length, 6);
  assert.equal(a.train.length, 100);
  const trace = a.traceNext();
  assert.deepEqual(trace.a.map((l) => l.length), [2, 4, 4, 1]);
  // One example: δ at the output is p − y (n = 1), and the trace's p is the forward pass's output.
  assert.ok(Math.abs(trace.delta[3]![0]! - (trace.p - trace.point.label)) < 1e-12);
  assert.ok(Math.abs(trace.loss + Math.log(trace.point.label ? trace.p : 1 - trace.p)) < 1e-12);
});
