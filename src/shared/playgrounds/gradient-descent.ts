/**
 * Gradient descent playground, the maths: 2-D loss surfaces with exact gradients
 * and the optimizers' update rules, step by step, with every intermediate value
 * kept so the page can show the formula with numbers in it. Pure: no DOM.
 */

export type Vec2 = readonly [number, number];

export interface Surface {
  readonly name: SurfaceName;
  /** Loss at (x, y). */
  f(x: number, y: number): number;
  /** Exact gradient (∂f/∂x, ∂f/∂y). */
  grad(x: number, y: number): Vec2;
  /** Plotted window: [xMin, xMax, yMin, yMax]. */
  readonly domain: readonly [number, number, number, number];
  readonly start: Vec2;
  /** The minimum, where there is one (the saddle has none). */
  readonly minimum?: Vec2;
  /** A learning rate at which every optimizer makes visible progress. */
  readonly defaultLearningRate: number;
}

export const SURFACE_NAMES = ['bowl', 'valley', 'rosenbrock', 'saddle'] as const;
export type SurfaceName = (typeof SURFACE_NAMES)[number];

export const SURFACES: Record<SurfaceName, Surface> = {
  // f = x² + y²: convex, the same curvature (2) in every direction.
  bowl: { name: 'bowl', f: (x, y) => x * x + y * y, grad: (x, y) => [2 * x, 2 * y], domain: [-3, 3, -3, 3], start: [-2.5, 2], minimum: [0, 0], defaultLearningRate: 0.1 },
  // f = 0.1x² + 2y²: curvatures 0.2 and 4 (condition number 20), so plain steps zig-zag across the valley.
  valley: { name: 'valley', f: (x, y) => 0.1 * x * x + 2 * y * y, grad: (x, y) => [0.2 * x, 4 * y], domain: [-3, 3, -3, 3], start: [-2.8, 1.5], minimum: [0, 0], defaultLearningRate: 0.2 },
  // Rosenbrock (1960) with a = 1, b = 100: a curved, flat-bottomed valley, minimum at (1, 1).
  rosenbrock: {
    name: 'rosenbrock',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    domain: [-2, 2, -1, 3],
    start: [-1.5, 2],
    minimum: [1, 1],
    defaultLearningRate: 0.001,
  },
  // f = x² − y²: a saddle at the origin; starting just off the ridge, good optimizers escape along y.
  saddle: { name: 'saddle', f: (x, y) => x * x - y * y, grad: (x, y) => [2 * x, -2 * y], domain: [-3, 3, -3, 3], start: [-2.8, 0.01], defaultLearningRate: 0.05 },
};

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Hyper-parameters: Adam's β₁, β₂, ε are PyTorch's defaults; μ = 0.9 and ρ = 0.9 (Hinton's lecture value) are the usual choices. */
export interface Hyper {
  learningRate: number;
  momentum: number;
  rho: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}
export const DEFAULT_HYPER: Omit<Hyper, 'learningRate'> = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** An optimizer's state after t steps: position plus the per-coordinate buffers it keeps. */
export interface OptimizerState {
  readonly t: number;
  readonly theta: Vec2;
  /** Velocity (momentum, Nesterov) or first moment m (Adam). */
  readonly v: Vec2;
  /** Running mean of g² (RMSProp) or second moment (Adam). */
  readonly s: Vec2;
}

/** What one step computed, named as in the update formulas, for the page to print. */
export interface StepRecord {
  readonly t: number;
  readonly before: Vec2;
  readonly after: Vec2;
  /** The gradient used (for Nesterov: at the look-ahead point). */
  readonly g: Vec2;
  /** Nesterov's look-ahead point θ + μv. */
  readonly lookahead?: Vec2;
  readonly v?: Vec2;
  readonly s?: Vec2;
  readonly mHat?: Vec2;
  readonly sHat?: Vec2;
  /** θ_{t+1} − θ_t. */
  readonly delta: Vec2;
  readonly loss: number;
}

export function initialState(start: Vec2): OptimizerState {
  return { t: 0, theta: start, v: [0, 0], s: [0, 0] };
}

const map2 = (f: (i: 0 | 1) => number): Vec2 => [f(0), f(1)];

/** One update of `name` on `surface`. The state is immutable: the caller keeps the path. */
export function step(name: OptimizerName, surface: Surface, state: OptimizerState, h: Hyper): { state: OptimizerState; record: StepRecord } {
  const { theta } = state;
  const t = state.t + 1;
  const eta = h.learningRate;
  let after: Vec2;
  let g: Vec2;
  let extra: Partial<StepRecord> = {};
  let v = state.v;
  let s = state.s;
  switch (name) {
    case 'sgd': {
      // θ ← θ − η g
      g = surface.grad(...theta);
      after = map2((i) => theta[i] - eta * g[i]);
      break;
    }
    case 'momentum': {
      // v ← μv + g;  θ ← θ − ηv  (PyTorch's form, as on the concept page)
      g = surface.grad(...theta);
      v = map2((i) => h.momentum * state.v[i] + g[i]);
      after = map2((i) => theta[i] - eta * v[i]);
      extra = { v };
      break;
    }
    case 'nesterov': {
      // Sutskever et al. (2013): v ← μv − η∇f(θ + μv);  θ ← θ + v. The gradient is taken where momentum is about to carry us.
      const lookahead = map2((i) => theta[i] + h.momentum * state.v[i]);
      g = surface.grad(...lookahead);
      v = map2((i) => h.momentum * state.v[i] - eta * g[i]);
      after = map2((i) => theta[i] + v[i]);
      extra = { lookahead, v };
      break;
    }
    case 'rmsprop': {
      // s ← ρs + (1−ρ)g²;  θ ← θ − η g / (√s + ε)
      g = surface.grad(...theta);
      s = map2((i) => h.rho * state.s[i] + (1 - h.rho) * g[i] * g[i]);
      after = map2((i) => theta[i] - (eta * g[i]) / (Math.sqrt(s[i]) + h.epsilon));
      extra = { s };
      break;
    }
    case 'adam': {
      // Kingma & Ba (2015), Algorithm 1: bias-corrected first and second moments.
      g = surface.grad(...theta);
      v = map2((i) => h.beta1 * state.v[i] + (1 - h.beta1) * g[i]);
      s = map2((i) => h.beta2 * state.s[i] + (1 - h.beta2) * g[i] * g[i]);
      const mHat = map2((i) => v[i] / (1 - h.beta1 ** t));
      const sHat = map2((i) => s[i] / (1 - h.beta2 ** t));
      after = map2((i) => theta[i] - (eta * mHat[i]) / (Math.sqrt(sHat[i]) + h.epsilon));
      extra = { v, s, mHat, sHat };
      break;
    }
  }
  const record: StepRecord = { t, before: theta, after, g, delta: map2((i) => after[i] - theta[i]), loss: surface.f(...after), ...extra };
  return { state: { t, theta: after, v, s }, record };
}

/** A run has diverged once a coordinate is not finite or has left the plot by a factor of 100. */
export function hasDiverged(surface: Surface, theta: Vec2): boolean {
  const [x0, x1, y0, y1] = surface.domain;
  const reach = 100 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  return !theta.every(Number.isFinite) || Math.abs(theta[0]) > reach || Math.abs(theta[1]) > reach;
}

/** The first `steps` updates from the surface's start, stopping early on divergence. */
export function runPath(name: OptimizerName, surface: Surface, h: Hyper, steps: number): { path: Vec2[]; records: StepRecord[]; diverged: boolean } {
  let state = initialState(surface.start);
  const path: Vec2[] = [state.theta];
  const records: StepRecord[] = [];
  for (let i = 0; i < steps; i++) {
    const next = step(name, surface, state, h);
    state = next.state;
    path.push(state.theta);
    records.push(next.record);
    if (hasDiverged(surface, state.theta)) return { path, records, diverged: true };
  }
  return { path, records, diverged: false };
}
