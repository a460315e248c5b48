/**
 * Trains the site's own bilingual embedding model from its pages and exports it
 * in the transformers.js layout:
 *   <dir>/config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx
 * Retrains only when the corpus changed; the same corpus gives a byte-identical model.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog.ts';
import { pageTexts, trainingDocuments, type PageText } from './corpus.ts';
import { trainLsi } from './lsi.ts';
import { zhLexiconWords } from '../search/zh-lexicon.ts';
import { buildGatherModel } from './onnx.ts';
import { buildTokenizerJson, encode, isContentToken, loadTokenizer, preTokenizer, SUFFIXES, TOKENIZER_CONFIG } from './tokenizer.ts';

/** The fast-path form of the table: int8 rows and their float32 scales (see corpus-fast-path.ts). */
export const TABLE_FILE = 'table.int8';
export const SCALES_FILE = 'table.scales.f32';

export function quantizeRows(vectors: Float32Array, rows: number, dims: number) {
  const int8 = new Int8Array(rows * dims);
  const scales = new Float32Array(rows);
  const dequantized = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < dims; c++) max = Math.max(max, Math.abs(vectors[r * dims + c]!));
    const scale = Math.fround(max / 127);
    scales[r] = scale;
    for (let c = 0; c < dims; c++) {
      const q = scale > 0 ? Math.round(vectors[r * dims + c]! / scale) : 0;
      int8[r * dims + c] = q;
      dequantized[r * dims + c] = q * scale;
    }
  }
  return { int8, scales, dequantized };
}

/** Bump when training changes, so a model trained by older code is rebuilt. */
const TRAINER_VERSION = 6;
export const DEFAULT_DIMS = 64;
export const DEFAULT_SIGMA_POWER = 0;

export interface TrainResult {
  dir: string;
  retrained: boolean;
  vocabSize: number;
  dims: number;
  documents: number;
  milliseconds: number;
  bytes: number;
}

function corpusHash(docs: string[], dims: number): string {
  const hash = createHash('sha256').update(`v${TRAINER_VERSION}:${dims}\n`);
  for (const d of docs) hash.update(d).update('\u0000');
  return hash.digest('hex');
}

export interface TrainOptions {
  dims?: number;
  force?: boolean;
  sigmaPower?: number;
  pages?: PageText[];
  /**
   * Chinese words kept whole by the tokenizer (default: the site's lexicon, see
   * src/pipeline/search/zh-lexicon.ts); an empty list makes every Chinese character a token.
   */
  zhWords?: string[];
  /** Leave inflections out of the vocabulary so WordPiece splits them (neurons -> neuron ##s). */
  stems?: boolean;
}

/**
 * English words whose stem is also a word, dropped from the vocabulary: WordPiece then reads
 * "gradients" as gradient + ##s, and the two forms share one vector (a stemmer the
 * tokenizer.json format can express, so the browser tokenizes the same way).
 */
export function inflectionsOf(words: string[]): Set<string> {
  const known = new Set(words);
  const suffixes = [...SUFFIXES].sort((a, b) => b.length - a.length);
  return new Set(words.filter((w) => /^[a-z]+$/.test(w) && suffixes.some((s) => w.length - s.length >= 3 && w.endsWith(s) && known.has(w.slice(0, -s.length)))));
}

export function trainCorpusModel(catalog: Catalog, dir: string, options: TrainOptions = {}): TrainResult {
  const started = performance.now();
  const dims = options.dims ?? DEFAULT_DIMS;
  const zhWords = options.zhWords ?? zhLexiconWords(catalog);
  const docs = trainingDocuments(options.pages ?? pageTexts(catalog));
  const hash = corpusHash([zhWords.join(' '), options.stems ? 'stems' : '', ...docs], dims);
  const configFile = path.join(dir, 'config.json');
  if (!options.force && fs.existsSync(configFile) && fs.existsSync(path.join(dir, 'onnx/model.onnx'))) {
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { deepatlas?: { corpus_sha256?: string; vocab_size?: number; hidden_size?: number } };
    if (config.deepatlas?.corpus_sha256 === hash) {
      return { dir, retrained: false, vocabSize: config.deepatlas.vocab_size ?? 0, dims, documents: docs.length, milliseconds: performance.now() - started, bytes: fs.statSync(path.join(dir, 'onnx/model.onnx')).size };
    }
  }

  // Vocabulary: every CJK character and every word seen in two or more documents.
  const preTokenize = preTokenizer(zhWords);
  const df = new Map<string, number>();
  for (const doc of docs) for (const w of new Set(preTokenize(doc))) if (isContentToken(w)) df.set(w, (df.get(w) ?? 0) + 1);
  let words = [...df].filter(([w, n]) => n >= 2 || /\p{Script=Han}/u.test(w)).map(([w]) => w).sort();
  if (options.stems) {
    const inflections = inflectionsOf(words);
    words = words.filter((w) => !inflections.has(w));
  }
  const tokenizerJson = buildTokenizerJson(words, zhWords);
  const tokenizer = loadTokenizer(tokenizerJson);
  const vocabSize = Object.keys(tokenizerJson.model.vocab).length;
  const idToToken = Object.keys(tokenizerJson.model.vocab);
  const content = idToToken.map((t) => isContentToken(t) && !t.startsWith('['));

  const lsi = trainLsi(docs.map((d) => encode(tokenizer, d)), vocabSize, (id) => content[id] === true, { dims, sigmaPower: options.sigmaPower ?? DEFAULT_SIGMA_POWER });
  // The table is stored as int8 rows with a float32 scale each (a quarter of the bytes for
  // the browser), and the ONNX graph gathers from exactly those dequantised values, so the
  // TypeScript fast path and transformers.js compute identical vectors.
  const table = quantizeRows(lsi.vectors, vocabSize, lsi.dims);
  const onnxBytes = buildGatherModel(table.dequantized, vocabSize, lsi.dims, `DeepAtlas corpus LSI model, corpus sha256 ${hash}`);

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: lsi.dims,
    vocab_size: vocabSize,
    deepatlas: { kind: 'corpus-lsi', trainer_version: TRAINER_VERSION, corpus_sha256: hash, documents: docs.length, vocab_size: vocabSize, hidden_size: lsi.dims, singular_values: lsi.singularValues.slice(0, 8).map((s) => Number(s.toFixed(6))) },
  };
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson));
  fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), `${JSON.stringify(TOKENIZER_CONFIG, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'onnx/model.onnx'), onnxBytes);
  fs.writeFileSync(path.join(dir, TABLE_FILE), table.int8);
  fs.writeFileSync(path.join(dir, SCALES_FILE), new Uint8Array(table.scales.buffer));
  return { dir, retrained: true, vocabSize, dims: lsi.dims, documents: docs.length, milliseconds: performance.now() - started, bytes: onnxBytes.byteLength };
}
