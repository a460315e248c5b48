/**
 * Appends a new round of held-out queries to the search query set (tests/fixtures/search-queries.json)
 * without anyone reading the existing queries: the checks report only the new queries' problems,
 * so a blind writer stays blind. Pure: the caller reads and writes the files.
 */
import type { EvalQuery } from '../../src/pipeline/search/evaluate.ts';

const LANGS = new Set(['zh', 'en']);
const TYPES = new Set(['topic', 'question', 'short-name']);

/** A query as its writer gives it: part and round are set by appendRound. */
export type NewQuery = Pick<EvalQuery, 'q' | 'lang' | 'expect' | 'type'>;

export type AppendResult = { ok: true; text: string; added: number } | { ok: false; errors: string[] };

/** The query set's layout: one object a line, so a diff shows each query as one added line. */
export function formatQuerySet(queries: object[]): string {
  const line = (o: object) => `{${Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
  return queries.length ? `[\n${queries.map((o) => `  ${line(o)}`).join(',\n')}\n]\n` : '[]\n';
}

/** Same text for "Adam  Optimizer " and "adam optimizer": a rephrased duplicate would not test anything new. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The query set's text with `fresh` appended as part "heldout", round `round`. `pageExists` says
 * whether an expected key ("concept:adam") names a page. Refuses (and changes nothing) when the
 * existing text is not in the layout it writes back (formatQuerySet), so the diff holds only additions.
 */
export function appendRound(existingText: string, fresh: NewQuery[], round: number, pageExists: (key: string) => boolean): AppendResult {
  const errors: string[] = [];
  if (!Number.isInteger(round) || round < 1) errors.push(`round must be a positive integer, got ${round}`);
  let existing: EvalQuery[];
  try {
    existing = JSON.parse(existingText) as EvalQuery[];
  } catch (error) {
    return { ok: false, errors: [`the query set is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it first`] };
  }
  if (!Array.isArray(existing)) return { ok: false, errors: ['the query set must be a JSON array'] };
  if (formatQuerySet(existing) !== existingText) {
    errors.push('the query set is not laid out one object a line (2-space indent, final newline); writing it back would reformat it: reformat it with formatQuerySet in its own commit first');
  }
  const taken = new Set(existing.map((e) => normalizeQuery(String(e.q))));
  const mine = new Set<string>();
  fresh.forEach((item, i) => {
    const where = `new query ${i + 1} (${JSON.stringify(item.q)})`;
    if (typeof item.q !== 'string' || !item.q.trim()) errors.push(`new query ${i + 1}: "q" must be a non-empty string`);
    if (!LANGS.has(item.lang)) errors.push(`${where}: "lang" must be "zh" or "en"`);
    if (!item.type || !TYPES.has(item.type)) errors.push(`${where}: "type" must be one of ${[...TYPES].join(', ')}`);
    if (typeof item.expect !== 'string' || !pageExists(item.expect)) errors.push(`${where}: expected page ${JSON.stringify(item.expect)} does not exist; use a key like concept:<folder>`);
    const norm = normalizeQuery(String(item.q));
    if (taken.has(norm)) errors.push(`${where}: the query set already has this query; rewrite it`);
    if (mine.has(norm)) errors.push(`${where}: appears twice in the new queries`);
    mine.add(norm);
  });
  if (errors.length) return { ok: false, errors };
  const added = fresh.map(({ q, lang, expect, type }) => ({ q, lang, expect, type, part: 'heldout' as const, round }));
  return { ok: true, text: formatQuerySet([...existing, ...added]), added: added.length };
}
