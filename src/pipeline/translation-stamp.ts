/**
 * Declaring note pairs in step: each side gets `synced: <hash of its twin>` (translation-hash.ts).
 * Named pairs are stamped whatever their state (the maintainer vouches for them); `--all` stamps
 * the untracked pairs and leaves stale ones alone unless forced, so a bulk run after a merge
 * cannot hide a translation that really fell behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from './catalog.ts';
import type { Diagnostic } from './diagnostics.ts';
import { relativeToRoot, type ProjectPaths } from './settings.ts';
import { LANGS, otherLang } from '../shared/locales.ts';
import { withSyncedHash } from './translation-hash.ts';
import { translationStatus, type TranslationPair } from './translation-status.ts';

export interface StampRequest {
  /** Note files (zh.md / en.md) or their folders, project-relative or absolute. */
  targets: string[];
  /** Stamp every pair that is not in step yet (stale pairs only with `force`). */
  all: boolean;
  force: boolean;
}

export interface StampReport {
  /** Notes whose `synced:` line was written. */
  written: string[];
  /** Pairs stamped (including those whose stamps were already right). */
  stamped: TranslationPair[];
  /** Stale pairs `--all` left alone (without `force`). */
  leftStale: TranslationPair[];
  /** Pairs `--all` skipped because one language is missing. */
  missing: TranslationPair[];
  /** Bad targets; when there is any, nothing was written. */
  diagnostics: Diagnostic[];
}

export function stampTranslations(paths: ProjectPaths, request: StampRequest): StampReport {
  const { catalog } = loadCatalog(paths);
  const { pairs } = translationStatus(catalog);
  const report: StampReport = { written: [], stamped: [], leftStale: [], missing: [], diagnostics: [] };

  const chosen = new Set<TranslationPair>();
  for (const target of request.targets) {
    const rel = relativeToRoot(paths, path.resolve(paths.root, target)).replace(/\/+$/, '');
    const pair = pairs.find((p) => p.entity.dir === rel || LANGS.some((l) => p.notes[l]?.file === rel));
    if (!pair) {
      report.diagnostics.push({ file: rel, line: 1, column: 1, severity: 'error', rule: 'translation/not-a-note',
        message: fs.existsSync(path.join(paths.root, rel)) ? 'not a zh.md or en.md of a paper, concept or resource (or its frontmatter has errors: run npm run check)' : 'no such file',
        hint: 'name a note such as src/content/concepts/softmax/en.md or its folder' });
    } else if (pair.state === 'missing-zh' || pair.state === 'missing-en') {
      const lang = pair.state === 'missing-zh' ? 'zh' : 'en';
      report.diagnostics.push({ file: rel, line: 1, column: 1, severity: 'error', rule: 'translation/no-twin',
        message: `${pair.entity.dir}/${lang}.md is missing, so there is no pair to declare in step`, hint: `write ${pair.entity.dir}/${lang}.md first` });
    } else chosen.add(pair);
  }
  if (report.diagnostics.length) return report;

  if (request.all) {
    for (const pair of pairs) {
      if (pair.state === 'missing-zh' || pair.state === 'missing-en') report.missing.push(pair);
      else if (pair.state.endsWith('-stale') && !request.force && !chosen.has(pair)) report.leftStale.push(pair);
      else chosen.add(pair);
    }
  }

  for (const pair of chosen) {
    for (const lang of LANGS) {
      const note = pair.notes[lang]!;
      const twin = pair.notes[otherLang(lang)]!;
      const abs = path.join(paths.root, note.file);
      const text = fs.readFileSync(abs, 'utf8');
      // Notes without frontmatter are already a check error and never reach a pair.
      const stamped = withSyncedHash(text, twin.hash) ?? text;
      if (stamped !== text) {
        fs.writeFileSync(abs, stamped);
        report.written.push(note.file);
      }
    }
    report.stamped.push(pair);
  }
  return report;
}
