/**
 * Citation formatting against what each style guide prescribes, and the export
 * round trip. The table's strings were written from the APA 7 manual (10.1
 * journal article, 10.2 book, 10.3 chapter in an edited book / published
 * proceedings, 10.4 report, 10.8 preprint), the IEEE Reference Guide (journals,
 * conference papers "in Proc.", books, technical reports, online sources) and
 * GB/T 7714-2015 (8.x and the examples of its Appendix A), not from the output.
 * Entries are the knowledge base's own papers/<key>/paper.bib.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { parseBibFile, type CslItem } from '../../src/pipeline/bib.ts';
import { formatBibliography, formatReference, formatReferenceText, ieeeProceedings, toBibtex, toCslJson, toRis } from '../../src/pipeline/cite.ts';

// One access date for the whole run, as a build has (GB/T 7714 prints it after every URL).
process.env.DEEPATLAS_ACCESS_DATE = '2026-09-01';

/** One paper of the knowledge base, through the same parser as the build. */
function entry(key: string): CslItem {
  const text = fs.readFileSync(new URL(`../../papers/${key}/paper.bib`, import.meta.url), 'utf8');
  const { paper, diagnostics } = parseBibFile(text, `papers/${key}/paper.bib`, key);
  assert.deepEqual(diagnostics, []);
  return paper!.csl;
}

const EXPECTED: Record<string, Record<'gbt7714' | 'apa' | 'ieee', string>> = {
  // journal article, with a DOI and no URL: GB/T [J] without /OL
  lecun2015deep: {
    apa: 'LeCun, Y., Bengio, Y., &#38; Hinton, G. (2015). Deep learning. <i>Nature</i>, <i>521</i>(7553), 436–444. https://doi.org/10.1038/nature14539',
    ieee: 'Y. LeCun, Y. Bengio, and G. Hinton, “Deep Learning,” <i>Nature</i>, vol. 521, no. 7553, pp. 436–444, 2015, doi: 10.1038/nature14539.',
    gbt7714: 'LECUN Y, BENGIO Y, HINTON G. Deep Learning[J]. Nature, 2015, 521(7553): 436-444. DOI:10.1038/nature14539.',
  },
  // conference paper in published proceedings, with a DOI
  he2016resnet: {
    apa: 'He, K., Zhang, X., Ren, S., &#38; Sun, J. (2016). Deep residual learning for image recognition. In <i>Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)</i> (pp. 770–778). https://doi.org/10.1109/CVPR.2016.90',
    ieee: 'K. He, X. Zhang, S. Ren, and J. Sun, “Deep Residual Learning for Image Recognition,” in <i>Proc. IEEE Conference on Computer Vision and Pattern Recognition (CVPR)</i>, 2016, pp. 770–778, doi: 10.1109/CVPR.2016.90.',
    gbt7714: 'HE K, ZHANG X, REN S, et al. Deep Residual Learning for Image Recognition[C]//Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR). [S.l.]: [s.n.], 2016: 770-778. DOI:10.1109/CVPR.2016.90.',
  },
  // conference paper in a numbered volume, found through its arXiv URL
  ioffe2015batch: {
    apa: 'Ioffe, S., &#38; Szegedy, C. (2015). Batch normalization: Accelerating deep network training by reducing internal covariate shift. In <i>Proceedings of the 32nd International Conference on Machine Learning (ICML 2015)</i> (Vol. 37, pp. 448–456). https://arxiv.org/abs/1502.03167',
    ieee: 'S. Ioffe and C. Szegedy, “Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift,” in <i>Proc. 32nd International Conference on Machine Learning (ICML 2015)</i>, vol. 37, 2015, pp. 448–456. [Online]. Available: https://arxiv.org/abs/1502.03167',
    gbt7714: 'IOFFE S, SZEGEDY C. Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift[C/OL]//Proceedings of the 32nd International Conference on Machine Learning (ICML 2015): Vol. 37. [S.l.]: [s.n.], 2015: 448-456[2026-09-01]. https://arxiv.org/abs/1502.03167.',
  },
  // book with a URL
  goodfellow2016deep: {
    apa: 'Goodfellow, I., Bengio, Y., &#38; Courville, A. (2016). <i>Deep learning</i>. MIT Press. https://www.deeplearningbook.org',
    ieee: 'I. Goodfellow, Y. Bengio, and A. Courville, <i>Deep Learning</i>. Cambridge, MA: MIT Press, 2016. [Online]. Available: https://www.deeplearningbook.org',
    gbt7714: 'GOODFELLOW I, BENGIO Y, COURVILLE A. Deep Learning[M/OL]. Cambridge, MA: MIT Press, 2016[2026-09-01]. https://www.deeplearningbook.org.',
  },
  // arXiv preprint
  mikolov2013efficient: {
    apa: 'Mikolov, T., Chen, K., Corrado, G., &#38; Dean, J. (2013). <i>Efficient estimation of word representations in vector space</i> (arXiv:1301.3781). arXiv. https://doi.org/10.48550/arXiv.1301.3781',
    ieee: 'T. Mikolov, K. Chen, G. Corrado, and J. Dean, “Efficient Estimation of Word Representations in Vector Space,” 2013, arXiv:1301.3781. [Online]. Available: https://arxiv.org/abs/1301.3781',
    gbt7714: 'MIKOLOV T, CHEN K, CORRADO G, et al. Efficient Estimation of Word Representations in Vector Space[EB/OL]. (2013)[2026-09-01]. https://arxiv.org/abs/1301.3781. DOI:10.48550/arXiv.1301.3781.',
  },
  // technical report with its URL
  radford2018improving: {
    apa: 'Radford, A., Narasimhan, K., Salimans, T., &#38; Sutskever, I. (2018). <i>Improving language understanding by generative pre-training</i>. OpenAI. https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf',
    ieee: 'A. Radford, K. Narasimhan, T. Salimans, and I. Sutskever, “Improving Language Understanding by Generative Pre-Training,” OpenAI, Tech. Rep., 2018. [Online]. Available: https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf',
    gbt7714: 'RADFORD A, NARASIMHAN K, SALIMANS T, et al. Improving Language Understanding by Generative Pre-Training[R/OL]. [S.l.]: OpenAI, 2018[2026-09-01]. https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf.',
  },
};

