/** The content pipeline's result, built once per process and shared by every page. */
import { buildSite, type Site } from '../pipeline/site.ts';

let site: Site | undefined;

export function getSite(): Site {
  site ??= buildSite();
  return site;
}
