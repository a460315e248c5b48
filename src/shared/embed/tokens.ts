/** Which tokens of the corpus model carry meaning: shared by training (Node) and the browser. */

/** A token worth a vector: a word with a letter, or a CJK character; not punctuation or numbers. */
export function isContentToken(token: string): boolean {
  return /[\p{L}]/u.test(token) && !token.startsWith('##');
}

/** A content token that is not one of the special tokens ([UNK], [PAD], ...): what LSI and BM25 weigh. */
export function isWeightedToken(token: string): boolean {
  return isContentToken(token) && !token.startsWith('[');
}
