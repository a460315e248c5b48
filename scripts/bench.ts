/**
 * npm run bench [-- --sizes 1000,5000,10000] [--compare previous.json] [--out bench.json]
 *               [--no-real] [--no-lighthouse] [--no-rebuild] [--with-search] [--with-embed] [--with-demos]
 *               [--dist DIR]   (bytes per page type and Lighthouse of an existing build only)
 *
 * One table for the whole site: for the real site and synthetic sites (npm run gen:synthetic)
 * a cold build's time and peak memory (whole process tree) with the time per stage, then an
 * incremental rebuild after editing one paper's note (what was reused); for the real site the
 * gzip bytes per page type, dist size, Lighthouse scores, and optionally the bench:search,
 * bench:embed and bench:demos reports. Each build runs in a fresh project folder under the
 * system temp dir (this checkout's dist/ and .cache/ are not touched). Also written as JSON;
 * --compare prints the change against an earlier JSON. Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { generateSyntheticProject, PROJECT_FILES } from './lib/synthetic-corpus.ts';
import { measure, type MeasuredRun } from './lib/process-tree.ts';
import { buildFacts, STAGES, type BuildFacts } from './lib/build-stages.ts';
import { htmlFiles, pageFacts, upfrontScriptBytes } from './lib/dist-pages.ts';
import { runLighthouse, type LighthouseRow } from './lib/lighthouse.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    compare: { type: 'string' },
    out: { type: 'string', default: 'bench.json' },
    'no-real': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    /** Cold builds only (the rebuild after one edit doubles a 10,000-paper run). */
    'no-rebuild': { type: 'boolean', default: false },
    'with-search': { type: 'boolean', default: false },
    'with-embed': { type: 'boolean', default: false },
    'with-demos': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** Measure an existing build (bytes per page type, Lighthouse) instead of building the real site. */
    dist: { type: 'string' },
  },
});

const repo = process.cwd();
const node = process.execPath;

interface SiteRun {
  target: string;
  papers: number;
  pages?: number;
  buildSeconds: number;
  cpuSeconds?: number;
  peakRssMiB: number;
  stagesMs: BuildFacts['stages'];
  incremental?: { seconds: number; cpuSeconds?: number; peakRssMiB: number; embedded?: number; cached?: number; modelRetrained?: boolean; notesRendered?: number; notesCached?: number; analysesDone?: number; analysesCached?: number };
  distMiB: number;
  failed?: string;
}

interface PageTypeRow {
  type: string;
  pages: number;
  htmlGzipAvg: number;
  htmlGzipMax: number;
  cssGzip: number;
  jsUpfrontGzipMax: number;
}

interface Report {
  date: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  runs: SiteRun[];
  pageTypes: PageTypeRow[];
  lighthouse: LighthouseRow[];
  reports: Record<string, string>;
}

