/** Which tokens of the corpus model carry meaning: shared by training (Node) and the browser. */

/** A token worth a vector: a word with a letter, or a CJK character; not punctuation or numbers. */
export function isContentToken(token: string): boolean {
  return /[\p{L}]/u.test(token) && !token.startsWith('##');
}

/** A content token that is not one of the special tokens ([UNK], [PAD], ...): what LSI and BM25 weigh. */
export function isWeightedToken(token: string): boolean {
  return isContentToken(token) && !token.startsWith('[');
}

/** Suffix rules, tried in order: the first whose stem is also in the vocabulary applies. */
const INFLECTIONS: ReadonlyArray<readonly [suffix: string, replacement: string]> = [['ies', 'y'], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', '']];

/**
 * For each token id, the id of its stem when the token is an English inflection of another token
 * ("gradients" -> "gradient", "activated" -> "activate", "dependencies" -> "dependency"), else the
 * id itself. A table lookup, not a stemmer such as Porter's: only words the vocabulary holds are
 * joined, so "news" stays "news" unless "new" is a token too; that rare over-joining costs a
 * little precision in a score that only reorders pages already close in meaning.
 */
export function inflectionStems(vocab: Readonly<Record<string, number>>): Int32Array {
  const size = Math.max(-1, ...Object.values(vocab)) + 1;
  const stems = Int32Array.from({ length: size }, (_, i) => i);
  for (const [token, id] of Object.entries(vocab)) {
    if (!/^[a-z]+$/.test(token)) continue;
    for (const [suffix, replacement] of INFLECTIONS) {
      if (!token.endsWith(suffix)) continue;
      const stem = vocab[token.slice(0, -suffix.length) + replacement];
      if (stem !== undefined && token.length - suffix.length + replacement.length >= 3) {
        stems[id] = stem;
        break;
      }
    }
  }
  return stems;
}
