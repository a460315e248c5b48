/**
 * npm run gen:synthetic -- --papers N --out DIR [--concepts M] [--seed S]
 * Writes a buildable copy of this project with N generated papers into DIR (never into papers/).
 * Build it with: cd DIR && npm run build   (or DEEPATLAS_ROOT=DIR for npm run check / embed).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticProject } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({ options: { papers: { type: 'string' }, out: { type: 'string' }, concepts: { type: 'string' }, seed: { type: 'string' } } });
if (!values.papers || !values.out) {
  console.error('usage: npm run gen:synthetic -- --papers 1000 --out /tmp/deepatlas-1k');
  process.exit(2);
}
const started = performance.now();
try {
  const summary = generateSyntheticProject(process.cwd(), values.out, {
    papers: Number(values.papers),
    ...(values.concepts ? { concepts: Number(values.concepts) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  console.log(`wrote ${summary.papers} papers and ${summary.concepts} concepts (${summary.files} files) into ${summary.root} in ${Math.round(performance.now() - started)} ms`);
  console.log(`build it: cd ${path.relative(process.cwd(), summary.root) || '.'} && npm run build`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
