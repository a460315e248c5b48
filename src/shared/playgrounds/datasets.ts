/**
 * The 2-D point sets the MLP playground learns (after TensorFlow Playground's):
 * two classes, labels 0 and 1, coordinates in [-6, 6]², reproducible from a seed.
 */
import { gaussian, seededRandom, shuffled } from '../random.ts';

export const DATASET_NAMES = ['circle', 'xor', 'spiral', 'gaussians'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Half-width of the plotted square. */
export const EXTENT = 6;

export interface Point {
  x: number;
  y: number;
  label: 0 | 1;
}

/**
 * `count` points of one kind; `noise` in [0, 1] blurs the classes into each other
 * (0: cleanly separable; 1: heavily overlapping).
 */
export function makeDataset(name: DatasetName, count: number, noise: number, seed: number): Point[] {
  const random = seededRandom(seed);
  const uniform = (a: number, b: number) => a + (b - a) * random();
  const points: Point[] = [];
  const half = Math.floor(count / 2);
  switch (name) {
    case 'circle': {
      const radius = 5;
      for (let i = 0; i < count; i++) {
        const inside = i < half;
        const r = inside ? uniform(0, radius * 0.5) : uniform(radius * 0.7, radius);
        const angle = uniform(0, 2 * Math.PI);
        const x = r * Math.sin(angle) + noise * radius * uniform(-1, 1);
        const y = r * Math.cos(angle) + noise * radius * uniform(-1, 1);
        points.push({ x, y, label: inside ? 1 : 0 });
      }
      break;
    }
    case 'xor': {
      const padding = 0.3;
      for (let i = 0; i < count; i++) {
        let x = uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        let y = uniform(-5, 5);
        y += y > 0 ? padding : -padding;
        const label = x * y >= 0 ? 1 : 0;
        points.push({ x: x + noise * 5 * uniform(-1, 1), y: y + noise * 5 * uniform(-1, 1), label });
      }
      break;
    }
    case 'spiral': {
      for (let i = 0; i < count; i++) {
        const arm = i < half ? 0 : 1;
        const k = arm === 0 ? i : i - half;
        const n = arm === 0 ? half : count - half;
        const r = (k / n) * 5;
        const t = (1.75 * k * 2 * Math.PI) / n + arm * Math.PI;
        points.push({ x: r * Math.sin(t) + noise * uniform(-1, 1), y: r * Math.cos(t) + noise * uniform(-1, 1), label: arm === 0 ? 1 : 0 });
      }
      break;
    }
    case 'gaussians': {
      const spread = 0.5 + 3 * noise;
      for (let i = 0; i < count; i++) {
        const positive = i < half;
        const c = positive ? 2 : -2;
        points.push({ x: c + spread * gaussian(random), y: c + spread * gaussian(random), label: positive ? 1 : 0 });
      }
      break;
    }
  }
  // Points outside the plot would be invisible yet still trained on.
  return points.map((p) => ({ ...p, x: Math.max(-EXTENT, Math.min(EXTENT, p.x)), y: Math.max(-EXTENT, Math.min(EXTENT, p.y)) }));
}

/** Shuffles (with the seed) and splits: the first `trainFraction` of the points train, the rest test. */
export function splitTrainTest(points: readonly Point[], trainFraction: number, seed: number): { train: Point[]; test: Point[] } {
  const order = shuffled(points, seededRandom(seed ^ 0x9e3779b9));
  const cut = Math.round(order.length * Math.min(1, Math.max(0, trainFraction)));
  return { train: order.slice(0, cut), test: order.slice(cut) };
}
