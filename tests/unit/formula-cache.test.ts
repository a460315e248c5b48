/** src/pipeline/formula-cache.ts: a display formula's KaTeX HTML, kept on disk across builds. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { renderDisplayFormula } from '../../src/pipeline/formula-cache.ts';
import { renderTex } from '../../src/pipeline/math.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;

test('a display formula is rendered as renderTex renders it, stored, and read back; errors are not stored', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-katex-'));
  try {
    // The project's package.json, so the key names the KaTeX version the site uses.
    fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const tex = '\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V';
    const first = renderDisplayFormula(tex, root);
    assert.equal(first.html, renderTex(tex, true).html);
    const stored = fs.readdirSync(path.join(root, '.cache/katex'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    assert.equal(stored.length, 1);
    // What the file holds is what comes back (a marker proves it is read, not rendered again).
    fs.writeFileSync(path.join(root, '.cache/katex', stored[0]!), 'FROM-THE-CACHE');
    assert.deepEqual(renderDisplayFormula(tex, root), { html: 'FROM-THE-CACHE' });
    assert.match(renderDisplayFormula('\\frac{1}{', root).error ?? '', /expected/);
    assert.equal(fs.readdirSync(path.join(root, '.cache/katex'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length, 1, 'the error is not stored');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
