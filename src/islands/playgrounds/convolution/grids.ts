/** Draws the convolution playground's input (with its zero padding) and output grids. */
import type { Grid } from '../../../shared/playgrounds/convolution.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { divergingRgb } from '../common/canvas.ts';

export const GRID_PX = 288;

const rgb = ([r, g, b]: [number, number, number]) => `rgb(${r},${g},${b})`;

/** Input: dark ink on white (1 = black), padding cells grey, the window of the selected output cell outlined. */
export function drawInput(ctx: CanvasRenderingContext2D, image: Grid, padding: number, window: { row: number; col: number; size: number } | undefined, cursor: { row: number; col: number } | undefined, accent: string): void {
  const cells = image.rows + 2 * padding;
  const cell = GRID_PX / cells;
  ctx.clearRect(0, 0, GRID_PX, GRID_PX);
  for (let r = -padding; r < image.rows + padding; r++) {
    for (let c = -padding; c < image.cols + padding; c++) {
      const x = (c + padding) * cell;
      const y = (r + padding) * cell;
      const inside = r >= 0 && c >= 0 && r < image.rows && c < image.cols;
      if (inside) {
        const v = Math.round(255 * (1 - image.values[r * image.cols + c]!));
        ctx.fillStyle = `rgb(${v},${v},${v})`;
      } else ctx.fillStyle = '#c9ced6';
      ctx.fillRect(x, y, cell, cell);
      ctx.strokeStyle = 'rgba(128,128,128,0.35)';
      ctx.lineWidth = 0.5;
      ctx.strokeRect(x, y, cell, cell);
    }
  }
  if (window) {
    ctx.strokeStyle = accent;
    ctx.lineWidth = 3;
    ctx.strokeRect((window.col + padding) * cell, (window.row + padding) * cell, window.size * cell, window.size * cell);
  }
  if (cursor) {
    ctx.strokeStyle = '#e66101';
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect((cursor.col + padding) * cell + 1, (cursor.row + padding) * cell + 1, cell - 2, cell - 2);
    ctx.setLineDash([]);
  }
}

/** Output: signed values blue (−) to orange (+), scaled by the largest magnitude; cells not yet computed stay blank. */
export function drawOutput(ctx: CanvasRenderingContext2D, output: Grid, shown: number, selected: { i: number; j: number } | undefined, accent: string, fg: string): void {
  ctx.clearRect(0, 0, GRID_PX, GRID_PX);
  if (output.rows === 0) return;
  const cell = GRID_PX / Math.max(output.rows, output.cols);
  const scale = Math.max(1e-9, ...output.values.map(Math.abs));
  ctx.font = `${Math.min(11, Math.floor(cell / 3.2))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  output.values.forEach((v, k) => {
    const i = Math.floor(k / output.cols);
    const j = k % output.cols;
    const x = j * cell;
    const y = i * cell;
    ctx.strokeStyle = 'rgba(128,128,128,0.35)';
    ctx.lineWidth = 0.5;
    if (k < shown) {
      ctx.fillStyle = rgb(divergingRgb(v / scale));
      ctx.fillRect(x, y, cell, cell);
      if (cell >= 20) {
        ctx.fillStyle = fg;
        ctx.fillText(formatNumber(v, 2), x + cell / 2, y + cell / 2);
      }
    }
    ctx.strokeRect(x, y, cell, cell);
  });
  if (selected) {
    ctx.strokeStyle = accent;
    ctx.lineWidth = 3;
    ctx.strokeRect(selected.j * cell, selected.i * cell, cell, cell);
  }
}

/** The grid cell under a pointer position, in cells of size GRID_PX / count. */
export function cellAt(event: PointerEvent, canvas: HTMLCanvasElement, count: number): { row: number; col: number } {
  const rect = canvas.getBoundingClientRect();
  const col = Math.floor(((event.clientX - rect.left) / rect.width) * count);
  const row = Math.floor(((event.clientY - rect.top) / rect.height) * count);
  return { row, col };
}
