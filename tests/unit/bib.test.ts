import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBibFile, shortAuthors } from '../../src/pipeline/bib.ts';
import { venueFamily } from '../../src/pipeline/venues.ts';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';

const FILE = 'papers/hochreiter1997long/paper.bib';
const LSTM = `@article{hochreiter1997long,
  author    = {Hochreiter, Sepp and Schmidhuber, J{\\"u}rgen},
  title     = {Long Short-Term Memory},
  journal   = {Neural Computation},
  volume    = {9},
  number    = {8},
  pages     = {1735--1780},
  year      = {1997},
  doi       = {10.1162/neco.1997.9.8.1735}
}
`;

function messages(text: string, folder = 'hochreiter1997long'): string[] {
  return parseBibFile(text, FILE, folder).diagnostics.map(formatDiagnostic);
}

test('a valid entry becomes a Paper with Unicode names', () => {
  const { paper, diagnostics } = parseBibFile(LSTM, FILE, 'hochreiter1997long');
  assert.deepEqual(diagnostics, []);
  assert.ok(paper);
  assert.equal(paper.title, 'Long Short-Term Memory');
  assert.deepEqual(paper.authors, [{ family: 'Hochreiter', given: 'Sepp' }, { family: 'Schmidhuber', given: 'Jürgen' }]);
  assert.equal(paper.year, 1997);
  assert.equal(paper.venue, 'Neural Computation');
  assert.equal(paper.doi, '10.1162/neco.1997.9.8.1735');
  assert.equal(paper.csl.type, 'article-journal');
});

test('LaTeX escapes and braces in names and titles become plain Unicode', () => {
  const bib = `@inproceedings{vaswani2017attention,
  author = {Kaiser, {\\L}ukasz and Chollet, Fran{\\c{c}}ois},
  title = {{BERT} and {ImageNet}},
  booktitle = {NIPS},
  year = {2017}
}`;
  const { paper } = parseBibFile(bib, 'papers/vaswani2017attention/paper.bib', 'vaswani2017attention');
  assert.deepEqual(paper?.authors.map((a) => `${a.given} ${a.family}`), ['Łukasz Kaiser', 'François Chollet']);
  assert.equal(paper?.title, 'BERT and ImageNet');
});

test('"and others" becomes et al., not an author named others', () => {
  const { paper } = parseBibFile(LSTM.replace('Schmidhuber, J{\\"u}rgen', 'Schmidhuber, J{\\"u}rgen and others'), FILE, 'hochreiter1997long');
  assert.equal(paper?.authors.length, 2);
  assert.equal(paper?.etAl, true);
});

test('unbalanced braces are a syntax error with the line', () => {
  assert.deepEqual(messages(LSTM.replace('{Long Short-Term Memory}', '{Long Short-Term Memory')), [
    `${FILE}:11:1 error: BibTeX syntax error: expected "rbrace", got EOF\n  hint: check that every { has a matching } and fields are separated by commas`,
  ]);
});

test('a missing title names the field and the entry', () => {
  assert.deepEqual(messages(LSTM.replace(/^ {2}title.*\n/m, '')), [
    `${FILE}:1:1 error: @article entry "hochreiter1997long" is missing required field "title"\n  hint: add title = {...}`,
  ]);
});

test('a missing venue field depends on the entry type', () => {
  assert.deepEqual(messages(LSTM.replace(/^ {2}journal.*\n/m, '')), [
    `${FILE}:1:1 error: @article entry "hochreiter1997long" is missing required field "journal"\n  hint: add journal = {...}`,
  ]);
});

test('a non-numeric year points at the year field', () => {
  assert.deepEqual(messages(LSTM.replace('{1997}', '{nineteen97}')), [
    `${FILE}:8:3 error: year "nineteen97" is not a plausible year\n  hint: write a four-digit year between 1600 and ${new Date().getFullYear() + 1}`,
  ]);
});

