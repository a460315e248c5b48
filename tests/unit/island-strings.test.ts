import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISLANDS, type IslandInfo, type IslandName } from '../../src/shared/islands.ts';
import { uiTables } from '../../src/i18n/index.ts';

// The learning path links every island placed on named concept pages as "Try it: <island.name>";
// a missing string used to fail the whole build on /learning-path/.
test('every island on named concept pages has its island.<name> label in both languages', () => {
  const named = (Object.keys(ISLANDS) as IslandName[]).filter((name) => Array.isArray((ISLANDS[name].pages as IslandInfo['pages']).concept));
  assert.ok(named.includes('rnn') && named.includes('attention'));
  for (const lang of ['en', 'zh'] as const) {
    for (const name of named) assert.equal(typeof (uiTables[lang] as Record<string, string>)[`island.${name}`], 'string', `${lang}: island.${name}`);
  }
});
