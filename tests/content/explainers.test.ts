/**
 * Explainer articles (issue 13, item 7): the two guided lessons exist in both languages and embed
 * their playgrounds; their [[links]], [@citations] and math are checked like notes, with the
 * file:line of the .mdx file; and the MDX-only syntax the check strips keeps every position.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCatalog } from '../../src/pipeline/catalog.ts';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { checkEmbeddedIslands, explainersFor, markdownOfMdx } from '../../src/pipeline/explainers.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { REPO, scratchCopy, type Scratch } from '../helpers/scratch.ts';

const { catalog, diagnostics } = loadCatalog(projectPaths(REPO));
const CJK = /[\u4e00-\u9fff]/g;

const EXPECTED = {
  'gradient-descent-to-backpropagation': { en: 'From gradient descent to backpropagation', zh: '从梯度下降到反向传播', islands: ['gradient-descent', 'backpropagation'] },
  'attention-step-by-step': { en: 'Attention, step by step', zh: '一步步理解注意力', islands: ['attention'] },
};

test('both explainers exist in Chinese and English, each written in its language, with formulas and their playgrounds', () => {
  assert.deepEqual(diagnostics.filter((d) => d.file.startsWith('src/content/explainers/')), []);
  for (const [id, want] of Object.entries(EXPECTED)) {
    const e = catalog.explainers.get(id);
    assert.ok(e, `src/content/explainers/${id}/ is missing`);
    assert.equal(e.meta.name.en, want.en);
    assert.equal(e.meta.name.zh, want.zh);
    for (const lang of ['zh', 'en'] as const) {
      const note = e.notes[lang];
      assert.ok(note, `${id}/${lang}.mdx is missing`);
      const cjkShare = (note.body.match(CJK)?.length ?? 0) / note.body.length;
      assert.ok(lang === 'zh' ? cjkShare > 0.2 : cjkShare === 0, `${note.file}: ${(cjkShare * 100).toFixed(0)}% CJK characters`);
      assert.match(note.body, /\$\$[\s\S]+?\$\$/, `${note.file} has no display formula`);
      for (const island of want.islands) {
        assert.match(note.body, new RegExp(`<ExplainerIsland lang="${lang}" name="${island}"`), `${note.file} does not embed the ${island} playground`);
      }
    }
  }
});

test('concept pages find the explainers that walk through them', () => {
  assert.deepEqual(explainersFor(catalog.explainers, 'backpropagation').map((e) => e.id), ['gradient-descent-to-backpropagation']);
  for (const concept of ['attention-mechanism', 'self-attention', 'transformer']) {
    assert.deepEqual(explainersFor(catalog.explainers, concept).map((e) => e.id), ['attention-step-by-step'], concept);
  }
});

test('markdownOfMdx blanks imports, comments and component tags but keeps every line and column', () => {
  const mdx = "import A from '../a.astro';\nimport {\n  B,\n} from './b.ts';\n\nText $x$ and [[gradient-descent]].\n\n<A lang=\"en\" name=\"x\" />\n{/* a note\nto editors */}\n<B>\ninside [[softmax]]\n</B>\n";
  const md = markdownOfMdx(mdx);
  assert.equal(md.length, mdx.length);
  assert.deepEqual(md.split('\n').map((l) => l.length), mdx.split('\n').map((l) => l.length));
  assert.doesNotMatch(md, /import|from|<A|<\/?B>|\/\*/);
  assert.match(md.split('\n')[5]!, /^Text \$x\$ and \[\[gradient-descent\]\]\.$/);
  assert.equal(md.split('\n')[11], 'inside [[softmax]]');
});

test('an embedded playground still being built is accepted with a fallback that exists, and only then', () => {
  const note = (body: string) => ({ file: 'src/content/explainers/x/en.mdx', body, bodyLine: 4 });
  assert.deepEqual(checkEmbeddedIslands(REPO, note('\n<ExplainerIsland lang="en" name="not-built-yet" fallback="embedding" />\n')), []);
  const [missing, ...rest] = checkEmbeddedIslands(REPO, note('Text.\n\n  <ExplainerIsland lang="en" name="not-built-yet" fallback="nor-this" />\n'));
  assert.deepEqual(rest, []);
  assert.equal(formatDiagnostic(missing!).split('\n')[0], 'src/content/explainers/x/en.mdx:6:3 error: no playground "not-built-yet" and no fallback "nor-this": src/components/islands/not-built-yet.astro does not exist');
});

let scratch: Scratch;
before(() => { scratch = scratchCopy(); });
after(() => scratch.dispose());

test('a broken link, citation or formula in an explainer is an error at its file:line:column; a missing language is too', () => {
  const en = 'src/content/explainers/gradient-descent-to-backpropagation/en.mdx';
  const zh = 'src/content/explainers/attention-step-by-step/zh.mdx';
  // A display formula's error points at its opening $$, the line above the broken TeX.
  scratch.edit(en, (t) => t.replace('[[learning-rate|learning rate]]', '[[learning-rat|learning rate]]').replace('[@kingma2015adam]', '[@kingma2015adma]'));
  scratch.edit(zh, (t) => t.replace('Q = X W_Q,', 'Q = X W_Q} ,'));
  const meta = 'src/content/explainers/attention-step-by-step/meta.yaml';
  scratch.edit(meta, (t) => t.replace('self-attention', 'self-atention'));
  const messages = buildSite(projectPaths(scratch.root)).diagnostics.filter((d) => d.file.startsWith('src/content/explainers/')).map(formatDiagnostic);
  const at = (file: string, needle: string) => {
    const line = scratch.lineOf(file, needle);
    return `${file}:${line}:${scratch.read(file).split('\n')[line - 1]!.indexOf(needle) + 1}`;
  };
  assert.ok(messages.some((m) => m.startsWith(`${at(en, '[[learning-rat|')} error: unknown link target "learning-rat"`)), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith(`${at(en, '[@kingma2015adma]')} error:`) && m.includes('kingma2015adma')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith(`${zh}:${scratch.lineOf(zh, 'Q = X W_Q}') - 1}:1 `) && m.includes('invalid LaTeX')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith(`${meta}:${scratch.lineOf(meta, 'self-atention')}:`) && m.includes('unknown concept "self-atention"')), messages.join('\n'));

  scratch.edit(en, (t) => t.replace('name="backpropagation" />', 'name="backprop" />'));
  const islands = buildSite(projectPaths(scratch.root)).diagnostics.map(formatDiagnostic);
  assert.ok(islands.includes(`${at(en, '<ExplainerIsland lang="en" name="backprop"')} error: no playground "backprop": src/components/islands/backprop.astro does not exist\n  hint: name an island from src/components/islands/ (e.g. name="gradient-descent"), or add fallback="..." for one still being built`), islands.join('\n'));

  scratch.remove('src/content/explainers/attention-step-by-step/en.mdx');
  const missing = buildSite(projectPaths(scratch.root)).diagnostics.map(formatDiagnostic);
  assert.ok(missing.some((m) => m.startsWith('src/content/explainers/attention-step-by-step/en.mdx:1:1 error:')), missing.join('\n'));
});
