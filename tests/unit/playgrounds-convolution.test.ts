import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IMAGES, IMAGE_NAMES, KERNELS, cellTerms, convolve, gridFromText, outputSize, type Grid } from '../../src/shared/playgrounds/convolution.ts';

const grid = (rows: number[][]): Grid => ({ rows: rows.length, cols: rows[0]!.length, values: rows.flat() });
const kernel3 = (values: readonly number[]): Grid => ({ rows: 3, cols: 3, values });

test('output size: ⌊(n + 2p − k)/s⌋ + 1', () => {
  assert.equal(outputSize(12, 3, 0, 1), 10);
  assert.equal(outputSize(12, 3, 1, 1), 12); // "same" padding
  assert.equal(outputSize(12, 3, 0, 2), 5); // ⌊9/2⌋ + 1
  assert.equal(outputSize(12, 3, 1, 3), 4); // ⌊11/3⌋ + 1
  assert.equal(outputSize(28, 5, 0, 1), 24); // LeNet-5's first layer on a 28×28 digit
  assert.equal(outputSize(2, 3, 0, 1), 0);
  assert.throws(() => outputSize(12, 3, 0, 0), /stride must be a positive integer/);
});

test('a 4×4 input, 3×3 kernel, no padding: the four outputs by hand', () => {
  const x = grid([[1, 2, 3, 0], [4, 5, 6, 1], [7, 8, 9, 2], [0, 1, 2, 3]]);
  const w = kernel3([1, 0, -1, 1, 0, -1, 1, 0, -1]);
  // Y[0,0] = (1 + 4 + 7) − (3 + 6 + 9) = −6; Y[0,1] = (2 + 5 + 8) − (0 + 1 + 2) = 12
  // Y[1,0] = (4 + 7 + 0) − (6 + 9 + 2) = −6; Y[1,1] = (5 + 8 + 1) − (1 + 2 + 3) = 8
  assert.deepEqual(convolve(x, w, 0, 1), { rows: 2, cols: 2, values: [-6, 12, -6, 8] });
});

test('no kernel flip: deep learning convolution is cross-correlation', () => {
  const x = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  // A kernel picking the top-left neighbour returns X[0,0] at the centre, not X[2,2].
  const w = kernel3([1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(convolve(x, w, 1, 1).values[4], 1);
});

test('zero padding and stride: cell terms reach outside the image and read zeros', () => {
  const x = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  const terms = cellTerms(x, kernel3(KERNELS.blur), 0, 0, 1, 1);
  assert.deepEqual(terms.map((t) => [t.row, t.col]), [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 0], [0, 1], [1, -1], [1, 0], [1, 1]]);
  assert.deepEqual(terms.map((t) => t.input), [0, 0, 0, 0, 1, 2, 0, 4, 5]);
  assert.ok(Math.abs(convolve(x, kernel3(KERNELS.blur), 1, 1).values[0]! - 12 / 9) < 1e-12);
  // Stride 2 with padding 1 on 3×3: ⌊(3 + 2 − 3)/2⌋ + 1 = 2, the cells centred on the corners.
  const y = convolve(x, kernel3(KERNELS.identity), 1, 2);
  assert.deepEqual(y, { rows: 2, cols: 2, values: [1, 3, 7, 9] });
});

test('the preset kernels do what their names say', () => {
  const flat = grid(Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0.5)));
  // Edge detectors give zero on a flat image, blur and sharpen keep it (their weights sum to 1).
  for (const name of ['edge', 'sobelX', 'sobelY'] as const) assert.ok(convolve(flat, kernel3(KERNELS[name]), 0, 1).values.every((v) => Math.abs(v) < 1e-12), name);
  for (const name of ['blur', 'sharpen', 'identity'] as const) assert.ok(convolve(flat, kernel3(KERNELS[name]), 0, 1).values.every((v) => Math.abs(v - 0.5) < 1e-12), name);
  // A vertical step from 0 to 1: Sobel-x responds (4 per unit step), Sobel-y does not.
  const step = grid(Array.from({ length: 3 }, () => [0, 0, 1, 1]));
  assert.deepEqual(convolve(step, kernel3(KERNELS.sobelX), 0, 1).values, [4, 4]);
  assert.deepEqual(convolve(step, kernel3(KERNELS.sobelY), 0, 1).values, [0, 0]);
});

test('sample digits are 12×12 with values in [0, 1]', () => {
  for (const name of IMAGE_NAMES) {
    const image = IMAGES[name];
    assert.equal(image.values.length, 144, name);
    assert.ok(image.values.every((v) => v >= 0 && v <= 1), name);
  }
  assert.throws(() => gridFromText(['12', '3']), /different lengths/);
});
