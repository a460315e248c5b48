/** The published knowledge graph (src/pipeline/graph-data.ts), computed once for the pages that need it. */
import path from 'node:path';
import { buildGraphData } from '../pipeline/graph-data.ts';
import type { GraphData } from '../shared/graph/types.ts';
import { relatedIndex } from './related.ts';
import { getSite } from './site.ts';

let data: GraphData | undefined;

export function getGraphData(): GraphData {
  const site = getSite();
  data ??= buildGraphData(site, relatedIndex(), path.join(site.catalog.paths.root, '.cache', 'site', 'graph-layout.json'));
  return data;
}
