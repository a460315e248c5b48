/**
 * Translations that stay in step, on a scratch copy of the real knowledge base, through the
 * same doors a maintainer uses: edit an English note, `npm run check` warns on the Chinese
 * twin's `synced:` line, the built Chinese page shows a notice linking the English one and
 * the status page lists the pair as stale; `npm run sync:translations` clears it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

const ZH = 'src/content/concepts/learning-rate/zh.md';
const EN = 'src/content/concepts/learning-rate/en.md';
const site = () => buildSite(projectPaths(scratch.root));
const translationMessages = () => site().diagnostics.filter((d) => d.rule.startsWith('translation/')).map(formatDiagnostic);
const html = (page: string) => fs.readFileSync(path.join(scratch.root, 'dist', page, 'index.html'), 'utf8');
/** The opening <tr> of an entity's row on a status page. */
const statusRow = (page: string, entity: string) => new RegExp(`<tr[^>]*data-state="([a-z-]+)"[^>]*data-entity="${entity}"`).exec(html(page))?.[1];

/** Run `body` with files changed, then put them back. */
function withFiles(files: string[], body: () => void) {
  const originals = files.map((f) => [f, scratch.read(f)] as const);
  try {
    body();
  } finally {
    for (const [f, text] of originals) scratch.write(f, text);
  }
}

test('every pair of the real knowledge base is stamped and in step', () => {
  const { translations, catalog, diagnostics } = site();
  assert.equal(translations.pairs.length, catalog.papers.size + catalog.concepts.size + catalog.resources.size);
  const notInStep = translations.pairs.filter((p) => p.state !== 'in-step').map((p) => `${p.entity.dir}: ${p.state}`);
  assert.deepEqual(notInStep, [], 'run npm run sync:translations -- --all after adding notes');
  assert.deepEqual(diagnostics.filter((d) => d.rule.startsWith('translation/')), []);
});

test('a changed English note: check warns on the Chinese twin, the built page and status page show it, stamping clears it', () => {
  withFiles([ZH, EN], () => {
    scratch.edit(EN, (text) => `${text}\nA warm-up phase raises the rate linearly over the first steps.\n`);
    const line = scratch.lineOf(ZH, 'synced:');

    const check = scratch.run('scripts/check.ts');
    assert.equal(check.status, 0, 'a stale translation is a warning, not an error');
    assert.ok(
      check.stdout.includes(
        `${ZH}:${line}:1 warning: translation out of date: ${EN} changed after this note was last synced with it\n` +
          `  hint: bring this note in line with ${EN}, then declare the pair in step: npm run sync:translations -- ${ZH}`,
      ),
      check.stdout,
    );
    assert.match(check.stderr, /0 errors, 1 warning\b/);

    const build = scratch.run('scripts/build.ts');
    assert.equal(build.status, 0, build.stdout + build.stderr);
    const zhPage = html('zh/concepts/learning-rate');
    assert.match(zhPage, /data-testid="translation-stale"[^>]*>本页中文内容可能已过时：英文版在上次同步翻译之后有过修改。 <a href="\/en\/concepts\/learning-rate\/" hreflang="en">阅读最新的英文版<\/a>/);
    assert.doesNotMatch(html('en/concepts/learning-rate'), /translation-stale/, 'the newer side has no notice');
    assert.doesNotMatch(html('zh/concepts/gradient-descent'), /translation-stale/, 'pairs in step have no notice');
    assert.equal(statusRow('zh/translations', 'concept:learning-rate'), 'zh-stale');
    assert.equal(statusRow('en/translations', 'concept:learning-rate'), 'zh-stale');
    assert.equal(statusRow('en/translations', 'concept:gradient-descent'), 'in-step');
    assert.match(html('en/translations'), /data-state="zh-stale">Chinese out of date 1</);
    assert.match(html('zh/translations'), /data-state="zh-stale"[^>]*>[\s\S]*?中文版待更新/);
    assert.match(html('zh'), /href="\/zh\/translations\/"[^>]*>翻译状态</, 'the footer links the status page');

    const stamp = scratch.run('scripts/sync-translations.ts', [ZH]);
    assert.equal(stamp.status, 0, stamp.stdout + stamp.stderr);
    assert.equal(stamp.stdout, `stamped ${ZH}\n`, 'only the side whose record changed is written');
    assert.deepEqual(translationMessages(), []);
  });
});

