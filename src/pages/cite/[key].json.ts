import type { APIRoute } from 'astro';
import { download, paperExportPaths } from '../../data/exports.ts';
import { toCslJson } from '../../pipeline/cite.ts';

export const getStaticPaths = paperExportPaths;
export const GET: APIRoute = ({ props }) => download(toCslJson([props.csl]), 'application/vnd.citationstyles.csl+json');
