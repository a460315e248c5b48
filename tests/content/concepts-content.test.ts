/**
 * The concept pages are complete and their code is valid (issue 17): enough
 * concepts, each in both languages with a formula, the new large-model
 * concepts each backed by papers, and every ```python block in any note
 * syntax-checked with Python's py_compile where python3 exists.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { allEntities, loadCatalog } from '../../src/pipeline/catalog.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

const { catalog } = loadCatalog(projectPaths(REPO));
const concepts = [...catalog.concepts.values()];

/** The concepts issue 17 adds, from tokens to aligned and served models. */
const ISSUE_17 = [
  'tokenization', 'layer-normalization', 'positional-encoding', 'encoder-decoder', 'scaling-laws', 'in-context-learning',
  'chain-of-thought', 'instruction-tuning', 'rlhf', 'reward-model', 'direct-preference-optimization',
  'parameter-efficient-fine-tuning', 'quantization', 'knowledge-distillation', 'mixture-of-experts', 'kv-cache',
  'efficient-attention', 'retrieval-augmented-generation', 'hallucination', 'vision-transformer', 'contrastive-learning',
  'diffusion-models', 'generative-adversarial-network', 'variational-autoencoder', 'multimodal-models',
  'llm-inference-serving', 'agents-tool-use', 'alignment-safety',
];

const DISPLAY_MATH = /\$\$[\s\S]+?\$\$/g;
const INLINE_MATH = /(?<![\\$])\$[^$\n]+\$/;
const CJK = /[\u4e00-\u9fff]/g;

test('at least 86 concepts, including every concept issue 17 asks for', () => {
  assert.ok(catalog.concepts.size >= 86, `${catalog.concepts.size} concepts`);
  assert.deepEqual(ISSUE_17.filter((slug) => !catalog.concepts.has(slug)), [], 'missing concept folders');
});

test('every concept has a Chinese and an English note, each written in its language', () => {
  for (const c of concepts) {
    assert.deepEqual(Object.keys(c.notes).sort(), ['en', 'zh'], `${c.dir}: both zh.md and en.md`);
    const zh = c.notes.zh!.body;
    const en = c.notes.en!.body;
    assert.ok(zh.trim().length > 200 && en.trim().length > 200, `${c.dir}: a body in both languages`);
    // Prose, not code: a Chinese page is mostly Chinese, an English page has none outside aliases.
    assert.ok((zh.match(CJK) ?? []).length > 100, `${c.notes.zh!.file}: written in Chinese`);
    assert.ok((en.match(CJK) ?? []).length < 20, `${c.notes.en!.file}: written in English`);
  }
});

test('every concept note has a formula, and both languages have the same displays and code blocks', () => {
  for (const c of concepts) {
    for (const note of Object.values(c.notes)) {
      assert.ok(DISPLAY_MATH.test(note.body) || INLINE_MATH.test(note.body),
        `${note.file}: add the key formula in KaTeX ($...$ or $$...$$)`);
      DISPLAY_MATH.lastIndex = 0;
    }
    const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
    assert.equal(count(c.notes.zh!.body, DISPLAY_MATH), count(c.notes.en!.body, DISPLAY_MATH), `${c.dir}: display formulas in zh vs en`);
    assert.equal(count(c.notes.zh!.body, /^```/gm), count(c.notes.en!.body, /^```/gm), `${c.dir}: code fences in zh vs en`);
  }
});

test('every issue 17 concept lists its papers in meta.yaml and cites one of them in both notes', () => {
  for (const slug of ISSUE_17) {
    const c = catalog.concepts.get(slug);
    assert.ok(c, slug);
    assert.ok(c.meta.papers.length >= 1, `${c.dir}/meta.yaml: list at least one paper`);
    for (const note of Object.values(c.notes)) {
      const cited = [...note.body.matchAll(/@([A-Za-z0-9_:-]+)/g)].map((m) => m[1]);
      assert.ok(c.meta.papers.some((key) => cited.includes(key)), `${note.file}: cite one of ${c.meta.papers.join(', ')} with [@key]`);
    }
  }
});

/** Every ```python block of every note, with the file line its code starts on. */
function pythonBlocks(): { file: string; line: number; code: string }[] {
  const blocks: { file: string; line: number; code: string }[] = [];
  for (const entity of allEntities(catalog)) {
    for (const note of Object.values(entity.notes)) {
      const lines = note.body.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (lines[i]!.trim() !== '```python') continue;
        const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
        assert.ok(end > i, `${note.file}:${note.bodyLine + i}: unclosed code block`);
        blocks.push({ file: note.file, line: note.bodyLine + i + 1, code: lines.slice(i + 1, end).join('\n') + '\n' });
        i = end;
      }
    }
  }
  return blocks;
}

test('every python code block in a note compiles (python3, py_compile)', (t) => {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    t.skip('python3 not found: the code blocks were not syntax-checked');
    return;
  }
  const blocks = pythonBlocks();
  assert.ok(blocks.length >= 40, `${blocks.length} python blocks found`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-py-'));
  try {
    const files = blocks.map((b, i) => {
      const file = path.join(dir, `block${i}.py`);
      fs.writeFileSync(file, b.code);
      return file;
    });
    // py_compile on every file in one process (`python3 -m py_compile` stops at the first error and
    // one process per block is slow on a busy machine); each failure is printed as "index<TAB>line<TAB>message".
    const script = [
      'import py_compile, sys',
      'for i, f in enumerate(sys.argv[1:]):',
      '    try:',
      '        py_compile.compile(f, cfile=f + "c", doraise=True)',
      '    except py_compile.PyCompileError as e:',
      '        err = e.exc_value',
      '        print(f"{i}\t{getattr(err, \'lineno\', None) or 1}\t{type(err).__name__}: {getattr(err, \'msg\', err)}")',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const failures = run.stdout.split('\n').filter(Boolean).map((row) => {
      const [index, line, message] = row.split('\t');
      const block = blocks[Number(index)]!;
      return `${block.file}:${block.line + Number(line) - 1}: ${message}`;
    });
    assert.deepEqual(failures, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
