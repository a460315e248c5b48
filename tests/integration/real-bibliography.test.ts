/**
 * A textbook's bibliography (tests/fixtures/bibliography/textbook.bib: 25
 * entries with @string, @preamble, crossref, bare numbers, month macros,
 * accents, ties, tabs, upper-case types and keys from other tools): every entry
 * is scaffolded with `npm run new:paper --key`, and every scaffolded paper.bib
 * passes the check. The few that cannot be papers are refused with file:line
 * and a hint; none crashes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { scannedItems } from '../../src/pipeline/bib-scan.ts';
import { scaffoldPaper } from '../../src/pipeline/scaffold.ts';
import { buildSite } from '../../src/pipeline/site.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO, scratchCopy, type Scratch } from '../helpers/scratch.ts';

const SOURCE = 'tests/fixtures/bibliography/textbook.bib';
const TEXT = fs.readFileSync(path.join(REPO, SOURCE), 'utf8');
const KEYS = scannedItems(TEXT).map((e) => e.key);

/** The entries that cannot become papers, and the error each must get. */
const REFUSED: Record<string, RegExp> = {
  'Glorot+al-AI-2011-small': /^tests\/fixtures\/bibliography\/textbook\.bib:\d+:1 error: the key "Glorot\+al-AI-2011-small" cannot be a folder name and URL\n {2}hint: use letters, digits, - and _ only, e\.g\. glorot-al-ai-2011-small$/,
  'DBLP:journals/corr/KingmaB14': /^tests\/fixtures\/bibliography\/textbook\.bib:\d+:1 error: the key "DBLP:journals\/corr\/KingmaB14" cannot be a folder name/,
  nips19: /^tests\/fixtures\/bibliography\/textbook\.bib:\d+:1 error: unsupported entry type @proceedings\n {2}hint: use one of @article/,
  Cybenko89: /^tests\/fixtures\/bibliography\/textbook\.bib:\d+:3 error: field "year" is written twice in entry "Cybenko89"/,
  'Hochreiter-Schmidhuber-1997': /DOI 10\.1162\/neco\.1997\.9\.8\.1735 is already in the knowledge base: papers\/hochreiter1997long\//,
};

let scratch: Scratch;
before(() => {
  scratch = scratchCopy();
});
after(() => scratch.dispose());

test('the fixture is a real bibliography: at least 20 entries in the forms such files use', () => {
  assert.ok(KEYS.length >= 20, `${KEYS.length} entries`);
  for (const form of [/^@string\{/m, /^@preamble\{/m, /crossref = \{/, /year = \d{4},/, /month = [a-z]{3}\b/, /\{\\"o\}/, /,~/, /^\t/m, /^@Book\{/m, /year = 1989,\n {2}year = \{1989\}/]) {
    assert.match(TEXT, form, `the fixture has ${form}`);
  }
});

test('every entry scaffolds and checks, or is refused with file:line and a hint; none crashes', () => {
  const paths = projectPaths(scratch.root);
  const scaffolded: string[] = [];
  for (const key of KEYS) {
    let result: ReturnType<typeof scaffoldPaper>;
    assert.doesNotThrow(() => { result = scaffoldPaper(paths, TEXT, SOURCE, key); }, key);
    if (key in REFUSED) {
      assert.equal(result!.ok, false, `${key} is refused`);
      if (!result!.ok) assert.match(result!.errors.join('\n'), REFUSED[key]!, key);
    } else {
      assert.ok(result!.ok, `${key}: ${result!.ok ? '' : result!.errors.join('\n')}`);
      scaffolded.push(key);
    }
  }
  assert.ok(scaffolded.length >= 20, `${scaffolded.length} scaffolded`);

  const site = buildSite(paths);
  const bibErrors = site.diagnostics.filter((d) => d.file.endsWith('paper.bib'));
  assert.deepEqual(bibErrors, [], 'every scaffolded paper.bib passes the check');
  for (const key of scaffolded) {
    const paper = site.catalog.papers.get(key)?.paper;
    assert.ok(paper && paper.title.length > 0 && paper.year > 1900, key);
    // What the check still wants is the notes: the summary the maintainer writes.
    const notes = site.diagnostics.filter((d) => d.file.startsWith(`papers/${key}/`));
    assert.ok(notes.every((d) => /summary/.test(d.message)), `${key}: ${notes.map((d) => d.message).join('; ')}`);
  }
});

test('the written paper.bib is self-contained: macros expanded, crossref copied in, month kept', () => {
  const bengio = scratch.read('papers/Bengio-nips-2006/paper.bib');
  assert.match(bengio, /^@inproceedings\{Bengio-nips-2006,$/m);
  assert.match(bengio, /booktitle += \{Advances in Neural Information Processing Systems 19 \(NIPS'06\)\}/);
  assert.match(bengio, /publisher += \{MIT Press\}/);
  assert.match(bengio, /editor += \{Sch\{\\"o\}lkopf, Bernhard and Platt, John and Hoffman, Thomas\}/);
  assert.match(bengio, /year += \{2007\}/);
  assert.doesNotMatch(bengio, /crossref|@string|@proceedings/);
  assert.match(scratch.read('papers/Hinton-et-al-2006/paper.bib'), /month += jul/);
  // An entry that needs nothing resolved is kept as the maintainer wrote it.
  assert.equal(scratch.read('papers/Bottou-2010/paper.bib').includes('\tauthor = {Bottou,~L{\\\'e}on},'), true);
});
