/**
 * A maintainer's whole flow on a scratch copy: scaffold a paper from a .bib
 * file, see the check ask for the notes, fill them in, check again, build, and
 * find the page, its formatted citation and its links in the built site.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

const BIB = path.join(REPO, 'tests/fixtures/new-paper/he2016identity.bib');
const html = (page: string) => fs.readFileSync(path.join(scratch.root, 'dist', page, 'index.html'), 'utf8');

test('scaffold, fill in, check and build a new paper', () => {
  const scaffold = scratch.run('scripts/new-paper.ts', [BIB]);
  assert.equal(scaffold.status, 0, scaffold.stderr);
  assert.match(scaffold.stdout, /created papers\/he2016identity\//);
  assert.match(scratch.read('papers/he2016identity/en.md'), /^# He et al\. \(2016\): Identity Mappings in Deep Residual Networks, Computer Vision – ECCV 2016$/m);
  assert.match(scratch.read('papers/he2016identity/zh.md'), /^## 核心思想$/m);

  const again = scratch.run('scripts/new-paper.ts', [BIB]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /key "he2016identity" is already in the knowledge base: papers\/he2016identity\//);
  assert.match(again.stderr, /DOI 10\.1007\/978-3-319-46493-0_38 is already in the knowledge base: papers\/he2016identity\//);

  const unfinished = scratch.run('scripts/check.ts');
  assert.equal(unfinished.status, 1);
  assert.match(unfinished.stdout, /papers\/he2016identity\/en\.md:4:10 error: field "summary": expected a summary of at least 10 characters/);

  for (const [lang, summary, body] of [
    ['en', 'Shows that identity shortcuts with pre-activation make very deep residual networks easier to train.',
      'The key idea keeps the shortcut a pure identity, so the signal flows unchanged; training uses [[gradient-descent]] as in [@vaswani2017attention].'],
    ['zh', '说明采用预激活的恒等捷径能让很深的残差网络更容易训练。',
      '核心思想是让捷径保持纯粹的恒等映射；训练仍用[[梯度下降]]，参见 [@vaswani2017attention]。'],
  ] as const) {
    scratch.edit(`papers/he2016identity/${lang}.md`, (t) =>
      t.replace("summary: ''", `summary: ${summary}`).replace("concepts: []", 'concepts: [gradient-descent]').replace(/(## (?:The key idea|核心思想)\n)/, `$1\n${body}\n`));
  }
  const checked = scratch.run('scripts/check.ts');
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);

  const built = scratch.run('scripts/build.ts');
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const en = html('en/papers/he2016identity');
  assert.match(en, /<h1[^>]*>Identity Mappings in Deep Residual Networks<\/h1>/);
  assert.match(en, /He, K\., Zhang, X\., Ren, S\., &#38; Sun, J\. \(2016\)\. Identity mappings in deep residual networks\. In <i>Computer Vision – ECCV 2016<\/i> \(pp\. 630–645\)\./);
  assert.match(en, /href="\/en\/concepts\/gradient-descent\/"/);
  assert.match(en, /href="https:\/\/doi\.org\/10\.1007\/978-3-319-46493-0_38"/);
  const zh = html('zh/papers/he2016identity');
  assert.match(zh, /HE K, ZHANG X, REN S, et al\. Identity Mappings in Deep Residual Networks\[C\]\/\/Computer Vision – ECCV 2016\. \[S\.l\.\]: \[s\.n\.\], 2016: 630-645\. DOI:10\.1007\/978-3-319-46493-0_38\./);
  assert.match(zh, /<a href="\/zh\/concepts\/gradient-descent\/" class="xref xref-concept" data-kind="concept">梯度下降<\/a>/);
  assert.match(html('en/concepts/gradient-descent'), /href="\/en\/papers\/he2016identity\/"/, 'the concept page lists the new paper as a backlink');
  assert.match(fs.readFileSync(path.join(scratch.root, 'dist/cite/he2016identity.bib'), 'utf8'), /@inproceedings\{he2016identity,/);
});
