/**
 * The lexical half of semantic search: BM25 (Robertson & Zaragoza, 2009) of the query's tokens
 * over each page's head and questions, in the corpus model's own tokens (its Chinese words and
 * English word pieces, so no second segmenter). The LSI vectors blur a question into its topic;
 * the exact words a student types ("除以根号", "dead neurons") pick the page among its neighbours.
 * Unlike Pagefind, a page need not hold every word of the query, so a question still matches.
 *
 * Written here rather than taken from a library (wink-bm25, minisearch): the documents are token
 * ids the browser already has from the model's tokenizer, and the whole scorer is a loop.
 *
 * On disk (`lexical.bin`): per page, in the order of pages.json, a varint count of distinct
 * tokens, then per token a varint gap from the previous id and a varint term frequency.
 */

export interface LexicalDoc {
  ids: Uint32Array;
  counts: Uint16Array;
  length: number;
}

export interface LexicalIndex {
  docs: LexicalDoc[];
  /** Inverse document frequency per token id (0 for a token no page has). */
  idf: Map<number, number>;
  averageLength: number;
}

const K1 = 1.2;
const B = 0.75;

function writeVarint(out: number[], value: number) {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Each document is its token ids, repeats included. */
export function encodeLexical(docs: readonly (readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const tokens of docs) {
    const counts = new Map<number, number>();
    for (const id of tokens) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    writeVarint(out, ids.length);
    let previous = 0;
    for (const id of ids) {
      writeVarint(out, id - previous);
      writeVarint(out, Math.min(counts.get(id)!, 0xffff));
      previous = id;
    }
  }
  return Uint8Array.from(out);
}

export function decodeLexical(bytes: Uint8Array, pages: number): LexicalIndex {
  let at = 0;
  const read = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new Error(`lexical index: ends inside page ${docs.length + 1} of ${pages}`);
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const docs: LexicalDoc[] = [];
  const df = new Map<number, number>();
  while (docs.length < pages) {
    const n = read();
    const ids = new Uint32Array(n);
    const counts = new Uint16Array(n);
    let id = 0;
    let length = 0;
    for (let i = 0; i < n; i++) {
      id += read();
      ids[i] = id;
      counts[i] = read();
      length += counts[i]!;
      df.set(id, (df.get(id) ?? 0) + 1);
    }
    docs.push({ ids, counts, length });
  }
  if (at !== bytes.length) throw new Error(`lexical index: ${bytes.length - at} bytes left after ${pages} pages`);
  const idf = new Map<number, number>();
  for (const [id, n] of df) idf.set(id, Math.log(1 + (pages - n + 0.5) / (n + 0.5)));
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  return { docs, idf, averageLength };
}

function countOf(doc: LexicalDoc, id: number): number {
  let lo = 0;
  let hi = doc.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = doc.ids[mid]!;
    if (v === id) return doc.counts[mid]!;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * BM25 of each page for the query's distinct tokens, divided by the best page's score: 1 for the
 * best match, 0 for a page with none of the words (so the weight in rankSemantic means the same
 * for a one-word query and a long question).
 */
export function lexicalScores(index: LexicalIndex, queryTokens: readonly number[]): Float32Array {
  const scores = new Float32Array(index.docs.length);
  const terms = [...new Set(queryTokens)].filter((id) => index.idf.has(id));
  if (!terms.length) return scores;
  let top = 0;
  index.docs.forEach((doc, i) => {
    let score = 0;
    for (const id of terms) {
      const f = countOf(doc, id);
      if (f) score += (index.idf.get(id)! * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * doc.length) / index.averageLength));
    }
    scores[i] = score;
    top = Math.max(top, score);
  });
  if (top > 0) for (let i = 0; i < scores.length; i++) scores[i]! /= top;
  return scores;
}
