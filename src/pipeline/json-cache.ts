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
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Written under a temporary name first: a process building at the same time never reads half a file.
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: this.version, entries: this.current }));
    fs.renameSync(tmp, this.file);
  }
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
