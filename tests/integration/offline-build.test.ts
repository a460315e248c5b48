/**
 * The build makes no network request: citation-js must not fetch styles or
 * locales, Astro must not send telemetry, nothing may download a font or a model.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, scratchCopy, type Scratch } from '../helpers/scratch.ts';

const HOOK = path.join(REPO, 'tests/helpers/deny-network.ts');
let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

test('the network guard itself catches a request', () => {
  const probe = spawnSync(process.execPath, ['--import', HOOK, '-e', "fetch('https://example.org').catch(() => {})"], { encoding: 'utf8' });
  assert.match(probe.stderr, /NETWORK DENIED: fetch https:\/\/example.org/);
});

test('the whole site builds with the network denied', () => {
  const result = spawnSync(process.execPath, ['--import', HOOK, 'scripts/build.ts'], {
    cwd: scratch.root,
    encoding: 'utf8',
    env: { ...process.env, DEEPATLAS_ROOT: scratch.root, NO_COLOR: '1' },
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.doesNotMatch(result.stderr, /NETWORK DENIED/);
  assert.ok(fs.existsSync(path.join(scratch.root, 'dist/cite/vaswani2017attention.ris')));
  const page = fs.readFileSync(path.join(scratch.root, 'dist/zh/papers/vaswani2017attention/index.html'), 'utf8');
  assert.match(page, /VASWANI A, SHAZEER N, PARMAR N, et al\./);
});
