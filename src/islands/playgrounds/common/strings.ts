/** UI strings for one playground, from the data-strings table the page rendered in its language. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `t('lr')` reads playground.<name>.lr, else playground.common.lr; a missing key shows itself, loudly. */
export function readStrings(root: HTMLElement, name: string): Translate {
  const table = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  return (key, params = {}) => {
    const text = table[`playground.${name}.${key}`] ?? table[`playground.common.${key}`] ?? `[${key}]`;
    return text.replace(/\{(\w+)\}/g, (whole, p: string) => (p in params ? String(params[p]) : whole));
  };
}
