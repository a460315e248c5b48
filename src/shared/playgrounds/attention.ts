/**
 * Attention playground, the maths: scaled dot-product attention (Vaswani et al.
 * 2017), softmax(QKᵀ/√d_k + M) V, over the token vectors of a typed sentence, with
 * an optional causal mask and 1-4 heads. The projections W_Q, W_K, W_V are fixed
 * seeded random matrices, not trained ones. Pure: no DOM.
 */
import { gaussian, seededRandom } from '../random.ts';

export type Matrix = number[][];
export const MAX_TOKENS = 8;
export const MAX_HEADS = 4;
export const DK_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128] as const;

/**
 * The sentence as tokens: each Han character is one token (as Chinese BERT-style tokenizers do),
 * other runs of letters or digits are words; punctuation is dropped. At most MAX_TOKENS.
 */
export function tokenize(text: string): string[] {
  return (text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS);
}

/** Row-wise softmax, shifted by the row maximum so large scores do not overflow; −∞ gets weight 0. */
export function softmaxRows(scores: Matrix): Matrix {
  return scores.map((row) => {
    const max = Math.max(...row);
    const exps = row.map((s) => (s === -Infinity ? 0 : Math.exp(s - max)));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / sum);
  });
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const cols = b[0]!.length;
  return a.map((row) => {
    const out = new Array<number>(cols).fill(0);
    row.forEach((x, k) => {
      const bk = b[k]!;
      for (let j = 0; j < cols; j++) out[j]! += x * bk[j]!;
    });
    return out;
  });
}
const transpose = (m: Matrix): Matrix => m[0]!.map((_, j) => m.map((row) => row[j]!));

/** A rows × cols matrix of N(0, 1) entries from a seed: with unit-length inputs each projected entry has variance 1. */
export function seededMatrix(rows: number, cols: number, seed: number): Matrix {
  const key = `${rows}×${cols}:${seed}`;
  const cached = projectionCache.get(key);
  if (cached) return cached;
  const random = seededRandom(seed);
  const m = Array.from({ length: rows }, () => Array.from({ length: cols }, () => gaussian(random)));
  // Drawing 4 heads × 3 projections of 64×128 normals took ~100 ms per keystroke; they never change, so keep the recent ones.
  if (projectionCache.size >= CACHE_SIZE) projectionCache.delete(projectionCache.keys().next().value!);
  projectionCache.set(key, m);
  return m;
}
const CACHE_SIZE = 24;
const projectionCache = new Map<string, Matrix>();

export interface HeadResult {
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** QKᵀ/√d_k (or QKᵀ without scaling), masked entries −∞. */
  scores: Matrix;
  weights: Matrix;
  output: Matrix;
}

/** One head: scores, mask, softmax, weighted sum of the values. */
export function attendHead(q: Matrix, k: Matrix, v: Matrix, options: { causal: boolean; scale: boolean }): HeadResult {
  const dk = q[0]!.length;
  const divisor = options.scale ? Math.sqrt(dk) : 1;
  // The causal mask: token i may look at tokens j ≤ i only (−∞ before the softmax gives weight 0).
  const scores = matMul(q, transpose(k)).map((row, i) => row.map((s, j) => (options.causal && j > i ? -Infinity : s / divisor)));
  const weights = softmaxRows(scores);
  return { q, k, v, scores, weights, output: matMul(weights, v) };
}

export interface AttentionSettings {
  heads: number;
  dk: number;
  causal: boolean;
  scale: boolean;
  seed: number;
}

/** Per head h: Q = X W_Q^h, K = X W_K^h, V = X W_V^h (each d_model × d_k, seeded), then attendHead. */
export function multiHead(x: Matrix, s: AttentionSettings): HeadResult[] {
  const dModel = x[0]!.length;
  return Array.from({ length: s.heads }, (_, h) => {
    const project = (which: number) => matMul(x, seededMatrix(dModel, s.dk, s.seed * 1009 + h * 31 + which));
    return attendHead(project(0), project(1), project(2), s);
  });
}

/** How peaked the weights are: the mean over rows of the largest weight (1 when every row is one-hot: saturated). */
export function meanMaxWeight(weights: Matrix): number {
  return weights.reduce((sum, row) => sum + Math.max(...row), 0) / weights.length;
}

/** Stand-in token vectors when the site's embedding model is not available: unit vectors seeded by the token's text. */
export function hashedVector(token: string, dims: number): number[] {
  let seed = 2166136261;
  for (const ch of token) seed = Math.imul(seed ^ ch.codePointAt(0)!, 16777619);
  const random = seededRandom(seed);
  const v = Array.from({ length: dims }, () => gaussian(random));
  const len = Math.hypot(...v);
  return v.map((x) => x / len);
}
