/**
 * YAML (frontmatter or meta.yaml) validated by a zod schema, with every problem
 * mapped back to the line and column of the maintainer's file.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { packageVersions } from './cache-key.ts';
import type { Diagnostic } from './diagnostics.ts';
import { isPlainJson, JsonCache } from './json-cache.ts';

export interface MarkdownParts {
  /** The YAML between the `---` fences, or '' when there is none. */
  frontmatter: string;
  /** 1-based line of the file where the YAML starts. */
  frontmatterLine: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): MarkdownParts {
  const match = FENCE.exec(source);
  if (!match) return { frontmatter: '', frontmatterLine: 1, body: source, bodyLine: 1 };
  const frontmatter = match[1] ?? '';
  const consumedLines = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { frontmatter, frontmatterLine: 2, body: source.slice(match[0].length), bodyLine: consumedLines + 1 };
}

type Path = ReadonlyArray<PropertyKey>;

/** Offset of the node at `path`, or of its closest existing parent. */
function offsetOf(doc: Document, path: Path): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (typeof k === 'symbol' ? String(k) : k));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** A zod issue as a sentence a maintainer can act on (after Starlight's error map). */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'the data';
  const received = describeReceived(issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as string], data));
  switch (issue.code) {
    case 'invalid_type':
      if (received === 'nothing') return `missing required field ${field} (expected ${issue.expected})`;
      return `field ${field}: expected ${issue.expected}, got ${received}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.path.length ? ` in ${field}` : ''}`;
    case 'invalid_value':
      return `field ${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${received}`;
    case 'too_small':
      return `field ${field}: ${issue.message.startsWith('Too small') ? `too short (minimum ${String(issue.minimum)})` : `expected ${issue.message}`}`;
    case 'invalid_format':
      return `field ${field}: expected ${issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message}, got ${received}`;
    default:
      return `field ${field}: ${issue.message}`;
  }
}

/**
 * YAML that parsed without errors, as data, by the hash of its text: the build reads ~600
 * frontmatter blocks and meta.yaml files, and the yaml package took ~0.3 s of every check to
 * parse them (JSON.parse of the same data: ~5 ms). buildSite opens it (.cache/site/yaml.json)
 * and saves it; without it every text is parsed. Only data JSON keeps exactly is stored.
 */
let yamlCache: JsonCache<unknown> | undefined;

export function openYamlCache(file: string, root: string): void {
  yamlCache = new JsonCache<unknown>(file, `1 ${packageVersions(root, ['yaml'])}`);
}

/** Writes the texts parsed since openYamlCache and closes it. */
export function saveYamlCache(): void {
  yamlCache?.save();
  yamlCache = undefined;
}

export interface ParsedData<T> {
  data?: T;
  /** False when `data` is a stand-in rebuilt from the valid fields (see `placeholders`). */
  valid?: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Parse YAML text and validate it. `file` is project-relative; `firstLine` is the
 * file line where the YAML text starts (2 for frontmatter after `---`).
 */
export function parseYamlData<S extends z.ZodType>(
  schema: S,
  yamlText: string,
  file: string,
  firstLine: number,
  /**
   * Values for required fields, used to rebuild a stand-in from the valid fields
   * when validation fails, so one bad field does not turn every link to the page
   * into a second error. The build still fails on the first error.
   */
  placeholders?: Record<string, unknown>,
): ParsedData<z.output<S>> {
  const key = yamlCache && createHash('sha256').update(yamlText).digest('hex');
  const cached = key === undefined ? undefined : yamlCache!.get(key);
  if (cached !== undefined) {
    // A copy: the caller may change its data, and the cache keeps its own until it is saved.
    const result = schema.safeParse(structuredClone(cached));
    // Valid data needs no positions; invalid data is parsed again below for its diagnostics.
    if (result.success) return { data: result.data, valid: true, diagnostics: [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        severity: 'error' as const,
        rule: 'yaml/syntax',
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
        hint: 'check indentation, quotes and the colon after each key',
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (key !== undefined && isPlainJson(raw)) yamlCache!.set(key, structuredClone(raw));
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, valid: true, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => ({
      file,
      ...at(offsetOf(doc, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path)),
      severity: 'error' as const,
      rule: 'schema/invalid',
      message: describeIssue(issue, raw),
    }));
  if (placeholders && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const badFields = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
    const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !badFields.has(k)));
    const standIn = schema.safeParse({ ...placeholders, ...kept });
    if (standIn.success) return { data: standIn.data, valid: false, diagnostics };
  }
  return { diagnostics };
}
