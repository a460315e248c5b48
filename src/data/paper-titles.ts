/**
 * Papers that share a title ("Deep Learning": the 2015 Nature article and the 2016 book)
 * are told apart everywhere by authors and year: "Deep Learning (LeCun 等, 2015)".
 */
import { getSite } from './site.ts';
import { shortAuthors } from '../pipeline/bib.ts';
import type { PaperEntity } from '../pipeline/catalog.ts';
import type { Lang } from '../shared/locales.ts';

let shared: Set<string> | undefined;
const normalise = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Whether another paper of the knowledge base has the same title. */
export function titleIsShared(paper: PaperEntity): boolean {
  if (!shared) {
    const counts = new Map<string, number>();
    for (const p of getSite().catalog.papers.values()) counts.set(normalise(p.paper.title), (counts.get(normalise(p.paper.title)) ?? 0) + 1);
    shared = new Set([...counts].filter(([, n]) => n > 1).map(([t]) => t));
  }
  return shared.has(normalise(paper.paper.title));
}

/** The title, with authors and year added when the title alone is ambiguous. */
export function distinctTitle(paper: PaperEntity, lang: Lang): string {
  if (!titleIsShared(paper)) return paper.paper.title;
  return `${paper.paper.title} (${shortAuthors(paper.paper, lang)}${lang === 'zh' ? '，' : ', '}${paper.paper.year})`;
}
