import type { APIRoute } from 'astro';
import { download, paperExportPaths } from '../../data/exports.ts';
import { toRis } from '../../pipeline/cite.ts';

export const getStaticPaths = paperExportPaths;
export const GET: APIRoute = ({ props }) => download(toRis([props.csl]), 'application/x-research-info-systems');
