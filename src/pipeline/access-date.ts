/**
 * GB/T 7714 prints the date an online work was consulted (引用日期) after every
 * URL. The site uses one date for a whole build, so every page and export agrees:
 * DEEPATLAS_ACCESS_DATE=YYYY-MM-DD, or the day the build runs (UTC).
 */

export interface AccessDate {
  year: number;
  month: number;
  day: number;
}

export function parseAccessDate(value: string): AccessDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : undefined;
}

let cached: AccessDate | undefined;

/** The build's access date; throws a one-line message when the variable is not a date. */
export function accessDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): AccessDate {
  if (cached && env === process.env) return cached;
  const configured = env.DEEPATLAS_ACCESS_DATE;
  let date: AccessDate;
  if (configured) {
    const parsed = parseAccessDate(configured);
    if (!parsed) throw new Error(`DEEPATLAS_ACCESS_DATE="${configured}" is not a date: write it as YYYY-MM-DD, e.g. 2026-09-01`);
    date = parsed;
  } else {
    date = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  }
  if (env === process.env) cached = date;
  return date;
}
