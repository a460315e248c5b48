/**
 * The formatted-reference cache (.cache/references/v1.jsonl) is shared by the threads and
 * processes of a build: the note worker formats every paper's references early, and a page
 * that misses one reads what was appended since it last looked before running citeproc.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseBibFile } from '../../src/pipeline/bib.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-refs-'));
// A project of its own for the cache file, with the repository's citation styles.
fs.mkdirSync(path.join(root, 'src'));
fs.symlinkSync(new URL('../../src/citations', import.meta.url).pathname, path.join(root, 'src/citations'), 'dir');
process.env.DEEPATLAS_ROOT = root;
process.env.DEEPATLAS_ACCESS_DATE = '2026-09-01';
after(() => fs.rmSync(root, { recursive: true, force: true }));
const { formatReference, referenceKey, STYLES, uncachedReferences, warmReferences } = await import('../../src/pipeline/cite.ts');

const papersDir = new URL('../../papers/', import.meta.url).pathname;
const [a, b, c, d, e] = fs.readdirSync(papersDir).sort().slice(0, 5).map((key) => parseBibFile(fs.readFileSync(path.join(papersDir, key, 'paper.bib'), 'utf8'), `papers/${key}/paper.bib`, key).paper!.csl);
const file = path.join(root, '.cache/references/v1.jsonl');

test('a reference another thread appended after this one read the file is taken from it, not formatted again', () => {
  const own = formatReference(a!, 'apa');
  assert.match(own, /\w/);
  assert.ok(fs.readFileSync(file, 'utf8').includes(referenceKey(a!, 'apa')), 'formatted references are appended');
  // What the worker would have written meanwhile (a marker instead of citeproc's HTML).
  fs.appendFileSync(file, `${JSON.stringify([referenceKey(b!, 'ieee'), 'FROM-THE-WORKER'])}\n`);
  assert.equal(formatReference(b!, 'ieee'), 'FROM-THE-WORKER');
});

test('lists read appended lines too, and a line still being written is left for later', () => {
  const line = JSON.stringify([referenceKey(c!, 'gbt7714'), 'WORKER-GB']);
  const half = JSON.stringify([referenceKey(c!, 'apa'), 'WORKER-APA']);
  fs.appendFileSync(file, `${line}\n${half.slice(0, 20)}`);
  warmReferences([c!], 'gbt7714');
  assert.equal(formatReference(c!, 'gbt7714'), 'WORKER-GB');
  // The cut line was not taken (nor broke anything); once finished, it is read.
  fs.appendFileSync(file, `${half.slice(20)}\n`);
  assert.equal(formatReference(c!, 'apa'), 'WORKER-APA');
});

test('the works still to format are counted in every style, including what another thread appended', () => {
  assert.equal(uncachedReferences([d!, e!]), 2);
  const styles = Object.keys(STYLES) as Array<keyof typeof STYLES>;
  for (const style of styles) warmReferences([d!], style);
  assert.equal(uncachedReferences([d!, e!]), 1, 'd is formatted in every style');
  // e in all styles but one, as a worker would have appended it: still missing a style.
  fs.appendFileSync(file, styles.slice(1).map((style) => `${JSON.stringify([referenceKey(e!, style), 'W'])}\n`).join(''));
  assert.equal(uncachedReferences([d!, e!]), 1);
  fs.appendFileSync(file, `${JSON.stringify([referenceKey(e!, styles[0]!), 'W'])}\n`);
  assert.equal(uncachedReferences([d!, e!]), 0);
});
