/**
 * The site's own embedding model, trained from the real knowledge base and
 * loaded through transformers.js exactly as a pretrained model would be. The
 * quality numbers are printed and asserted with margins.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadCatalog, type Catalog } from '../../src/pipeline/catalog.ts';
import { pageTexts, questionsOf } from '../../src/pipeline/embed/corpus.ts';
import { embedSite, type EmbeddedPage, type EmbedRun } from '../../src/pipeline/embed/index.ts';
import { writeBrowserIndex } from '../../src/pipeline/embed/browser-index.ts';
import { decodeLexical, lexicalScores } from '../../src/shared/search/lexical.ts';
import { SEARCH_FILES, type SearchManifest, type SearchPage } from '../../src/shared/search/contract.ts';
import { embedTexts, loadModel, ModelNotFoundError } from '../../src/pipeline/embed/load.ts';
import { cosine } from '../../src/pipeline/embed/related.ts';
import { CORPUS_MODEL_ID, embedSettings, type EmbedSettings } from '../../src/pipeline/embed/settings.ts';
import { loadCorpusEmbedder, trainCorpusModel } from '../../src/pipeline/embed/train.ts';
import { projectPaths } from '../../src/pipeline/settings.ts';
import { REPO } from '../helpers/scratch.ts';

let tmp: string;
let catalog: Catalog;
let settings: EmbedSettings;
let pages: EmbeddedPage[];
let run: EmbedRun;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-embed-'));
  catalog = loadCatalog(projectPaths(REPO)).catalog;
  settings = { ...embedSettings({}), modelDir: path.join(tmp, 'models'), device: 'cpu' };
  run = await embedSite(catalog, settings, { cacheDir: path.join(tmp, 'cache') });
  pages = run.pages;
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const key = (p: EmbeddedPage) => `${p.page.entity.kind}:${p.page.entity.id}`;

test('training is reproducible: the same corpus gives a byte-identical model', () => {
  const again = path.join(tmp, 'again');
  trainCorpusModel(catalog, again, { force: true });
  const first = path.join(settings.modelDir, CORPUS_MODEL_ID);
  for (const file of ['onnx/model.onnx', 'tokenizer.json', 'config.json']) {
    assert.ok(fs.readFileSync(path.join(first, file)).equals(fs.readFileSync(path.join(again, file))), file);
  }
  const size = fs.statSync(path.join(first, 'onnx/model.onnx')).size;
  console.log(`corpus model: ${(size / 1e6).toFixed(2)} MB`);
  assert.ok(size < 5e6, `model ${size} bytes`);
});

test('(a) a concept\'s Chinese text finds its English twin first', () => {
  const en = pages.filter((p) => p.page.lang === 'en');
  const zhConcepts = pages.filter((p) => p.page.lang === 'zh' && p.page.entity.kind === 'concept');
  let hits = 0;
  for (const zh of zhConcepts) {
    const best = en.reduce((a, b) => (cosine(zh.vector, b.vector) > cosine(zh.vector, a.vector) ? b : a));
    if (key(best) === key(zh)) hits++;
  }
  const rate = hits / zhConcepts.length;
  console.log(`twin retrieval zh->en: ${hits}/${zhConcepts.length} = ${pct(rate)}`);
  assert.ok(rate >= 0.9, pct(rate));
});

test('(b) known pairs are in each other\'s top 6', () => {
  const pairs = [
    ['paper:mikolov2013efficient', 'concept:word-embedding'],
    ['paper:vaswani2017attention', 'concept:attention-mechanism'],
    ['paper:he2016resnet', 'concept:residual-connection'],
    ['paper:hochreiter1997long', 'concept:recurrent-neural-network'],
    ['paper:kingma2015adam', 'concept:gradient-descent'],
  ];
  for (const lang of ['zh', 'en'] as const) {
    const same = pages.filter((p) => p.page.lang === lang);
    const top6 = (k: string) => {
      const me = same.find((p) => key(p) === k)!;
      return same.filter((p) => p !== me).sort((a, b) => cosine(me.vector, b.vector) - cosine(me.vector, a.vector)).slice(0, 6).map(key);
    };
    for (const [a, b] of pairs) {
      const rankA = top6(a!).indexOf(b!);
      const rankB = top6(b!).indexOf(a!);
      console.log(`${lang}: ${a} -> ${b} rank ${rankA + 1}; back rank ${rankB + 1}`);
      assert.ok(rankA >= 0 && rankB >= 0, `${lang}: ${a} <-> ${b}`);
    }
  }
});

test('(c) queries in Chinese, English and both find the expected page in the top 5', async () => {
  const queries = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/embeddings/queries.json'), 'utf8')) as Array<{ query: string; expect: string }>;
  assert.ok(queries.length >= 30);
  const model = await loadModel(settings);
  const vectors = await embedTexts(model, queries.map((q) => q.query));
  let hits = 0;
  const misses: string[] = [];
  queries.forEach((q, i) => {
    const ranked = [...pages].sort((a, b) => cosine(vectors[i]!, b.vector) - cosine(vectors[i]!, a.vector)).map(key);
    const top5 = [...new Set(ranked)].slice(0, 5);
    if (top5.includes(q.expect)) hits++;
    else misses.push(`${q.query} -> ${top5.join(', ')}`);
  });
  const rate = hits / queries.length;
  console.log(`query set: ${hits}/${queries.length} = ${pct(rate)} in the top 5${misses.length ? `\n  missed: ${misses.join('\n  missed: ')}` : ''}`);
  assert.ok(rate >= 0.8, pct(rate));
});

test('the same loader runs a second model directory', async () => {
  const dir = path.join(tmp, 'second');
  trainCorpusModel(catalog, path.join(dir, 'test/small-lsi'), { dims: 24, force: true });
  const model = await loadModel({ ...settings, modelId: 'test/small-lsi', modelDir: dir });
  const [vector] = await embedTexts(model, ['梯度下降']);
  assert.equal(vector!.length, 24);
  assert.ok(Math.abs(Math.hypot(...vector!) - 1) < 1e-5, 'normalised');
});

test('embedTexts pools exactly as the feature-extraction pipeline does (same floats), on texts of mixed lengths', async () => {
  const model = await loadModel(settings);
  const texts = [...pages.slice(0, 20).map((p) => p.page.text), '梯度下降', 'BP算法', 'attention'];
  const ours = await embedTexts(model, texts, 8);
  for (let i = 0; i < texts.length; i += 8) {
    const batch = texts.slice(i, i + 8);
    const tensor = await model.extractor(batch, { pooling: 'mean', normalize: true });
    const data = tensor.data as Float32Array;
    const dims = tensor.dims[1]!;
    batch.forEach((_t, r) => assert.deepEqual(ours[i + r], data.slice(r * dims, (r + 1) * dims), `text ${i + r}`));
  }
});

test('text made only of unknown tokens gives a zero vector, not NaN', async () => {
  const model = await loadModel(settings);
  const [vector] = await embedTexts(model, ['qqqzzz xyzzy']);
  assert.ok(vector!.every((v) => v === 0));
});

test('a missing model names its directory and the command that fixes it', async () => {
  await assert.rejects(loadModel({ ...settings, modelDir: path.join(tmp, 'nowhere') }), (error: Error) => {
    assert.ok(error instanceof ModelNotFoundError);
    assert.equal(error.message, `embedding model "deepatlas/corpus-lsi" not found in ${path.join(tmp, 'nowhere', CORPUS_MODEL_ID)}\n  fix: run "npm run train:embed" to train the site's own model there`);
    return true;
  });
});

test('the cache re-embeds only what changed', async () => {
  const texts = pageTexts(catalog);
  const edited = texts.map((t, i) => (i === 0 ? { ...t, text: `${t.text}\nOne more sentence about gradients.` } : t));
  const run = await embedSite(catalog, settings, { cacheDir: path.join(tmp, 'cache'), texts: edited });
  // One page's text changed; its head, its questions and every other text (whole pages, heads,
  // questions or the head again for a page without them) come from the cache.
  assert.equal(run.embedded, 1);
  assert.equal(run.cached, 3 * texts.length - 1);
});

test('the TypeScript fast path returns the same vectors as transformers.js, to 1e-5', async () => {
  const embedder = loadCorpusEmbedder(path.join(settings.modelDir, CORPUS_MODEL_ID));
  const texts = [...pages.slice(0, 60).map((p) => p.page.text), '梯度下降', 'BP算法', 'attention is all you need', 'qqqzzz'];
  const reference = await embedTexts(await loadModel(settings), texts);
  let worst = 0;
  texts.forEach((text, i) => {
    const fast = embedder.embed(text);
    for (let c = 0; c < fast.length; c++) worst = Math.max(worst, Math.abs(fast[c]! - reference[i]![c]!));
  });
  console.log(`fast path vs transformers.js: max abs difference ${worst.toExponential(2)} over ${texts.length} texts`);
  assert.ok(worst < 1e-5, String(worst));
});

test('the browser index carries the lexical index: a question a page lists finds that page by its words alone', () => {
  const out = path.join(tmp, 'search-out');
  const dir = path.join(settings.modelDir, CORPUS_MODEL_ID);
  const manifest: SearchManifest = writeBrowserIndex(run, dir, out, '/', '');
  const searchPages = JSON.parse(fs.readFileSync(path.join(out, SEARCH_FILES.pages), 'utf8')) as SearchPage[];
  const bytes = fs.readFileSync(path.join(out, SEARCH_FILES.lexical));
  assert.equal(manifest.files[SEARCH_FILES.lexical], bytes.byteLength);
  const lexical = decodeLexical(new Uint8Array(bytes), searchPages.length);
  const embedder = loadCorpusEmbedder(dir);
  // Punctuation, digits and unknown words are not tokens the index weighs.
  assert.deepEqual(embedder.lexicalTokens('，。?! 123 qqqzzz'), []);
  let asked = 0;
  let found = 0;
  searchPages.forEach((page, i) => {
    const entity = run.pages[i]!.page.entity;
    const question = questionsOf(entity, page.lang as 'zh' | 'en')[0];
    if (!question) return;
    asked++;
    const scores = lexicalScores(lexical, embedder.lexicalTokens(question));
    if (scores[i] === 1) found++;
  });
  console.log(`lexical index: ${bytes.byteLength} bytes for ${searchPages.length} pages; a page's first question finds it first ${found}/${asked}`);
  assert.ok(asked > 100, String(asked));
  // 87% on 1 December 2026 (the rest go to, or tie with, a neighbour that shares the words).
  assert.ok(found / asked >= 0.8, `${found}/${asked}`);
});
