/**
 * The content check on a scratch copy of the real knowledge base: each broken
 * input must produce exactly its compiler-style message.
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

/** Apply a change, run the check, undo the change, and return the messages. */
function checkWith(file: string, change: (text: string) => string): string[] {
  const original = fs.existsSync(path.join(scratch.root, file)) ? scratch.read(file) : undefined;
  scratch.write(file, change(original ?? ''));
  try {
    // The edit also leaves the twin note stale: tested in tests/integration/translation-sync.test.ts.
    return buildSite(projectPaths(scratch.root)).diagnostics.filter((d) => d.rule !== 'translation/stale').map(formatDiagnostic);
  } finally {
    if (original === undefined) scratch.remove(file);
    else scratch.write(file, original);
  }
}

function lineIn(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('the real knowledge base passes the check', () => {
  assert.deepEqual(buildSite(projectPaths(scratch.root)).diagnostics.map(formatDiagnostic), []);
});

test('an unknown concept link names file, line, column and the closest target', () => {
  const file = 'src/content/concepts/backpropagation/en.md';
  const change = (text: string) => `${text}\nSee also [[gradiant-descent]].\n`;
  const messages = checkWith(file, change);
  const line = lineIn(change(scratch.read(file)), 'gradiant');
  assert.deepEqual(messages, [
    `${file}:${line}:10 error: unknown link target "gradiant-descent" (did you mean "gradient-descent"?)\n  hint: link by a concept or resource slug, a paper key, or a name or alias from meta.yaml`,
  ]);
});

test('links resolve by slug, Chinese name, English name and alias', () => {
  const file = 'src/content/concepts/backpropagation/zh.md';
  const messages = checkWith(file, (text) => `${text}\n[[gradient-descent]] [[梯度下降|下降]] [[Gradient Descent]] [[GD]] [@rumelhart1986learning]\n`);
  assert.deepEqual(messages, []);
});

test('an unknown citation key names the line and suggests the key', () => {
  const file = 'src/content/concepts/transformer/en.md';
  const change = (text: string) => `${text}\nAs in [@vaswani2017atention].\n`;
  const line = lineIn(change(scratch.read(file)), 'atention');
  const messages = checkWith(file, change);
  assert.deepEqual(messages, [
    `${file}:${line}:7 error: unknown citation key "vaswani2017atention" (did you mean "vaswani2017attention"?)\n  hint: add the paper with npm run new:paper, or cite an existing key from papers/`,
  ]);
});

test('links inside code are left alone', () => {
  const file = 'src/content/concepts/transformer/en.md';
  assert.deepEqual(checkWith(file, (text) => `${text}\n\`[[not-a-link]]\`\n\n\`\`\`python\nx = [[1]]\n\`\`\`\n`), []);
});

test('a bad topic in meta.yaml names the field, the allowed values and the line', () => {
  const file = 'src/content/concepts/gradient-descent/meta.yaml';
  const line = scratch.lineOf(file, 'topic:');
  const messages = checkWith(file, (text) => text.replace(/^topic: .*$/m, 'topic: optimisation'));
  assert.equal(messages.length, 1);
  assert.equal(
    messages[0],
    `${file}:${line}:8 error: field "topic": expected one of "foundations", "optimization", "training", "architectures", "nlp", "vision", "speech", "generative-models", "large-models", "llm-training-alignment", "inference-serving", "systems", "responsible-ai", got string "optimisation"`,
  );
});

test('a missing summary and an unknown field in frontmatter are both reported', () => {
  const file = 'src/content/concepts/gradient-descent/en.md';
  const messages = checkWith(file, (text) => text.replace(/^summary:.*$/m, 'sumary: typo in the key'));
  assert.deepEqual(messages, [
    `${file}:2:1 error: missing required field "summary" (expected string)`,
    `${file}:2:9 error: unknown field "sumary"`,
  ]);
});

test('an unknown prerequisite points at its line in meta.yaml', () => {
  const file = 'src/content/concepts/gradient-descent/meta.yaml';
  const messages = checkWith(file, (text) => text.replace(/^prerequisites: \[/m, 'prerequisites: [los-function, '));
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', new RegExp(`^${file}:\\d+:\\d+ error: unknown concept "los-function" \\(did you mean "loss-function"\\?\\)`));
});

test('invalid LaTeX fails with the file and line of the formula', () => {
  const file = 'src/content/concepts/gradient-descent/en.md';
  const change = (text: string) => `${text}\n\n$$\n\\frac{1}{2\n$$\n`;
  const line = lineIn(change(scratch.read(file)), '\\frac{1}{2') - 1;
  const messages = checkWith(file, change);
  assert.deepEqual(messages, [
    `${file}:${line}:1 error: invalid LaTeX: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{2\n  hint: fix the formula; KaTeX supports the commands listed at katex.org/docs/supported`,
  ]);
});

test('invalid LaTeX in a key equation points at its tex: line', () => {
  const file = 'papers/vaswani2017attention/en.md';
  const line = scratch.lineOf(file, 'tex:');
  const messages = checkWith(file, (text) => text.replace(/tex: .*/, "tex: '\\softmaxx(x)'"));
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', new RegExp(`^${file}:${line}:\\d+ error: invalid LaTeX in key equation ".+": Undefined control sequence: \\\\softmaxx`));
});

test('a paper citing an unknown key names meta.yaml, the line and the closest key', () => {
  const file = 'papers/vaswani2017attention/meta.yaml';
  const messages = checkWith(file, () => 'cites:\n  - bahdanau2015neural\n  - kingma2015adma\n');
  assert.deepEqual(messages, [
    `${file}:3:5 error: unknown paper "kingma2015adma" (did you mean "kingma2015adam"?)\n  hint: use a folder name under papers/`,
  ]);
});

test('a paper cannot cite one published more than a year later', () => {
  const file = 'papers/hochreiter1997long/meta.yaml';
  const messages = checkWith(file, () => 'cites: [vaswani2017attention]\n');
  assert.deepEqual(messages, [
    `${file}:1:9 error: hochreiter1997long (1997) cannot cite vaswani2017attention (2017): it was published 20 years later\n  hint: cites lists only the papers in the paper's own reference list; remove this key`,
  ]);
});

test('a broken paper.bib is reported once, not again as anachronisms in its cites', () => {
  const meta = 'papers/hochreiter1997long/meta.yaml';
  const original = scratch.read(meta);
  scratch.write(meta, 'cites: [rumelhart1986learning]\n');
  try {
    const messages = checkWith('papers/hochreiter1997long/paper.bib', (text) => text.replace(/\}\s*$/, ''));
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /^papers\/hochreiter1997long\/paper\.bib:\d+:\d+ error: BibTeX syntax error/);
  } finally {
    scratch.write(meta, original);
  }
});

test('a paper alias resolves in links, and an alias taken by a concept is a conflict', () => {
  const file = 'papers/he2016resnet/meta.yaml';
  const ok = checkWith(file, () => 'aliases: [ResNet-152]\n');
  assert.deepEqual(ok, []);
  const clash = checkWith(file, () => 'aliases: [ResNet-152, gradient descent]\n');
  assert.equal(clash.length, 1);
  assert.match(clash[0]!, /^papers\/he2016resnet\/meta\.yaml:1:23 error: name or alias "gradient descent" is also used by concept "gradient-descent"/);
});
