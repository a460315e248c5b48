import type { APIRoute } from 'astro';
import { getGraphData } from '../data/graph.ts';

/** The knowledge graph for the graph pages and for anyone who reuses it (format: README, "The knowledge graph"). */
export const GET: APIRoute = () => new Response(JSON.stringify(getGraphData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
