/** The MLP playground's three drawings: the network with neuron maps, the decision boundary, the loss curves. */
import { EXTENT, type Point } from '../../../shared/playgrounds/datasets.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import type { EpochStats, Trace } from '../../../shared/playgrounds/mlp-session.ts';
import type { ActivationName, Mlp } from '../../../shared/playgrounds/mlp.ts';
import { divergingRgb, paintGrid } from '../common/canvas.ts';

export const CLASS_COLORS = { 1: '#e66101', 0: '#2166ac' } as const;

/** Maps a neuron's output onto [-1, 1] for the colour scale: probabilities 0…1 become −1…1. */
function scaled(value: number, kind: ActivationName | 'output' | 'input'): number {
  if (kind === 'output' || kind === 'sigmoid') return 2 * value - 1;
  return Math.max(-1, Math.min(1, value));
}

export const NODE = 34;

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: Array<Array<{ x: number; y: number }>>;
}

export function layoutNetwork(sizes: readonly number[], width: number): NetworkLayout {
  const tallest = Math.max(...sizes);
  const height = Math.max(160, tallest * (NODE + 24) + 10);
  // Room on the right for the output neuron's trace values.
  const gap = (width - NODE - 28) / Math.max(1, sizes.length - 1);
  const nodes = sizes.map((n, l) => Array.from({ length: n }, (_, i) => ({ x: l * gap, y: (height - n * (NODE + 24)) / 2 + i * (NODE + 24) + 4 })));
  return { width, height, nodes };
}

/** Edges (orange: positive weight, blue: negative; width by |w|), then each neuron's output map, then the trace values. */
export function drawNetwork(ctx: CanvasRenderingContext2D, net: Mlp, maps: Float64Array[][], res: number, layout: NetworkLayout, trace: Trace | undefined, fg: string): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
  for (let l = 0; l < net.weights.length; l++) {
    const w = net.weights[l]!;
    for (let i = 0; i < w.rows; i++) {
      for (let j = 0; j < w.cols; j++) {
        const v = w.get(i, j);
        const from = layout.nodes[l]![i]!;
        const to = layout.nodes[l + 1]![j]!;
        ctx.strokeStyle = v >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0];
        ctx.globalAlpha = Math.min(1, 0.25 + Math.abs(v) / 2);
        ctx.lineWidth = Math.min(5, 0.5 + Math.abs(v) * 1.5);
        ctx.beginPath();
        ctx.moveTo(from.x + NODE, from.y + NODE / 2);
        ctx.lineTo(to.x, to.y + NODE / 2);
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
  const last = maps.length - 1;
  maps.forEach((layer, l) => {
    const kind = l === 0 ? 'input' : l === last ? 'output' : net.activation;
    layer.forEach((map, i) => {
      const { x, y } = layout.nodes[l]![i]!;
      paintGrid(ctx, map.map((v) => scaled(v, kind)), res, x, y, NODE);
      ctx.strokeStyle = fg;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, NODE - 1, NODE - 1);
      if (trace) {
        ctx.fillStyle = fg;
        ctx.font = '9px ui-monospace, monospace';
        ctx.fillText(`a ${formatNumber(trace.a[l]![i]!, 2)}`, x, y + NODE + 9);
        if (l > 0) ctx.fillText(`δ ${formatNumber(trace.delta[l]![i]!, 2)}`, x, y + NODE + 19);
      }
    });
  });
}

const toPixel = (v: number, size: number) => ((v + EXTENT) / (2 * EXTENT)) * size;

/** P(class 1) over the plane, training points filled, test points ringed; the traced example circled. */
export function drawBoundary(ctx: CanvasRenderingContext2D, output: Float64Array, res: number, size: number, train: readonly Point[], test: readonly Point[], traced: Point | undefined, fg: string): void {
  paintGrid(ctx, output.map((p) => 0.8 * (2 * p - 1)), res, 0, 0, size, divergingRgb);
  for (const [points, filled] of [[train, true], [test, false]] as const) {
    for (const p of points) {
      const x = toPixel(p.x, size);
      const y = size - toPixel(p.y, size);
      ctx.beginPath();
      ctx.arc(x, y, 3.2, 0, 2 * Math.PI);
      ctx.lineWidth = 1.5;
      if (filled) {
        ctx.fillStyle = CLASS_COLORS[p.label];
        ctx.fill();
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 0.8;
        ctx.stroke();
      } else {
        ctx.strokeStyle = CLASS_COLORS[p.label];
        ctx.stroke();
      }
    }
  }
  if (traced) {
    ctx.beginPath();
    ctx.arc(toPixel(traced.x, size), size - toPixel(traced.y, size), 8, 0, 2 * Math.PI);
    ctx.strokeStyle = fg;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
}

/** Training loss (solid) and test loss (dashed) against the epoch. */
export function drawLoss(ctx: CanvasRenderingContext2D, history: readonly EpochStats[], width: number, height: number, fg: string, labels: { train: string; test: string }): void {
  ctx.clearRect(0, 0, width, height);
  const finite = history.flatMap((h) => [h.trainLoss, h.testLoss]).filter(Number.isFinite);
  const top = Math.max(0.1, ...finite) * 1.05;
  const n = Math.max(1, history.length - 1);
  const pad = 4;
  const line = (key: 'trainLoss' | 'testLoss', dash: number[]) => {
    ctx.setLineDash(dash);
    ctx.beginPath();
    history.forEach((h, i) => {
      const x = pad + (i / n) * (width - 2 * pad);
      const y = height - pad - (Math.min(h[key], top) / top) * (height - 2 * pad - 14);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  };
  ctx.strokeStyle = fg;
  ctx.lineWidth = 1.5;
  line('trainLoss', []);
  line('testLoss', [4, 3]);
  ctx.setLineDash([]);
  ctx.fillStyle = fg;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(`— ${labels.train}   - - ${labels.test}   (max ${formatNumber(top, 3)})`, pad, 11);
}
