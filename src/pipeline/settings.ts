/**
 * Where content lives: read once, used by every stage (the languages are in src/shared/locales.ts).
 * DEEPATLAS_ROOT points the pipeline at another checkout (tests build scratch copies).
 */
import path from 'node:path';

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
