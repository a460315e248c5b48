/**
 * `npm run new:paper`: a new paper folder from one BibTeX entry, with note
 * templates prefilled from the entry. Refuses an entry that is already in the
 * knowledge base (same key, DOI, arXiv id or ISBN), naming the existing folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseBibFile, shortAuthors, type Paper } from './bib.ts';
import { extractEntry } from './bib-entry.ts';
import { loadCatalog } from './catalog.ts';
import { formatDiagnostic } from './diagnostics.ts';
import type { ProjectPaths } from './settings.ts';

export type ScaffoldResult = { ok: true; dir: string; files: string[] } | { ok: false; errors: string[] };

const SECTIONS = {
  en: ['The problem', 'The key idea', 'Key equations', 'Results that mattered', 'What it led to'],
  zh: ['要解决的问题', '核心思想', '关键公式', '重要结果', '后续影响'],
} as const;

/** The field written on a line of an entry ("  year = {2004},"), or null for the head. */
function fieldAtLine(text: string, line: number): string | null {
  return /^\s*([^\s=]+)\s*=/.exec(text.split('\n')[line - 1] ?? '')?.[1]?.toLowerCase() ?? null;
}

function noteTemplate(paper: Paper, lang: 'zh' | 'en'): string {
  const venue = paper.venue ? `, ${paper.venue}` : '';
  const header = lang === 'zh'
    ? `# ${shortAuthors(paper, 'zh')}（${paper.year}）：${paper.title}${venue}\n# 请填写 summary（一两句话），再写下面各节；用 [[概念]] 链接概念，用 [@key] 引用论文。`
    : `# ${shortAuthors(paper, 'en')} (${paper.year}): ${paper.title}${venue}\n# Fill in the summary (one or two sentences) and the sections below; link concepts with [[slug]], cite with [@key].`;
  const sections = SECTIONS[lang].map((title) => `## ${title}\n`).join('\n');
  return `---\n${header}\nsummary: ''\nconcepts: []\ntags: []\nequations: []\n---\n\n${sections}`;
}

export function scaffoldPaper(paths: ProjectPaths, bibtex: string, source: string, wantedKey?: string): ScaffoldResult {
  const extracted = extractEntry(bibtex, source, wantedKey);
  if (!extracted.ok) return { ok: false, errors: extracted.diagnostics.map(formatDiagnostic) };
  const key = extracted.key;
  // A verbatim entry is checked as written; a rewritten one (macros expanded, crossref
  // copied in) is checked as it will be saved, with errors pointing back at the input.
  const parsed = extracted.verbatim ? parseBibFile(bibtex, source, key) : parseBibFile(extracted.bibtex, source, key);
  if (!extracted.verbatim) {
    for (const d of parsed.diagnostics) Object.assign(d, extracted.locate(fieldAtLine(extracted.bibtex, d.line)));
  }
  if (!parsed.paper) return { ok: false, errors: parsed.diagnostics.map(formatDiagnostic) };
  const paper = parsed.paper;

  const { catalog } = loadCatalog(paths);
  const errors: string[] = [];
  const dir = path.join(paths.papersDir, key);
  if (fs.existsSync(dir)) errors.push(`${source}: error: key "${key}" is already in the knowledge base: papers/${key}/`);
  for (const existing of catalog.papers.values()) {
    for (const [field, label] of [['doi', 'DOI'], ['arxiv', 'arXiv id'], ['isbn', 'ISBN']] as const) {
      const value = paper[field];
      if (value && existing.paper[field]?.toLowerCase() === value.toLowerCase()) {
        errors.push(`${source}: error: ${label} ${value} is already in the knowledge base: ${existing.dir}/ (${existing.id})`);
      }
    }
  }
  if (errors.length) return { ok: false, errors };

  fs.mkdirSync(dir, { recursive: true });
  const files = {
    'paper.bib': extracted.bibtex,
    'zh.md': noteTemplate(paper, 'zh'),
    'en.md': noteTemplate(paper, 'en'),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { ok: true, dir: `papers/${key}`, files: Object.keys(files).map((f) => `papers/${key}/${f}`) };
}
