import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createResolver, normalizeTarget } from '../../src/pipeline/resolver.ts';
import { catalogOf, concept, paper, resource } from '../helpers/catalog-fixture.ts';

const gd = concept('gradient-descent', { zh: '梯度下降', en: 'Gradient descent' }, { aliases: ['GD', 'steepest descent'] });
const resnet = paper('he2016resnet', 2016, { aliases: ['ResNet'] });
const torch = resource('pytorch', { zh: 'PyTorch', en: 'PyTorch' });
const resolver = createResolver(catalogOf([gd, resnet, torch]));

test('targets normalise case, width, spaces, hyphens and underscores', () => {
  assert.equal(normalizeTarget('Gradient Descent'), 'gradient-descent');
  assert.equal(normalizeTarget(' gradient_descent '), 'gradient-descent');
  assert.equal(normalizeTarget('ＧＤ'), 'gd');
});

test('an entity resolves by id, either name, alias, and a paper by its short name', () => {
  for (const target of ['gradient-descent', '梯度下降', 'gradient descent', 'GD', 'Steepest Descent']) assert.equal(resolver.resolve(target), gd, target);
  assert.equal(resolver.resolve('ResNet'), resnet);
  assert.equal(resolver.resolve('he2016resnet'), resnet);
  assert.equal(resolver.resolve('pytorch'), torch);
  assert.equal(resolver.resolve('nothing-like-this'), undefined);
});

test('citations resolve by paper key only', () => {
  assert.equal(resolver.resolvePaper('he2016resnet'), resnet);
  assert.equal(resolver.resolvePaper('ResNet'), undefined);
});

test('a typo gets the closest id, restricted to a kind when asked', () => {
  assert.equal(resolver.suggest('gradiant-descent'), 'gradient-descent');
  assert.equal(resolver.suggest('he2016resnt', 'paper'), 'he2016resnet');
  assert.equal(resolver.suggest('gradiant-descent', 'paper'), undefined);
  assert.equal(resolver.suggest('completely unrelated words'), undefined);
});

test('a name claimed by two entities is a conflict on the second', () => {
  const clash = createResolver(catalogOf([gd, paper('x2020', 2020, { aliases: ['GD'] })]));
  assert.equal(clash.conflicts.length, 1);
  assert.equal(clash.conflicts[0]!.rule, 'link/alias-conflict');
  assert.equal(clash.conflicts[0]!.file, 'papers/x2020/meta.yaml');
  assert.match(clash.conflicts[0]!.message, /name or alias "GD" is also used by concept "gradient-descent"/);
  assert.equal(clash.resolve('GD'), gd);
});
