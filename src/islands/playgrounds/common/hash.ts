/** Keeps a playground's state in the URL hash (replaceState: changing a slider adds no history entry). */
import { formatHash, parseHash, type Schema } from '../../../shared/playgrounds/hash-state.ts';

export function hashState<S>(name: string, schema: Schema<S>): { initial: S; save: (state: S) => void; defaults: () => S } {
  return {
    initial: parseHash(location.hash, name, schema),
    defaults: () => parseHash('', name, schema),
    save: (state) => {
      const hash = formatHash(name, state, schema);
      if (hash !== location.hash) history.replaceState(history.state, '', hash === `#${name}:` ? location.pathname + location.search : hash);
    },
  };
}
