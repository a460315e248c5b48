import type { APIRoute } from 'astro';
import { download, paperExportPaths } from '../../data/exports.ts';

export const getStaticPaths = paperExportPaths;
/** paper.bib itself: the single source of truth, exactly as the maintainer wrote it. */
export const GET: APIRoute = ({ props }) => download(`${String(props.bibtex).trim()}\n`, 'application/x-bibtex');
