import { z } from 'zod';

/**
 * `synced:` in a note's frontmatter: the first 12 hex digits of the SHA-256 of its twin
 * (the other language's note) when a maintainer last declared the pair in step. Written by
 * `npm run sync:translations`, never by hand. Absent means "not tracked yet".
 */
export const syncedHash = z
  .string()
  .regex(/^[0-9a-f]{12}$/, 'the 12 hex digits written by `npm run sync:translations -- <file>`')
  .optional();
