/** Canvas helpers: crisp on high-density screens, labelled for screen readers, colours from the theme. */

export function createCanvas(width: number, height: number, label: string): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.aspectRatio = `${width} / ${height}`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  return { canvas, ctx };
}

/** A CSS custom property of the page (its light or dark theme), e.g. themeColor('--accent'). */
export function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** One colour per series, distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9'];

/** Blue (−1) through white (0) to orange (+1), as RGB bytes: signs stay readable in grey-scale too. */
export function divergingRgb(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, v));
  const mix = (a: number, b: number, f: number) => Math.round(a + (b - a) * f);
  return t < 0 ? [mix(255, 33, -t), mix(255, 102, -t), mix(255, 172, -t)] : [mix(255, 230, t), mix(255, 97, t), mix(255, 1, t)];
}

/** Paints a res × res grid of values in [-1, 1] into a rectangle, one filled square per cell. */
export function paintGrid(ctx: CanvasRenderingContext2D, values: ArrayLike<number>, res: number, x: number, y: number, size: number, color: (v: number) => [number, number, number] = divergingRgb): void {
  const image = new ImageData(res, res);
  for (let i = 0; i < res * res; i++) {
    const [r, g, b] = color(values[i]!);
    image.data.set([r, g, b, 255], i * 4);
  }
  const tile = document.createElement('canvas');
  tile.width = res;
  tile.height = res;
  tile.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, x, y, size, size);
}
