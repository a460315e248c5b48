/**
 * Reference lists built from per-work cached references match what citeproc makes of the whole
 * list, for every note of the real site; the on-disk cache is used and survives a bad line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSite } from '../../src/pipeline/site.ts';
import { defaultStyle, formatBibliography, formatReferenceList, type CitationStyle } from '../../src/pipeline/cite.ts';
import { validateTex } from '../../src/pipeline/math.ts';

test('every note\'s reference list equals citeproc\'s list of the same works (GB/T 7714 and APA)', () => {
  const site = buildSite();
  let lists = 0;
  for (const [file, analysis] of site.analyses) {
    const style: CitationStyle = defaultStyle(file.endsWith('/zh.md') ? 'zh' : 'en');
    const items = analysis.citations.flatMap((e) => (e.kind === 'paper' ? [e.paper.csl] : []));
    if (items.length < 2) continue;
    const shape = (l: Array<{ id: string; label?: string; html: string }>) => l.map((e) => [e.id, e.label, e.html]);
    assert.deepEqual(shape(formatReferenceList(items, style)), shape(formatBibliography(items, style)), file);
    lists++;
  }
  assert.ok(lists > 20, `only ${lists} notes cite two or more papers`);
});

test('the whole bibliography in IEEE numbers the works in the order given', () => {
  const items = [...buildSite().catalog.papers.values()].slice(0, 5).map((p) => p.paper.csl);
  const list = formatReferenceList(items, 'ieee');
  assert.deepEqual(list.map((e) => e.label), ['[1]', '[2]', '[3]', '[4]', '[5]']);
  assert.deepEqual(list.map((e) => e.id), items.map((i) => String(i.id)));
});

test('math verdicts are remembered, and an error stays an error', () => {
  assert.equal(validateTex('x^2', false), undefined);
  const error = validateTex('\\frac{1}{', true);
  assert.match(error ?? '', /expected '}'/);
  assert.equal(validateTex('\\frac{1}{', true), error);
  assert.equal(validateTex('\\frac{1}{', false) !== undefined, true);
});
