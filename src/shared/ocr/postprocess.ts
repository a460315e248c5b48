/**
 * PP-OCRv4 pre- and post-processing in plain TypeScript (no OpenCV): the
 * published @gutenye/ocr-common needs @techstark/opencv-js (about 10 MB) and
 * does not let the page choose onnxruntime-web's execution provider, so the
 * demo implements the few steps it needs itself.
 *
 * Detection (DBNet) outputs a text-probability map; text regions are the
 * connected components of the thresholded map, kept when their mean probability
 * is high enough, then expanded ("unclipped") because DBNet predicts shrunk
 * regions. Recognition (SVTR) outputs per-timestep class probabilities, decoded
 * with CTC: take the best class per step, merge repeats, drop blanks.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Mean text probability inside the region. */
  score: number;
}

export const DETECTION = {
  /** Longest side of the image fed to the detector (multiple of 32). */
  maxSide: 960,
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
} as const;

export const RECOGNITION = { height: 48, maxWidth: 960 } as const;

/** Size the detector sees: scaled to at most maxSide, rounded to multiples of 32. */
export function detectionSize(width: number, height: number, maxSide: number = DETECTION.maxSide): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const round = (v: number) => Math.max(32, Math.round((v * scale) / 32) * 32);
  return { width: round(width), height: round(height), scale };
}

/** RGBA pixels -> normalised CHW float tensor data. */
export function toChw(rgba: Uint8ClampedArray, width: number, height: number, mean: readonly number[], std: readonly number[]): Float32Array {
  const out = new Float32Array(3 * width * height);
  const plane = width * height;
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[c * plane + i] = (rgba[i * 4 + c]! / 255 - mean[c]!) / std[c]!;
  }
  return out;
}

/** Text boxes from DBNet's probability map (in map coordinates). */
export function boxesFromProbabilityMap(map: Float32Array, width: number, height: number, options = DETECTION): Box[] {
  const seen = new Uint8Array(width * height);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < map.length; start++) {
    if (seen[start] || map[start]! < options.threshold) continue;
    let minX = width, minY = height, maxX = 0, maxY = 0, sum = 0, count = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      sum += map[p]!;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (const q of [p - 1, p + 1, p - width, p + width]) {
        if (q < 0 || q >= map.length || seen[q] || map[q]! < options.threshold) continue;
        if ((q === p - 1 || q === p + 1) && Math.floor(q / width) !== y) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const score = sum / count;
    if (Math.min(w, h) < options.minSize || score < options.boxThreshold) continue;
    // Unclip: grow the region by area * ratio / perimeter on every side (DBNet's offset).
    const d = (w * h * options.unclipRatio) / (2 * (w + h));
    const x0 = Math.max(0, minX - d);
    const y0 = Math.max(0, minY - d);
    boxes.push({ x: x0, y: y0, width: Math.min(width, maxX + 1 + d) - x0, height: Math.min(height, maxY + 1 + d) - y0, score });
  }
  // Reading order: top to bottom, then left to right.
  return boxes.sort((a, b) => (Math.abs(a.y - b.y) < Math.min(a.height, b.height) / 2 ? a.x - b.x : a.y - b.y));
}

export interface Recognized {
  text: string;
  /** Mean probability of the kept characters. */
  confidence: number;
}

/**
 * CTC greedy decoding of [steps x classes] probabilities. `dictionary` holds the
 * characters for classes 1..n (class 0 is the CTC blank; PP-OCR appends a space).
 */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, dictionary: string[]): Recognized {
  let text = '';
  let total = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = probs[t * classes + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      total += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept ? total / kept : 0 };
}

/** PP-OCR's dictionary file: one character per line, plus the space PP-OCRv4 models use. */
export function parseDictionary(text: string): string[] {
  return [...text.split(/\r?\n/).filter((line, i, all) => line.length > 0 || i < all.length - 1), ' '];
}
