/**
 * A playground's state in the URL hash, so a link reproduces what the reader saw:
 * `#gradient-descent:surface=valley&lr=0.05`. One playground per hash; fields
 * left at their default are omitted; anything malformed falls back to the default
 * (a link is input from anyone, so nothing from it is trusted beyond its field).
 */

export interface Field<T> {
  readonly default: T;
  /** The value, or undefined when the text is not a valid value. */
  parse(text: string): T | undefined;
  format(value: T): string;
}

export type Schema<S> = { readonly [K in keyof S]: Field<S[K]> };

export function enumField<const V extends string>(values: readonly V[], fallback: V): Field<V> {
  return { default: fallback, parse: (t) => (values as readonly string[]).includes(t) ? (t as V) : undefined, format: (v) => v };
}

export function numberField(min: number, max: number, fallback: number, integer = false): Field<number> {
  return {
    default: fallback,
    parse: (t) => {
      const n = Number(t);
      return t.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n)) ? n : undefined;
    },
    format: (v) => String(v),
  };
}

export function booleanField(fallback: boolean): Field<boolean> {
  return { default: fallback, parse: (t) => (t === '1' ? true : t === '0' ? false : undefined), format: (v) => (v ? '1' : '0') };
}

/** A non-empty subset of `values`, comma-separated, in the order of `values`. */
export function setField<const V extends string>(values: readonly V[], fallback: readonly V[]): Field<V[]> {
  return {
    default: [...fallback],
    parse: (t) => {
      const parts = t.split(',');
      return parts.length > 0 && parts.every((p) => (values as readonly string[]).includes(p)) ? values.filter((v) => parts.includes(v)) : undefined;
    },
    format: (v) => v.join(','),
  };
}

/** `length` numbers in [min, max], comma-separated (a 3×3 kernel). */
export function numberListField(length: number, min: number, max: number, fallback: readonly number[]): Field<number[]> {
  return {
    default: [...fallback],
    parse: (t) => {
      const parts = t.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
      return parts.length === length && parts.every((n) => Number.isFinite(n) && n >= min && n <= max) ? parts : undefined;
    },
    format: (v) => v.map((n) => String(Number(n.toPrecision(6)))).join(','),
  };
}

/** `length` values in [0, 1] stored as one digit 0-9 each (a drawn 12×12 image). */
export function digitsField(length: number, fallback: readonly number[]): Field<number[]> {
  return {
    default: [...fallback],
    parse: (t) => (t.length === length && /^[0-9]+$/.test(t) ? [...t].map((ch) => Number(ch) / 9) : undefined),
    format: (v) => v.map((x) => String(Math.round(Math.min(1, Math.max(0, x)) * 9))).join(''),
  };
}

const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** The state a hash describes for playground `name`: defaults for every field it lacks or garbles. */
export function parseHash<S>(hash: string, name: string, schema: Schema<S>): S {
  const state = Object.fromEntries(Object.entries(schema).map(([k, f]) => [k, structuredClone((f as Field<unknown>).default)])) as S;
  const prefix = `#${name}:`;
  if (!hash.startsWith(prefix)) return state;
  const params = new URLSearchParams(hash.slice(prefix.length));
  for (const key of Object.keys(schema) as Array<keyof S & string>) {
    const text = params.get(key);
    if (text === null) continue;
    const value = schema[key].parse(text);
    if (value !== undefined) state[key] = value;
  }
  return state;
}

/** The hash for a state; just `#name:` when everything is at its default. */
export function formatHash<S>(name: string, state: NoInfer<S>, schema: Schema<S>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(schema) as Array<keyof S & string>) {
    const field = schema[key];
    if (!same(state[key], field.default)) params.set(key, field.format(state[key]));
  }
  // Commas stay readable: they are legal in a fragment.
  return `#${name}:${params.toString().replaceAll('%2C', ',')}`;
}
