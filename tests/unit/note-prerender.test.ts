/** src/pipeline/note-prerender.ts: two threads drain one list of notes through a shared counter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drainNotes } from '../../src/pipeline/note-prerender.ts';

test('two drains sharing a counter render every note exactly once between them', async () => {
  const files = Array.from({ length: 50 }, (_, i) => `papers/p${i}/en.md`);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const rendered: string[] = [];
  const render = async (file: string) => {
    await new Promise((resolve) => setTimeout(resolve, file.length % 3));
    rendered.push(file);
  };
  const [a, b] = await Promise.all([drainNotes(files, counter, render), drainNotes(files, counter, render)]);
  assert.equal(a + b, files.length);
  assert.ok(a > 0 && b > 0, 'both took a share');
  assert.deepEqual([...rendered].sort(), [...files].sort());
  assert.equal(await drainNotes(files, counter, render), 0, 'a late joiner finds nothing left');
});
