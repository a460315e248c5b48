/**
 * npm run check [-- --format github]
 * Validates all content without building the site: schemas, BibTeX, links,
 * citations, math. Prints every problem like a compiler and exits 1 on errors.
 */
import { parseArgs } from 'node:util';
import { summarize } from '../src/pipeline/diagnostics.ts';
import { report } from '../src/pipeline/report.ts';
import { buildSite, hasErrors } from '../src/pipeline/site.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
if (values.format !== 'text' && values.format !== 'github') {
  console.error(`unknown --format "${values.format}": use text or github`);
  process.exit(2);
}
const started = performance.now();
const site = buildSite();
report(site.diagnostics, { error: console.log, warn: console.log }, { onError: 'warn', format: values.format });
const counts = `${site.catalog.papers.size} papers, ${site.catalog.concepts.size} concepts, ${site.catalog.resources.size} resources`;
console.error(`checked ${counts} in ${Math.round(performance.now() - started)} ms: ${summarize(site.diagnostics)}`);
process.exit(hasErrors(site) ? 1 : 0);
