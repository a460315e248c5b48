/**
 * Citation formatting against what each official style prescribes, for the three
 * entry types the knowledge base uses most, and the export round trip.
 * Entries come from the verified bibliography (tests/fixtures/references.bib).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { parseBibFile, type CslItem } from '../../src/pipeline/bib.ts';
import { formatBibliography, formatReference, formatReferenceText, toBibtex, toCslJson, toRis } from '../../src/pipeline/cite.ts';

const REFERENCES = fs.readFileSync(new URL('../fixtures/references.bib', import.meta.url), 'utf8');

/** One entry of the verified bibliography, through the same parser as papers/<key>/paper.bib. */
function entry(key: string): CslItem {
  const text = new RegExp(`@\\w+\\{${key},[\\s\\S]*?\\n\\}`).exec(REFERENCES)?.[0];
  assert.ok(text, `${key} is in references.bib`);
  const { paper, diagnostics } = parseBibFile(text, `papers/${key}/paper.bib`, key);
  assert.deepEqual(diagnostics, []);
  return paper!.csl;
}

const EXPECTED: Record<string, Record<'gbt7714' | 'apa' | 'ieee', string>> = {
  // @inproceedings
  vaswani2017attention: {
    gbt7714: 'VASWANI A, SHAZEER N, PARMAR N, et al. Attention Is All You Need[C]//Advances in Neural Information Processing Systems 30 (NIPS 2017). 2017: 5998-6008.',
    apa: 'Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., &#38; Polosukhin, I. (2017). Attention Is All You Need. <i>Advances in Neural Information Processing Systems 30 (NIPS 2017)</i>, 5998–6008.',
    ieee: 'A. Vaswani <i>et al.</i>, “Attention Is All You Need,” in <i>Advances in Neural Information Processing Systems 30 (NIPS 2017)</i>, 2017, pp. 5998–6008.',
  },
  // @article
  lecun2015deep: {
    gbt7714: 'LECUN Y, BENGIO Y, HINTON G. Deep Learning[J/OL]. Nature, 2015, 521(7553): 436-444. DOI:10.1038/nature14539.',
    apa: 'LeCun, Y., Bengio, Y., &#38; Hinton, G. (2015). Deep Learning. <i>Nature</i>, <i>521</i>(7553), 436–444. https://doi.org/10.1038/nature14539',
    ieee: 'Y. LeCun, Y. Bengio, and G. Hinton, “Deep Learning,” <i>Nature</i>, vol. 521, no. 7553, pp. 436–444, 2015, doi: 10.1038/nature14539.',
  },
  // @book
  goodfellow2016deep: {
    gbt7714: 'GOODFELLOW I, BENGIO Y, COURVILLE A. Deep Learning[M/OL]. Cambridge, MA: MIT Press, 2016. https://www.deeplearningbook.org.',
    apa: 'Goodfellow, I., Bengio, Y., &#38; Courville, A. (2016). <i>Deep Learning</i>. MIT Press. https://www.deeplearningbook.org',
    ieee: 'I. Goodfellow, Y. Bengio, and A. Courville, <i>Deep Learning</i>. Cambridge, MA: MIT Press, 2016. [Online]. Available: https://www.deeplearningbook.org',
  },
  // @techreport
  radford2018improving: {
    gbt7714: 'RADFORD A, NARASIMHAN K, SALIMANS T, et al. Improving Language Understanding by Generative Pre-Training[R]. OpenAI, 2018.',
    apa: 'Radford, A., Narasimhan, K., Salimans, T., &#38; Sutskever, I. (2018). <i>Improving Language Understanding by Generative Pre-Training</i>. OpenAI.',
    ieee: 'A. Radford, K. Narasimhan, T. Salimans, and I. Sutskever, “Improving Language Understanding by Generative Pre-Training,” OpenAI, 2018.',
  },
};

for (const [key, styles] of Object.entries(EXPECTED)) {
  for (const [style, expected] of Object.entries(styles) as Array<[keyof typeof styles, string]>) {
    test(`${key} in ${style}`, () => {
      assert.equal(formatReference(entry(key), style), expected);
    });
  }
}

test('GB/T 7714 writes "et al." after three authors of a Western work, and 等 for a Chinese one', () => {
  const chinese = { ...entry('he2016resnet'), title: '深度残差学习', author: [{ family: '何', given: '恺明' }, { family: '张', given: '祥雨' }, { family: '任', given: '少卿' }, { family: '孙', given: '剑' }] };
  assert.match(formatReference(entry('he2016resnet'), 'gbt7714'), /^HE K, ZHANG X, REN S, et al\. /);
  assert.match(formatReference(chinese, 'gbt7714'), /^何恺明, 张祥雨, 任少卿, 等\. /);
});

test('numeric styles number a reference list in citation order; APA sorts by author', () => {
  const items = ['vaswani2017attention', 'lecun2015deep', 'goodfellow2016deep'].map(entry);
  assert.deepEqual(formatBibliography(items, 'gbt7714').map((e) => `${e.label} ${e.id}`), ['[1] vaswani2017attention', '[2] lecun2015deep', '[3] goodfellow2016deep']);
  assert.deepEqual(formatBibliography(items, 'apa').map((e) => e.id), ['goodfellow2016deep', 'lecun2015deep', 'vaswani2017attention']);
});

test('fields are escaped into HTML: a <script> in a title is text', () => {
  const item = { ...entry('lecun2015deep'), title: 'Deep <script>alert(1)</script> Learning' };
  for (const style of ['gbt7714', 'apa', 'ieee'] as const) {
    const html = formatReference(item, style);
    assert.doesNotMatch(html, /<script>/, style);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/, style);
  }
});

test('plain text for the copy button has no list number and no markup', () => {
  assert.equal(formatReferenceText(entry('lecun2015deep'), 'ieee'), 'Y. LeCun, Y. Bengio, and G. Hinton, “Deep Learning,” Nature, vol. 521, no. 7553, pp. 436–444, 2015, doi: 10.1038/nature14539.');
});

test('BibTeX -> CSL-JSON -> BibTeX keeps every bibliographic field', () => {
  for (const key of ['vaswani2017attention', 'lecun2015deep', 'goodfellow2016deep', 'radford2018improving', 'hochreiter1997long']) {
    const original = entry(key);
    const json = JSON.parse(toCslJson([original])) as CslItem[];
    const again = parseBibFile(toBibtex(json), `papers/${key}/paper.bib`, key);
    assert.deepEqual(again.diagnostics, [], key);
    const round = again.paper!.csl;
    for (const field of ['type', 'title', 'author', 'issued', 'container-title', 'publisher', 'publisher-place', 'page', 'volume', 'issue', 'DOI', 'ISBN', 'URL'] as const) {
      assert.deepEqual(round[field], original[field], `${key}.${field}`);
    }
  }
});

test('RIS export carries type, authors, title, year and DOI', () => {
  const ris = toRis([entry('lecun2015deep')]);
  for (const line of ['TY  - JOUR', 'AU  - LeCun, Yann', 'TI  - Deep Learning', 'DO  - 10.1038/nature14539', 'ER  - ']) {
    assert.ok(ris.includes(line), `${line} in\n${ris}`);
  }
});
