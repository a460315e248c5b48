/**
 * What the reader's browser needs for semantic search, written into the built
 * site under /search/: the corpus model's fast-path files (tokenizer + int8 table)
 * and the page vectors (int8 with a scale per page) with their titles and URLs; with the
 * corpus model, also each page's head and questions in its tokens for the lexical score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { entityName, type Entity } from '../catalog.ts';
import type { Lang } from '../../shared/locales.ts';
import { quantize } from '../../shared/embed/quantize.ts';
import { MODELS_DIR, SEARCH_FILES, type SearchManifest, type SearchPage } from '../../shared/search/contract.ts';
import { entityKey } from '../../shared/entity-kinds.ts';
import { entityPath, withBase } from '../../shared/urls.ts';
import type { EmbedRun } from './index.ts';
import { CORPUS_MODEL_ID } from './settings.ts';
import { loadCorpusEmbedder, SCALES_FILE, TABLE_FILE } from './train.ts';
import { lexicalText } from './corpus.ts';
import { encodeLexical } from '../../shared/search/lexical.ts';

/** Long enough for a snippet line, short enough to keep pages.json small. */
const SUMMARY_CHARS = 140;

/** What the browser knows of a page besides its vector: names for query understanding, facts for filters. */
function searchPage(entity: Entity, lang: Lang, base: string): SearchPage {
  const summary = (entity.notes[lang] ?? Object.values(entity.notes)[0])?.frontmatter.summary;
  const facts =
    entity.kind === 'paper' ? { year: entity.paper.year }
    : entity.kind === 'resource' ? { category: entity.meta.kind }
    : entity.meta.papers.length ? { papers: entity.meta.papers.map((key) => entityKey('paper', key)) } : {};
  return {
    key: `${entity.kind}:${entity.id}`,
    lang,
    url: withBase(base, entityPath(lang, entity.kind, entity.id)),
    title: entityName(entity, lang),
    kind: entity.kind,
    ...(entity.meta.aliases.length ? { aliases: entity.meta.aliases } : {}),
    ...facts,
    ...(summary ? { summary: summary.length > SUMMARY_CHARS ? `${summary.slice(0, SUMMARY_CHARS - 1)}…` : summary } : {}),
  };
}

export function writeBrowserIndex(run: EmbedRun, modelDir: string, outDir: string, base: string, queryPrefix: string): SearchManifest {
  fs.mkdirSync(path.join(outDir, 'model'), { recursive: true });
  const files: Record<string, number> = {};
  const write = (name: string, data: string | Uint8Array) => {
    fs.writeFileSync(path.join(outDir, name), data);
    files[name] = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  };
  const isCorpus = run.model.id === CORPUS_MODEL_ID;
  const modelFiles: Array<[string, string]> = [[SEARCH_FILES.tokenizer, 'tokenizer.json'], [SEARCH_FILES.tokenizerConfig, 'tokenizer_config.json'], [SEARCH_FILES.table, TABLE_FILE], [SEARCH_FILES.tableScales, SCALES_FILE]];
  for (const [name, file] of isCorpus ? modelFiles : []) write(name, fs.readFileSync(path.join(modelDir, file)));
  const pages: SearchPage[] = run.pages.map(({ page }) => searchPage(page.entity, page.lang, base));
  const dims = run.model.dims;
  const rows = (pick: (page: EmbedRun['pages'][number]) => Float32Array) => {
    const vectors = new Int8Array(pages.length * dims);
    const scales = new Float32Array(pages.length);
    run.pages.forEach((page, i) => {
      const q = quantize(pick(page));
      vectors.set(q.data, i * dims);
      scales[i] = q.scale;
    });
    return { vectors: new Uint8Array(vectors.buffer), scales: new Uint8Array(scales.buffer) };
  };
  const whole = rows((p) => p.vector);
  const heads = rows((p) => p.head);
  const questions = rows((p) => p.questions);
  write(SEARCH_FILES.pages, JSON.stringify(pages));
  write(SEARCH_FILES.vectors, whole.vectors);
  write(SEARCH_FILES.vectorScales, whole.scales);
  write(SEARCH_FILES.headVectors, heads.vectors);
  write(SEARCH_FILES.headVectorScales, heads.scales);
  write(SEARCH_FILES.questionVectors, questions.vectors);
  write(SEARCH_FILES.questionVectorScales, questions.scales);
  if (isCorpus) {
    // The browser tokenizes the query with the same model, so page and query tokens agree.
    const embedder = loadCorpusEmbedder(modelDir);
    write(SEARCH_FILES.lexical, encodeLexical(run.pages.map(({ page }) => embedder.lexicalTokens(lexicalText(page)))));
  }
  // The model in the transformers.js layout, for transformers.js in the browser (pretrained
  // models, or ?semantic=transformers) and for the embedding playground. Not counted in
  // `files`: the corpus model's fast path does not download it.
  const modelOut = path.join(outDir, MODELS_DIR, run.model.id);
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model.onnx']) {
    const from = path.join(modelDir, file);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(modelOut, file)), { recursive: true });
    fs.copyFileSync(from, path.join(modelOut, file));
  }
  const manifest: SearchManifest = { model: run.model.id, runtime: isCorpus ? 'corpus-fast-path' : 'transformers', dims, files, queryPrefix };
  fs.writeFileSync(path.join(outDir, SEARCH_FILES.manifest), JSON.stringify(manifest));
  return manifest;
}
