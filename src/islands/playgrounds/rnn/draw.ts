/** The RNN playground's two drawings: state and gate heat maps per step, and gradient norms on a log scale. */
import { SERIES_COLORS, divergingRgb } from '../common/canvas.ts';

export const STATES_W = 560;
export const GRAD_W = 560;
export const GRAD_H = 220;
const LABEL_W = 96;
const CELL_H = 9;
const GAP = 8;

export interface StateRow {
  label: string;
  /** One column per step, each a vector of values. */
  columns: number[][];
  /** Gates run 0…1, states −1…1. */
  kind: 'signed' | 'unit';
}

const rgb = ([r, g, b]: [number, number, number]) => `rgb(${r}, ${g}, ${b})`;

export function statesHeight(rows: readonly StateRow[]): number {
  return 24 + rows.reduce((h, r) => h + (r.columns[0]?.length ?? 4) * CELL_H + GAP, 0);
}

export function drawStates(ctx: CanvasRenderingContext2D, rows: readonly StateRow[], symbols: readonly string[], fg: string): void {
  ctx.clearRect(0, 0, STATES_W, statesHeight(rows));
  const steps = symbols.length;
  if (steps === 0) return;
  const cellW = Math.min(28, (STATES_W - LABEL_W) / steps);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = fg;
  ctx.textAlign = 'center';
  symbols.forEach((s, t) => ctx.fillText(s === ' ' ? '␣' : s, LABEL_W + (t + 0.5) * cellW, 14));
  let y = 24;
  for (const row of rows) {
    const units = row.columns[0]?.length ?? 0;
    ctx.fillStyle = fg;
    ctx.textAlign = 'right';
    ctx.fillText(row.label, LABEL_W - 6, y + (units * CELL_H) / 2 + 4);
    row.columns.forEach((col, t) => col.forEach((v, k) => {
      ctx.fillStyle = rgb(divergingRgb(v)); // gates (0…1) use the orange half only
      ctx.fillRect(LABEL_W + t * cellW, y + k * CELL_H, cellW - 1, CELL_H - 1);
    }));
    y += units * CELL_H + GAP;
  }
}

/** log10 of the norms, clamped to the plotted range, so a vanished (≈0) or exploded gradient stays on the chart. */
const LOG_MIN = -8;
const LOG_MAX = 4;

export function drawGradients(ctx: CanvasRenderingContext2D, series: ReadonlyArray<readonly number[]>, fg: string, grid: string): void {
  ctx.clearRect(0, 0, GRAD_W, GRAD_H);
  const left = 48;
  const top = 10;
  const w = GRAD_W - left - 12;
  const h = GRAD_H - top - 28;
  const steps = series[0]?.length ?? 0;
  const yOf = (norm: number) => {
    const l = norm > 0 ? Math.log10(norm) : LOG_MIN;
    return top + h * (1 - (Math.max(LOG_MIN, Math.min(LOG_MAX, l)) - LOG_MIN) / (LOG_MAX - LOG_MIN));
  };
  const xOf = (t: number) => left + (steps <= 1 ? w / 2 : (t / (steps - 1)) * w);
  ctx.font = '11px system-ui, sans-serif';
  ctx.strokeStyle = grid;
  ctx.fillStyle = fg;
  ctx.textAlign = 'right';
  for (let e = LOG_MIN; e <= LOG_MAX; e += 2) {
    const y = yOf(10 ** e);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + w, y);
    ctx.stroke();
    ctx.fillText(e === 0 ? '1' : `1e${e}`, left - 4, y + 4);
  }
  ctx.textAlign = 'center';
  for (let t = 0; t < steps; t++) ctx.fillText(String(t + 1), xOf(t), top + h + 16);
  series.forEach((norms, s) => {
    ctx.strokeStyle = SERIES_COLORS[s]!;
    ctx.fillStyle = SERIES_COLORS[s]!;
    ctx.lineWidth = 2;
    ctx.beginPath();
    norms.forEach((n, t) => (t === 0 ? ctx.moveTo(xOf(t), yOf(n)) : ctx.lineTo(xOf(t), yOf(n))));
    ctx.stroke();
    norms.forEach((n, t) => {
      ctx.beginPath();
      ctx.arc(xOf(t), yOf(n), 3, 0, 2 * Math.PI);
      ctx.fill();
    });
  });
  ctx.lineWidth = 1;
}
