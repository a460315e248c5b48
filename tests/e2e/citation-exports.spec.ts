/**
 * What a reference manager gets: every paper's BibTeX, RIS and CSL-JSON
 * download, read back with citation-js (as Zotero-like tools read them), must
 * carry the same authors (with "von" particles), title, year, container, pages,
 * DOI and arXiv id as the paper's own paper.bib.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

interface Name { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }
interface Item { author?: Name[]; title?: string; issued?: { 'date-parts'?: number[][] }; 'container-title'?: string; page?: string; DOI?: string; URL?: string; note?: string; number?: string }

const PAPERS = fs.readdirSync('papers').filter((d) => fs.existsSync(`papers/${d}/paper.bib`));

function read(text: string, format: '@biblatex/text' | '@ris/file' | '@csl/list+object'): Item {
  const input = format === '@csl/list+object' ? JSON.parse(text) : text;
  const items = plugins.input.chain(input, { forceType: format, target: '@csl/list+object', generateGraph: false }) as Item[];
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** The facts a student's reference manager must keep, in one comparable shape. */
function facts(item: Item, arxiv: string | undefined) {
  // Composed Unicode on both sides; a particle may arrive split off or inside the family name.
  const nfc = (s: string | undefined) => s?.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').replace(/\u00a0/g, ' ').normalize('NFC');
  return {
    authors: (item.author ?? []).filter((a) => (a.family ?? a.literal) !== 'others')
      .map((a) => nfc([a['dropping-particle'], a['non-dropping-particle'], a.family ?? a.literal].filter(Boolean).join(' ') + (a.given ? `, ${a.given}` : ''))),
    title: nfc(item.title),
    year: item.issued?.['date-parts']?.[0]?.[0],
    container: item['container-title'],
    pages: item.page?.replace(/[–—]|--/g, '-'),
    doi: item.DOI?.toLowerCase(),
    arxiv,
  };
}

const arxivOf = (item: Item) => /arXiv:\s*(\S+?)(?:\s|$)/i.exec(item.note ?? '')?.[1] ?? /^arXiv:(\S+)$/i.exec(item.number ?? '')?.[1] ?? /arxiv\.org\/abs\/(\S+)$/.exec(item.URL ?? '')?.[1];

test('every export of every paper reads back with the facts of its paper.bib', async ({ request }) => {
  expect(PAPERS.length).toBeGreaterThan(30);
  for (const key of PAPERS) {
    const bib = fs.readFileSync(`papers/${key}/paper.bib`, 'utf8');
    const source = read(bib, '@biblatex/text');
    const sourceArxiv = /archivePrefix\s*=\s*\{arXiv\}/i.test(bib) ? /eprint\s*=\s*\{([^}]+)\}/.exec(bib)?.[1] : undefined;
    const expected = facts(source, sourceArxiv);
    // A preprint's DOI is arXiv's own (10.48550/arXiv.<id>); paper.bib holds it as the eprint.
    for (const [ext, format] of [['bib', '@biblatex/text'], ['ris', '@ris/file'], ['json', '@csl/list+object']] as const) {
      const response = await request.get(`/cite/${key}.${ext}`);
      expect(response.ok(), `${key}.${ext}`).toBe(true);
      const text = await response.text();
      const item = read(text, format);
      const got = facts(item, ext === 'bib' ? (/archivePrefix\s*=\s*\{arXiv\}/i.test(text) ? /eprint\s*=\s*\{([^}]+)\}/.exec(text)?.[1] : undefined) : arxivOf(item));
      if (!expected.doi && sourceArxiv && got.doi === `10.48550/arxiv.${sourceArxiv}`) got.doi = undefined;
      expect(got, `${key}.${ext}`).toEqual(expected);
    }
  }
});

test('"von Platen" arrives in every export with his particle', async ({ request }) => {
  for (const ext of ['bib', 'ris']) {
    const text = await (await request.get(`/cite/wolf2020transformers.${ext}`)).text();
    expect(text, ext).toMatch(/von Platen/);
  }
  // CSL-JSON keeps the particle in its own field, as the CSL specification defines it.
  const json = JSON.parse(await (await request.get('/cite/wolf2020transformers.json')).text()) as Array<{ author: Name[] }>;
  expect(json[0]!.author).toContainEqual({ given: 'Patrick', family: 'Platen', 'non-dropping-particle': 'von' });
  const ris = await (await request.get('/cite/wolf2020transformers.ris')).text();
  expect(ris).toMatch(/^AU {2}- von Platen, Patrick$/m);
  expect(ris.endsWith('ER  - \n')).toBe(true);
});
