/**
 * Runs a command and measures it as a maintainer feels it: wall time, peak resident memory of
 * the whole process tree (sampled from /proc, since child processes such as Pagefind's binary
 * are not in the parent's own maxRSS), and the time each output line arrived.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface TimedLine {
  ms: number;
  text: string;
}

export interface MeasuredRun {
  status: number | null;
  milliseconds: number;
  /** User + system CPU time of the whole tree: steadier than wall time on a shared machine. */
  cpuMilliseconds?: number;
  peakRssBytes: number;
  lines: TimedLine[];
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(entry));
      map.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

/** Resident bytes of a process and all its descendants (Linux /proc; 0 elsewhere). */
export function treeRss(pid: number): number {
  if (!fs.existsSync('/proc')) return 0;
  const tree = children();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // Gone already.
    }
    stack.push(...(tree.get(p) ?? []));
  }
  return total;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<MeasuredRun> {
  const started = performance.now();
  // bash's `times` prints the CPU time of the shell's finished children: the whole tree's.
  const script = `${[command, ...args].map(quote).join(' ')}; rc=$?; times >&2; exit $rc`;
  const child = spawn('bash', ['-c', script], { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250);
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop()!;
      for (const text of parts) {
        lines.push({ ms: performance.now() - started, text });
        if (options.echo) process.stderr.write(`    ${text}\n`);
      }
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  return new Promise((resolve) => child.on('close', (status) => {
    clearInterval(sampler);
    // bash's `times` ends stderr with two lines: the shell's own user/system time, then its children's.
    let cpuMilliseconds: number | undefined;
    const timesLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.text)).slice(-2);
    if (timesLines.length === 2) {
      const [childLine] = timesLines[1]!;
      cpuMilliseconds = Math.round([...childLine.text.matchAll(/(\d+)m([\d.]+)s/g)].reduce((a, m) => a + Number(m[1]) * 60_000 + Number(m[2]) * 1000, 0));
      for (const [, i] of [...timesLines].reverse()) lines.splice(i, 1);
    }
    resolve({ status, milliseconds: performance.now() - started, peakRssBytes: peak, lines, ...(cpuMilliseconds !== undefined ? { cpuMilliseconds } : {}) });
  }));
}
