/**
 * The corpus model without an inference runtime. Its forward pass is a table
 * lookup and a mean, so plain TypeScript computes the same vectors as
 * transformers.js + onnxruntime (a test checks them to 1e-5) from a quarter of
 * the bytes: the tokenizer (the same @huggingface/tokenizers code transformers.js
 * uses) and the int8 table. Runs in Node and in the reader's browser.
 */
import { Tokenizer } from '@huggingface/tokenizers';
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

  constructor(files: CorpusModelFiles) {
    this.tokenizer = new Tokenizer(files.tokenizerJson as never, files.tokenizerConfig as never);
    const vocab = (files.tokenizerJson as { model: { vocab: Record<string, number> } }).model.vocab;
    this.weighted = [];
    for (const [token, id] of Object.entries(vocab)) this.weighted[id] = isWeightedToken(token);
    this.stems = inflectionStems(vocab);
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
