/**
 * npm run compare:embed: trains the corpus model in each candidate design and scores semantic
 * search alone (the same pure ranking the browser runs) on the TUNING part of the query set,
 * to choose a design; the held-out part is only scored afterwards by eval:search on the site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headText, lexicalText, pageTexts, questionsOf, TITLE_WEIGHT, type PageText } from '../src/pipeline/embed/corpus.ts';
import { loadCorpusEmbedder, trainCorpusModel, type TrainOptions } from '../src/pipeline/embed/train.ts';
import { decodeLexical, encodeLexical } from '../src/shared/search/lexical.ts';
import { zhLexiconWords } from '../src/pipeline/search/zh-lexicon.ts';
import { score } from '../src/pipeline/search/evaluate.ts';
import { buildSite } from '../src/pipeline/site.ts';
import type { SearchPage } from '../src/shared/search/contract.ts';
import { rankSemantic } from '../src/shared/search/semantic.ts';
import { understand } from '../src/shared/search/understand.ts';
import { entityName } from '../src/pipeline/catalog.ts';
import { loadQueries } from './lib/search-eval.ts';

/** The prose sections of a page, without the head and the questions. */
const bodyOf = (p: PageText) => p.sections.slice(p.questions ? 2 : 1);
/** Rewrites each page's head (sections[0]) and drops the questions' own section; the body stays. */
const withHead = (pages: PageText[], head: (p: PageText) => string) =>
  pages.map(({ questions: _questions, ...p }) => {
    const sections = [head(p), ...bodyOf(p)];
    return { ...p, text: sections.join('\n\n'), sections };
  });
const summaryOf = (p: PageText) => p.entity.notes[p.lang]!.frontmatter.summary;

interface Design {
  pages: (pages: PageText[]) => PageText[];
  train?: Partial<TrainOptions>;
  /** Which texts of a page get a vector (the best one ranks the page): the whole page by default. */
  passages?: (page: PageText) => string[];
  /** false: the cosine alone, without the BM25 match of the head and questions (the site's choice). */
  lexical?: false;
  /** The text of a page the lexical match reads (lexicalText: the head and the questions). */
  lexicalOf?: (page: PageText) => string;
}
const site = buildSite();
const namesOnly = zhLexiconWords(site.catalog, { frequentWords: false });
const lexicon = zhLexiconWords(site.catalog);
const weighted = (pages: PageText[]) => withHead(pages, (p) => headText(p.title, p.entity.meta.aliases, summaryOf(p)));
// The site's choice: names weighted, and the questions each concept page answers.
const withQuestions = (pages: PageText[]) => withHead(pages, (p) => headText(p.title, p.entity.meta.aliases, summaryOf(p), TITLE_WEIGHT, questionsOf(p.entity, p.lang)));

// The site's choice (pageTexts): the names in the head, the questions as a section of their own.
const questionsApart = (pages: PageText[]) => pages;
/** The site's three vectors: the whole page, its head, its questions (when it has any). */
const withQuestionVector = (p: PageText) => [p.text, p.sections[0]!, ...(p.questions ? [p.questions] : [])];

