import type { APIRoute } from 'astro';
import { CITATION_STYLES } from '../pipeline/cite.ts';

/** Shows the block of the checked style in CitationStyleSwitch.astro: one rule per style of STYLES. */
export const GET: APIRoute = () => {
  const selectors = CITATION_STYLES.map((style) => `#style-${style}:checked ~ .formatted[data-style="${style}"]`);
  return new Response(`${selectors.join(',\n')} { display: block; }\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