test('both sides changed: each gets a warning saying so', () => {
  withFiles([ZH, EN], () => {
    scratch.edit(EN, (text) => `${text}\nEnglish addition.\n`);
    scratch.edit(ZH, (text) => `${text}\n中文补充。\n`);
    assert.deepEqual(translationMessages(), [
      `${EN}:${scratch.lineOf(EN, 'synced:')}:1 warning: translation out of date: ${ZH} changed after this note was last synced with it (and this note changed too)\n` +
        `  hint: reconcile the two notes, then declare them in step: npm run sync:translations -- ${EN}`,
      `${ZH}:${scratch.lineOf(ZH, 'synced:')}:1 warning: translation out of date: ${EN} changed after this note was last synced with it (and this note changed too)\n` +
        `  hint: reconcile the two notes, then declare them in step: npm run sync:translations -- ${ZH}`,
    ]);
    assert.equal(scratch.run('scripts/sync-translations.ts', ['src/content/concepts/learning-rate/']).status, 0, 'a folder names the pair');
    assert.deepEqual(translationMessages(), []);
  });
});

test('notes without synced are untracked, never warned about; --all stamps them but leaves stale pairs unless forced', () => {
  const untracked = ['src/content/concepts/dropout/zh.md', 'src/content/concepts/dropout/en.md'];
  withFiles([...untracked, ZH, EN], () => {
    // Unstamped, as notes from another branch arrive, and edited since: still no warning.
    for (const f of untracked) scratch.edit(f, (text) => text.replace(/^synced: .*\n/m, '').replace('## ', '## x'));
    scratch.edit(EN, (text) => `${text}\nEnglish addition.\n`);
    const before = site().translations.byEntity;
    assert.equal(before.get('concept:dropout')?.state, 'untracked');
    assert.equal(before.get('concept:learning-rate')?.state, 'zh-stale');
    assert.deepEqual(translationMessages().length, 1, 'only the stale pair warns');

    const all = scratch.run('scripts/sync-translations.ts', ['--all']);
    assert.equal(all.status, 0, all.stderr);
    assert.equal(all.stdout, `stamped ${untracked[0]}\nstamped ${untracked[1]}\nleft out of date: src/content/concepts/learning-rate (zh-stale); update it and name it, or add --force\n`);
    assert.match(all.stderr, / in step \(2 files written\), 1 stale left as they are$/m);
    const after = site().translations.byEntity;
    assert.equal(after.get('concept:dropout')?.state, 'in-step');
    assert.equal(after.get('concept:learning-rate')?.state, 'zh-stale');

    assert.equal(scratch.run('scripts/sync-translations.ts', ['--all', '--force']).status, 0);
    assert.equal(site().translations.byEntity.get('concept:learning-rate')?.state, 'in-step');
  });
});

test('bad targets are reported with a fix, and nothing is written', () => {
  withFiles([ZH, EN, 'src/content/concepts/adam/zh.md'], () => {
    scratch.edit(EN, (text) => `${text}\nEnglish addition.\n`);
    const adamBefore = scratch.read('src/content/concepts/adam/zh.md');
    const result = scratch.run('scripts/sync-translations.ts', ['src/content/concepts/adam/zh.md', ZH, 'src/content/concepts/no-such/zh.md', 'package.json']);
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      'src/content/concepts/no-such/zh.md:1:1 error: no such file\n  hint: name a note such as src/content/concepts/softmax/en.md or its folder\n' +
        'package.json:1:1 error: not a zh.md or en.md of a paper, concept or resource (or its frontmatter has errors: run npm run check)\n  hint: name a note such as src/content/concepts/softmax/en.md or its folder\n' +
        'nothing was written\n',
    );
    assert.equal(scratch.read('src/content/concepts/adam/zh.md'), adamBefore);
    assert.equal(site().translations.byEntity.get('concept:learning-rate')?.state, 'zh-stale', 'the valid target was not stamped either');
    const usage = scratch.run('scripts/sync-translations.ts');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /name the notes to declare in step, or pass --all/);
  });
});

test('a note without its twin is listed as missing, not warned about, and cannot be stamped', () => {
  const file = 'src/content/concepts/adam/en.md';
  withFiles([file], () => {
    scratch.remove(file);
    assert.equal(site().translations.byEntity.get('concept:adam')?.state, 'missing-en');
    assert.deepEqual(translationMessages(), []);
    const result = scratch.run('scripts/sync-translations.ts', ['src/content/concepts/adam/zh.md']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^src\/content\/concepts\/adam\/zh\.md:1:1 error: src\/content\/concepts\/adam\/en\.md is missing, so there is no pair to declare in step\n {2}hint: write src\/content\/concepts\/adam\/en\.md first\n/);
  });
});
