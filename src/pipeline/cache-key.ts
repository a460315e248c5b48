/**
 * What build caches put in their keys besides their own inputs: the versions of the packages
 * whose output they keep, and the source of the pipeline (src/pipeline, src/shared), so that a
 * changed plugin or check never serves a stale result from .cache/.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function packageVersions(root: string, packages: readonly string[]): string {
  const require = createRequire(path.join(root, 'package.json'));
  return packages.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(',');
}

const sourceHashes = new Map<string, string>();

/** Hash of the pipeline's source (src/pipeline, src/shared), once per process and root. */
export function sourceHash(root: string): string {
  const known = sourceHashes.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  for (const sub of ['src/pipeline', 'src/shared']) {
    const dir = path.join(root, sub);
    if (!fs.existsSync(dir)) continue;
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
    for (const f of files) hash.update(`${sub}/${f}`).update(fs.readFileSync(path.join(dir, f)));
  }
  const digest = hash.digest('hex');
  sourceHashes.set(root, digest);
  return digest;
}
