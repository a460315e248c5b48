/**
 * CSL-JSON -> RIS, one tag per line. Written here instead of using
 * @citation-js/plugin-ris's output because that one hard-wraps values at 70
 * characters mid-word (Zotero then reads "Und erstanding"), drops BibTeX name
 * particles ("von Platen" -> "Platen") and writes pages as one SP value.
 * Tags and types follow the RIS specification as Zotero, EndNote and Mendeley read it.
 */
import type { CslItem, CslName } from './bib.ts';

const RIS_TYPE: Record<string, string> = {
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  // CONF with the proceedings title in C3 is what citation-js and EndNote read back as a
  // paper's container; CPAPER's T2 is read as the conference's name instead.
  'paper-conference': 'CONF',
  book: 'BOOK',
  chapter: 'CHAP',
  report: 'RPRT',
  thesis: 'THES',
  // CSL "article" is a preprint; RIS has no preprint type, and UNPB is what it is until published.
  article: 'UNPB',
  webpage: 'ELEC',
  dataset: 'DATA',
  software: 'COMP',
};

/** "von Platen, Patrick" / "Smith, John, Jr.": RIS's Last, First, Suffix order, particle kept. */
export function risName(name: CslName): string {
  if (name.literal && !name.family) return name.literal;
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/** A value on one line: RIS has no continuation lines, so line breaks become spaces. */
function oneLine(value: unknown): string {
  return String(value).replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function pages(page: string | undefined): Array<[string, string]> {
  if (!page) return [];
  const [start, end] = oneLine(page).split(/\s*[-–—]+\s*/);
  return [['SP', start ?? ''], ...(end ? [['EP', end] as [string, string]] : [])];
}

function record(item: CslItem): string {
  const tags: Array<[string, unknown]> = [['TY', RIS_TYPE[item.type] ?? 'GEN']];
  for (const author of item.author ?? []) tags.push(['AU', risName(author)]);
  for (const editor of (item.editor as CslName[] | undefined) ?? []) tags.push(['A2', risName(editor)]);
  tags.push(['TI', item.title]);
  tags.push([item.type === 'paper-conference' ? 'C3' : 'T2', item['container-title']]);
  tags.push(['T3', item['collection-title']]);
  const [year, month, day] = item.issued?.['date-parts']?.[0] ?? [];
  tags.push(['PY', year]);
  // DA as well as PY: readers take a CONF record's date from DA (PY is the conference's year there).
  if (year) tags.push(['DA', `${year}/${month ? String(month).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`]);
  tags.push(['VL', item.volume], ['IS', item.issue], ...pages(item.page));
  tags.push(['PB', item.publisher], ['CY', item['publisher-place']], ['M1', item.number], ['M3', item.genre]);
  tags.push(['SN', item.ISBN ?? item.ISSN], ['DO', item.DOI], ['UR', item.URL], ['N1', item.note], ['ID', item.id]);
  const lines = tags.filter(([, value]) => value !== undefined && value !== null && oneLine(value) !== '').map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return `${lines.join('\n')}\nER  - \n`;
}

/** RIS for a list of items: records separated by one blank line, ending in a newline. */
export function formatRis(items: CslItem[]): string {
  return items.map(record).join('\n');
}
