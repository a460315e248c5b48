/**
 * The paper collection is complete: at least 63 papers, each with a paper.bib that
 * parses and identifies the paper (DOI or arXiv id; ISBN or URL for a book or report
 * that has neither), notes in both languages with the five sections, and a meta.yaml.
 * Reads the papers/ folder itself, so a paper the catalog failed to load still counts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';
import { parseBibFile } from '../../src/pipeline/bib.ts';
import { paperMeta } from '../../src/schemas/paper.ts';
import { REPO } from '../helpers/scratch.ts';

const PAPERS = path.join(REPO, 'papers');
const keys = fs.readdirSync(PAPERS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const read = (key: string, file: string) => fs.readFileSync(path.join(PAPERS, key, file), 'utf8');
const exists = (key: string, file: string) => fs.existsSync(path.join(PAPERS, key, file));

const SECTIONS = {
  en: ['The problem', 'The key idea', 'Key equations', 'Results that mattered', 'What it led to'],
  zh: ['要解决的问题', '核心思想', '关键公式', '重要结果', '后续影响'],
};

test('at least 63 papers', () => {
  assert.ok(keys.length >= 63, `${keys.length} papers`);
});

test('the papers of issue 17 are there under the keys the concept notes cite', () => {
  const required = ['sutskever2014sequence', 'ba2016layer', 'sennrich2016neural', 'shazeer2017outrageously', 'christiano2017deep',
    'schulman2017proximal', 'radford2019language', 'liu2019roberta', 'raffel2020exploring', 'kaplan2020scaling', 'lewis2020retrieval',
    'ho2020denoising', 'dosovitskiy2021image', 'radford2021learning', 'su2024roformer', 'hu2022lora', 'wei2022chain', 'wei2022finetuned',
    'ouyang2022training', 'hoffmann2022training', 'dao2022flashattention', 'fedus2022switch', 'rombach2022high', 'dettmers2022llmint8',
    'dettmers2023qlora', 'frantar2023gptq', 'touvron2023llama', 'rafailov2023direct', 'kwon2023efficient', 'yao2023react',
    'shoeybi2019megatron', 'rajbhandari2020zero', 'kingma2014auto', 'goodfellow2014generative', 'hinton2015distilling',
    'deepseekai2024deepseekv3', 'deepseekai2025deepseekr1'];
  assert.deepEqual(required.filter((key) => !keys.includes(key)), []);
});

test('every paper.bib parses and identifies the paper', () => {
  const problems: string[] = [];
  for (const key of keys) {
    const { paper, diagnostics } = parseBibFile(read(key, 'paper.bib'), `papers/${key}/paper.bib`, key);
    if (!paper || diagnostics.length) {
      problems.push(`${key}: ${diagnostics.map((d) => d.message).join('; ') || 'no entry'}`);
      continue;
    }
    if (paper.doi || paper.arxiv) continue;
    // Books, reports and older proceedings without either: an ISBN or the publisher's URL.
    if (!paper.isbn && !paper.url) problems.push(`${key}: @${paper.entryType} without DOI, arXiv id, ISBN or URL`);
  }
  assert.deepEqual(problems, []);
});

test('every paper has notes in both languages, each with the five sections', () => {
  const problems: string[] = [];
  for (const key of keys) {
    for (const lang of ['en', 'zh'] as const) {
      if (!exists(key, `${lang}.md`)) {
        problems.push(`${key}/${lang}.md missing`);
        continue;
      }
      const headings = [...read(key, `${lang}.md`).matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      if (headings.join('|') !== SECTIONS[lang].join('|')) problems.push(`${key}/${lang}.md sections: ${headings.join(', ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every paper has a valid meta.yaml whose cites are papers of the knowledge base', () => {
  const problems: string[] = [];
  for (const key of keys) {
    if (!exists(key, 'meta.yaml')) {
      problems.push(`${key}/meta.yaml missing`);
      continue;
    }
    const parsed = paperMeta.safeParse(YAML.parse(read(key, 'meta.yaml')));
    if (!parsed.success) {
      problems.push(`${key}/meta.yaml: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    for (const cited of parsed.data.cites) if (!keys.includes(cited)) problems.push(`${key} cites unknown ${cited}`);
    if (parsed.data.cites.includes(key)) problems.push(`${key} cites itself`);
  }
  assert.deepEqual(problems, []);
});
