/**
 * Resolving the references of one Markdown text: shared by the content check
 * (which scans every note) and the remark plugin (which renders them).
 */
import type { Entity } from './catalog.ts';
import type { Reference } from './references.ts';
import type { Resolver } from './resolver.ts';

export type Resolution =
  | { ok: true; targets: Entity[] }
  | { ok: false; rule: string; message: string; hint?: string };

export function resolveReference(ref: Reference, resolver: Resolver): Resolution {
  if (ref.type === 'malformed') {
    return { ok: false, rule: 'link/malformed', message: `malformed reference ${ref.text}: ${ref.reason}`,
      hint: 'write [[target]], [[target|text]], [@key] or [@key1; @key2]' };
  }
  if (ref.type === 'wikilink') {
    const entity = resolver.resolve(ref.target);
    if (entity) return { ok: true, targets: [entity] };
    const guess = resolver.suggest(ref.target);
    return { ok: false, rule: 'link/unknown-target',
      message: `unknown link target "${ref.target}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      hint: 'link by a concept or resource slug, a paper key, or a name or alias from meta.yaml' };
  }
  const targets: Entity[] = [];
  for (const item of ref.items) {
    const paper = resolver.resolvePaper(item.key);
    if (!paper) {
      const guess = resolver.suggest(item.key, 'paper');
      return { ok: false, rule: 'cite/unknown-key',
        message: `unknown citation key "${item.key}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        hint: `add the paper with npm run new:paper, or cite an existing key from papers/` };
    }
    targets.push(paper);
  }
  return { ok: true, targets };
}

/** Line and column of an offset inside a text node that starts at `start`. */
export function offsetPosition(value: string, offset: number, start: { line: number; column: number }) {
  const before = value.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return lines === 0
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + lines, column: offset - lastBreak };
}
