/**
 * The real build (scripts/build.ts) on scratch copies: bad content stops it with
 * file:line messages and leaves the previous dist/ as it was; a missing
 * translation builds, and the page shows the other language with a notice.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
  // A stand-in for the last good site, which a failed build must not touch.
  scratch.write('dist/index.html', 'last good build');
});
after(() => scratch.dispose());

test('a broken link fails the build with file:line:column and keeps dist/', () => {
  const file = 'src/content/concepts/backpropagation/en.md';
  const original = scratch.read(file);
  scratch.write(file, `${original}\nSee [[gradiant-descent]].\n`);
  const line = original.split('\n').length + 1;
  const result = scratch.run('scripts/build.ts');
  scratch.write(file, original);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const output = result.stdout + result.stderr;
  assert.ok(
    output.includes(`${file}:${line}:5 error: unknown link target "gradiant-descent" (did you mean "gradient-descent"?)`),
    output,
  );
  assert.match(output, /dist\/ still holds the last successful build/);
  assert.equal(fs.readFileSync(path.join(scratch.root, 'dist/index.html'), 'utf8'), 'last good build');
});

test('bad frontmatter fails the build with file:line', () => {
  const file = 'src/content/concepts/learning-rate/zh.md';
  const original = scratch.read(file);
  scratch.write(file, original.replace(/^summary:.*$/m, 'summary: [not, a, string]'));
  const result = scratch.run('scripts/build.ts');
  scratch.write(file, original);
  assert.equal(result.status, 1);
  assert.ok((result.stdout + result.stderr).includes(`${file}:2:10 error: field "summary": expected string, got a list`), result.stdout + result.stderr);
  assert.equal(fs.readFileSync(path.join(scratch.root, 'dist/index.html'), 'utf8'), 'last good build');
});

test('a missing translation shows the other language with a notice, never a 404', () => {
  scratch.remove('src/content/concepts/learning-rate/en.md');
  const result = scratch.run('scripts/build.ts');
  assert.equal(result.status, 0, result.stdout + result.stderr);
  // The content pipeline (src/pipeline/site.ts) runs once for the check, the content layer and every page.
  assert.match(result.stdout + result.stderr, /content pipeline ran 1 time in this build/);
  const html = fs.readFileSync(path.join(scratch.root, 'dist/en/concepts/learning-rate/index.html'), 'utf8');
  assert.match(html, /<html lang="en"/);
  assert.match(html, /data-testid="translation-notice"[^>]*>This page has not been translated into English yet/);
  assert.match(html, /<div lang="zh-CN">/);
  const zhSummary = /^summary: (.*)$/m.exec(scratch.read('src/content/concepts/learning-rate/zh.md'))?.[1]?.replace(/^['"]|['"]$/g, '');
  assert.ok(zhSummary && html.includes(zhSummary.slice(0, 12)), 'the Chinese summary is on the English page');
  assert.doesNotMatch(fs.readFileSync(path.join(scratch.root, 'dist/zh/concepts/learning-rate/index.html'), 'utf8'), /translation-notice/);
});
