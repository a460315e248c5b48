/**
 * A multilayer perceptron for two-class 2-D data, on the project's tensor module:
 * forward pass, backpropagation (the δ recursion of the concept page), L2 penalty,
 * mini-batch gradient descent. Pure: the island draws what these functions return.
 */
import { EXTENT, type Point } from './datasets.ts';
import { Matrix, addRowVector, columnSums, matmul, matmulTransA, matmulTransB, multiplyInPlace } from './tensor.ts';
import { seededRandom, shuffled } from '../random.ts';

export const ACTIVATION_NAMES = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Each activation with its derivative written in terms of z. */
export const ACTIVATIONS: Record<ActivationName, { f: (z: number) => number; df: (z: number) => number }> = {
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  linear: { f: (z) => z, df: () => 1 },
};

export interface Mlp {
  /** Layer sizes, input first: [2, ...hidden, 1]. */
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  /** weights[l] is sizes[l] × sizes[l+1]: row i holds neuron i's outgoing weights. */
  readonly weights: Matrix[];
  readonly biases: Float64Array[];
}

/** Glorot-uniform weights (He-uniform for ReLU), zero biases, from a seed. */
export function createMlp(hidden: readonly number[], activation: ActivationName, seed: number): Mlp {
  const random = seededRandom(seed);
  const sizes = [2, ...hidden, 1];
  const weights: Matrix[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const limit = activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    weights.push(new Matrix(fanIn, fanOut, Float64Array.from({ length: fanIn * fanOut }, () => (2 * random() - 1) * limit)));
    biases.push(new Float64Array(fanOut));
  }
  return { sizes, activation, weights, biases };
}

/** Inputs scaled to [-1, 1]², one row per point. */
export function inputsOf(points: readonly Pick<Point, 'x' | 'y'>[]): Matrix {
  const m = new Matrix(points.length, 2);
  points.forEach((p, i) => {
    m.data[2 * i] = p.x / EXTENT;
    m.data[2 * i + 1] = p.y / EXTENT;
  });
  return m;
}

export interface Forward {
  /** Pre-activations z per layer (index 0 unused: the input has none). */
  readonly z: Matrix[];
  /** Activations a per layer; a[0] is the input, the last the output probability. */
  readonly a: Matrix[];
}

/** Hidden layers use the chosen activation; the output a sigmoid, read as P(label = 1). */
export function forward(net: Mlp, inputs: Matrix): Forward {
  const z: Matrix[] = [inputs];
  const a: Matrix[] = [inputs];
  const last = net.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    const zl = addRowVector(matmul(a[l]!, net.weights[l]!), net.biases[l]!);
    z.push(zl);
    a.push(zl.map(l === last ? sigmoid : ACTIVATIONS[net.activation].f));
  }
  return { z, a };
}

export interface Gradients {
  readonly weights: Matrix[];
  readonly biases: Float64Array[];
  /** δ = ∂L/∂z per layer (index 0 unused), one row per example: what step mode shows. */
  readonly delta: Matrix[];
}

/** Mean binary cross-entropy of the data plus (λ/2)·Σ‖W‖² (biases are not penalised). */
export function loss(net: Mlp, pass: Forward, labels: ArrayLike<number>, l2: number): { total: number; data: number } {
  const p = pass.a.at(-1)!.data;
  let data = 0;
  // Clamped so a saturated sigmoid gives a large finite loss, not Infinity.
  for (let i = 0; i < p.length; i++) data -= labels[i]! ? Math.log(Math.max(p[i]!, 1e-12)) : Math.log(Math.max(1 - p[i]!, 1e-12));
  data /= Math.max(1, p.length);
  let penalty = 0;
  for (const w of net.weights) for (const v of w.data) penalty += v * v;
  return { data, total: data + (l2 / 2) * penalty };
}

/**
 * Backpropagation. With a sigmoid output and cross-entropy loss, δ at the output
 * is (p − y)/n; each layer below gets δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ'(z⁽ˡ⁾), and
 * ∂L/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ + λW⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ = Σ_rows δ⁽ˡ⁾.
 */
