/**
 * npm run check [-- --format github]
 * Validates all content without building the site: schemas, BibTeX, links,
 * citations, math. Prints every problem like a compiler and exits 1 on errors.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic, formatGithubAnnotation, summarize } from '../src/pipeline/diagnostics.ts';
import { buildSite, hasErrors } from '../src/pipeline/site.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
if (values.format !== 'text' && values.format !== 'github') {
  console.error(`unknown --format "${values.format}": use text or github`);
  process.exit(2);
}
const started = performance.now();
const site = buildSite();
const print = values.format === 'github' ? formatGithubAnnotation : formatDiagnostic;
for (const d of site.diagnostics) console.log(print(d));
const counts = `${site.catalog.papers.size} papers, ${site.catalog.concepts.size} concepts, ${site.catalog.resources.size} resources`;
console.error(`checked ${counts} in ${Math.round(performance.now() - started)} ms: ${summarize(site.diagnostics)}`);
process.exit(hasErrors(site) ? 1 : 0);
