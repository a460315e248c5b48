import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { download } from '../data/exports.ts';

/** Every paper.bib of the knowledge base in one file, sorted by key. */
export const GET: APIRoute = async () => {
  const papers = (await getCollection('papers')).sort((a, b) => a.id.localeCompare(b.id));
  return download(`${papers.map((p) => p.data.bibtex.trim()).join('\n\n')}\n`, 'application/x-bibtex');
};
