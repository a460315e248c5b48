/**
 * In-text author-year labels that tell works apart (APA 7, 8.18-8.19): when two
 * works shorten to the same "Mikolov et al., 2013", add authors until they
 * differ ("Mikolov, Sutskever, et al., 2013" / "Mikolov, Chen, et al., 2013");
 * when their author lists are the same, add a, b to the year in title order.
 * Computed over the whole knowledge base, so a label means one work everywhere.
 */
import { familyName, shortAuthors, type Paper } from './bib.ts';
import type { Lang } from '../shared/locales.ts';

export interface AuthorYear {
  /** "Mikolov, Chen, et al." / "Mikolov、Chen 等" */
  authors: string;
  /** "2013", or "2013a" for the same authors' works of one year. */
  year: string;
}

function firstAuthors(paper: Paper, count: number, lang: Lang): string {
  const names = paper.authors.map(familyName);
  const shown = names.slice(0, count);
  const more = names.length > count || paper.etAl;
  if (lang === 'zh') return `${shown.join('、')}${more ? ' 等' : ''}`;
  return more ? `${shown.join(', ')}, et al.` : shown.length === 2 ? shown.join(' & ') : shown.join(', ');
}

/** Labels for every paper, keyed by BibTeX key. */
export function authorYearLabels(papers: Paper[], lang: Lang): Map<string, AuthorYear> {
  const groups = new Map<string, Paper[]>();
  for (const paper of papers) {
    const key = `${shortAuthors(paper, 'en')}|${paper.year}`;
    groups.set(key, [...(groups.get(key) ?? []), paper]);
  }
  const labels = new Map<string, AuthorYear>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      const paper = group[0]!;
      labels.set(paper.key, { authors: shortAuthors(paper, lang), year: String(paper.year) });
      continue;
    }
    // The fewest leading authors that make each label unique within the group.
    const maxNames = Math.max(...group.map((p) => p.authors.length));
    const namesFor = new Map<string, string>();
    for (const paper of group) {
      let count = 1;
      const id = (p: Paper, n: number) => p.authors.slice(0, n).map(familyName).join('|') + (p.authors.length > n || p.etAl ? '+' : '');
      while (count < maxNames && group.some((other) => other !== paper && id(other, count) === id(paper, count))) count++;
      namesFor.set(paper.key, count >= paper.authors.length ? shortAuthors(paper, lang) : firstAuthors(paper, count, lang));
    }
    // Works whose author lists are the same: a, b, ... by title, as in the reference list.
    const sameAuthors = new Map<string, Paper[]>();
    for (const paper of group) {
      const names = namesFor.get(paper.key)!;
      sameAuthors.set(names, [...(sameAuthors.get(names) ?? []), paper]);
    }
    for (const [names, works] of sameAuthors) {
      const sorted = [...works].sort((a, b) => a.title.localeCompare(b.title));
      sorted.forEach((paper, i) => labels.set(paper.key, { authors: names, year: `${paper.year}${works.length > 1 ? String.fromCharCode(97 + i) : ''}` }));
    }
  }
  return labels;
}

/** GB/T 7714 (10.1.2): consecutive numbers as a range: [1, 2, 3, 5] -> [[1, 3], [5, 5]]. */
export function numberRanges(numbers: number[]): Array<[number, number]> {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = ranges.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges;
}
