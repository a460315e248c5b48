import assert from 'node:assert/strict';
import { test } from 'node:test';
import { booleanField, digitsField, enumField, formatHash, numberField, numberListField, parseHash, setField, type Schema } from '../../src/shared/playgrounds/hash-state.ts';

type State = { surface: 'bowl' | 'valley'; lr: number; width: number; mask: boolean; opt: Array<'sgd' | 'momentum' | 'adam'>; kernel: number[]; image: number[] };

const schema: Schema<State> = {
  surface: enumField(['bowl', 'valley'], 'bowl'),
  lr: numberField(1e-5, 10, 0.1),
  width: numberField(1, 8, 4, true),
  mask: booleanField(false),
  opt: setField(['sgd', 'momentum', 'adam'], ['sgd', 'adam']),
  kernel: numberListField(3, -10, 10, [0, 1, 0]),
  image: digitsField(4, [0, 0, 0, 0]),
};

test('defaults when the hash is empty or belongs to another playground', () => {
  const defaults: State = { surface: 'bowl', lr: 0.1, width: 4, mask: false, opt: ['sgd', 'adam'], kernel: [0, 1, 0], image: [0, 0, 0, 0] };
  assert.deepEqual(parseHash('', 'gd', schema), defaults);
  assert.deepEqual(parseHash('#section-formulas', 'gd', schema), defaults);
  assert.deepEqual(parseHash('#conv:surface=valley', 'gd', schema), defaults);
  assert.equal(formatHash('gd', defaults, schema), '#gd:');
});

test('a state survives the round trip through the hash', () => {
  const state: State = { surface: 'valley', lr: 0.003, width: 7, mask: true, opt: ['momentum', 'adam'], kernel: [-1, 0.5, 2], image: [0, 1, 1, 0] };
  const hash = formatHash('gd', state, schema);
  assert.equal(hash, '#gd:surface=valley&lr=0.003&width=7&mask=1&opt=momentum,adam&kernel=-1,0.5,2&image=0990');
  assert.deepEqual(parseHash(hash, 'gd', schema), state);
});

test('malformed or out-of-range fields fall back to their defaults, the others are kept', () => {
  const s = parseHash('#gd:surface=volcano&lr=1e9&width=2.5&mask=yes&opt=sgd,lbfgs&kernel=1,2&image=09x0&unknown=1', 'gd', schema);
  assert.deepEqual(s, { surface: 'bowl', lr: 0.1, width: 4, mask: false, opt: ['sgd', 'adam'], kernel: [0, 1, 0], image: [0, 0, 0, 0] });
  assert.equal(parseHash('#gd:lr=&width=3', 'gd', schema).lr, 0.1);
  assert.equal(parseHash('#gd:lr=&width=3', 'gd', schema).width, 3);
  // The set keeps the schema's order whatever the link's order.
  assert.deepEqual(parseHash('#gd:opt=adam,sgd', 'gd', schema).opt, ['sgd', 'adam']);
});
