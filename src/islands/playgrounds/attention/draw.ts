/** The attention playground's drawings: the weight matrix as a labelled heat map, and Q, K, V and the output as colour strips. */
import { divergingRgb } from '../common/canvas.ts';
import type { Matrix } from '../../../shared/playgrounds/attention.ts';

export const HEAT_PX = 420;
export const QKV_W = 560;
export const QKV_H = 150;
const LABEL = 70;

const short = (token: string) => (token.length > 8 ? `${token.slice(0, 7)}…` : token);

/** weights[i][j] as cells shaded 0 (white) → 1 (orange), the value printed in each, masked cells hatched grey. */
export function drawHeatmap(ctx: CanvasRenderingContext2D, weights: Matrix, tokens: readonly string[], masked: (i: number, j: number) => boolean, fg: string, focus?: { i: number; j: number }, accent = '#1f5fbf'): void {
  ctx.clearRect(0, 0, HEAT_PX, HEAT_PX);
  const n = tokens.length;
  if (n === 0) return;
  const cell = (HEAT_PX - LABEL) / n;
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = fg;
  ctx.textAlign = 'right';
  tokens.forEach((tok, i) => ctx.fillText(short(tok), LABEL - 6, LABEL + (i + 0.5) * cell + 4));
  // Short tokens (Chinese characters) stand upright over their column; longer words are slanted to fit.
  const slant = tokens.some((tok) => ctx.measureText(short(tok)).width > cell - 4);
  tokens.forEach((tok, j) => {
    ctx.save();
    ctx.translate(LABEL + (j + 0.5) * cell + (slant ? 4 : 0), LABEL - 6);
    if (slant) ctx.rotate(-Math.PI / 4);
    ctx.textAlign = slant ? 'left' : 'center';
    ctx.fillText(short(tok), 0, 0);
    ctx.restore();
  });
  ctx.textAlign = 'center';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = LABEL + j * cell;
      const y = LABEL + i * cell;
      const w = weights[i]![j]!;
      const [r, g, b] = masked(i, j) ? [225, 225, 225] : divergingRgb(w);
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      ctx.fillRect(x, y, cell - 1, cell - 1);
      if (cell >= 30) {
        ctx.fillStyle = w > 0.6 ? '#fff' : '#1a1a1a';
        ctx.fillText(masked(i, j) ? '−∞' : w.toFixed(2), x + cell / 2, y + cell / 2 + 4);
      }
    }
  }
  if (focus) {
    ctx.strokeStyle = accent;
    ctx.lineWidth = 3;
    ctx.strokeRect(LABEL + focus.j * cell + 1, LABEL + focus.i * cell + 1, cell - 3, cell - 3);
    ctx.lineWidth = 1;
  }
}

/** The cell under a pointer, or undefined outside the grid. */
export function heatCellAt(e: MouseEvent, canvas: HTMLCanvasElement, n: number): { i: number; j: number } | undefined {
  const rect = canvas.getBoundingClientRect();
  const px = ((e.clientX - rect.left) / rect.width) * HEAT_PX - LABEL;
  const py = ((e.clientY - rect.top) / rect.height) * HEAT_PX - LABEL;
  const cell = (HEAT_PX - LABEL) / n;
  const i = Math.floor(py / cell);
  const j = Math.floor(px / cell);
  return i >= 0 && j >= 0 && i < n && j < n ? { i, j } : undefined;
}

/** Q, K, V and the output side by side, one row per token, one column per dimension, each scaled by its own largest |value|. */
export function drawQkv(ctx: CanvasRenderingContext2D, blocks: ReadonlyArray<{ label: string; m: Matrix }>, fg: string): void {
  ctx.clearRect(0, 0, QKV_W, QKV_H);
  const n = blocks[0]?.m.length ?? 0;
  if (n === 0) return;
  const gap = 12;
  const bw = (QKV_W - gap * (blocks.length - 1)) / blocks.length;
  const rowH = Math.min(14, (QKV_H - 20) / n);
  ctx.font = '12px system-ui, sans-serif';
  blocks.forEach(({ label, m }, b) => {
    const x0 = b * (bw + gap);
    const cols = m[0]!.length;
    const max = Math.max(1e-12, ...m.flat().map(Math.abs));
    const cw = bw / cols;
    ctx.fillStyle = fg;
    ctx.textAlign = 'center';
    ctx.fillText(label, x0 + bw / 2, 12);
    m.forEach((row, i) => row.forEach((v, c) => {
      const [r, g, bl] = divergingRgb(v / max);
      ctx.fillStyle = `rgb(${r}, ${g}, ${bl})`;
      ctx.fillRect(x0 + c * cw, 20 + i * rowH, Math.max(1, cw - (cw > 3 ? 1 : 0)), rowH - 1);
    }));
  });
}
