/**
 * BibTeX as real bibliographies write it (bare numbers, month macros, @string,
 * @preamble, accents, ties, tabs, upper-case types, duplicate fields, crossref),
 * and the metadata a reference manager needs intact: name particles and
 * suffixes, NFC Unicode, sentence-case titles for APA, arXiv identifiers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayName, parseBibFile, shortAuthors } from '../../src/pipeline/bib.ts';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { sentenceCaseBibtex } from '../../src/pipeline/sentence-case.ts';

const FILE = 'papers/k/paper.bib';
const parse = (text: string) => parseBibFile(text, FILE, 'k');

test('bare numbers (year = 2004, volume = 33) are values, not a crash', () => {
  const { paper, diagnostics } = parse('@article{k,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  year = 2004,\n  volume = 33,\n  pages = 7\n}');
  assert.deepEqual(diagnostics, []);
  assert.equal(paper?.year, 2004);
  assert.equal(paper?.fields.volume, '33');
  assert.equal(paper?.csl.volume, '33');
});

test('month macros, @string abbreviations, @preamble, tabs and an upper-case @Book', () => {
  const bib = '@string{mitp = "MIT Press"}\n@preamble{"\\newcommand{\\noop}[1]{}"}\n@Book{k,\n\tauthor = "G{\\"o}del, Kurt and Knuth,~Donald E.",\n\ttitle = {The~Art of {\\"O}sterreich},\n\tpublisher = mitp # " (2nd ed.)",\n\tyear = 1970, month = jan\n}';
  const { paper, diagnostics } = parse(bib);
  assert.deepEqual(diagnostics, []);
  assert.equal(paper?.entryType, 'book');
  assert.deepEqual(paper?.authors.map(displayName), ['Kurt Gödel', 'Donald E. Knuth']);
  assert.equal(paper?.title, 'The Art of Österreich', 'a ~ tie is a space in the title');
  assert.equal(paper?.venue, 'MIT Press (2nd ed.)');
  assert.deepEqual(paper?.csl.issued, { 'date-parts': [[1970, 1]] });
});

test('a field written twice is an error on the second one', () => {
  const bib = '@article{k,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  year = {1968},\n\tyear = 1970\n}';
  assert.deepEqual(parse(bib).diagnostics.map(formatDiagnostic), [
    `${FILE}:6:2 error: field "year" is written twice (first on line 5)\n  hint: keep one of the two: BibTeX uses the first, other tools the last`,
  ]);
});

test('crossref in paper.bib points at the line and says how to inline it', () => {
  const bib = '@inproceedings{k,\n  author = {Doe, Jane},\n  title = {T},\n  crossref = {icml2004},\n  year = 2004\n}';
  const [message] = parse(bib).diagnostics.map(formatDiagnostic);
  assert.match(message ?? '', /^papers\/k\/paper\.bib:4:3 error: crossref = \{icml2004\} points at another entry/);
  assert.match(message ?? '', /hint: copy the fields .* npm run new:paper does this for you/);
});

test('one-line entries still get the field line right', () => {
  const [message] = parse('@article{k, author = {Doe, J}, title = {T}, journal = {J}, year = {20x4}}').diagnostics.map(formatDiagnostic);
  assert.match(message ?? '', /^papers\/k\/paper\.bib:1:60 error: year "20x4"/);
});

test('names and titles are NFC: Mart{\\\'\\i}n is "Martín", one code point for í', () => {
  const { paper } = parse("@misc{k, author = {Abadi, Mart{\\'\\i}n and Dollár, Piotr}, title = {Caf{\\'e} na\\\"{\\i}ve}, year = 2016}");
  assert.equal(paper?.authors[0]?.given, 'Martín');
  assert.equal(paper?.authors[0]?.given, 'Martín'.normalize('NFC'));
  assert.doesNotMatch(JSON.stringify(paper?.csl), /\u0131|[\u0300-\u036f]/, 'no dotless i, no combining marks');
  assert.equal(paper?.title, 'Café naïve');
});

test('"von Platen" and "Smith, Jr." keep their particle and suffix', () => {
  const { paper } = parse('@misc{k, author = {von Platen, Patrick and Smith, Jr., John and Le Scao, Teven}, title = {T}, year = 2020}');
  assert.deepEqual(paper?.authors.map(displayName), ['Patrick von Platen', 'John Smith, Jr.', 'Teven Le Scao']);
  assert.deepEqual(paper?.csl.author?.[0], { given: 'Patrick', family: 'Platen', 'non-dropping-particle': 'von' });
  assert.deepEqual(paper?.csl.author?.[1], { given: 'John', family: 'Smith', suffix: 'Jr.' });
  const two = parse('@misc{k, author = {van der Maaten, Laurens and Hinton, Geoffrey}, title = {T}, year = 2008}').paper!;
  assert.equal(shortAuthors(two, 'en'), 'van der Maaten & Hinton');
});

test('an arXiv-only work is a preprint in CSL: number, publisher, DOI, URL and note', () => {
  const { paper } = parse('@misc{k, author = {Mikolov, Tomas}, title = {Efficient Estimation}, year = 2013, eprint = {1301.3781}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}');
  assert.equal(paper?.arxiv, '1301.3781');
  assert.deepEqual(
    { type: paper?.csl.type, number: paper?.csl.number, publisher: paper?.csl.publisher, DOI: paper?.csl.DOI, URL: paper?.csl.URL, note: paper?.csl.note },
    { type: 'article', number: 'arXiv:1301.3781', publisher: 'arXiv', DOI: '10.48550/arXiv.1301.3781', URL: 'https://arxiv.org/abs/1301.3781', note: 'arXiv: 1301.3781 [cs.CL]' },
  );
});

test('a published work keeps its venue; the arXiv URL stands in only when it has no DOI', () => {
  const conf = parse('@inproceedings{k, author = {A, B}, title = {T}, booktitle = {ICLR}, year = 2015, eprint = {1412.6980}, archivePrefix = {arXiv}}').paper!;
  assert.equal(conf.csl.type, 'paper-conference');
  assert.equal(conf.csl.URL, 'https://arxiv.org/abs/1412.6980');
  assert.equal(conf.csl.note, 'arXiv: 1412.6980');
  const withDoi = parse('@inproceedings{k, author = {A, B}, title = {T}, booktitle = {CVPR}, year = 2016, doi = {10.1109/CVPR.2016.90}, eprint = {1512.03385}, eprinttype = {arxiv}}').paper!;
  assert.equal(withDoi.csl.URL, undefined);
  assert.equal(withDoi.csl.DOI, '10.1109/CVPR.2016.90');
  assert.equal(withDoi.csl.note, 'arXiv: 1512.03385');
});

test('APA sentence case keeps braces, acronyms, inner capitals and the word after a colon', () => {
  const cases: Array<[string, string]> = [
    ['Attention Is All You Need', 'Attention is all you need'],
    ['{BERT}: Pre-training of Deep Bidirectional Transformers', '{BERT}: Pre-training of deep bidirectional transformers'],
    ["word2vec Explained: Deriving {Mikolov et al.}'s Negative-Sampling Word-Embedding Method", "word2vec explained: Deriving {Mikolov et al.}'s negative-sampling word-embedding method"],
    ['Transformers: State-of-the-Art Natural Language Processing', 'Transformers: State-of-the-art natural language processing'],
    ['{TensorFlow}: A System for Large-Scale Machine Learning', '{TensorFlow}: A system for large-scale machine learning'],
    ['Learning Deep Architectures for AI', 'Learning deep architectures for AI'],
    ['ImageNet Classification with Deep CNNs', 'ImageNet classification with deep CNNs'],
    ['Zero-Shot Text-to-Image Generation', 'Zero-shot text-to-image generation'],
    ['Die Welt von {\\"O}sterreich und {\\L}{\\\'o}d{\\\'z}', 'Die welt von {\\"o}sterreich und {\\l}{\\\'o}d{\\\'z}'],
  ];
  for (const [title, expected] of cases) assert.equal(sentenceCaseBibtex(title), expected, title);
  const { paper } = parse('@misc{k, author = {A, B}, title = {Deep Learning with {Python}}, year = 2017}');
  assert.equal((paper?.csl.custom as Record<string, string>)['sentence-case-title'], 'Deep learning with Python');
});
