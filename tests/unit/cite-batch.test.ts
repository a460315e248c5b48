/**
 * Batched formatting (src/pipeline/cite.ts formatEach, used by warmReferences and every
 * reference list) must give each work exactly the entry a one-work citeproc call gives, in
 * every style, including works that a shared citeproc call would disambiguate (same first
 * author and year: APA would print 2017a / 2017b).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseBibFile, type CslItem } from '../../src/pipeline/bib.ts';
import { CITATION_STYLES, formatBibliography, formatEach } from '../../src/pipeline/cite.ts';

process.env.DEEPATLAS_ACCESS_DATE = '2026-09-01';
const papersDir = new URL('../../papers/', import.meta.url);

function realItems(): CslItem[] {
  return fs.readdirSync(papersDir).sort().map((key) => {
    const { paper } = parseBibFile(fs.readFileSync(path.join(papersDir.pathname, key, 'paper.bib'), 'utf8'), `papers/${key}/paper.bib`, key);
    return paper!.csl;
  });
}

/** Works by the same first author in the same year, which one citeproc call would disambiguate. */
function twins(real: CslItem[]): CslItem[] {
  const base = real.find((i) => (i.author as unknown[] | undefined)?.length)!;
  return [1, 2, 3].map((n) => ({ ...base, id: `twin${n}`, title: `${String(base.title)} part ${n}` }));
}

test('batched entries equal one-work entries in every style', () => {
  const items = [...realItems(), ...twins(realItems())];
  assert.ok(items.length > 30);
  for (const style of CITATION_STYLES) {
    const batched = formatEach(items, style);
    assert.equal(batched.size, items.length, style);
    for (const item of items) {
      const alone = formatBibliography([item], style)[0]!.html;
      assert.equal(batched.get(String(item.id)), alone, `${style} ${String(item.id)}`);
    }
  }
});

test('a shared call would have disambiguated the twins (so the grouping matters)', () => {
  const [a, b] = twins(realItems());
  const together = formatBibliography([a!, b!], 'apa').map((e) => e.html);
  const alone = [a!, b!].map((i) => formatBibliography([i], 'apa')[0]!.html);
  assert.notDeepEqual(together.sort(), alone.sort());
});
