import assert from 'node:assert/strict';
import { test } from 'node:test';
import { t, uiTables } from '../../src/i18n/index.ts';
import { TOPICS } from '../../src/schemas/concept.ts';
import { RESOURCE_KINDS } from '../../src/schemas/resource.ts';

test('the Chinese and English UI tables have the same keys', () => {
  assert.deepEqual(Object.keys(uiTables.zh).sort(), Object.keys(uiTables.en).sort());
});

test('every topic and resource kind has a label in both languages', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const topic of TOPICS) assert.ok(uiTables[lang][`topic.${topic}` as keyof typeof uiTables.en], `topic.${topic} (${lang})`);
    for (const kind of RESOURCE_KINDS) assert.ok(uiTables[lang][`resources.kind.${kind}` as keyof typeof uiTables.en], `resources.kind.${kind} (${lang})`);
  }
});

test('placeholders are filled', () => {
  assert.equal(t('en', 'papers.count', { count: 4 }), '4 papers');
  assert.equal(t('zh', 'papers.count', { count: 4 }), '4 篇论文');
});
