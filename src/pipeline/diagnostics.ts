/**
 * One diagnostic type for every content problem, printed like a compiler:
 *   papers/x/en.md:12:5 error: unknown concept "gradiant-descent" (did you mean "gradient-descent"?)
 * Stages collect diagnostics instead of throwing, so a run reports every error at once.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** What is wrong, in plain words. */
  message: string;
  /** How to fix it, when there is something useful to say. */
  hint?: string;
  /** Stable rule name, e.g. `link/unknown-target`, used by tests and annotations. */
  rule: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** GitHub Actions workflow command, so errors show up on the pull request's diff. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.severity} file=${escapeProp(d.file)},line=${d.line},col=${d.column},title=${escapeProp(d.rule)}::${escapeData(text)}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

export function summarize(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/**
 * Thrown when content errors must stop a build or a render (src/pipeline/report.ts); carries the
 * diagnostics, and its message lists them all unless a summary is given.
 */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], summary?: string) {
    super(summary ?? sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'));
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Text made safe to embed in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * 1-based position of the first match of `pattern` in a project file, line by line
 * (for errors about values that have no parsed position, such as list items in YAML);
 * 1:1 when the file or the match is missing.
 */
export function locateInFile(root: string, file: string, pattern: RegExp): { line: number; column: number } {
  const abs = path.join(root, file);
  const lines = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i]!);
    if (m) return { line: i + 1, column: m.index + 1 };
  }
  return { line: 1, column: 1 };
}
