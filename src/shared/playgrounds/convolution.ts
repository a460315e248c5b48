/**
 * Convolution playground, the maths: a single-channel 2-D convolution as deep
 * learning libraries compute it (cross-correlation, no kernel flip), with zero
 * padding and stride, the output-size formula, and the products behind each
 * output cell. Pure: no DOM.
 */

/** A grid of numbers, row-major. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly values: readonly number[];
}

export const KERNEL_NAMES = ['identity', 'edge', 'sobelX', 'sobelY', 'blur', 'sharpen'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

/** Classic 3×3 kernels (image-processing textbooks; Sobel 1968). */
export const KERNELS: Record<KernelName, readonly number[]> = {
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  edge: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  blur: Array.from({ length: 9 }, () => 1 / 9),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
};

/** ⌊(n + 2p − k)/s⌋ + 1, the formula on the concept page; 0 when the kernel does not fit. */
export function outputSize(n: number, k: number, padding: number, stride: number): number {
  if (!(stride >= 1) || !Number.isInteger(stride)) throw new Error(`stride must be a positive integer, got ${stride}`);
  const span = n + 2 * padding - k;
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/** The input value at (r, c), with zeros outside (zero padding). */
export function valueAt(image: Grid, r: number, c: number): number {
  return r < 0 || c < 0 || r >= image.rows || c >= image.cols ? 0 : image.values[r * image.cols + c]!;
}

export interface CellTerm {
  /** Position in the (unpadded) input; may be outside it, where padding supplies a zero. */
  readonly row: number;
  readonly col: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
}

/** The K² products that make output cell (i, j): Y[i,j] = Σ_u Σ_v W[u,v] · X[S·i + u − P, S·j + v − P]. */
export function cellTerms(image: Grid, kernel: Grid, i: number, j: number, padding: number, stride: number): CellTerm[] {
  const terms: CellTerm[] = [];
  for (let u = 0; u < kernel.rows; u++) {
    for (let v = 0; v < kernel.cols; v++) {
      const row = stride * i + u - padding;
      const col = stride * j + v - padding;
      const input = valueAt(image, row, col);
      const weight = kernel.values[u * kernel.cols + v]!;
      terms.push({ row, col, input, weight, product: input * weight });
    }
  }
  return terms;
}

/** The whole feature map. */
export function convolve(image: Grid, kernel: Grid, padding: number, stride: number): Grid {
  const rows = outputSize(image.rows, kernel.rows, padding, stride);
  const cols = outputSize(image.cols, kernel.cols, padding, stride);
  const values: number[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values.push(cellTerms(image, kernel, i, j, padding, stride).reduce((s, t) => s + t.product, 0));
  return { rows, cols, values };
}

/** Builds a grid from rows of digits '0'-'9' (brightness tenths), the compact form of the sample images. */
export function gridFromText(lines: readonly string[]): Grid {
  const cols = lines[0]!.length;
  if (lines.some((l) => l.length !== cols)) throw new Error('gridFromText: rows of different lengths');
  return { rows: lines.length, cols, values: lines.flatMap((l) => [...l].map((ch) => Number(ch) / 9)) };
}

export const IMAGE_SIZE = 12;
export const IMAGE_NAMES = ['seven', 'zero', 'one', 'blank'] as const;
export type ImageName = (typeof IMAGE_NAMES)[number];

/** Hand-drawn 12×12 digits in the manner of MNIST (ink 0…1, soft edges), small enough to print every product. */
export const IMAGES: Record<ImageName, Grid> = {
  seven: gridFromText([
    '000000000000',
    '000000000000',
    '003999999500',
    '003777779700',
    '000000006900',
    '000000029500',
    '000000079000',
    '000000390000',
    '000000950000',
    '000003900000',
    '000008600000',
    '000000000000',
  ]),
  zero: gridFromText([
    '000000000000',
    '000037973000',
    '000396669300',
    '000960006900',
    '003900000930',
    '006900000960',
    '006900000960',
    '003900000930',
    '000960006900',
    '000396669300',
    '000037973000',
    '000000000000',
  ]),
  one: gridFromText([
    '000000000000',
    '000000590000',
    '000005990000',
    '000059990000',
    '000000990000',
    '000000990000',
    '000000990000',
    '000000990000',
    '000000990000',
    '000000990000',
    '000009999500',
    '000000000000',
  ]),
  blank: { rows: IMAGE_SIZE, cols: IMAGE_SIZE, values: Array.from({ length: IMAGE_SIZE * IMAGE_SIZE }, () => 0) },
};
