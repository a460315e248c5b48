/**
 * The island registry (src/shared/islands.ts) is the one place a demo or playground is declared:
 * every entry must have its code, its markup and its strings, or it would silently not appear.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { uiTables } from '../../src/i18n/index.ts';
import { ISLANDS, islandsFor } from '../../src/shared/islands.ts';

const src = new URL('../../src/', import.meta.url);
const exists = (path: string) => fs.existsSync(new URL(path, src));

test('every registered island has its module, its markup and its title in both languages', () => {
  for (const [name, island] of Object.entries(ISLANDS)) {
    const module = [`islands/${name}/index.ts`, `islands/playgrounds/${name}/index.ts`].find(exists);
    assert.ok(module, `${name}: src/islands/${name}/index.ts (or playgrounds/${name}/) exports mount()`);
    assert.match(fs.readFileSync(new URL(module, src), 'utf8'), /export (async )?function mount\(/, `${name}: ${module} exports mount(root)`);
    if (name !== 'graph') assert.ok(exists(`components/islands/${name}.astro`), `${name}: src/components/islands/${name}.astro renders its markup`);
    for (const lang of ['zh', 'en'] as const) {
      assert.ok(island.title in uiTables[lang], `${name}: title key ${island.title} in src/i18n/${lang}.json`);
      for (const prefix of island.strings) assert.ok(Object.keys(uiTables[lang]).some((k) => k.startsWith(prefix)), `${name}: some ${prefix}* string in ${lang}`);
    }
  }
});

test('pages find their islands by kind and id; "all" places one on every page of a kind', () => {
  assert.deepEqual(islandsFor('concept', 'convolution').filter((n) => n !== 'local-graph').sort(), ['convolution', 'ocr']);
  assert.ok(islandsFor('paper', 'anything').includes('local-graph'));
  assert.ok(!islandsFor('resource', 'pytorch').includes('local-graph'));
});
