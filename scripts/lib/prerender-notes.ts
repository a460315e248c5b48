/**
 * Worker thread of scripts/lib/astro-build.ts: formats every paper's references and renders the
 * notes into .cache/ while the Astro thread trains and embeds (src/pipeline/note-prerender.ts
 * says why and how). It reads the content itself, with the check's analyses from .cache/site/;
 * the cache keys cover the whole site, so what it writes is what the pages would make.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getSite } from '../../src/data/site.ts';
import { noteRenderer } from '../../src/data/notes.ts';
import { drainNotes, noteFiles } from '../../src/pipeline/note-prerender.ts';
import { STYLES, warmReferences, type CitationStyle } from '../../src/pipeline/cite.ts';

const { counter } = workerData as { counter: Int32Array };
// First every paper's reference in every style, into .cache/references (the bibliography
// pages and the cite panels read them there): at 10,000 papers that is ~40 s of citeproc the
// page generation no longer does, and it runs while the Astro thread still trains and embeds.
const papers = [...getSite().catalog.papers.values()].map((p) => p.paper.csl);
for (const style of Object.keys(STYLES) as CitationStyle[]) warmReferences(papers, style);
const renderer = noteRenderer();
await drainNotes(noteFiles(getSite().catalog), counter, (file) => renderer.render(file));
parentPort?.postMessage(renderer.stats);