const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((a, e) => a + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

function copyProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-bench-real-'));
  for (const entry of PROJECT_FILES) fs.cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}vendor${path.sep}`) && !src.includes(`${path.sep}models${path.sep}`) });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

async function build(root: string): Promise<MeasuredRun> {
  return measure(node, ['scripts/build.ts'], { cwd: root, env: { DEEPATLAS_ROOT: root } });
}

/** One target: a cold build, then one paper's English note edited and the site rebuilt. */
async function benchProject(target: string, papers: number, root: string): Promise<SiteRun> {
  console.error(`== ${target}: cold build in ${root}`);
  const cold = await build(root);
  const facts = buildFacts(cold.lines);
  const run: SiteRun = { target, papers, ...(facts.pages ? { pages: facts.pages } : {}), buildSeconds: seconds(cold.milliseconds), ...(cold.cpuMilliseconds !== undefined ? { cpuSeconds: seconds(cold.cpuMilliseconds) } : {}), peakRssMiB: mib(cold.peakRssBytes), stagesMs: facts.stages, distMiB: mib(dirBytes(path.join(root, 'dist'))) };
  if (cold.status !== 0) {
    run.failed = cold.lines.slice(-15).map((l) => l.text).join('\n');
    console.error(run.failed);
    return run;
  }
  if (values['no-rebuild']) return run;
  const paper = fs.readdirSync(path.join(root, 'papers')).sort()[0]!;
  const note = path.join(root, 'papers', paper, 'en.md');
  fs.appendFileSync(note, '\nA sentence added to measure an incremental rebuild after one edit.\n');
  console.error(`== ${target}: rebuild after editing papers/${paper}/en.md`);
  const warm = await build(root);
  const warmFacts = buildFacts(warm.lines);
  run.incremental = { seconds: seconds(warm.milliseconds), ...(warm.cpuMilliseconds !== undefined ? { cpuSeconds: seconds(warm.cpuMilliseconds) } : {}), peakRssMiB: mib(warm.peakRssBytes), ...(warmFacts.embedded !== undefined ? { embedded: warmFacts.embedded, cached: warmFacts.cached! } : {}), ...(warmFacts.modelRetrained !== undefined ? { modelRetrained: warmFacts.modelRetrained } : {}), ...(warmFacts.notesCached !== undefined ? { notesRendered: warmFacts.notesRendered!, notesCached: warmFacts.notesCached } : {}), ...(warmFacts.analysesCached !== undefined ? { analysesDone: warmFacts.analysesDone!, analysesCached: warmFacts.analysesCached } : {}) };
  return run;
}

const PAGE_TYPES: Array<[string, RegExp]> = [
  ['home', /^\/(zh|en)\/$/],
  ['paper', /^\/(zh|en)\/papers\/[^/]+\/$/],
  ['concept', /^\/(zh|en)\/concepts\/[^/]+\/$/],
  ['resource', /^\/(zh|en)\/resources\/[^/]+\/$/],
  ['search', /^\/(zh|en)\/search\/$/],
  ['list', /^\/(zh|en)\/(papers|concepts|resources|bibliography|learning-path|sources|credits)\/$/],
];

function pageTypes(dist: string): PageTypeRow[] {
  const groups = new Map<string, PageTypeRow & { htmlSum: number }>();
  const cssCache = new Map<string, number>();
  for (const file of htmlFiles(dist)) {
    const facts = pageFacts(dist, file);
    const type = PAGE_TYPES.find(([, re]) => re.test(facts.url))?.[0] ?? 'other';
    const row = groups.get(type) ?? { type, pages: 0, htmlGzipAvg: 0, htmlGzipMax: 0, cssGzip: 0, jsUpfrontGzipMax: 0, htmlSum: 0 };
    row.pages++;
    row.htmlSum += facts.htmlGzipBytes;
    row.htmlGzipMax = Math.max(row.htmlGzipMax, facts.htmlGzipBytes);
    const css = facts.stylesheets.reduce((a, href) => {
      const f = path.join(dist, new URL(href, `http://site${facts.url}`).pathname);
      if (!cssCache.has(f)) cssCache.set(f, fs.existsSync(f) ? gzipSync(fs.readFileSync(f)).byteLength : 0);
      return a + cssCache.get(f)!;
    }, 0);
    row.cssGzip = Math.max(row.cssGzip, css);
    row.jsUpfrontGzipMax = Math.max(row.jsUpfrontGzipMax, upfrontScriptBytes(dist, facts).bytes);
    groups.set(type, row);
  }
  return [...groups.values()].map(({ htmlSum, ...row }) => ({ ...row, htmlGzipAvg: Math.round(htmlSum / row.pages) }));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

const kb = (n: number) => (n / 1024).toFixed(1);
const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));

