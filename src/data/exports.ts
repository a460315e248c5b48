/** Static citation downloads: one helper per format for the /cite/<key>.* endpoints. */
import { getCollection } from 'astro:content';
import type { CslItem } from '../pipeline/bib.ts';

export async function paperExportPaths() {
  const papers = await getCollection('papers');
  return papers.map((p) => ({ params: { key: p.id }, props: { bibtex: p.data.bibtex, csl: p.data.csl as CslItem } }));
}

export function download(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
