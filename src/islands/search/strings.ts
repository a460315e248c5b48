/** The panel's UI strings (from data-strings, in the page's language) and their placeholders. */
export type Strings = Record<string, string>;

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The `kind.*` labels: the type filter's values are these labels. */
export function kindLabelsOf(strings: Strings): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([k]) => k.startsWith('kind.')));
}
