/**
 * int8 vectors with one float32 scale per vector (a quarter of float32, exact enough
 * for cosine ranking). The one (de)quantisation used by the embedding cache, the
 * browser index writer, the search island and the embedding playground.
 */
export interface QuantizedVector {
  scale: number;
  data: Int8Array;
}

export function quantize(vector: Float32Array): QuantizedVector {
  let max = 0;
  for (const v of vector) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  return { scale, data: Int8Array.from(vector, (v) => Math.round(v / scale)) };
}

export function dequantize(q: QuantizedVector): Float32Array {
  return Float32Array.from(q.data, (v) => v * q.scale);
}

/** Rows of `dims` int8 values, row i scaled by scales[i], as one flat float32 array. */
export function dequantizeRows(data: Int8Array, scales: Float32Array, dims: number): Float32Array {
  if (data.length !== scales.length * dims) throw new Error(`int8 rows: ${data.length} values do not make ${scales.length} rows of ${dims}`);
  return Float32Array.from(data, (v, i) => v * scales[Math.floor(i / dims)]!);
}
