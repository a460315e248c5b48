/**
 * Scans one note's Markdown: every cross-reference it makes and every formula
 * it contains, checked, with positions in the note's own file.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { PaperNote } from '../schemas/paper.ts';
import type { Entity, Note } from './catalog.ts';
import type { Diagnostic } from './diagnostics.ts';
import { offsetPosition, resolveReference } from './links.ts';
import { validateTex } from './math.ts';
import { findReferences } from './references.ts';
import { checkUntrustedMarkdown } from './safety.ts';
import type { Resolver } from './resolver.ts';

export interface NoteAnalysis {
  /** Entities the note links to or cites, in order of first mention. */
  mentions: Entity[];
  /** Papers the note cites with [@key]. */
  citations: Entity[];
  hasMath: boolean;
  diagnostics: Diagnostic[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}

export function analyzeNote(note: Pick<Note<unknown>, 'file' | 'body' | 'bodyLine'>, resolver: Resolver, root: string, exists?: (projectPath: string) => boolean): NoteAnalysis {
  const tree = parseMarkdown(note.body);
  const mentions = new Set<Entity>();
  const citations = new Set<Entity>();
  const diagnostics: Diagnostic[] = [];
  let hasMath = false;
  const toFileLine = (line: number) => line + note.bodyLine - 1;

  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP;
    if (node.type === 'math' || node.type === 'inlineMath') {
      hasMath = true;
      const error = validateTex(node.value, node.type === 'math');
      if (error) {
        const start = node.position?.start ?? { line: 1, column: 1 };
        diagnostics.push({ file: note.file, line: toFileLine(start.line), column: start.column, severity: 'error',
          rule: 'math/invalid', message: `invalid LaTeX: ${error}`, hint: 'fix the formula; KaTeX supports the commands listed at katex.org/docs/supported' });
      }
      return SKIP;
    }
    if (node.type !== 'text') return undefined;
    const start = node.position?.start ?? { line: 1, column: 1 };
    for (const ref of findReferences(node.value)) {
      const result = resolveReference(ref, resolver);
      if (result.ok) {
        for (const t of result.targets) {
          mentions.add(t);
          if (ref.type === 'citation') citations.add(t);
        }
        continue;
      }
      const pos = offsetPosition(node.value, ref.start, start);
      diagnostics.push({ file: note.file, line: toFileLine(pos.line), column: pos.column, severity: 'error',
        rule: result.rule, message: result.message, ...(result.hint ? { hint: result.hint } : {}) });
    }
    return undefined;
  });
  diagnostics.push(...checkUntrustedMarkdown(tree, note, root, exists));
  return { mentions: [...mentions], citations: [...citations], hasMath, diagnostics };
}

/** Key equations in a paper note's frontmatter, validated like formulas in the body. */
export function checkKeyEquations(note: Note<PaperNote>, fileText: string): Diagnostic[] {
  const lines = fileText.split('\n');
  const texLines = lines.flatMap((line, i) => (/^\s*(?:-\s+)?tex:/.test(line) ? [i + 1] : []));
  return note.frontmatter.equations.flatMap((eq, i) => {
    const error = validateTex(eq.tex, true);
    if (!error) return [];
    const line = texLines[i] ?? 1;
    const column = (lines[line - 1]?.indexOf('tex:') ?? 0) + 1;
    return [{ file: note.file, line, column, severity: 'error' as const, rule: 'math/invalid',
      message: `invalid LaTeX in key equation "${eq.label}": ${error}`, hint: 'fix the formula; in YAML, single-quote it so backslashes stay as written' }];
  });
}
