/**
 * Where a build's time went, read from the build's own log lines (see src/integration.ts and
 * Astro's logger) and the times they arrived. A stage whose lines are missing is left out.
 */
import type { TimedLine } from './process-tree.ts';

export const STAGES = ['check', 'train', 'embed', 'related', 'contentSync', 'render', 'pagefind', 'semanticIndex'] as const;
export type Stage = (typeof STAGES)[number];

export interface BuildFacts {
  stages: Partial<Record<Stage, number>>;
  pages?: number;
  embedded?: number;
  cached?: number;
  modelRetrained?: boolean;
  /** Notes rendered in this build, and served from .cache/notes/ (src/pipeline/note-render.ts). */
  notesRendered?: number;
  notesCached?: number;
  /** Notes analysed by the content check, and analyses reused from .cache/site/ (src/pipeline/analysis-cache.ts). */
  analysesDone?: number;
  analysesCached?: number;
}

const number = (re: RegExp, text: string) => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

export function buildFacts(lines: TimedLine[]): BuildFacts {
  const facts: BuildFacts = { stages: {} };
  const at = (re: RegExp) => lines.find((l) => re.test(l.text));
  for (const { text } of lines) {
    const check = number(/content check passed in (\d+) ms/, text);
    if (check !== undefined) facts.stages.check = check;
    const analyses = /analyses: (\d+) analysed, (\d+) from \.cache\/site/.exec(text);
    if (analyses) {
      facts.analysesDone = Number(analyses[1]);
      facts.analysesCached = Number(analyses[2]);
    }
    const train = number(/corpus model \([^)]*\) in (\d+) ms/, text);
    if (train !== undefined) {
      facts.stages.train = train;
      facts.modelRetrained = /\btrained corpus model/.test(text);
    }
    const embed = number(/\(embedding (\d+) ms\)/, text);
    if (embed !== undefined) facts.stages.embed = embed;
    const related = number(/related topics in (\d+) ms/, text);
    if (related !== undefined) facts.stages.related = related;
    const m = /(\d+) pages embedded, (\d+) from cache/.exec(text);
    if (m) {
      facts.embedded = Number(m[1]);
      facts.cached = Number(m[2]);
    }
    const notes = /notes: (\d+) rendered, (\d+) from \.cache\/notes/.exec(text);
    if (notes) {
      facts.notesRendered = Number(notes[1]);
      facts.notesCached = Number(notes[2]);
    }
    const pf = /pagefind: indexed (\d+) pages in (\d+) ms/.exec(text);
    if (pf) {
      facts.pages = Number(pf[1]);
      facts.stages.pagefind = Number(pf[2]);
    }
  }
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  if (syncStart && syncEnd) facts.stages.contentSync = Math.round(syncEnd.ms - syncStart.ms);
  // Rendering: from Astro generating the static routes until its build-done hook (which logs
  // the pipeline runs); older logs without that line: until the search index starts.
  const renderStart = at(/generating static routes/);
  const renderEnd = at(/content pipeline ran \d+ time/);
  const pagefindLine = at(/pagefind: indexed/);
  const semantic = at(/semantic index:/);
  if (renderStart && renderEnd) facts.stages.render = Math.round(renderEnd.ms - renderStart.ms);
  else if (renderStart && pagefindLine) facts.stages.render = Math.round(pagefindLine.ms - renderStart.ms - (facts.stages.pagefind ?? 0));
  // The semantic index is written in the build-done hook, before or after Pagefind (scripts/build.ts runs it last).
  const semanticFrom = renderEnd && semantic && (!pagefindLine || semantic.ms < pagefindLine.ms) ? renderEnd : pagefindLine;
  if (semanticFrom && semantic) facts.stages.semanticIndex = Math.round(semantic.ms - semanticFrom.ms);
  return facts;
}
