/**
 * A build cache in one JSON file under .cache/: entries by key, read once, and written back
 * with only the entries this run used, so deleted and edited inputs drop out instead of
 * growing the file forever. What goes into a key is the caller's business.
 */
import fs from 'node:fs';
import path from 'node:path';

export class JsonCache<T> {
  private readonly previous: Record<string, T>;
  private readonly current: Record<string, T> = {};
  private readonly file: string | undefined;
  private readonly version: string;

  /** `version` names the entries' shape: a file written with another is ignored. */
  constructor(file: string | undefined, version: string) {
    this.file = file;
    this.version = version;
    this.previous = file ? read<T>(file, version) : {};
  }

  get(key: string): T | undefined {
    const hit = this.previous[key] ?? this.current[key];
    if (hit !== undefined) this.current[key] = hit;
    return hit;
  }

  set(key: string, value: T) {
    this.current[key] = value;
  }

  save() {
    if (this.file) writeAtomically(this.file, JSON.stringify({ version: this.version, entries: this.current }));
  }
}

/**
 * Writes a cache file under a temporary name first, then renames it: a process building at the
 * same time never reads half a file. Creates the folder.
 */
export function writeAtomically(file: string, data: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * Strings, finite numbers (not -0), booleans, null, arrays and plain objects: what JSON keeps
 * exactly, so a cache may hand it back as it was stored.
 */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainJson);
  return false;
}

function read<T>(file: string, version: string): Record<string, T> {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; entries: Record<string, T> };
    return data.version === version ? data.entries : {};
  } catch {
    // No cache yet, or one cut short by an interrupted build: start empty.
    return {};
  }
}
