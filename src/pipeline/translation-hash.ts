/**
 * The content hash that ties a note to the version of its twin it was translated from,
 * and the one frontmatter line (`synced: <hash>`) that records it.
 *
 * Why a recorded hash and not git history (as Lunaria does): the check must give the same
 * answer on a fresh clone, in a CI shallow clone (depth 1 has no history to compare), from a
 * tarball and after a rebase or squash merge; a hash written into the note travels with the
 * content itself. The price is one line per note, written by `npm run sync:translations`.
 *
 * The hash covers the whole note (frontmatter too: the summary and equation labels are
 * translated text) except the `synced:` line itself, so stamping one side of a pair never
 * makes the other side look changed. Line endings and trailing whitespace are normalised so
 * an editor's re-save does not count as a change.
 */
import { createHash } from 'node:crypto';

/** Hex digits kept from the SHA-256: 48 bits, ample for telling two versions of one note apart. */
export const HASH_LENGTH = 12;

const FENCE = /^---[ \t]*\r?$/;
const SYNCED_LINE = /^synced[ \t]*:/;

/** Index of the closing `---` of the frontmatter (lines split on '\n'), or -1 when there is none. */
function closingFence(lines: string[]): number {
  if (lines.length < 2 || !FENCE.test(lines[0]!)) return -1;
  for (let i = 1; i < lines.length; i++) if (FENCE.test(lines[i]!)) return i;
  return -1;
}

/** The 12-hex-digit content hash of a note file's text, ignoring its own `synced:` line. */
export function translationHash(noteText: string): string {
  const lines = noteText.replace(/\r\n?/g, '\n').split('\n');
  const close = closingFence(lines);
  const kept = lines.filter((line, i) => !(i > 0 && i < close && SYNCED_LINE.test(line)));
  const normalised = kept.map((line) => line.trimEnd()).join('\n').replace(/\n+$/, '');
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** 1-based line of the `synced:` field in the frontmatter, or undefined when it has none. */
export function syncedLine(noteText: string): number | undefined {
  const lines = noteText.split('\n');
  const close = closingFence(lines);
  for (let i = 1; i < close; i++) if (SYNCED_LINE.test(lines[i]!)) return i + 1;
  return undefined;
}

/**
 * The note's text with `synced: '<hash>'` set: an existing line is replaced, otherwise the line
 * goes last in the frontmatter. Every other byte stays as it was (a text edit, not a YAML
 * round trip, which would reflow the maintainer's quoting and comments). Undefined when the
 * note has no frontmatter to put it in.
 */
export function withSyncedHash(noteText: string, hash: string): string | undefined {
  const lines = noteText.split('\n');
  const close = closingFence(lines);
  if (close < 0) return undefined;
  const cr = lines[close]!.endsWith('\r') ? '\r' : '';
  // Quoted: an unquoted hex string of digits (or like 12e45) would be read by YAML as a number.
  const field = `synced: '${hash}'${cr}`;
  const existing = lines.findIndex((line, i) => i > 0 && i < close && SYNCED_LINE.test(line));
  if (existing >= 0) lines[existing] = field;
  else lines.splice(close, 0, field);
  return lines.join('\n');
}
