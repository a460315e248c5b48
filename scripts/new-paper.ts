/**
 * npm run new:paper -- path/to/entry.bib     (or the BibTeX on standard input)
 * Creates papers/<key>/ with paper.bib and zh.md / en.md templates.
 */
import fs from 'node:fs';
import { projectPaths } from '../src/pipeline/settings.ts';
import { scaffoldPaper } from '../src/pipeline/scaffold.ts';

const file = process.argv[2];
if (!file && process.stdin.isTTY) {
  console.error('usage: npm run new:paper -- path/to/entry.bib   (or pipe the BibTeX entry on standard input)');
  process.exit(2);
}
const bibtex = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
const result = scaffoldPaper(projectPaths(), bibtex, file ?? '<stdin>');
if (!result.ok) {
  for (const error of result.errors) console.error(error);
  process.exit(1);
}
console.log(`created ${result.dir}/`);
for (const f of result.files) console.log(`  ${f}`);
console.log('next: fill in summary and the sections of zh.md and en.md, then run npm run check');