for (const [key, styles] of Object.entries(EXPECTED)) {
  for (const [style, expected] of Object.entries(styles) as Array<[keyof typeof styles, string]>) {
    test(`${key} in ${style}`, () => {
      assert.equal(formatReference(entry(key), style), expected);
    });
  }
}

const PAPERS = fs.readdirSync(new URL('../../papers/', import.meta.url)).filter((d) => fs.existsSync(new URL(`../../papers/${d}/paper.bib`, import.meta.url)));

test('every paper with an arXiv id prints it or its URL in every style', () => {
  for (const key of PAPERS) {
    const item = entry(key);
    const id = /arXiv: (\S+)/.exec(String(item.note ?? ''))?.[1];
    if (!id) continue;
    for (const style of ['apa', 'ieee', 'gbt7714'] as const) {
      const html = formatReference(item, style);
      // A DOI is the work's permanent address; without one, the arXiv record is how to find it.
      if (item.DOI && item.type !== 'article') assert.match(html, new RegExp(item.DOI.replace(/[.()]/g, '\\$&')), `${key} ${style}`);
      else assert.ok(html.includes(id), `${key} in ${style} names arXiv ${id}: ${html}`);
    }
  }
});

test('GB/T 7714 marks /OL exactly where the entry has a URL, and then prints URL and access date', () => {
  for (const key of PAPERS) {
    const item = entry(key);
    const html = formatReference(item, 'gbt7714');
    if (item.URL) {
      assert.match(html, /\/OL\]/, key);
      assert.ok(html.includes(`[2026-09-01]. ${item.URL}`), `${key}: access date then URL in ${html}`);
    } else {
      assert.doesNotMatch(html, /\/OL\]|\[2026-09-01\]/, key);
    }
    if (/\[[CR](?:\/OL)?\]/.test(html)) assert.match(html, /\. (?:[^.:]+|\[S\.l\.\]): (?:[^.,]+|\[s\.n\.\]), \d{4}/, `${key}: place: publisher, year in ${html}`);
  }
});

test('APA puts every title in sentence case and every conference paper as "In *Proceedings* (pp. x–y)"', () => {
  for (const key of PAPERS) {
    const item = entry(key);
    const html = formatReference(item, 'apa');
    const custom = item.custom as Record<string, string>;
    assert.ok(html.includes(custom['sentence-case-title']!.replace(/&/g, '&#38;').replace(/'/g, '’')), `${key}: ${html}`);
    if (item.type === 'paper-conference') assert.match(html, /\. In <i>[^<]+<\/i>/, key);
  }
});

test('IEEE writes "in Proc." for every conference and a comma before doi', () => {
  for (const key of PAPERS) {
    const item = entry(key);
    const html = formatReference(item, 'ieee');
    if (item.type === 'paper-conference') assert.match(html, /,” in <i>Proc\. /, key);
    if (item.DOI && item.type !== 'article') assert.match(html, /, doi: /, key);
    assert.doesNotMatch(html, /\. doi:/, key);
  }
  assert.equal(ieeeProceedings('Proceedings of the 2019 Conference of NAACL'), 'Proc. 2019 Conference of NAACL');
  assert.equal(ieeeProceedings('3rd International Conference on Learning Representations'), 'Proc. 3rd International Conference on Learning Representations');
});

test('"von Platen" keeps his particle in every style', () => {
  const item = entry('wolf2020transformers');
  assert.match(formatReference(item, 'apa'), /von Platen, P\./);
  assert.match(formatReference(item, 'gbt7714'), /^WOLF T, DEBUT L, SANH V, et al\./);
  const six = { ...item, author: item.author!.slice(10, 14) };
  assert.match(formatReference(six, 'ieee'), /P\. von Platen/);
  assert.match(formatReference(six, 'gbt7714'), /VON PLATEN P/);
});

test('GB/T 7714 writes "et al." after three authors of a Western work, and 等 for a Chinese one', () => {
  const chinese = { ...entry('he2016resnet'), title: '深度残差学习', author: [{ family: '何', given: '恺明' }, { family: '张', given: '祥雨' }, { family: '任', given: '少卿' }, { family: '孙', given: '剑' }] };
  assert.match(formatReference(entry('he2016resnet'), 'gbt7714'), /^HE K, ZHANG X, REN S, et al\. /);
  assert.match(formatReference(chinese, 'gbt7714'), /^何恺明, 张祥雨, 任少卿, 等\. /);
});

test('GB/T 7714 marks an unknown place and publisher in the work\'s language', () => {
  const western = entry('he2016resnet');
  assert.match(formatReference(western, 'gbt7714'), /\. \[S\.l\.\]: \[s\.n\.\], 2016: 770-778\./);
  const chinese = { ...western, title: '深度残差学习', author: [{ family: '何', given: '恺明' }], 'container-title': '计算机视觉会议论文集' };
  assert.match(formatReference(chinese, 'gbt7714'), /^何恺明\. 深度残差学习\[C\]\/\/计算机视觉会议论文集\. \[出版地不详\]: \[出版者不详\], 2016: 770-778\./);
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
