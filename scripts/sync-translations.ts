/**
 * npm run sync:translations -- <note or folder>... | --all [--force]
 * Declares zh/en note pairs in step: each note records the hash of its twin in `synced:`.
 * Run it after updating a translation (name the note or its folder), or with --all to start
 * tracking every untracked pair (stale pairs need --force or to be named one by one).
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/pipeline/diagnostics.ts';
import { projectPaths } from '../src/pipeline/settings.ts';
import { stampTranslations } from '../src/pipeline/translation-stamp.ts';

const USAGE = 'usage: npm run sync:translations -- <zh.md|en.md|folder>... | --all [--force]';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (!values.all && positionals.length === 0) {
  console.error(`name the notes to declare in step, or pass --all\n${USAGE}`);
  process.exit(2);
}

const report = stampTranslations(projectPaths(), { targets: positionals, all: values.all, force: values.force });
if (report.diagnostics.length) {
  for (const d of report.diagnostics) console.error(formatDiagnostic(d));
  console.error('nothing was written');
  process.exit(1);
}
for (const file of report.written) console.log(`stamped ${file}`);
for (const pair of report.leftStale) {
  console.log(`left out of date: ${pair.entity.dir} (${pair.state}); update it and name it, or add --force`);
}
const parts = [`${report.stamped.length} pair${report.stamped.length === 1 ? '' : 's'} in step (${report.written.length} file${report.written.length === 1 ? '' : 's'} written)`];
if (report.leftStale.length) parts.push(`${report.leftStale.length} stale left as they are`);
if (report.missing.length) parts.push(`${report.missing.length} missing a language`);
console.error(parts.join(', '));
