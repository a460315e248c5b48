/** Numbers as the playgrounds print them: 4 significant digits, exponent form when tiny or huge. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e5 || abs < 1e-3 ? x.toExponential(digits - 2) : x.toFixed(Math.max(0, digits - 1 - Math.floor(Math.log10(abs))));
  // A true minus sign reads better next to formulas.
  return text.replaceAll('-', '−');
}
