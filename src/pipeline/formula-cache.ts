/**
 * KaTeX's HTML for a display formula, kept on disk (.cache/katex/) across builds. The paper pages'
 * key equations were rendered afresh on every build (~5 ms each in a cold process: 0.2-0.4 s of
 * page generation for 74 formulas), although KaTeX's output depends only on the formula, the
 * options and KaTeX's version, which make the key. Notes keep their own HTML in .cache/notes.
 * One small file per formula, written under a temporary name, so concurrent builds never read
 * half of one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageVersions } from './cache-key.ts';
import { writeAtomically } from './json-cache.ts';
import { KATEX_OPTIONS, renderTex } from './math.ts';

let fixedKey: string | undefined;

/** renderTex(tex, true) through the disk cache of `root`; errors are never stored. */
export function renderDisplayFormula(tex: string, root: string): { html?: string; error?: string } {
  fixedKey ??= `${packageVersions(root, ['katex'])}\n${JSON.stringify(KATEX_OPTIONS)}\n`;
  const key = createHash('sha256').update(fixedKey).update(tex).digest('hex');
  const file = path.join(root, '.cache', 'katex', key.slice(0, 2), `${key.slice(2)}.html`);
  try {
    return { html: fs.readFileSync(file, 'utf8') };
  } catch {
    // Not rendered by an earlier build.
  }
  const rendered = renderTex(tex, true);
  if (rendered.html !== undefined) writeAtomically(file, rendered.html);
  return rendered;
}
