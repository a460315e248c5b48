/**
 * Code that runs in the reader's browser (src/shared/, src/islands/) must not reach for Node or
 * for the build pipeline: a `node:*` import, a Node built-in or an import of src/pipeline/ there
 * would break the bundle or ship build code to readers. (After Starlight's no-node-builtins test.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const NODE_BUILTINS = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file imports, statically or dynamically, with its line. */
export function importsOf(text: string): Array<{ specifier: string; line: number }> {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;
  return [...text.matchAll(pattern)].map((m) => ({ specifier: m[2]!, line: text.slice(0, m.index).split('\n').length }));
}

function violations(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return importsOf(text).flatMap(({ specifier, line }) => {
    const where = `${path.relative(SRC, file)}:${line}`;
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!)) return [`${where} imports the Node module "${specifier}"`];
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier);
      if (target.startsWith(path.join(SRC, 'pipeline') + path.sep)) return [`${where} imports build code "${specifier}"`];
      if (target.startsWith(path.join(SRC, 'data') + path.sep)) return [`${where} imports build-time data "${specifier}"`];
    }
    return [];
  });
}

test('the import scanner sees static, dynamic and side-effect imports', () => {
  const found = importsOf("import fs from 'node:fs';\nconst m = await import('../pipeline/site.ts');\nimport './x.ts';\nexport { a } from \"b\";").map((i) => `${i.line}:${i.specifier}`);
  assert.deepEqual(found, ['1:node:fs', '2:../pipeline/site.ts', '3:./x.ts', '4:b']);
});

for (const folder of ['shared', 'islands']) {
  test(`src/${folder}/ imports neither Node nor the build pipeline`, () => {
    const files = sourceFiles(path.join(SRC, folder));
    assert.ok(files.length > 0, `no source files found in src/${folder}/`);
    assert.deepEqual(files.flatMap(violations), []);
  });
}
