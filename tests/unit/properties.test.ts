/**
 * Property tests: the checker's parsers get random BibTeX, frontmatter and
 * Markdown, and must answer with diagnostics, never with an exception.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeNote } from '../../src/pipeline/analyze.ts';
import { parseBibFile } from '../../src/pipeline/bib.ts';
import { extractEntry } from '../../src/pipeline/bib-entry.ts';
import { scannedItems } from '../../src/pipeline/bib-scan.ts';
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
// The forms real bibliographies use: LaTeX accents, ~ ties, protected words, particles.
const latexValue = fc.constantFrom('G{\\"o}del, Kurt and Knuth,~Donald E.', "Mart{\\'\\i}n", 'von Platen, Patrick and Smith, Jr., John', '{BERT}: Pre-training', 'The~Art of {\\"O}sterreich', '1735--1780', '10.1162/neco.1997.9.8.1735', '1301.3781', 'arXiv');
// Values as written outside braces: bare numbers (year = 2004), month and @string macros, # concatenation.
const bareValue = fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), fc.constantFrom('jan', 'feb', 'dec', 'mitp', 'undefinedmacro', 'mitp # " Press"', '"quoted {braces}"', '{}'));
// Weighted so that most entries parse and reach the checks behind the parser.
const value = fc.oneof({ weight: 1, arbitrary: fieldValue.map((v) => `{${v}}`) }, { weight: 2, arbitrary: latexValue.map((v) => `{${v}}`) }, { weight: 2, arbitrary: bareValue });
const fieldName = fc.constantFrom('author', 'title', 'year', 'journal', 'booktitle', 'doi', 'eprint', 'archivePrefix', 'primaryClass', 'isbn', 'publisher', 'pages', 'month', 'volume', 'crossref', 'YEAR', 'Title', 'institution', 'url', 'editor');
const bibEntry = fc.record({
  prelude: fc.array(fc.constantFrom('@string{mitp = "MIT Press"}\n', '@preamble{"\\newcommand{\\noop}[1]{}"}\n', '@comment{a comment}\n', '% a comment\n', '@STRING(nips = {NeurIPS})\n'), { maxLength: 3 }),
  type: fc.constantFrom('article', 'inproceedings', 'book', 'misc', 'techreport', 'online', 'weird', 'Book', 'ARTICLE', 'InProceedings', 'proceedings'),
  key: fc.oneof(fc.constant('k'), fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), fc.string({ maxLength: 8 }), fc.constantFrom('Glorot+al-2011', 'DBLP:journals/corr/X', 'a-b_c')),
  // Names repeat at random: duplicate fields are generated too.
  fields: fc.array(fc.tuple(fieldName, value, fc.constantFrom('  ', '\t', ' ', '')), { maxLength: 9 }),
  parent: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('@proceedings{p, title = {Proc. X}, publisher = {P}, year = 2001}\n', '@book{p, title = "B", year = 1999,}\n') }),
  close: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
}).map(({ prelude, type, key, fields, parent, close }) =>
  `${prelude.join('')}@${type}{${key},\n${fields.map(([f, v, indent]) => `${indent}${f} = ${v},`).join('\n')}\n${close ? '}' : ''}\n${parent ?? ''}`);
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

test('new:paper answers any bibliography text with one entry or a file:line error, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(text, bibEntry), fc.option(fc.constantFrom('k', 'p', 'missing')), (bib, key) => {
      const result = extractEntry(bib, 'refs.bib', key ?? undefined);
      if (result.ok) {
        assert.ok(scannedItems(result.bibtex).length === 1, `one entry written:\n${result.bibtex}`);
        assert.doesNotThrow(() => parseBibFile(result.bibtex, 'refs.bib', result.key));
      } else {
        for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && d.message.length > 0 && d.hint, d.message);
      }
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

const emptyCatalog: Catalog = { paths: projectPaths('/nonexistent'), sources: { articles: [], errata: [] }, concepts: new Map(), papers: new Map(), resources: new Map(), explainers: new Map() };
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
