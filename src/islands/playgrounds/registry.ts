/**
 * The playgrounds' code, one lazy import each: demo-loader.ts calls these when a
 * root marked data-playground="<name>" scrolls into view. A new playground adds
 * one line here, its name in src/shared/playgrounds/names.ts, and its strings
 * (playground.<name>.*) in src/i18n.
 */
import type { PlaygroundName } from '../../shared/playgrounds/names.ts';

export const playgroundLoaders: Record<PlaygroundName, () => Promise<(root: HTMLElement) => void>> = {
  'gradient-descent': () => import('./gradient-descent/index.ts').then((m) => m.mount),
  backpropagation: () => import('./backpropagation/index.ts').then((m) => m.mount),
  convolution: () => import('./convolution/index.ts').then((m) => m.mount),
};

/** A link such as …#convolution:kernel=… asks for that playground at once. */
export const linkedPlayground = (root: HTMLElement) => Boolean(root.dataset.playground) && location.hash.startsWith(`#${root.dataset.playground}:`);
