/**
 * Groups venues into families for the "papers by venue" list: "Advances in Neural
 * Information Processing Systems 30 (NIPS 2017)" and "... 33 (NeurIPS 2020)" are
 * both NeurIPS. Known acronyms first, then the acronym in parentheses, then the name.
 */
import type { Paper } from './bib.ts';

const FAMILIES: Array<[RegExp, string]> = [
  [/\b(NeurIPS|NIPS)\b|Neural Information Processing Systems/i, 'NeurIPS'],
  [/\bICLR\b|International Conference on Learning Representations/i, 'ICLR'],
  [/\bICML\b|International Conference on Machine Learning/i, 'ICML'],
  [/\bCVPR\b|Computer Vision and Pattern Recognition/i, 'CVPR'],
  [/\bECCV\b/i, 'ECCV'],
  [/\bNAACL\b/i, 'NAACL'],
  [/\bEMNLP\b|Empirical Methods in Natural Language Processing/i, 'EMNLP'],
  [/\bACL\b|Association for Computational Linguistics/i, 'ACL'],
  [/\bOSDI\b/i, 'OSDI'],
];

export function venueFamily(paper: Pick<Paper, 'venue' | 'entryType' | 'arxiv'>): string | undefined {
  const venue = paper.venue?.trim();
  if (!venue) return paper.arxiv ? 'arXiv' : undefined;
  for (const [pattern, name] of FAMILIES) if (pattern.test(venue)) return name;
  const acronym = /\(([A-Za-z][A-Za-z-]+)(?:\s+'?\d{2,4})?\)\s*$/.exec(venue);
  return acronym?.[1] ?? venue;
}
