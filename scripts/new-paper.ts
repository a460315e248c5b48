/**
 * npm run new:paper -- path/to/entry.bib [--key KEY]     (or the BibTeX on standard input)
 * Creates papers/<key>/ with paper.bib and zh.md / en.md templates. A file with
 * several entries (a whole bibliography) needs --key; @string abbreviations and
 * crossref are resolved into one self-contained entry.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { projectPaths } from '../src/pipeline/settings.ts';
import { scaffoldPaper } from '../src/pipeline/scaffold.ts';

const USAGE = 'usage: npm run new:paper -- path/to/entry.bib [--key KEY]   (or pipe the BibTeX entry on standard input)';
let args: ReturnType<typeof parseArgs<{ options: { key: { type: 'string' } }; allowPositionals: true }>>;
try {
  args = parseArgs({ options: { key: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const file = args.positionals[0];
if (!file && process.stdin.isTTY) {
  console.error(USAGE);
  process.exit(2);
}
let bibtex: string;
try {
  bibtex = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
} catch (error) {
  console.error(`${file ?? '<stdin>'}: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  process.exit(2);
}
let result: ReturnType<typeof scaffoldPaper>;
try {
  result = scaffoldPaper(projectPaths(), bibtex, file ?? '<stdin>', args.values.key);
} catch (error) {
  // Never a stack trace for a maintainer: say what failed and where to report it.
  console.error(`${file ?? '<stdin>'}: error: could not read this BibTeX (${error instanceof Error ? error.message : String(error)})\n  hint: please report it with the entry attached`);
  process.exit(1);
}
if (!result.ok) {
  for (const error of result.errors) console.error(error);
  process.exit(1);
}
console.log(`created ${result.dir}/`);
for (const f of result.files) console.log(`  ${f}`);
console.log('next: fill in summary and the sections of zh.md and en.md, add meta.yaml (aliases, cites, 6-8 questions per language: see CONTRIBUTING.md), then run npm run check');
