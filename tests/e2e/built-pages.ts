/** Every HTML page of the built site under /zh/ and /en/, as URL paths (for the checks that visit them all). */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve('dist');

export function builtPages(lang: 'zh' | 'en'): string[] {
  const root = path.join(DIST, lang);
  if (!fs.existsSync(root)) throw new Error(`no ${root}: run npm run build first`);
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') pages.push(`/${path.relative(DIST, dir).split(path.sep).join('/')}/`);
    }
  };
  walk(root);
  return pages.sort();
}

/** Splits a list into `n` nearly equal chunks so parallel workers share the pages. */
export function chunks<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => out[i % n]!.push(item));
  return out.filter((c) => c.length > 0);
}
