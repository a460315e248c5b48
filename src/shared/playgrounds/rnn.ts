/**
 * RNN and LSTM playground, the maths: a tiny recurrent network unrolled over a
 * typed sequence, and the gradient of a loss on the last hidden state with
 * respect to every earlier state (backpropagation through time), for a plain
 * RNN and an LSTM on the same inputs. Pure: no DOM.
 */
import { gaussian, seededRandom } from '../random.ts';

/** Hidden units: few enough to print every value. */
export const HIDDEN = 4;
/** Input features per symbol. */
export const INPUT = 3;
export const MAX_STEPS = 16;

export type Matrix = number[][];
export type Vector = number[];

const matVec = (m: Matrix, v: Vector): Vector => m.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
const matTVec = (m: Matrix, v: Vector): Vector => m[0]!.map((_, j) => m.reduce((s, row, i) => s + row[j]! * v[i]!, 0));
const add = (...vs: Vector[]): Vector => vs[0]!.map((_, i) => vs.reduce((s, v) => s + v[i]!, 0));
export const norm = (v: Vector): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function randomMatrix(rows: number, cols: number, random: () => number, scale: number): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => gaussian(random) * scale));
}

/** A random orthogonal matrix (Gram–Schmidt on Gaussian columns): it keeps lengths, so γ·Q scales every direction by exactly γ. */
export function orthogonal(n: number, random: () => number): Matrix {
  const cols: Vector[] = [];
  while (cols.length < n) {
    let v = Array.from({ length: n }, () => gaussian(random));
    for (const c of cols) {
      const dot = v.reduce((s, x, i) => s + x * c[i]!, 0);
      v = v.map((x, i) => x - dot * c[i]!);
    }
    const len = norm(v);
    if (len > 1e-6) cols.push(v.map((x) => x / len));
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** Each symbol's input vector: fixed per character (seeded by its code point), entries in [−1, 1]. */
export function symbolVector(symbol: string): Vector {
  const random = seededRandom(symbol.codePointAt(0)! * 2654435761);
  return Array.from({ length: INPUT }, () => random() * 2 - 1);
}

/** The typed text as symbols (characters, so 中文 and English both work), at most MAX_STEPS. */
export function symbols(text: string): string[] {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, MAX_STEPS);
}

export type Activation = 'tanh' | 'linear';

export interface RnnWeights {
  /** HIDDEN × HIDDEN: γ times an orthogonal matrix. */
  wh: Matrix;
  /** HIDDEN × INPUT */
  wx: Matrix;
  b: Vector;
  activation: Activation;
}

export function rnnWeights(gamma: number, activation: Activation, seed = 1): RnnWeights {
  const random = seededRandom(seed);
  return { wh: orthogonal(HIDDEN, random).map((row) => row.map((w) => gamma * w)), wx: randomMatrix(HIDDEN, INPUT, random, 0.5), b: Array.from({ length: HIDDEN }, () => 0), activation };
}

/** h_t = φ(W_h h_{t−1} + W_x x_t + b), from h_0 (zeros unless given); returns h_1 … h_T. */
export function rnnForward(w: RnnWeights, xs: readonly Vector[], h0?: Vector): Vector[] {
  const hs: Vector[] = [];
  let h: Vector = h0 ?? Array.from({ length: HIDDEN }, () => 0);
  for (const x of xs) {
    const a = add(matVec(w.wh, h), matVec(w.wx, x), w.b);
    h = w.activation === 'tanh' ? a.map(Math.tanh) : a;
    hs.push(h);
  }
  return hs;
}

/**
 * ∂L/∂h_t for L = u·h_T, t = 1 … T (backpropagation through time):
 * ∂L/∂h_{t−1} = W_hᵀ (φ′(a_t) ⊙ ∂L/∂h_t). With φ = identity and W_h = γQ, each step scales the norm by exactly γ.
 */
export function rnnGradients(w: RnnWeights, hs: readonly Vector[], u: Vector): Vector[] {
  const grads: Vector[] = new Array(hs.length);
  let g = u;
  for (let t = hs.length - 1; t >= 0; t--) {
    grads[t] = g;
    const local = w.activation === 'tanh' ? g.map((x, i) => x * (1 - hs[t]![i]! ** 2)) : g;
    g = matTVec(w.wh, local);
  }
  return grads;
}

export interface LstmWeights {
  /** Per gate (i, f, o, g): HIDDEN × INPUT input weights, HIDDEN × HIDDEN recurrent weights, biases. */
  wx: Record<Gate, Matrix>;
  wh: Record<Gate, Matrix>;
  b: Record<Gate, Vector>;
}
export const GATES = ['i', 'f', 'o', 'g'] as const;
export type Gate = (typeof GATES)[number];

export function lstmWeights(forgetBias: number, seed = 2): LstmWeights {
  const random = seededRandom(seed);
  const per = <T>(make: (gate: Gate) => T) => Object.fromEntries(GATES.map((g) => [g, make(g)])) as Record<Gate, T>;
  return {
    wx: per(() => randomMatrix(HIDDEN, INPUT, random, 0.5)),
    wh: per(() => randomMatrix(HIDDEN, HIDDEN, random, 0.5)),
    // A positive forget-gate bias keeps f near 1 at the start (Gers et al. 2000; Jozefowicz et al. 2015).
    b: per((g) => Array.from({ length: HIDDEN }, () => (g === 'f' ? forgetBias : 0))),
  };
}

export interface LstmStep {
  i: Vector;
  f: Vector;
  o: Vector;
  g: Vector;
  c: Vector;
  h: Vector;
}

/** i, f, o = σ(W x + U h_{t−1} + b), g = tanh(…), c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t); from h_0 = c_0 = 0 unless given. */
export function lstmForward(w: LstmWeights, xs: readonly Vector[], start?: { h: Vector; c: Vector }): LstmStep[] {
  const steps: LstmStep[] = [];
  let h: Vector = start?.h ?? Array.from({ length: HIDDEN }, () => 0);
  let c: Vector = start?.c ?? Array.from({ length: HIDDEN }, () => 0);
  for (const x of xs) {
    const pre = (gate: Gate) => add(matVec(w.wx[gate], x), matVec(w.wh[gate], h), w.b[gate]);
    const i = pre('i').map(sigmoid);
    const f = pre('f').map(sigmoid);
    const o = pre('o').map(sigmoid);
    const g = pre('g').map(Math.tanh);
    c = c.map((cp, k) => f[k]! * cp + i[k]! * g[k]!);
    h = c.map((ck, k) => o[k]! * Math.tanh(ck));
    steps.push({ i, f, o, g, c, h });
  }
  return steps;
}

/**
 * ∂L/∂h_t and ∂L/∂c_t for L = u·h_T. The cell path carries ∂L/∂c_{t−1} = f_t ⊙ (…): with f near 1
 * the gradient passes back almost unchanged (the "constant error carousel", Hochreiter & Schmidhuber 1997).
 */
export function lstmGradients(w: LstmWeights, steps: readonly LstmStep[], u: Vector): Array<{ h: Vector; c: Vector }> {
  const out: Array<{ h: Vector; c: Vector }> = new Array(steps.length);
  let dh = u;
  let dc: Vector = Array.from({ length: HIDDEN }, () => 0);
  for (let t = steps.length - 1; t >= 0; t--) {
    const s = steps[t]!;
    const cPrev = t > 0 ? steps[t - 1]!.c : s.c.map(() => 0);
    const tc = s.c.map(Math.tanh);
    const dcTotal = dc.map((d, k) => d + dh[k]! * s.o[k]! * (1 - tc[k]! ** 2));
    out[t] = { h: dh, c: dcTotal };
    const da: Record<Gate, Vector> = {
      i: dcTotal.map((d, k) => d * s.g[k]! * s.i[k]! * (1 - s.i[k]!)),
      f: dcTotal.map((d, k) => d * cPrev[k]! * s.f[k]! * (1 - s.f[k]!)),
      o: dh.map((d, k) => d * tc[k]! * s.o[k]! * (1 - s.o[k]!)),
      g: dcTotal.map((d, k) => d * s.i[k]! * (1 - s.g[k]! ** 2)),
    };
    dh = add(...GATES.map((gate) => matTVec(w.wh[gate], da[gate])));
    dc = dcTotal.map((d, k) => d * s.f[k]!);
  }
  return out;
}

/** The loss direction: L = u·h_T with u = (1, …, 1)/√HIDDEN, a unit vector. */
export const LOSS_DIRECTION: Vector = Array.from({ length: HIDDEN }, () => 1 / Math.sqrt(HIDDEN));

export interface Unrolled {
  symbols: string[];
  rnn: { hs: Vector[]; gradNorms: number[] };
  lstm: { steps: LstmStep[]; gradNorms: number[] };
}

/**
 * Everything the playground shows for one setting. Gradient norms are ‖∂L/∂h_t‖ for the RNN and
 * ‖(∂L/∂h_t, ∂L/∂c_t)‖ (the whole state) for the LSTM, t = 1 … T.
 */
export function unroll(text: string, gamma: number, activation: Activation, forgetBias: number): Unrolled {
  const syms = symbols(text);
  const xs = syms.map(symbolVector);
  const rw = rnnWeights(gamma, activation);
  const hs = rnnForward(rw, xs);
  const lw = lstmWeights(forgetBias);
  const steps = lstmForward(lw, xs);
  return {
    symbols: syms,
    rnn: { hs, gradNorms: rnnGradients(rw, hs, LOSS_DIRECTION).map(norm) },
    lstm: { steps, gradNorms: lstmGradients(lw, steps, LOSS_DIRECTION).map((g) => Math.hypot(norm(g.h), norm(g.c))) },
  };
}

/** A gradient multiplied by less than this (or more than its inverse) over the sequence counts as vanished (exploded). */
const VERDICT_FACTOR = 1e-2;

/** The gradient's factor from the last step back to the first, and what it means. */
export function verdict(norms: readonly number[]): { factor: number; kind: 'vanishing' | 'exploding' | 'stable' } {
  const factor = norms[0]! / norms.at(-1)!;
  return { factor, kind: !(factor >= VERDICT_FACTOR) ? 'vanishing' : factor > 1 / VERDICT_FACTOR ? 'exploding' : 'stable' };
}
