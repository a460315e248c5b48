/** The update formula of each optimizer with the numbers of the step just taken. */
import type { Hyper, OptimizerName, StepRecord, Vec2 } from '../../../shared/playgrounds/gradient-descent.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';

const v2 = (v: Vec2 | undefined) => (v ? `(${formatNumber(v[0], 3)}, ${formatNumber(v[1], 3)})` : '—');

/** Lines such as "v ← μv + g = (3.400, 6.800)"; symbols as on the concept page. */
export function formulaLines(name: OptimizerName, r: StepRecord): string[] {
  const g = `g = ∇f(θ) = ${v2(r.g)}`;
  switch (name) {
    case 'sgd':
      return [g, `θ ← θ − ηg = ${v2(r.after)}`];
    case 'momentum':
      return [g, `v ← μv + g = ${v2(r.v)}`, `θ ← θ − ηv = ${v2(r.after)}`];
    case 'nesterov':
      return [`θ + μv = ${v2(r.lookahead)}`, `g = ∇f(θ + μv) = ${v2(r.g)}`, `v ← μv − ηg = ${v2(r.v)}`, `θ ← θ + v = ${v2(r.after)}`];
    case 'rmsprop':
      return [g, `s ← ρs + (1 − ρ)g² = ${v2(r.s)}`, `θ ← θ − ηg / (√s + ε) = ${v2(r.after)}`];
    case 'adam':
      return [g, `m ← β₁m + (1 − β₁)g = ${v2(r.v)}`, `v ← β₂v + (1 − β₂)g² = ${v2(r.s)}`, `m̂ = ${v2(r.mHat)}, v̂ = ${v2(r.sHat)}`, `θ ← θ − ηm̂ / (√v̂ + ε) = ${v2(r.after)}`];
  }
}

/** The hyper-parameters in use, one line. */
export function hyperLine(h: Hyper): string {
  return `η = ${formatNumber(h.learningRate)}, μ = ${h.momentum}, ρ = ${h.rho}, β₁ = ${h.beta1}, β₂ = ${h.beta2}, ε = ${h.epsilon}`;
}
