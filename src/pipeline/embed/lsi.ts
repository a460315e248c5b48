/**
 * Cross-language latent semantic indexing (Deerwester et al., 1990; Dumais et
 * al., 1997 for the cross-language form): a TF-IDF term-document matrix over the
 * bilingual training documents, reduced by a truncated SVD. A term's vector is
 * its row of U_k, scaled by its IDF, so the mean of a text's token vectors is the
 * text folded into the latent space. Deterministic: seeded random projections.
 *
 * The SVD is a randomized range finder (Halko, Martinsson & Tropp, 2011) over the
 * sparse matrix, then an exact SVD (ml-matrix) of the small projected matrix: the
 * term-document matrix has thousands of rows, and a dense SVD of it would be slow.
 */
import { Matrix, SVD } from 'ml-matrix';
import { seededRandom } from '../../shared/random.ts';

export interface LsiOptions {
  dims: number;
  /** Extra random directions beyond `dims`, and power iterations, for accuracy. */
  oversample?: number;
  powerIterations?: number;
  seed?: number;
  /** Weight of dimension k is sigma_k^p: 0 treats all latent dimensions alike, 1 is U_k Sigma_k. */
  sigmaPower?: number;
}

export interface LsiModel {
  dims: number;
  /** vocabSize x dims, row-major: the embedding table the ONNX graph gathers from. */
  vectors: Float32Array;
  /** Singular values of the kept dimensions. */
  singularValues: number[];
}


function gaussian(next: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
}

/**
 * Orthonormalise the columns of a rows x cols row-major matrix in place (modified Gram-Schmidt).
 * Works on a column-major copy: the same arithmetic in the same order (so the same bits), but
 * each column is contiguous, where striding through the row-major array missed the cache (at
 * 10,000 papers the term matrix has tens of thousands of rows).
 */
function orthonormalize(m: Float64Array, rows: number, cols: number) {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j]!;
  for (let j = 0; j < cols; j++) {
    const cj = t.subarray(j * rows, (j + 1) * rows);
    for (let k = 0; k < j; k++) {
      const ck = t.subarray(k * rows, (k + 1) * rows);
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += cj[i]! * ck[i]!;
      for (let i = 0; i < rows; i++) cj[i]! -= dot * ck[i]!;
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += cj[i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < rows; i++) cj[i]! /= norm;
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m[i * cols + j] = t[j * rows + i]!;
}

interface SparseDoc {
  terms: Int32Array;
  weights: Float64Array;
}

/** TF-IDF with log-scaled term frequency, each document scaled to unit length. */
function weigh(docs: number[][], vocabSize: number, isContent: (id: number) => boolean): { matrix: SparseDoc[]; idf: Float64Array } {
  const df = new Float64Array(vocabSize);
  const counts = docs.map((ids) => {
    const c = new Map<number, number>();
    for (const id of ids) if (isContent(id)) c.set(id, (c.get(id) ?? 0) + 1);
    for (const id of c.keys()) df[id]! += 1;
    return c;
  });
  const n = docs.length;
  const idf = df.map((d) => (d > 0 ? Math.log((n + 1) / (d + 1)) + 1 : 0));
  const matrix = counts.map((c) => {
    const terms = Int32Array.from([...c.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(terms, (t) => (1 + Math.log(c.get(t)!)) * idf[t]!);
    const norm = Math.hypot(...weights) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  });
  return { matrix, idf };
}

export function trainLsi(docs: number[][], vocabSize: number, isContent: (id: number) => boolean, options: LsiOptions): LsiModel {
  const { matrix, idf } = weigh(docs, vocabSize, isContent);
  const n = matrix.length;
  const dims = Math.min(options.dims, n - 1);
  const l = Math.min(dims + (options.oversample ?? 16), n);
  const next = gaussian(seededRandom(options.seed ?? 1990));

  // Y = X * Omega (terms x l)
  const omega = Float64Array.from({ length: n * l }, next);
  const y = new Float64Array(vocabSize * l);
  const multiplyX = (right: Float64Array, out: Float64Array) => {
    out.fill(0);
    matrix.forEach((doc, j) => {
      for (let p = 0; p < doc.terms.length; p++) {
        const t = doc.terms[p]!;
        const w = doc.weights[p]!;
        for (let c = 0; c < l; c++) out[t * l + c]! += w * right[j * l + c]!;
      }
    });
  };
  const multiplyXt = (left: Float64Array, out: Float64Array) => {
    out.fill(0);
    matrix.forEach((doc, j) => {
      for (let p = 0; p < doc.terms.length; p++) {
        const t = doc.terms[p]!;
        const w = doc.weights[p]!;
        for (let c = 0; c < l; c++) out[j * l + c]! += w * left[t * l + c]!;
      }
    });
  };
  multiplyX(omega, y);
  const z = new Float64Array(n * l);
  for (let q = 0; q < (options.powerIterations ?? 2); q++) {
    orthonormalize(y, vocabSize, l);
    multiplyXt(y, z);
    orthonormalize(z, n, l);
    multiplyX(z, y);
  }
  orthonormalize(y, vocabSize, l);

  // B = Q^T X (l x n), then its exact SVD.
  multiplyXt(y, z); // z = X^T Q (n x l) = B^T
  const bt = new Matrix(n, l);
  for (let j = 0; j < n; j++) for (let c = 0; c < l; c++) bt.set(j, c, z[j * l + c]!);
  const svd = new SVD(bt, { computeLeftSingularVectors: false, computeRightSingularVectors: true, autoTranspose: true });
  const ub = svd.rightSingularVectors; // l x l: left singular vectors of B
  const sigma = svd.diagonal.slice(0, dims);

  const vectors = new Float32Array(vocabSize * dims);
  for (let k = 0; k < dims; k++) {
    // U[:, k] = Q * ub[:, k]; fix the sign so the largest entry is positive (reproducible output).
    const column = new Float64Array(vocabSize);
    let largest = 0;
    for (let t = 0; t < vocabSize; t++) {
      let s = 0;
      for (let c = 0; c < l; c++) s += y[t * l + c]! * ub.get(c, k);
      column[t] = s;
      if (Math.abs(s) > Math.abs(largest)) largest = s;
    }
    const sign = largest < 0 ? -1 : 1;
    const weight = Math.pow(sigma[k]!, options.sigmaPower ?? 0);
    for (let t = 0; t < vocabSize; t++) vectors[t * dims + k] = sign * column[t]! * idf[t]! * weight;
  }
  return { dims, vectors, singularValues: sigma };
}
