/**
 * npm run compare:embed: trains the corpus model in each candidate design and scores semantic
 * search alone (the same pure ranking the browser runs) on the TUNING part of the query set,
 * to choose a design; the held-out part is only scored afterwards by eval:search on the site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headText, pageTexts, type PageText } from '../src/pipeline/embed/corpus.ts';
import { trainCorpusModel, SCALES_FILE, TABLE_FILE } from '../src/pipeline/embed/train.ts';
import { score } from '../src/pipeline/search/evaluate.ts';
import { buildSite } from '../src/pipeline/site.ts';
import { CorpusEmbedder } from '../src/shared/embed/fast-path.ts';
import type { SearchPage } from '../src/shared/search/contract.ts';
import { rankSemantic } from '../src/shared/search/semantic.ts';
import { understand } from '../src/shared/search/understand.ts';
import { entityName } from '../src/pipeline/catalog.ts';
import { loadQueries } from './lib/search-eval.ts';

/** Rewrites each page's head (sections[0]); the body stays. */
const withHead = (pages: PageText[], head: (p: PageText) => string) =>
  pages.map((p) => {
    const sections = [head(p), ...p.sections.slice(1)];
    return { ...p, text: sections.join('\n\n'), sections };
  });
const summaryOf = (p: PageText) => p.entity.notes[p.lang]!.frontmatter.summary;

const DESIGNS: Record<string, (pages: PageText[]) => PageText[]> = {
  // The first design: title and summary, then the prose.
  plain: (pages) => withHead(pages, (p) => headText(p.title, [], summaryOf(p), 1)),
  // Names weighted above the body (the site's choice): the title three times and the aliases.
  'names-weighted': (pages) => withHead(pages, (p) => headText(p.title, p.entity.meta.aliases, summaryOf(p))),
};

const site = buildSite();
const base = pageTexts(site.catalog);
const queries = loadQueries().filter((q) => q.part !== 'heldout');
for (const [name, design] of Object.entries(DESIGNS)) {
  const pages = design(base);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deepatlas-design-${name}-`));
  trainCorpusModel(site.catalog, dir, { pages, force: true });
  const embedder = new CorpusEmbedder({
    tokenizerJson: JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer.json'), 'utf8')),
    tokenizerConfig: JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer_config.json'), 'utf8')),
    table: new Int8Array(fs.readFileSync(path.join(dir, TABLE_FILE))),
    scales: new Float32Array(new Uint8Array(fs.readFileSync(path.join(dir, SCALES_FILE))).buffer),
  });
  const searchPages: SearchPage[] = pages.map((p) => ({ key: `${p.entity.kind}:${p.entity.id}`, lang: p.lang, url: '', title: entityName(p.entity, p.lang), kind: p.entity.kind }));
  const vectors = new Float32Array(pages.length * embedder.dims);
  pages.forEach((p, i) => vectors.set(embedder.embed(p.text), i * embedder.dims));
  const corpus = { pages: searchPages, vectors, dims: embedder.dims };
  const rankings = queries.map((q) => rankSemantic(corpus, embedder.embed(understand(q.q).semantic), q.lang).map((h) => h.key));
  for (const lang of ['zh', 'en'] as const) {
    const idx = queries.flatMap((q, i) => (q.lang === lang ? [i] : []));
    const s = score(idx.map((i) => queries[i]!), idx.map((i) => rankings[i]!));
    console.log(`${name.padEnd(15)} ${lang} (${idx.length}): hit@1 ${(s.hit1 * 100).toFixed(1)}%  hit@5 ${(s.hit5 * 100).toFixed(1)}%  MRR ${s.mrr.toFixed(3)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