function printReport(report: Report, previous?: Report) {
  const delta = (now: number | undefined, before: number | undefined) => (now === undefined || before === undefined || before === 0 ? '' : ` (${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}%)`);
  const prevRun = (t: string) => previous?.runs.find((r) => r.target === t);
  console.log(`\nDeepAtlas bench, ${report.date}, ${report.machine.cpus} CPUs, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}`);
  console.log('\nBuilds (cold, fresh folder; seconds; peak RSS of the whole process tree)');
  console.log(table([
    ['site', 'papers', 'pages', 'build s', 'CPU s', 'peak MiB', ...STAGES, 'rebuild s', 'rebuild CPU s', 'rebuild reused', 'dist MiB'],
    ...report.runs.map((r) => {
      const p = prevRun(r.target);
      return [r.target, String(r.papers), String(r.pages ?? '-'), `${r.buildSeconds}${delta(r.buildSeconds, p?.buildSeconds)}`, `${r.cpuSeconds ?? '-'}${delta(r.cpuSeconds, p?.cpuSeconds)}`, `${r.peakRssMiB}${delta(r.peakRssMiB, p?.peakRssMiB)}`,
        ...STAGES.map((st) => s(r.stagesMs[st])),
        r.incremental ? `${r.incremental.seconds}${delta(r.incremental.seconds, p?.incremental?.seconds)}` : r.failed ? 'FAILED' : '-',
        r.incremental?.cpuSeconds !== undefined ? String(r.incremental.cpuSeconds) : '-',
        r.incremental?.cached !== undefined ? `${r.incremental.cached}/${r.incremental.cached + r.incremental.embedded!} vectors, model ${r.incremental.modelRetrained ? 'retrained' : 'reused'}${r.incremental.notesCached !== undefined ? `, ${r.incremental.notesCached}/${r.incremental.notesCached + r.incremental.notesRendered!} notes` : ''}${r.incremental.analysesCached !== undefined ? `, ${r.incremental.analysesCached}/${r.incremental.analysesCached + r.incremental.analysesDone!} analyses` : ''}` : '-',
        String(r.distMiB)];
    }),
  ]));
  if (report.pageTypes.length) {
    console.log('\nReal site, bytes per page type (KB gzip; JS = loaded before any island opens)');
    console.log(table([['type', 'pages', 'HTML avg', 'HTML max', 'CSS', 'JS max'], ...report.pageTypes.map((r) => [r.type, String(r.pages), kb(r.htmlGzipAvg), kb(r.htmlGzipMax), kb(r.cssGzip), kb(r.jsUpfrontGzipMax)])]));
  }
  if (report.lighthouse.length) {
    console.log('\nLighthouse (mobile, simulated throttling)');
    console.log(table([['page', 'performance', 'accessibility', 'best practices', 'SEO'], ...report.lighthouse.map((r) => [r.page, ...[r.performance, r.accessibility, r.bestPractices, r.seo].map((x) => (x === undefined ? '-' : String(x)))])]));
  }
  for (const [name, text] of Object.entries(report.reports)) console.log(`\n${name}\n${text}`);
}

const report: Report = {
  date: new Date().toISOString(),
  machine: { cpus: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node },
  runs: [],
  pageTypes: [],
  lighthouse: [],
  reports: {},
};
const cleanup: string[] = [];
// Long runs: each finished build is written out at once, so an interrupted bench keeps what it measured.
const saveProgress = (run: SiteRun) => {
  console.error(`   ${run.target}: ${run.buildSeconds} s wall, ${run.cpuSeconds ?? '-'} s CPU, ${run.peakRssMiB} MiB peak; rebuild ${run.incremental?.seconds ?? '-'} s wall, ${run.incremental?.cpuSeconds ?? '-'} s CPU`);
  fs.writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
};
try {
  if (!values['no-real']) {
    const root = copyProject();
    cleanup.push(root);
    report.runs.push(await benchProject('real', fs.readdirSync(path.join(repo, 'papers')).length, root));
    saveProgress(report.runs.at(-1)!);
    const dist = path.join(root, 'dist');
    if (fs.existsSync(dist)) {
      report.pageTypes = pageTypes(dist);
      if (!values['no-lighthouse']) report.lighthouse = await runLighthouse(dist);
      for (const [flag, script] of [['with-search', 'bench-search.ts'], ['with-embed', 'bench-embed.ts'], ['with-demos', 'bench-demos.ts']] as const) {
        if (!values[flag]) continue;
        console.error(`== ${script}`);
        const r = await measure(node, [`scripts/${script}`], { cwd: root });
        report.reports[`npm run ${script.replace('.ts', '').replace('-', ':')}`] = r.lines.map((l) => l.text).filter((t) => !t.includes('unexpected operator')).join('\n');
      }
    }
  }
  if (values.dist) {
    const dist = path.resolve(values.dist);
    report.pageTypes = pageTypes(dist);
    if (!values['no-lighthouse']) report.lighthouse = await runLighthouse(dist);
  }
  for (const size of values.sizes.split(',').map((x) => x.trim()).filter(Boolean).map(Number)) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `deepatlas-bench-${size}-`));
    fs.rmSync(root, { recursive: true });
    cleanup.push(root);
    const gen = generateSyntheticProject(repo, root, { papers: size });
    report.runs.push(await benchProject(`synthetic ${size}`, gen.papers + fs.readdirSync(path.join(repo, 'papers')).length, root));
    saveProgress(report.runs.at(-1)!);
    if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
}
const previous = values.compare ? (JSON.parse(fs.readFileSync(values.compare, 'utf8')) as Report) : undefined;
printReport(report, previous);
fs.writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwritten to ${values.out}${previous ? `; changes in parentheses are against ${values.compare}` : ''}`);
