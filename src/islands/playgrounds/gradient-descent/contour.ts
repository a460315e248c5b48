/** Draws a loss surface as filled contour bands with lines, and an optimizer's path over it. */
import type { Surface, Vec2 } from '../../../shared/playgrounds/gradient-descent.ts';

const BANDS = 14;
const cache = new Map<string, HTMLCanvasElement>();

/** The surface's contour image at `size` pixels, computed once per surface and size. */
function contourImage(surface: Surface, size: number): HTMLCanvasElement {
  const key = `${surface.name}:${size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [x0, x1, y0, y1] = surface.domain;
  const values = new Float64Array(size * size);
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = surface.f(x0 + ((c + 0.5) / size) * (x1 - x0), y1 - ((r + 0.5) / size) * (y1 - y0));
      values[r * size + c] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  // Bands equal in log(1 + f − min): steep walls and the flat valley floor both get contours.
  const band = values.map((v) => Math.min(BANDS - 1, Math.floor((Math.log1p(v - min) / Math.log1p(max - min)) * BANDS)));
  const image = new ImageData(size, size);
  for (let i = 0; i < band.length; i++) {
    const b = band[i]!;
    const edge = (i % size < size - 1 && band[i + 1] !== b) || (i + size < band.length && band[i + size] !== b);
    const f = b / (BANDS - 1);
    const rgb = edge ? [120, 130, 150] : [Math.round(250 - 95 * f), Math.round(250 - 75 * f), Math.round(240 - 40 * f)];
    image.data.set([...rgb, 255], i * 4);
  }
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  cache.set(key, canvas);
  return canvas;
}

export function toPixel(surface: Surface, [x, y]: Vec2, size: number): [number, number] {
  const [x0, x1, y0, y1] = surface.domain;
  return [((x - x0) / (x1 - x0)) * size, ((y1 - y) / (y1 - y0)) * size];
}

/** The contour plot, the minimum (×), the start (○) and the path so far, in `color`. */
export function drawPanel(ctx: CanvasRenderingContext2D, surface: Surface, path: readonly Vec2[], color: string, size: number): void {
  ctx.drawImage(contourImage(surface, size), 0, 0, size, size);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, size, size);
  ctx.clip();
  if (surface.minimum) {
    const [mx, my] = toPixel(surface, surface.minimum, size);
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(mx - 5, my - 5);
    ctx.lineTo(mx + 5, my + 5);
    ctx.moveTo(mx + 5, my - 5);
    ctx.lineTo(mx - 5, my + 5);
    ctx.stroke();
  }
  const points = path.map((p) => toPixel(surface, p, size));
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
  // Dots show the step lengths: long early steps, short ones near the minimum.
  for (const [x, y] of points.slice(1)) ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  const [sx, sy] = points[0]!;
  ctx.beginPath();
  ctx.arc(sx, sy, 5, 0, 2 * Math.PI);
  ctx.stroke();
  const [cx, cy] = points.at(-1)!;
  ctx.beginPath();
  ctx.arc(cx, cy, 4.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}