test('the key must equal the folder name', () => {
  assert.deepEqual(messages(LSTM, 'lstm1997'), [
    `${FILE}:1:1 error: BibTeX key "hochreiter1997long" does not match the folder name "lstm1997"\n  hint: rename the folder to papers/hochreiter1997long/ or the key to lstm1997`,
  ]);
});

test('DOI, arXiv id and ISBN must be well-formed', () => {
  assert.deepEqual(messages(LSTM.replace('{10.1162/neco.1997.9.8.1735}', '{https://doi.org/10.1162/x}')), [
    `${FILE}:9:3 error: DOI "https://doi.org/10.1162/x" is not well-formed\n  hint: write the bare DOI, e.g. 10.1038/nature14539 (no https://doi.org/ prefix)`,
  ]);
  const withArxiv = LSTM.replace('  year', '  eprint = {17060.3762},\n  archivePrefix = {arXiv},\n  year');
  assert.match(messages(withArxiv)[0] ?? '', /:8:3 error: arXiv id "17060.3762" is not well-formed/);
  const withIsbn = LSTM.replace('  year', '  isbn = {978-0-262-03561-4},\n  year');
  assert.match(messages(withIsbn)[0] ?? '', /:8:3 error: ISBN "978-0-262-03561-4" is not a valid ISBN-10 or ISBN-13/);
  const goodIsbn = LSTM.replace('  year', '  isbn = {978-0-262-03561-3},\n  year');
  assert.deepEqual(messages(goodIsbn), []);
});

test('exactly one entry per file', () => {
  assert.match(messages(LSTM + LSTM.replace('hochreiter1997long', 'other'))[0] ?? '', /expected exactly one BibTeX entry, found 2/);
  assert.match(messages('% nothing here\n')[0] ?? '', /expected exactly one BibTeX entry, found 0/);
});

test('HTML in a BibTeX field is refused, naming the field and the tag', () => {
  assert.deepEqual(messages(LSTM.replace('Long Short-Term Memory', 'Long <script>alert(1)</script> Memory')), [
    `${FILE}:3:3 error: HTML is not allowed in BibTeX field "title": found <script>\n  hint: write plain text; for accents use LaTeX escapes such as {\\"u}`,
  ]);
  assert.deepEqual(messages(LSTM.replace('Neural Computation', 'Neural <img src=x onerror=alert(1)> Computation')), [
    `${FILE}:4:3 error: HTML is not allowed in BibTeX field "journal": found an event handler in <img>\n  hint: write plain text; for accents use LaTeX escapes such as {\\"u}`,
  ]);
});

test('short author labels follow the number of authors and the language', () => {
  const { paper } = parseBibFile(LSTM, FILE, 'hochreiter1997long');
  assert.ok(paper);
  assert.equal(shortAuthors(paper, 'en'), 'Hochreiter & Schmidhuber');
  assert.equal(shortAuthors(paper, 'zh'), 'Hochreiter、Schmidhuber');
  const three = { ...paper, authors: [...paper.authors, { family: 'Third' }] };
  assert.equal(shortAuthors(three, 'en'), 'Hochreiter et al.');
  assert.equal(shortAuthors(three, 'zh'), 'Hochreiter 等');
});

test('venues group into families', () => {
  const v = (venue: string | undefined, arxiv?: string) => venueFamily({ venue, entryType: 'inproceedings', arxiv });
  assert.equal(v('Advances in Neural Information Processing Systems 30 (NIPS 2017)'), 'NeurIPS');
  assert.equal(v('Advances in Neural Information Processing Systems 33 (NeurIPS 2020)'), 'NeurIPS');
  assert.equal(v('3rd International Conference on Learning Representations (ICLR 2015)'), 'ICLR');
  assert.equal(v('Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics (NAACL-HLT)'), 'NAACL');
  assert.equal(v('Nature'), 'Nature');
  assert.equal(v(undefined, '1301.3781'), 'arXiv');
});
