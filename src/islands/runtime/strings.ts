/** UI strings in island code: the page hands them over in data-strings (src/shared/islands.ts picks the keys). */

/** `{name}` placeholders filled from params; unknown ones are left as written. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The strings on an island's root, as a lookup that fills placeholders. */
export function stringsOf(root: HTMLElement): (key: string, params?: Record<string, string | number>) => string {
  const table = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  return (key, params = {}) => format(table[key] ?? key, params);
}
