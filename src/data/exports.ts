/** Static citation downloads: one helper per format for the /cite/<key>.* endpoints. */
import type { CslItem } from '../pipeline/bib.ts';
import { getSite } from './site.ts';

export function paperExportPaths() {
  return [...getSite().catalog.papers.values()].map((p) => ({ params: { key: p.id }, props: { bibtex: p.paper.bibtex, csl: p.paper.csl as CslItem } }));
}

export function download(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
