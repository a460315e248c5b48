/**
 * The maintainers' table of bad inputs: each change to a scratch copy of the
 * knowledge base, and the exact message(s) the check must print for it. The
 * messages are compared with the run before the change, so each row shows
 * precisely what that one mistake adds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { scratchCopy, type Scratch } from '../helpers/scratch.ts';

let scratch: Scratch;
let baseline: Set<string>;
// Each edit also leaves the note's translation twin stale; that warning has its own tests
// (tests/integration/translation-sync.test.ts), so rows here list only their own messages.
const check = () => buildSite(projectPaths(scratch.root)).diagnostics.filter((d) => d.rule !== 'translation/stale').map(formatDiagnostic);
before(() => {
  scratch = scratchCopy();
  baseline = new Set(check());
});
after(() => scratch.dispose());

const BIB = 'papers/vaswani2017attention/paper.bib';
const NOTE = 'papers/vaswani2017attention/en.md';
const CONCEPT = 'src/content/concepts/transformer/zh.md';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Row {
  name: string;
  file: string;
  change: (text: string) => string;
  /** The messages, given the changed text (for line numbers). */
  expected: (changed: string) => string[];
  /** Extra files the row creates. */
  extra?: Record<string, string>;
}

const rows: Row[] = [
  {
    name: 'broken BibTeX (unbalanced braces)',
    file: BIB,
    change: (t) => t.replace('{Attention Is All You Need}', '{Attention Is All You Need'),
    expected: (c) => [`${BIB}:${c.trimEnd().split('\n').length + 1}:1 error: BibTeX syntax error: expected "rbrace", got EOF\n  hint: check that every { has a matching } and fields are separated by commas`],
  },
  {
    name: 'missing title',
    file: BIB,
    change: (t) => t.replace(/^\s*title\s*=.*\n/m, ''),
    expected: () => [`${BIB}:1:1 error: @inproceedings entry "vaswani2017attention" is missing required field "title"\n  hint: add title = {...}`],
  },
  {
    name: 'non-numeric year',
    file: BIB,
    change: (t) => t.replace(/year(\s*)=(\s*)\{2017\}/, 'year$1=$2{MMXVII}'),
    expected: (c) => [`${BIB}:${lineOf(c, 'MMXVII')}:3 error: year "MMXVII" is not a plausible year\n  hint: write a four-digit year between 1600 and ${new Date().getFullYear() + 1}`],
  },
  {
    name: 'duplicate DOI',
    file: 'papers/rumelhart1986learning/paper.bib',
    change: (t) => t.replace('{10.1038/323533a0}', '{10.1162/neco.1997.9.8.1735}'),
    extra: {},
    expected: (c) => [
      `papers/rumelhart1986learning/paper.bib:${lineOf(c, 'doi')}:3 error: DOI 10.1162/neco.1997.9.8.1735 is already used by papers/hochreiter1997long/paper.bib\n  hint: one work, one folder: merge the two papers or fix the identifier`,
    ],
  },
  {
    name: 'key not matching the folder',
    file: BIB,
    change: (t) => t.replace('{vaswani2017attention,', '{vaswani2017,'),
    expected: () => [`${BIB}:1:1 error: BibTeX key "vaswani2017" does not match the folder name "vaswani2017attention"\n  hint: rename the folder to papers/vaswani2017/ or the key to vaswani2017attention`],
  },
  {
    name: 'unknown concept link',
    file: NOTE,
    change: (t) => `${t}\nSee [[gradiant-descent]].\n`,
    expected: (c) => [`${NOTE}:${lineOf(c, 'gradiant')}:5 error: unknown link target "gradiant-descent" (did you mean "gradient-descent"?)\n  hint: link by a concept or resource slug, a paper key, or a name or alias from meta.yaml`],
  },
  {
    name: 'unknown citation key',
    file: CONCEPT,
    change: (t) => `${t}\n参见 [@vaswani2017attentio]。\n`,
    expected: (c) => [`${CONCEPT}:${lineOf(c, 'attentio]')}:4 error: unknown citation key "vaswani2017attentio" (did you mean "vaswani2017attention"?)\n  hint: add the paper with npm run new:paper, or cite an existing key from papers/`],
  },
  {
    name: 'invalid LaTeX',
    file: CONCEPT,
    change: (t) => `${t}\n公式 $\\softmaxx(x)$。\n`,
    expected: (c) => [`${CONCEPT}:${lineOf(c, 'softmaxx')}:4 error: invalid LaTeX: Undefined control sequence: \\softmaxx at position 1: \\̲s̲o̲f̲t̲m̲a̲x̲x̲(x)\n  hint: fix the formula; KaTeX supports the commands listed at katex.org/docs/supported`],
  },
  {
    name: '<script> in a title',
    file: BIB,
    change: (t) => t.replace('{Attention Is All You Need}', '{Attention <script>alert(1)</script>}'),
    expected: (c) => [`${BIB}:${lineOf(c, 'title')}:3 error: HTML is not allowed in BibTeX field "title": found <script>\n  hint: write plain text; for accents use LaTeX escapes such as {\\"u}`],
  },
  {
    name: 'onerror= in a title',
    file: BIB,
    change: (t) => t.replace('{Attention Is All You Need}', '{<img src=x onerror=alert(1)>}'),
    expected: (c) => [`${BIB}:${lineOf(c, 'title')}:3 error: HTML is not allowed in BibTeX field "title": found an event handler in <img>\n  hint: write plain text; for accents use LaTeX escapes such as {\\"u}`],
  },
  {
    name: '<script> in a note',
    file: NOTE,
    change: (t) => `${t}\n<script>alert(1)</script>\n`,
    expected: (c) => [`${NOTE}:${lineOf(c, '<script>')}:1 error: raw HTML is not allowed in notes: found <script>\n  hint: write Markdown instead; for a formula use $...$, for a link [text](https://...)`],
  },
  {
    name: 'onerror= in a note',
    file: NOTE,
    change: (t) => `${t}\nSee <img src=x onerror=alert(1)> here.\n`,
    expected: (c) => [`${NOTE}:${lineOf(c, 'onerror')}:5 error: raw HTML is not allowed in notes: found an event handler (onerror=) in <img>\n  hint: write Markdown instead; for a formula use $...$, for a link [text](https://...)`],
  },
  {
    name: 'an MDX import in a paper note',
    file: NOTE,
    change: (t) => t.replace(/\n---\n/, "\n---\nimport Chart from '../../src/components/Chart.astro';\n"),
    expected: (c) => [`${NOTE}:${lineOf(c, 'import Chart')}:1 error: MDX import statements are not allowed in paper notes\n  hint: paper notes are plain Markdown: remove the statement; link pages with [[...]] instead`],
  },
  {
    name: 'a javascript: link',
    file: NOTE,
    change: (t) => `${t}\n[click](javascript:alert(1))\n`,
    expected: (c) => [`${NOTE}:${lineOf(c, 'javascript:')}:1 error: link to "javascript:alert(1)" is not allowed: only http(s), mailto and relative links\n  hint: use an https:// address`],
  },
  {
    name: 'a missing image',
    file: NOTE,
    change: (t) => `${t}\n![architecture](./figure-1.png)\n`,
    expected: (c) => [`${NOTE}:${lineOf(c, 'figure-1')}:1 error: image "./figure-1.png" does not exist\n  hint: add the file to papers/vaswani2017attention/ or fix the path`],
  },
  {
    name: 'an .mdx file in a paper folder',
    file: NOTE,
    change: (t) => t,
    extra: { 'papers/vaswani2017attention/extra.mdx': "import X from 'x';\n\n<X />\n" },
    expected: () => [`papers/vaswani2017attention/extra.mdx:1:1 error: MDX files are not allowed in papers/: notes are plain Markdown\n  hint: a paper folder holds paper.bib, meta.yaml, zh.md, en.md and images only`],
  },
  {
    // Last: removing the file leaves the folder behind.
    name: 'a paper folder named by digits only (the paper list\'s page addresses)',
    file: NOTE,
    change: (t) => t,
    extra: { 'papers/2017/paper.bib': '@article{2017,\n  title = {A Title},\n  author = {Smith, Jane},\n  journal = {J},\n  year = {2017}\n}\n' },
    expected: () => ['papers/2017/paper.bib:1:1 error: paper folder "2017" is only digits: its page address would be a page of the paper list\n  hint: name the folder and the BibTeX key like author+year+word, e.g. smith2017example'],
  },
];

for (const row of rows) {
  test(row.name, () => {
    const original = scratch.read(row.file);
    const changed = row.change(original);
    scratch.write(row.file, changed);
    for (const [file, text] of Object.entries(row.extra ?? {})) scratch.write(file, text);
    try {
      const added = check().filter((m) => !baseline.has(m));
      assert.deepEqual(added, row.expected(changed));
    } finally {
      scratch.write(row.file, original);
      for (const file of Object.keys(row.extra ?? {})) scratch.remove(file);
    }
  });
}
