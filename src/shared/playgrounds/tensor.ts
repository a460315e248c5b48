/**
 * A small typed tensor module: row-major Float64 matrices and the handful of
 * operations an MLP's forward and backward passes need. Written here rather than
 * loading TensorFlow.js (hundreds of kB of script) because the playground's
 * networks have at most a few hundred weights, where a GPU dispatch costs more than
 * the arithmetic; Float64 also keeps the finite-difference gradient checks tight.
 * npm run bench:playgrounds measures the step time.
 */

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (data && data.length !== rows * cols) throw new Error(`Matrix ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  static from(rows: number[][]): Matrix {
    const cols = rows[0]?.length ?? 0;
    return new Matrix(rows.length, cols, Float64Array.from(rows.flat()));
  }

  get(r: number, c: number): number {
    return this.data[r * this.cols + c]!;
  }

  set(r: number, c: number, value: number): void {
    this.data[r * this.cols + c] = value;
  }

  row(r: number): Float64Array {
    return this.data.subarray(r * this.cols, (r + 1) * this.cols);
  }

  map(f: (x: number) => number): Matrix {
    return new Matrix(this.rows, this.cols, this.data.map(f));
  }

  toArrays(): number[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from(this.row(r)));
  }
}

function shapeError(op: string, a: Matrix, b: Matrix): Error {
  return new Error(`${op}: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not fit`);
}

/** A · B. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw shapeError('matmul', a, b);
  const out = new Matrix(a.rows, b.cols);
  const { data: A } = a;
  const { data: B } = b;
  const C = out.data;
  // i-k-j order walks B and C row by row, which keeps the inner loop on contiguous memory.
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k]!;
      if (aik === 0) continue;
      const bRow = k * b.cols;
      const cRow = i * b.cols;
      for (let j = 0; j < b.cols; j++) C[cRow + j]! += aik * B[bRow + j]!;
    }
  }
  return out;
}

/** Aᵀ · B, without building Aᵀ. */
export function matmulTransA(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows) throw shapeError('matmulTransA', a, b);
  const out = new Matrix(a.cols, b.cols);
  const C = out.data;
  for (let k = 0; k < a.rows; k++) {
    for (let i = 0; i < a.cols; i++) {
      const aki = a.data[k * a.cols + i]!;
      if (aki === 0) continue;
      for (let j = 0; j < b.cols; j++) C[i * b.cols + j]! += aki * b.data[k * b.cols + j]!;
    }
  }
  return out;
}

/** A · Bᵀ, without building Bᵀ. */
export function matmulTransB(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols) throw shapeError('matmulTransB', a, b);
  const out = new Matrix(a.rows, b.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) {
      let sum = 0;
      for (let k = 0; k < a.cols; k++) sum += a.data[i * a.cols + k]! * b.data[j * b.cols + k]!;
      out.data[i * b.rows + j] = sum;
    }
  }
  return out;
}

/** Adds the vector to every row, in place. */
export function addRowVector(m: Matrix, v: Float64Array): Matrix {
  if (v.length !== m.cols) throw new Error(`addRowVector: ${m.cols} columns, vector of ${v.length}`);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) m.data[r * m.cols + c]! += v[c]!;
  return m;
}

/** Sum of each column. */
export function columnSums(m: Matrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) out[c]! += m.data[r * m.cols + c]!;
  return out;
}

/** Element-wise product, in place on `a`. */
export function multiplyInPlace(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) throw shapeError('multiplyInPlace', a, b);
  for (let i = 0; i < a.data.length; i++) a.data[i]! *= b.data[i]!;
  return a;
}
