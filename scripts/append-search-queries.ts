/**
 * node scripts/append-search-queries.ts NEW.json --round N
 * Appends a blind writer's queries (a JSON array of {q, lang, expect, type}) to
 * tests/fixtures/search-queries.json as held-out round N. Prints only the new queries'
 * problems and counts, never the existing queries, so the writer stays blind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTITY_KINDS, type EntityKind } from '../src/shared/entity-kinds.ts';
import { appendRound, type NewQuery } from './lib/append-queries.ts';
import { QUERY_SET } from './lib/search-eval.ts';

const USAGE = 'usage: node scripts/append-search-queries.ts NEW.json --round N';
const { values, positionals } = parseArgs({ options: { round: { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
const round = Number(values.round);
if (!file || !values.round) {
  console.error(USAGE);
  process.exit(2);
}

const root = path.resolve(new URL('..', import.meta.url).pathname);
/** "concept:adam" exists when src/content/concepts/adam/ has its metadata file. */
function pageExists(key: string): boolean {
  const [kind, id] = key.split(':');
  const info = ENTITY_KINDS[kind as EntityKind];
  return Boolean(info && id && !id.includes('/') && fs.existsSync(path.join(root, info.contentDir, id, info.metaFile)));
}

let fresh: NewQuery[];
try {
  fresh = JSON.parse(fs.readFileSync(file, 'utf8')) as NewQuery[];
} catch (error) {
  console.error(`${file}: cannot read the new queries (${error instanceof Error ? error.message : String(error)}); it must be a JSON array of {q, lang, expect, type}`);
  process.exit(1);
}
const result = appendRound(fs.readFileSync(QUERY_SET, 'utf8'), fresh, round, pageExists);
if (!result.ok) {
  console.error(`${file}: nothing appended:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
  process.exit(1);
}
fs.writeFileSync(QUERY_SET, result.text);
console.log(`appended ${result.added} held-out queries (round ${round}) to tests/fixtures/search-queries.json`);
