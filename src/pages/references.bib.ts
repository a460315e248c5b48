import type { APIRoute } from 'astro';
import { download } from '../data/exports.ts';
import { getSite } from '../data/site.ts';

/** Every paper.bib of the knowledge base in one file, sorted by key. */
export const GET: APIRoute = () => {
  const papers = [...getSite().catalog.papers.values()].sort((a, b) => a.id.localeCompare(b.id));
  return download(`${papers.map((p) => p.paper.bibtex.trim()).join('\n\n')}\n`, 'application/x-bibtex');
};
