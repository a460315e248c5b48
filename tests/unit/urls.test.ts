import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityPath, switchLangPath, withBase } from '../../src/shared/urls.ts';
import { pickTranslation } from '../../src/pipeline/translation.ts';

test('entity paths are per language and section', () => {
  assert.equal(entityPath('zh', 'concept', 'gradient-descent'), '/zh/concepts/gradient-descent/');
  assert.equal(entityPath('en', 'paper', 'vaswani2017attention'), '/en/papers/vaswani2017attention/');
  assert.equal(withBase('/deepatlas/', '/zh/'), '/deepatlas/zh/');
  assert.equal(withBase('/', '/zh/'), '/zh/');
});

test('the language switch keeps the page and the base path', () => {
  assert.equal(switchLangPath('/zh/concepts/transformer/', '/', 'en'), '/en/concepts/transformer/');
  assert.equal(switchLangPath('/deepatlas/en/papers/', '/deepatlas/', 'zh'), '/deepatlas/zh/papers/');
  assert.equal(switchLangPath('/404/', '/', 'en'), '/en/');
});

test('a missing translation falls back to the other language, flagged', () => {
  assert.deepEqual(pickTranslation({ zh: 'zh text' }, 'en'), { value: 'zh text', lang: 'zh', fallback: true });
  assert.deepEqual(pickTranslation({ zh: 'a', en: 'b' }, 'en'), { value: 'b', lang: 'en', fallback: false });
  assert.equal(pickTranslation({}, 'zh'), undefined);
});
