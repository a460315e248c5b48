import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Box, boxesFromProbabilityMap, ctcDecode, detectionSize, parseDictionary } from '../../src/shared/ocr/postprocess.ts';

test('the detector input keeps the aspect ratio in multiples of 32, at most 960', () => {
  assert.deepEqual(detectionSize(1920, 1080), { width: 960, height: 544, scale: 0.5 });
  assert.deepEqual(detectionSize(100, 40), { width: 96, height: 32, scale: 1 });
});

test('connected regions of the probability map become unclipped boxes in reading order', () => {
  const width = 40;
  const height = 20;
  const map = new Float32Array(width * height);
  const fill = (x0: number, y0: number, x1: number, y1: number, p: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = p;
  };
  fill(22, 2, 36, 8, 0.9); // right word, first line
  fill(5, 3, 18, 9, 0.95); // left word, first line
  fill(5, 12, 30, 17, 0.8); // second line
  fill(37, 15, 39, 19, 0.9); // too thin: dropped
  fill(32, 17, 36, 20, 0.4); // too faint: dropped
  const boxes = boxesFromProbabilityMap(map, width, height);
  assert.equal(boxes.length, 3);
  const [left, right, second] = boxes as [Box, Box, Box];
  assert.ok(left.x < right.x && Math.abs(left.y - right.y) < 2, 'first line, left to right');
  assert.ok(second.y > left.y + left.height / 2, 'then the second line');
  const first = boxes[0]!;
  const d = (13 * 6 * 1.5) / (2 * 19);
  assert.ok(Math.abs(first.x - (5 - d)) < 1e-9 && Math.abs(first.width - (13 + 2 * d)) < 1e-9, 'unclipped by area*ratio/perimeter');
});

test('CTC decoding merges repeats, drops blanks and reports confidence', () => {
  const dictionary = parseDictionary('深\n度\n学\n习\n');
  assert.deepEqual(dictionary, ['深', '度', '学', '习', ' ']);
  const classes = dictionary.length + 1;
  // steps: 深 深 blank 度 学 学 blank 学 习
  const sequence = [1, 1, 0, 2, 3, 3, 0, 3, 4];
  const probs = new Float32Array(sequence.length * classes);
  sequence.forEach((c, t) => (probs[t * classes + c] = 0.9));
  const { text, confidence } = ctcDecode(probs, sequence.length, classes, dictionary);
  assert.equal(text, '深度学学习');
  assert.ok(Math.abs(confidence - 0.9) < 1e-6);
});