export function backward(net: Mlp, pass: Forward, labels: ArrayLike<number>, l2: number): Gradients {
  const layers = net.weights.length;
  const n = pass.a[0]!.rows;
  const out = pass.a[layers]!;
  const delta: Matrix[] = new Array(layers + 1);
  delta[layers] = new Matrix(out.rows, 1, out.data.map((p, i) => (p - labels[i]!) / n));
  const weights: Matrix[] = new Array(layers);
  const biases: Float64Array[] = new Array(layers);
  const df = ACTIVATIONS[net.activation].df;
  for (let l = layers; l >= 1; l--) {
    const d = delta[l]!;
    const gw = matmulTransA(pass.a[l - 1]!, d);
    const w = net.weights[l - 1]!;
    for (let i = 0; i < gw.data.length; i++) gw.data[i]! += l2 * w.data[i]!;
    weights[l - 1] = gw;
    biases[l - 1] = columnSums(d);
    if (l > 1) delta[l - 1] = multiplyInPlace(matmulTransB(d, w), pass.z[l - 1]!.map(df));
  }
  return { weights, biases, delta };
}

/** θ ← θ − η·∂L/∂θ, in place. */
export function applyGradients(net: Mlp, grads: Gradients, learningRate: number): void {
  net.weights.forEach((w, l) => {
    const g = grads.weights[l]!.data;
    for (let i = 0; i < w.data.length; i++) w.data[i]! -= learningRate * g[i]!;
  });
  net.biases.forEach((b, l) => {
    const g = grads.biases[l]!;
    for (let i = 0; i < b.length; i++) b[i]! -= learningRate * g[i]!;
  });
}

export interface TrainSettings {
  learningRate: number;
  l2: number;
  batchSize: number;
}

/**
 * One epoch of mini-batch gradient descent over `points`, the batch order from
 * `random`. Returns the number of parameter updates made.
 */
export function trainEpoch(net: Mlp, points: readonly Point[], settings: TrainSettings, random: () => number): number {
  const order = shuffled(points, random);
  let updates = 0;
  for (let start = 0; start < order.length; start += settings.batchSize) {
    const batch = order.slice(start, start + settings.batchSize);
    const pass = forward(net, inputsOf(batch));
    applyGradients(net, backward(net, pass, batch.map((p) => p.label), settings.l2), settings.learningRate);
    updates++;
  }
  return updates;
}

/** Loss (without the L2 term, so train and test compare) and accuracy on a set of points. */
export function evaluate(net: Mlp, points: readonly Point[]): { loss: number; accuracy: number } {
  if (points.length === 0) return { loss: Number.NaN, accuracy: Number.NaN };
  const pass = forward(net, inputsOf(points));
  const p = pass.a.at(-1)!.data;
  const correct = points.reduce((c, pt, i) => c + ((p[i]! >= 0.5 ? 1 : 0) === pt.label ? 1 : 0), 0);
  return { loss: loss(net, pass, points.map((pt) => pt.label), 0).data, accuracy: correct / points.length };
}

/**
 * Every neuron's output over a res × res grid of the plot (row 0 at the top, y = +EXTENT):
 * layers[l][neuron] is a Float64Array of res² values. The last layer is the decision map.
 */
export function neuronMaps(net: Mlp, res: number): Float64Array[][] {
  const grid: Array<{ x: number; y: number }> = [];
  for (let r = 0; r < res; r++) for (let c = 0; c < res; c++) grid.push({ x: -EXTENT + ((c + 0.5) * 2 * EXTENT) / res, y: EXTENT - ((r + 0.5) * 2 * EXTENT) / res });
  const pass = forward(net, inputsOf(grid));
  return pass.a.map((a) => Array.from({ length: a.cols }, (_, j) => Float64Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + j]!)));
}

/** Number of weights and biases. */
export function parameterCount(net: Mlp): number {
  return net.weights.reduce((s, w) => s + w.data.length, 0) + net.biases.reduce((s, b) => s + b.length, 0);
}

