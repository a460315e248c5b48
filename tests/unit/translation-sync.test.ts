/**
 * The pieces of translations-in-step that need no files: the content hash, the
 * `synced:` line edit, and the state of a pair from its two versions.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitFrontmatter } from '../../src/pipeline/yaml-data.ts';
import { HASH_LENGTH, syncedLine, translationHash, withSyncedHash } from '../../src/pipeline/translation-hash.ts';
import { PAIR_STATES, pairState, staleLangs } from '../../src/pipeline/translation-status.ts';
import { conceptNote } from '../../src/schemas/concept.ts';
import { paperNote } from '../../src/schemas/paper.ts';
import { resourceNote } from '../../src/schemas/resource.ts';
import { uiTables } from '../../src/i18n/index.ts';
import { parseDocument } from 'yaml';

const NOTE = '---\nsummary: Softmax turns scores into probabilities.\n---\n\n## Definition\n\n$p_i = e^{z_i} / \\sum_j e^{z_j}$\n';

test('the hash is the first 12 hex digits of SHA-256 over the normalised note', () => {
  const hash = translationHash(NOTE);
  assert.match(hash, /^[0-9a-f]{12}$/);
  assert.equal(HASH_LENGTH, 12);
  const expected = createHash('sha256').update(NOTE.replace(/\n+$/, '')).digest('hex').slice(0, 12);
  assert.equal(hash, expected, 'a note without trailing whitespace hashes as its text without the final newline');
});

test('a change to the body or to the summary changes the hash', () => {
  const hash = translationHash(NOTE);
  assert.notEqual(translationHash(NOTE.replace('Definition', 'Definitions')), hash, 'body edit');
  assert.notEqual(translationHash(NOTE.replace('probabilities', 'a distribution')), hash, 'summary edit (translated text too)');
  assert.notEqual(translationHash(`${NOTE}\nOne more sentence.\n`), hash, 'appended text');
});

test('line endings, trailing spaces, final newlines and the synced line do not change the hash', () => {
  const hash = translationHash(NOTE);
  assert.equal(translationHash(NOTE.replace(/\n/g, '\r\n')), hash, 'CRLF');
  assert.equal(translationHash(NOTE.replace('## Definition', '## Definition   ')), hash, 'trailing spaces');
  assert.equal(translationHash(`${NOTE}\n\n`), hash, 'extra final newlines');
  assert.equal(translationHash(withSyncedHash(NOTE, 'abcdef012345')!), hash, 'stamped');
  assert.equal(translationHash(withSyncedHash(NOTE, '000000000000')!), hash, 'stamped with another value');
});

test('only the frontmatter field counts as the synced line, not body text that starts with synced:', () => {
  const withBodyLine = `${NOTE}synced: this line is prose\n`;
  assert.notEqual(translationHash(withBodyLine), translationHash(NOTE));
  assert.equal(syncedLine(withBodyLine), undefined);
});

test('stamping inserts the field last in the frontmatter, quoted, and changes nothing else', () => {
  const stamped = withSyncedHash(NOTE, '949565441843')!;
  assert.equal(stamped, NOTE.replace('\n---\n\n##', "\nsynced: '949565441843'\n---\n\n##"));
  assert.equal(syncedLine(stamped), 3);
  // All digits: unquoted, YAML would read a number and the schema would reject it.
  const yaml = parseDocument(splitFrontmatter(stamped).frontmatter).toJS() as Record<string, unknown>;
  assert.equal(yaml.synced, '949565441843');
  assert.ok(conceptNote.safeParse(yaml).success);
});

test('stamping again replaces the value in place, and keeps CRLF files CRLF', () => {
  const once = withSyncedHash(NOTE, 'aaaaaaaaaaaa')!;
  const twice = withSyncedHash(once, 'bbbbbbbbbbbb')!;
  assert.equal(twice, once.replace('aaaaaaaaaaaa', 'bbbbbbbbbbbb'));
  const crlf = withSyncedHash(NOTE.replace(/\n/g, '\r\n'), 'cccccccccccc')!;
  assert.match(crlf, /\r\nsynced: 'cccccccccccc'\r\n---\r\n/);
  assert.doesNotMatch(crlf, /[^\r]\n/);
});

test('a note without frontmatter cannot be stamped', () => {
  assert.equal(withSyncedHash('# Just a heading\n', 'abcdef012345'), undefined);
  assert.equal(withSyncedHash('---\nsummary: never closed\n', 'abcdef012345'), undefined);
});

test('stamping is idempotent and keeps the hash for any note text', () => {
  const line = fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n') && !s.includes('\r') && !/^---/.test(s));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 6 }), fc.stringMatching(/^[0-9a-f]{12}$/), (front, body, hash) => {
      const text = `---\n${front.join('\n')}\n---\n${body.join('\n')}\n`;
      const stamped = withSyncedHash(text, hash);
      assert.ok(stamped !== undefined);
      assert.equal(withSyncedHash(stamped, hash), stamped);
      assert.equal(translationHash(stamped), translationHash(text));
      assert.equal(stamped.split('\n')[syncedLine(stamped)! - 1], `synced: '${hash}'`);
    }),
  );
});

test('pair state: missing, untracked, in step, one side stale, both stale', () => {
  const zh = { hash: 'aaaaaaaaaaaa' };
  const en = { hash: 'bbbbbbbbbbbb' };
  assert.equal(pairState({ en }), 'missing-zh');
  assert.equal(pairState({ zh }), 'missing-en');
  assert.equal(pairState({ zh, en }), 'untracked');
  assert.equal(pairState({ zh: { ...zh, synced: en.hash }, en: { ...en, synced: zh.hash } }), 'in-step');
  // English changed after the sync: the Chinese note's record of it no longer matches.
  assert.equal(pairState({ zh: { ...zh, synced: 'b0b0b0b0b0b0' }, en: { ...en, synced: zh.hash } }), 'zh-stale');
  assert.equal(pairState({ zh: { ...zh, synced: en.hash }, en: { ...en, synced: 'a0a0a0a0a0a0' } }), 'en-stale');
  assert.equal(pairState({ zh: { ...zh, synced: 'b0b0b0b0b0b0' }, en: { ...en, synced: 'a0a0a0a0a0a0' } }), 'both-stale');
  // Half stamped by hand: the side with a record is still checked.
  assert.equal(pairState({ zh: { ...zh, synced: en.hash }, en }), 'in-step');
  assert.equal(pairState({ zh: { ...zh, synced: 'b0b0b0b0b0b0' }, en }), 'zh-stale');
});

test('stale languages of each state', () => {
  assert.deepEqual(staleLangs('zh-stale'), ['zh']);
  assert.deepEqual(staleLangs('en-stale'), ['en']);
  assert.deepEqual(staleLangs('both-stale'), ['zh', 'en']);
  for (const state of ['in-step', 'untracked', 'missing-zh', 'missing-en'] as const) assert.deepEqual(staleLangs(state), [], state);
});

test('every note schema takes an optional synced hash and rejects a malformed one', () => {
  for (const [name, schema, base] of [
    ['paper', paperNote, { summary: 'A summary long enough.' }],
    ['concept', conceptNote, { summary: 'A summary long enough.' }],
    ['resource', resourceNote, { summary: 'A summary long enough.' }],
  ] as const) {
    assert.ok(schema.safeParse(base).success, `${name}: synced is optional`);
    assert.ok(schema.safeParse({ ...base, synced: '0123456789ab' }).success, `${name}: a hash`);
    assert.ok(!schema.safeParse({ ...base, synced: '0123456789AB' }).success, `${name}: upper case`);
    assert.ok(!schema.safeParse({ ...base, synced: '0123' }).success, `${name}: too short`);
    assert.ok(!schema.safeParse({ ...base, synced: 123456789012 }).success, `${name}: a number`);
  }
});

test('every pair state has a label in both languages', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const state of PAIR_STATES) {
      assert.ok(uiTables[lang][`translations.state.${state}` as keyof typeof uiTables.en], `translations.state.${state} (${lang})`);
    }
  }
});
