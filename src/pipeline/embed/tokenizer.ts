/**
 * The corpus model's tokenizer: BERT-style normalisation (lower case, accents
 * stripped, every CJK character its own token), punctuation and whitespace
 * splitting, then WordPiece over a vocabulary learned from the site. It is
 * written as a standard `tokenizer.json`, and training tokenises with the same
 * @huggingface/tokenizers code that transformers.js runs at query time, so the
 * ids used for training and for inference can never disagree.
 */
import { BertNormalizer, BertPreTokenizer, SequencePreTokenizer, Tokenizer } from '@huggingface/tokenizers';
import { HAN } from '../../shared/search/zh-words.ts';
import { escapeRegExp } from '../diagnostics.ts';

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
/** English endings WordPiece may split off an unseen inflection ("gradients" -> gradient ##s). */
export const SUFFIXES = ['s', 'es', 'ed', 'ing', 'ly', 'er', 'ers', 'ion', 'ions', 'al', 'ness', 'ity'];

const NORMALIZER = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true } as const;
/** With Chinese words: the normaliser keeps Chinese runs whole, and the pre-tokenizer cuts them. */
const WORDS_NORMALIZER = { ...NORMALIZER, handle_chinese_chars: false } as const;

type PreTokenizerJson = { type: 'BertPreTokenizer' } | { type: 'Sequence'; pretokenizers: Array<{ type: string; [key: string]: unknown }> };

/**
 * A regex matching the longest of `words` at a position, written as a trie: "学习(?:率)?" rather
 * than "学习率|学习". A flat alternation of thousands of words is tried word by word at every
 * character (3 s of a 1,000-paper build went to it, and every query pays it in the browser);
 * the trie tries one branch per character. Each optional group is greedy, so the longest word
 * wins, as in a longest-first alternation (tests/unit/search-chinese-words.test.ts compares them).
 */
export function longestWordPattern(words: readonly string[]): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch)!;
    }
    if (node !== root) node.end = true;
  }
  const branches = (node: Node): string => [...node.keys()].sort().map((ch) => escapeRegExp(ch) + rest(node.get(ch)!)).join('|');
  const rest = (node: Node): string => {
    if (!node.size) return '';
    const inner = branches(node);
    return node.end ? `(?:${inner})?` : node.size === 1 ? inner : `(?:${inner})`;
  };
  return branches(root);
}

/**
 * Chinese words as tokens: a Split pre-tokenizer isolates the lexicon's words (the longest
 * at each position, see longestWordPattern) and otherwise single characters, before
 * the BERT pre-tokenizer splits the rest at spaces and punctuation. Plain tokenizer.json
 * parts, so transformers.js runs the same tokenizer in the browser.
 */
function preTokenizerJson(zhWords: string[]): PreTokenizerJson {
  if (!zhWords.length) return { type: 'BertPreTokenizer' };
  return {
    type: 'Sequence',
    pretokenizers: [
      // Every alternative starts with a Chinese character: the lookahead lets every other position
      // fail at once instead of trying the trie's first branch (2.4x faster over English notes).
      { type: 'Split', pattern: { Regex: `(?=[${HAN}])(?:${longestWordPattern(zhWords)}|[${HAN}])` }, behavior: 'Isolated', invert: false },
      { type: 'BertPreTokenizer' },
    ],
  };
}

function preTokenizerOf(json: PreTokenizerJson) {
  if (json.type === 'BertPreTokenizer') return new BertPreTokenizer();
  return new SequencePreTokenizer({ pretokenizers: json.pretokenizers } as never);
}

/** The words texts split into before WordPiece: what the vocabulary is counted over. */
export function preTokenizer(zhWords: string[] = []): (text: string) => string[] {
  const normalizer = new BertNormalizer((zhWords.length ? WORDS_NORMALIZER : NORMALIZER) as never);
  const pre = preTokenizerOf(preTokenizerJson(zhWords));
  return (text) => pre.pre_tokenize(normalizer.normalize(text), {}) as string[];
}

/** The words a text splits into with every Chinese character its own token. */
export const preTokenize = preTokenizer();

export { isContentToken, isWeightedToken } from '../../shared/embed/tokens.ts';

export interface TokenizerJson {
  version: string;
  truncation: null;
  padding: null;
  added_tokens: Array<{ id: number; content: string; single_word: boolean; lstrip: boolean; rstrip: boolean; normalized: boolean; special: boolean }>;
  normalizer: typeof NORMALIZER | typeof WORDS_NORMALIZER;
  pre_tokenizer: PreTokenizerJson;
  post_processor: null;
  decoder: { type: 'WordPiece'; prefix: '##'; cleanup: true };
  model: { type: 'WordPiece'; unk_token: '[UNK]'; continuing_subword_prefix: '##'; max_input_chars_per_word: number; vocab: Record<string, number> };
}

/**
 * tokenizer.json for a vocabulary (special tokens first, then suffix pieces, then the words);
 * `zhWords`, when given, are Chinese words the pre-tokenizer keeps whole.
 */
export function buildTokenizerJson(words: string[], zhWords: string[] = []): TokenizerJson {
  const tokens = [...SPECIAL_TOKENS, ...SUFFIXES.map((s) => `##${s}`), ...words];
  const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: zhWords.length ? WORDS_NORMALIZER : NORMALIZER,
    pre_tokenizer: preTokenizerJson(zhWords),
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