const DESIGNS: Record<string, Design> = {
  // The first design: title and summary, then the prose; every Chinese character a token.
  plain: { pages: (pages) => withHead(pages, (p) => headText(p.title, [], summaryOf(p), 1)), train: { zhWords: [] } },
  // Names weighted above the body: the title three times and the aliases.
  'names-weighted': { pages: weighted, train: { zhWords: [] } },
  // ... and Chinese words as tokens: the site's names and aliases kept whole.
  'zh-names': { pages: weighted, train: { zhWords: namesOnly } },
  'chars+head': { pages: weighted, train: { zhWords: [] }, passages: (p) => [p.text, p.sections[0]!] },
  // ... the names and the words ICU finds in several notes.
  'zh-lexicon': { pages: weighted, train: { zhWords: lexicon } },
  'zh-lexicon+head': { pages: weighted, train: { zhWords: lexicon }, passages: (p) => [p.text, p.sections[0]!] },
  'zh-lexicon+sections': { pages: weighted, train: { zhWords: lexicon }, passages: (p) => [p.text, ...p.sections] },
  'questions+head': { pages: withQuestions, train: { zhWords: lexicon }, passages: (p) => [p.text, p.sections[0]!] },
  // ... and one vector per question (an FAQ match): a question query meets its closest question alone.
  'questions+each': { pages: withQuestions, train: { zhWords: lexicon }, passages: (p) => [p.text, p.sections[0]!, ...questionsOf(p.entity, p.lang)] },
  // The head without the questions (a dozen questions drown the names), the questions as a
  // section of their own: one vector for all of them, or one each.
  'head+questions-cosine': { pages: questionsApart, train: { zhWords: lexicon }, passages: withQuestionVector, lexical: false },
  // ... and the BM25 match of the query against each page's head and questions (the site's choice).
  'head+questions': { pages: questionsApart, train: { zhWords: lexicon }, passages: withQuestionVector },
  'head+questions+qdocs': { pages: questionsApart, train: { zhWords: lexicon, questionDocuments: true }, passages: withQuestionVector },
  'head+questions+lexical-whole': { pages: questionsApart, train: { zhWords: lexicon }, passages: withQuestionVector, lexicalOf: (p) => p.text },
  'head+questions-96': { pages: questionsApart, train: { zhWords: lexicon, dims: 96 }, passages: withQuestionVector },
  'head+questions-128': { pages: questionsApart, train: { zhWords: lexicon, dims: 128 }, passages: withQuestionVector },
  'head+questions-s05': { pages: questionsApart, train: { zhWords: lexicon, sigmaPower: 0.5 }, passages: withQuestionVector },
  'head+each-question': { pages: questionsApart, train: { zhWords: lexicon }, passages: (p) => [p.text, p.sections[0]!, ...questionsOf(p.entity, p.lang)] },
  'stems+head': { pages: weighted, train: { zhWords: lexicon, stems: true }, passages: (p) => [p.text, p.sections[0]!] },
  'zh-lexicon-96': { pages: weighted, train: { zhWords: lexicon, dims: 96 } },
  'zh-lexicon-128': { pages: weighted, train: { zhWords: lexicon, dims: 128 } },
  'zh-lexicon-s05': { pages: weighted, train: { zhWords: lexicon, sigmaPower: 0.5 } },
  'chars-128': { pages: weighted, train: { dims: 128, zhWords: [] } },
};

const base = pageTexts(site.catalog);
const only = process.argv.slice(2);
const queries = loadQueries().filter((q) => q.part !== 'heldout');
for (const [name, design] of Object.entries(DESIGNS)) {
  if (only.length && !only.includes(name)) continue;
  const pages = design.pages(base);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deepatlas-design-${name}-`));
  const trained = trainCorpusModel(site.catalog, dir, { pages, force: true, ...design.train });
  const embedder = loadCorpusEmbedder(dir);
  const passages = pages.flatMap((p) => (design.passages?.(p) ?? [p.text]).map((text) => ({ p, text })));
  const searchPages: SearchPage[] = passages.map(({ p }) => ({ key: `${p.entity.kind}:${p.entity.id}`, lang: p.lang, url: '', title: entityName(p.entity, p.lang), kind: p.entity.kind }));
  const vectors = new Float32Array(passages.length * embedder.dims);
  passages.forEach(({ text }, i) => vectors.set(embedder.embed(text), i * embedder.dims));
  const lexical = design.lexical === false ? undefined : decodeLexical(encodeLexical(passages.map(({ p }) => embedder.lexicalTokens((design.lexicalOf ?? lexicalText)(p)))), passages.length);
  const corpus = { pages: searchPages, vectors, dims: embedder.dims, ...(lexical ? { lexical } : {}) };
  const rankings = queries.map((q) => {
    // As the site's search reads a query (src/islands/search/embedders.ts, engine.ts).
    const { semantic, lexical } = understand(q.q);
    return rankSemantic(corpus, embedder.embed(embedder.correctSpelling(semantic)), q.lang, 10, embedder.lexicalTokens(embedder.correctSpelling(lexical))).map((h) => h.key);
  });
  const groups: Array<[string, (q: (typeof queries)[number]) => boolean]> = [
    ['zh', (q) => q.lang === 'zh'],
    ['en', (q) => q.lang === 'en'],
    ['questions', (q) => q.type === 'question'],
    ['round3-zh', (q) => q.round === 3 && q.lang === 'zh'],
    ['round3-en', (q) => q.round === 3 && q.lang === 'en'],
  ];
  for (const [group, keep] of groups) {
    const idx = queries.flatMap((q, i) => (keep(q) ? [i] : []));
    const s = score(idx.map((i) => queries[i]!), idx.map((i) => rankings[i]!));
    console.log(`${name.padEnd(15)} ${group.padEnd(9)} (${idx.length}): hit@1 ${(s.hit1 * 100).toFixed(1)}%  hit@5 ${(s.hit5 * 100).toFixed(1)}%  MRR ${s.mrr.toFixed(3)}`);
  }
  console.log(`${name.padEnd(15)} vocabulary ${trained.vocabSize} tokens, table ${(trained.vocabSize * trained.dims / 1024).toFixed(0)} KB int8`);
  fs.rmSync(dir, { recursive: true, force: true });
}
