/**
 * The corpus model's tokenizer: BERT-style normalisation (lower case, accents
 * stripped, every CJK character its own token), punctuation and whitespace
 * splitting, then WordPiece over a vocabulary learned from the site. It is
 * written as a standard `tokenizer.json`, and training tokenises with the same
 * @huggingface/tokenizers code that transformers.js runs at query time, so the
 * ids used for training and for inference can never disagree.
 */
import { BertNormalizer, BertPreTokenizer, Tokenizer } from '@huggingface/tokenizers';

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
/** English endings WordPiece may split off an unseen inflection ("gradients" -> gradient ##s). */
const SUFFIXES = ['s', 'es', 'ed', 'ing', 'ly', 'er', 'ers', 'ion', 'ions', 'al', 'ness', 'ity'];

const NORMALIZER = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true } as const;

const normalizer = new BertNormalizer(NORMALIZER as never);
const preTokenizer = new BertPreTokenizer();

/** The words a text splits into before WordPiece: what the vocabulary is counted over. */
export function preTokenize(text: string): string[] {
  return preTokenizer.pre_tokenize_text(normalizer.normalize(text), {}) as string[];
}

/** A token worth a vector: a word with a letter, or a CJK character; not punctuation or numbers. */
export function isContentToken(token: string): boolean {
  return /[\p{L}]/u.test(token) && !token.startsWith('##');
}

export interface TokenizerJson {
  version: string;
  truncation: null;
  padding: null;
  added_tokens: Array<{ id: number; content: string; single_word: boolean; lstrip: boolean; rstrip: boolean; normalized: boolean; special: boolean }>;
  normalizer: typeof NORMALIZER;
  pre_tokenizer: { type: 'BertPreTokenizer' };
  post_processor: null;
  decoder: { type: 'WordPiece'; prefix: '##'; cleanup: true };
  model: { type: 'WordPiece'; unk_token: '[UNK]'; continuing_subword_prefix: '##'; max_input_chars_per_word: number; vocab: Record<string, number> };
}

/** tokenizer.json for a vocabulary (special tokens first, then suffix pieces, then the words). */
export function buildTokenizerJson(words: string[]): TokenizerJson {
  const tokens = [...SPECIAL_TOKENS, ...SUFFIXES.map((s) => `##${s}`), ...words];
  const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: NORMALIZER,
    pre_tokenizer: { type: 'BertPreTokenizer' },
    // No [CLS]/[SEP]: the model averages token vectors, and markers would only dilute them.
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

export const TOKENIZER_CONFIG = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  tokenize_chinese_chars: true,
  unk_token: '[UNK]',
  pad_token: '[PAD]',
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  // Pages are embedded whole; the model is a lookup, so length costs nothing.
  model_max_length: 1_000_000,
};

export function loadTokenizer(json: TokenizerJson): Tokenizer {
  return new Tokenizer(json as never, TOKENIZER_CONFIG as never);
}

/** Token ids of a text, exactly as transformers.js computes them for this tokenizer. */
export function encode(tokenizer: Tokenizer, text: string): number[] {
  return tokenizer.encode(text, { add_special_tokens: false }).ids;
}
