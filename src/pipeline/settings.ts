/**
 * Where content lives and which languages the site speaks: read once, used by every stage.
 * DEEPATLAS_ROOT points the pipeline at another checkout (tests build scratch copies).
 */
import path from 'node:path';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

export interface ProjectPaths {
  root: string;
  papersDir: string;
  conceptsDir: string;
  resourcesDir: string;
  sourcesDir: string;
}

export function projectPaths(root: string = process.env.DEEPATLAS_ROOT ?? process.cwd()): ProjectPaths {
  const abs = path.resolve(root);
  return {
    root: abs,
    papersDir: path.join(abs, 'papers'),
    conceptsDir: path.join(abs, 'src/content/concepts'),
    resourcesDir: path.join(abs, 'src/content/resources'),
    sourcesDir: path.join(abs, 'src/content/sources'),
  };
}

/** Project-relative path with forward slashes, as diagnostics print it. */
export function relativeToRoot(paths: ProjectPaths, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}
