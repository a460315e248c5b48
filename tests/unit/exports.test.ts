/**
 * The RIS and CSL-JSON exports of every paper in the knowledge base: one tag
 * per line (never wrapped), pages split into SP/EP, a year, name particles,
 * the arXiv id; and the build-wide access date GB/T 7714 prints.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { parseBibFile, type CslItem } from '../../src/pipeline/bib.ts';
import { accessDate, parseAccessDate } from '../../src/pipeline/access-date.ts';
import { toCslJson, toRis } from '../../src/pipeline/cite.ts';

const PAPERS = fs.readdirSync(new URL('../../papers/', import.meta.url)).filter((d) => fs.existsSync(new URL(`../../papers/${d}/paper.bib`, import.meta.url)));

function paper(key: string) {
  const text = fs.readFileSync(new URL(`../../papers/${key}/paper.bib`, import.meta.url), 'utf8');
  return parseBibFile(text, `papers/${key}/paper.bib`, key).paper!;
}

test('RIS: one tag per line, never wrapped; PY, SP and EP in every record with pages; a final newline', () => {
  for (const key of PAPERS) {
    const p = paper(key);
    const ris = toRis([p.csl]);
    assert.ok(ris.endsWith('ER  - \n'), `${key} ends with ER and a newline`);
    const lines = ris.slice(0, -1).split('\n');
    for (const line of lines) assert.match(line, /^[A-Z][A-Z0-9]  - /, `${key}: every line is a tag, no blank or wrapped line: "${line}"`);
    assert.ok(lines.includes(`TI  - ${p.title}`), `${key}: the whole title on one line`);
    assert.ok(lines.includes(`PY  - ${p.year}`), `${key}: PY`);
    if (p.pages) {
      // A page range splits into SP and EP; a single page or article number (Neurocomputing's 127063) is SP alone.
      const [sp, ep] = p.pages.split(/-+|–/);
      assert.ok(lines.includes(`SP  - ${sp}`) && (ep === undefined ? !lines.some((l) => l.startsWith('EP  - ')) : lines.includes(`EP  - ${ep}`)), `${key}: SP ${sp} and EP ${ep} in\n${ris}`);
    }
    if (p.arxiv) assert.ok(lines.includes(`N1  - arXiv: ${p.arxiv}`) && lines.some((l) => l.startsWith('UR  - ') || l.startsWith('DO  - ')), `${key}: arXiv id`);
  }
});

test('RIS keeps the name particle: AU  - von Platen, Patrick', () => {
  const ris = toRis([paper('wolf2020transformers').csl]);
  assert.match(ris, /^AU {2}- von Platen, Patrick$/m);
  assert.match(ris, /^AU {2}- Le Scao, Teven$/m);
  assert.match(ris, /^TY {2}- CONF$/m);
  assert.match(ris, /^C3 {2}- Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing: System Demonstrations$/m);
});

test('RIS of several works: records separated by one blank line', () => {
  const ris = toRis([paper('lecun2015deep').csl, paper('mikolov2013efficient').csl]);
  assert.equal(ris.split('\n\n').length, 2);
  assert.match(ris, /^TY {2}- UNPB$/m, 'an arXiv-only work is unpublished');
});

test('CSL-JSON carries the arXiv id, the particle and NFC names, and no internal fields', () => {
  const [abadi] = JSON.parse(toCslJson([paper('abadi2016tensorflow').csl])) as CslItem[];
  assert.equal(abadi!.author![0]!.given, 'Martín'.normalize('NFC'));
  const [mikolov] = JSON.parse(toCslJson([paper('mikolov2013efficient').csl])) as CslItem[];
  assert.equal(mikolov!.number, 'arXiv:1301.3781');
  assert.equal(mikolov!.note, 'arXiv: 1301.3781');
  assert.equal('custom' in mikolov!, false);
  assert.equal('_graph' in mikolov!, false);
  const [wolf] = JSON.parse(toCslJson([paper('wolf2020transformers').csl])) as CslItem[];
  assert.ok(wolf!.author!.some((a) => a['non-dropping-particle'] === 'von' && a.family === 'Platen'));
});

test('the access date is DEEPATLAS_ACCESS_DATE, or the build day; a bad value is a one-line error', () => {
  assert.deepEqual(accessDate({ DEEPATLAS_ACCESS_DATE: '2026-02-28' }), { year: 2026, month: 2, day: 28 });
  assert.deepEqual(accessDate({}, new Date(Date.UTC(2027, 0, 5, 23))), { year: 2027, month: 1, day: 5 });
  assert.throws(() => accessDate({ DEEPATLAS_ACCESS_DATE: '2026-02-30' }), /DEEPATLAS_ACCESS_DATE="2026-02-30" is not a date: write it as YYYY-MM-DD/);
  assert.equal(parseAccessDate('30.11.2026'), undefined);
});
