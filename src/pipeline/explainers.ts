/**
 * Explainer articles (src/content/explainers/<slug>/): meta.yaml plus zh.mdx and en.mdx, written
 * by the core team. They are MDX so they can embed playgrounds, and they follow the notes' rules
 * for [[links]], [@citations] and math; `markdownOfMdx` hands the analysis their Markdown only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { explainerMeta, explainerNote, type ExplainerMeta, type ExplainerNote } from '../schemas/explainer.ts';
import { locateInFile, escapeRegExp, type Diagnostic } from './diagnostics.ts';
import { relativeToRoot, type ProjectPaths } from './settings.ts';
import { parseYamlData, splitFrontmatter } from './yaml-data.ts';
import { LANGS, type Lang } from '../shared/locales.ts';
import type { Note } from './catalog.ts';

export const EXPLAINERS_DIR = 'src/content/explainers';

export interface Explainer {
  id: string;
  /** Project-relative folder. */
  dir: string;
  meta: ExplainerMeta;
  notes: Partial<Record<Lang, Note<ExplainerNote>>>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The Markdown of an MDX body for analysis: import/export lines, {/* comments *\/} and component
 * tags (<Name ... /> , <Name>, </Name>) become blanks of the same shape, so every line and column
 * the analysis reports is still the file's own.
 */
export function markdownOfMdx(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = body.split('\n');
  // ESM statements start at column 1 and may span lines; each ends at a line ending in a quote or ";".
  for (let i = 0, inStatement = false; i < lines.length; i++) {
    if (!inStatement && !/^(?:import|export)\s/.test(lines[i]!)) continue;
    inStatement = !/(?:['"];?|;)\s*$/.test(lines[i]!);
    lines[i] = blank(lines[i]!);
  }
  return lines
    .join('\n')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<\/?[A-Z][\w.]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>/g, blank);
}

function readNote(paths: ProjectPaths, abs: string, lang: Lang, diagnostics: Diagnostic[]): Note<ExplainerNote> | undefined {
  const file = relativeToRoot(paths, abs);
  const parts = splitFrontmatter(fs.readFileSync(abs, 'utf8'));
  if (!parts.frontmatter) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'schema/no-frontmatter',
      message: 'missing frontmatter', hint: 'start the file with a --- fenced YAML block with `summary:`' });
    return undefined;
  }
  const parsed = parseYamlData(explainerNote, parts.frontmatter, file, parts.frontmatterLine);
  diagnostics.push(...parsed.diagnostics);
  return parsed.data && { lang, file, frontmatter: parsed.data, body: parts.body, bodyLine: parts.bodyLine };
}

/** Every explainer folder, validated; `concepts` are the known concept slugs its meta.yaml may name. */
export function loadExplainers(paths: ProjectPaths, concepts: ReadonlySet<string>, diagnostics: Diagnostic[]): Map<string, Explainer> {
  const out = new Map<string, Explainer>();
  const rootAbs = path.join(paths.root, EXPLAINERS_DIR);
  if (!fs.existsSync(rootAbs)) return out;
  const folders = fs.readdirSync(rootAbs, { withFileTypes: true }).filter((d) => d.isDirectory() && !/^[._]/.test(d.name)).map((d) => d.name).sort();
  for (const id of folders) {
    const dir = `${EXPLAINERS_DIR}/${id}`;
    const metaFile = `${dir}/meta.yaml`;
    if (!SLUG.test(id)) {
      diagnostics.push({ file: metaFile, line: 1, column: 1, severity: 'error', rule: 'content/bad-slug',
        message: `folder name "${id}" is not a slug`, hint: 'use lower-case letters, digits and hyphens, e.g. attention-step-by-step' });
      continue;
    }
    const metaAbs = path.join(paths.root, metaFile);
    if (!fs.existsSync(metaAbs)) {
      diagnostics.push({ file: metaFile, line: 1, column: 1, severity: 'error', rule: 'content/no-meta',
        message: 'missing meta.yaml', hint: 'every explainer folder needs a meta.yaml with name (zh, en), concepts and order' });
      continue;
    }
    const meta = parseYamlData(explainerMeta, fs.readFileSync(metaAbs, 'utf8'), metaFile, 1);
    diagnostics.push(...meta.diagnostics);
    for (const name of fs.readdirSync(path.join(rootAbs, id)).filter((n) => /^(?:zh|en)\.md$/.test(n))) {
      diagnostics.push({ file: `${dir}/${name}`, line: 1, column: 1, severity: 'error', rule: 'content/unexpected-file',
        message: 'explainers are MDX: this note would not be rendered', hint: `rename it to ${name}x` });
    }
    const notes: Explainer['notes'] = {};
    for (const lang of LANGS) {
      const abs = path.join(rootAbs, id, `${lang}.mdx`);
      if (!fs.existsSync(abs)) {
        // Both languages are required: an explainer is a guided lesson, not a note that can fall back.
        diagnostics.push({ file: `${dir}/${lang}.mdx`, line: 1, column: 1, severity: 'error', rule: 'content/no-notes',
          message: `${dir}/ has no ${lang}.mdx`, hint: 'write the article in both languages (zh.mdx and en.mdx)' });
        continue;
      }
      const note = readNote(paths, abs, lang, diagnostics);
      if (note) notes[lang] = note;
    }
    if (!meta.data) continue;
    for (const concept of meta.data.concepts.filter((c) => !concepts.has(c))) {
      diagnostics.push({ file: metaFile, ...locateInFile(paths.root, metaFile, new RegExp(`(?<=[-\\[,]\\s*)${escapeRegExp(concept)}\\b`)), severity: 'error',
        rule: 'link/unknown-target', message: `unknown concept "${concept}"`, hint: 'list concept slugs (folder names under src/content/concepts/)' });
    }
    out.set(id, { id, dir, meta: meta.data, notes });
  }
  return out;
}

/**
 * Every <ExplainerIsland name="..." fallback="..." /> in an explainer names an island whose markup
 * (src/components/islands/<name>.astro) exists, or a fallback that does: an error at its line, not a
 * failed page render.
 */
export function checkEmbeddedIslands(root: string, note: Pick<Note<unknown>, 'file' | 'body' | 'bodyLine'>): Diagnostic[] {
  const exists = (name: string) => fs.existsSync(path.join(root, 'src/components/islands', `${name}.astro`));
  const out: Diagnostic[] = [];
  for (const m of note.body.matchAll(/<ExplainerIsland\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const fallback = /\bfallback="([^"]*)"/.exec(m[0])?.[1];
    if (name && (exists(name) || (fallback && exists(fallback)))) continue;
    const before = note.body.slice(0, m.index);
    const line = before.split('\n').length + note.bodyLine - 1;
    const column = m.index - before.lastIndexOf('\n');
    out.push({ file: note.file, line, column, severity: 'error', rule: 'island/unknown',
      message: name ? `no playground "${name}"${fallback ? ` and no fallback "${fallback}"` : ''}: src/components/islands/${name}.astro does not exist` : '<ExplainerIsland> without name="..."',
      hint: 'name an island from src/components/islands/ (e.g. name="gradient-descent"), or add fallback="..." for one still being built' });
  }
  return out;
}

/** Explainers in learning-path order. */
export function explainerList(explainers: Map<string, Explainer>): Explainer[] {
  return [...explainers.values()].sort((a, b) => a.meta.order - b.meta.order || a.id.localeCompare(b.id));
}

/** The explainers that walk through a concept, in order. */
export function explainersFor(explainers: Map<string, Explainer>, conceptId: string): Explainer[] {
  return explainerList(explainers).filter((e) => e.meta.concepts.includes(conceptId));
}
