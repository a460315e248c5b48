/**
 * Scratch copies of this repository for tests that change content: the real
 * content and code are copied into a temporary folder (node_modules is linked,
 * not copied), the test edits files there, and the original stays untouched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COPIED = ['src', 'papers', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface Scratch {
  root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  edit(file: string, change: (text: string) => string): void;
  remove(file: string): void;
  /** 1-based line number of the first line containing `needle`. */
  lineOf(file: string, needle: string): number;
  run(script: string, args?: string[]): { status: number | null; stdout: string; stderr: string };
  dispose(): void;
}

export function scratchCopy(): Scratch {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-'));
  for (const entry of COPIED) {
    fs.cpSync(path.join(REPO, entry), path.join(root, entry), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}vendor${path.sep}`),
    });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const abs = (file: string) => path.join(root, file);
  return {
    root,
    read: (file) => fs.readFileSync(abs(file), 'utf8'),
    write: (file, text) => {
      fs.mkdirSync(path.dirname(abs(file)), { recursive: true });
      fs.writeFileSync(abs(file), text);
    },
    edit(file, change) {
      this.write(file, change(this.read(file)));
    },
    remove: (file) => fs.rmSync(abs(file), { recursive: true, force: true }),
    lineOf(file, needle) {
      const index = this.read(file).split('\n').findIndex((line) => line.includes(needle));
      if (index < 0) throw new Error(`"${needle}" not found in ${file}`);
      return index + 1;
    },
    run(script, args = []) {
      const result = spawnSync(process.execPath, [script, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DEEPATLAS_ROOT: root, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
