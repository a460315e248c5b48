/**
 * Property tests: the checker's parsers get random BibTeX, frontmatter and
 * Markdown, and must answer with diagnostics, never with an exception.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeNote } from '../../src/pipeline/analyze.ts';
import { parseBibFile } from '../../src/pipeline/bib.ts';
import type { Catalog } from '../../src/pipeline/catalog.ts';
import { findReferences } from '../../src/pipeline/references.ts';
import { createResolver } from '../../src/pipeline/resolver.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { parseYamlData, splitFrontmatter } from '../../src/pipeline/yaml-data.ts';
import { conceptMeta } from '../../src/schemas/concept.ts';
import { paperNote } from '../../src/schemas/paper.ts';

const RUNS = { numRuns: 300 };
const text = fc.string({ unit: fc.constantFrom('{', '}', '@', ',', '=', '"', '\\', '\n', ' ', 'a', 'Z', '1', '%', '#', '<', '>', 'é', '中'), maxLength: 120 });
const fieldValue = fc.oneof(text, fc.string({ maxLength: 40 }), fc.integer().map(String));
const bibEntry = fc.record({
  type: fc.constantFrom('article', 'inproceedings', 'book', 'misc', 'techreport', 'online', 'weird'),
  key: fc.oneof(fc.constant('k'), fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), fc.string({ maxLength: 8 })),
  fields: fc.array(fc.tuple(fc.constantFrom('author', 'title', 'year', 'journal', 'booktitle', 'doi', 'eprint', 'archivePrefix', 'isbn', 'publisher', 'pages'), fieldValue), { maxLength: 8 }),
  close: fc.boolean(),
}).map(({ type, key, fields, close }) => `@${type}{${key},\n${fields.map(([f, v]) => `  ${f} = {${v}},`).join('\n')}\n${close ? '}' : ''}`);

test('parseBibFile answers any text with diagnostics, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(text, bibEntry), fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), (bib, folder) => {
      const result = parseBibFile(bib, `papers/${folder}/paper.bib`, folder);
      assert.ok(Array.isArray(result.diagnostics));
      assert.ok(result.paper ? result.diagnostics.length === 0 : result.diagnostics.length > 0, 'a paper, or a reason why not');
      for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && d.message.length > 0);
    }),
    RUNS,
  );
});

const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 })),
})).value;
const frontmatter = fc.oneof(
  text,
  fc.dictionary(fc.constantFrom('name', 'aliases', 'topic', 'prerequisites', 'papers', 'summary', 'concepts', 'equations', 'x'), yamlValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);

test('frontmatter validation answers any YAML with diagnostics, never an exception', () => {
  fc.assert(
    fc.property(frontmatter, (yaml) => {
      for (const schema of [conceptMeta, paperNote]) {
        const result = parseYamlData(schema, yaml, 'src/content/concepts/x/meta.yaml', 1, { name: { zh: 'x', en: 'x' }, topic: 'foundations' });
        assert.ok(result.data !== undefined || result.diagnostics.length > 0);
        for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.column >= 1);
      }
    }),
    RUNS,
  );
});

const emptyCatalog: Catalog = { paths: projectPaths('/nonexistent'), sources: { articles: [], errata: [] }, concepts: new Map(), papers: new Map(), resources: new Map() };
const markdown = fc.string({ unit: fc.constantFrom('[', ']', '[[', ']]', '|', '@', ';', '$', '$$', '\\frac', '{', '}', '`', '```', '<', '>', '\n', ' ', 'a', '中', '#', '!', '(', ')', 'javascript:', 'import ', '---'), maxLength: 80 });

test('note analysis answers any Markdown with diagnostics, never an exception', () => {
  const resolver = createResolver(emptyCatalog);
  fc.assert(
    fc.property(markdown, (source) => {
      const parts = splitFrontmatter(source);
      const analysis = analyzeNote({ file: 'papers/x/en.md', body: parts.body, bodyLine: parts.bodyLine }, resolver, '/nonexistent');
      for (const d of analysis.diagnostics) assert.ok(d.line >= 1 && d.column >= 1, `${d.line}:${d.column}`);
      for (const ref of findReferences(source)) assert.ok(ref.start >= 0 && ref.end <= source.length && ref.start < ref.end);
    }),
    RUNS,
  );
});
