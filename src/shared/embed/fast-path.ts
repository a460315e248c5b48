/**
 * The corpus model without an inference runtime. Its forward pass is a table
 * lookup and a mean, so plain TypeScript computes the same vectors as
 * transformers.js + onnxruntime (a test checks them to 1e-5) from a quarter of
 * the bytes: the tokenizer (the same @huggingface/tokenizers code transformers.js
 * uses) and the int8 table. Runs in Node and in the reader's browser.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { editDistance } from '../search/edit-distance.ts';
import { inflectionStems, isWeightedToken } from './tokens.ts';

export interface CorpusModelFiles {
  tokenizerJson: unknown;
  tokenizerConfig: unknown;
  /** vocab x dims int8 rows */
  table: Int8Array;
  /** one float32 scale per row */
  scales: Float32Array;
}

export class CorpusEmbedder {
  readonly dims: number;
  private readonly tokenizer: Tokenizer;
  private readonly table: Int8Array;
  private readonly scales: Float32Array;
  /** Per token id: whether it carries meaning (isWeightedToken). */
  private readonly weighted: boolean[];
  /** Per token id: the id of its stem for an English inflection (inflectionStems), else itself. */
  private readonly stems: Int32Array;
  /** The vocabulary's whole English words, by length: what a misspelt query word is matched to. */
  private readonly wordsByLength = new Map<number, string[]>();
  private readonly unknownId: number | undefined;
  /** Each query word correctSpelling has seen, and what it became: typing re-reads the same words. */
  private readonly spelled = new Map<string, string>();

  constructor(files: CorpusModelFiles) {
    this.tokenizer = new Tokenizer(files.tokenizerJson as never, files.tokenizerConfig as never);
    const vocab = (files.tokenizerJson as { model: { vocab: Record<string, number> } }).model.vocab;
    this.weighted = [];
    for (const [token, id] of Object.entries(vocab)) this.weighted[id] = isWeightedToken(token);
    this.stems = inflectionStems(vocab);
    for (const token of Object.keys(vocab)) {
      if (!/^[a-z]{4,}$/.test(token)) continue;
      const list = this.wordsByLength.get(token.length) ?? [];
      list.push(token);
      this.wordsByLength.set(token.length, list);
    }
    this.unknownId = vocab['[UNK]'];
    this.table = files.table;
    this.scales = files.scales;
    this.dims = files.table.length / files.scales.length;
  }

  /**
   * The text's content token ids, in order, repeats kept, an English inflection as its stem
   * ("neurons" as "neuron"): the lexical index's documents and queries.
   */
  lexicalTokens(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids.filter((id) => this.weighted[id] === true).map((id) => this.stems[id]!);
  }

  /**
   * The query with each English word the model cannot read ([UNK]: "tranformer", "fuction")
   * replaced by the vocabulary words nearest to it: within one edit (two from 8 letters on), the
   * same first letter (typos seldom hit it), then the longest shared beginning ("float" ->
   * "floats", not "flat"); all of them when several are as near. For queries only: pages are the
   * vocabulary. Its own loop rather than a spelling library: the dictionary is this model's
   * vocabulary, and the rare unknown query word costs one scan of words of about its length.
   */
  correctSpelling(text: string): string {
    if (this.unknownId === undefined) return text;
    return text.replace(/(?<![\p{L}\p{N}])[A-Za-z]{4,}(?![\p{L}\p{N}])/gu, (word) => {
      let spelled = this.spelled.get(word);
      if (spelled === undefined) {
        spelled = this.nearestWords(word);
        this.spelled.set(word, spelled);
      }
      return spelled;
    });
  }

  /** The word itself when the model reads it, else its nearest vocabulary words (correctSpelling). */
  private nearestWords(word: string): string {
    const lower = word.toLowerCase();
    if (!this.tokenizer.encode(lower, { add_special_tokens: false }).ids.includes(this.unknownId!)) return word;
    const limit = lower.length >= 8 ? 2 : 1;
    let best = [limit + 1, 0];
    let nearest: string[] = [];
    for (let length = lower.length - limit; length <= lower.length + limit; length++) {
      for (const candidate of this.wordsByLength.get(length) ?? []) {
        if (candidate[0] !== lower[0]) continue;
        const distance = editDistance(lower, candidate);
        if (distance > limit) continue;
        let shared = 0;
        while (shared < lower.length && lower[shared] === candidate[shared]) shared++;
        // Nearer first, then the longer shared beginning.
        const order = distance - best[0]! || best[1]! - shared;
        if (order < 0) [best, nearest] = [[distance, shared], [candidate]];
        else if (order === 0) nearest.push(candidate);
      }
    }
    return nearest.length ? nearest.join(' ') : word;
  }

  /** Mean of the token rows, L2-normalised; zeros when no token is known (as load.ts does). */
  embed(text: string): Float32Array {
    const ids = this.tokenizer.encode(text, { add_special_tokens: false }).ids;
    const sum = new Float64Array(this.dims);
    for (const id of ids) {
      const scale = this.scales[id]!;
      const row = id * this.dims;
      // Same float32 values as the ONNX table: q * scale rounded to float32.
      for (let c = 0; c < this.dims; c++) sum[c]! += Math.fround(this.table[row + c]! * scale);
    }
    let norm = 0;
    for (let c = 0; c < this.dims; c++) {
      sum[c] = Math.fround(sum[c]! / Math.max(ids.length, 1));
      norm += sum[c]! ** 2;
    }
    norm = Math.sqrt(norm);
    const out = new Float32Array(this.dims);
    if (norm > 0) for (let c = 0; c < this.dims; c++) out[c] = sum[c]! / norm;
    return out;
  }
}
