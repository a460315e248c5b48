/**
 * Query understanding, before both engines run: what kind of page the reader asks for
 * ("LSTM 论文", "NLP course"), the words that only make a question a question ("how do I",
 * "为什么"), and a few cross-language expansions the site's own names do not cover.
 */
/** A kind of page the query names: an entity kind, or a resource category. */
export interface KindIntent {
  kind: 'paper' | 'resource';
  category?: string;
}

// Longest first, so "原论文" is removed before "论文".
const KIND_WORDS: Array<[string, KindIntent]> = [
  ['原始论文', { kind: 'paper' }], ['原论文', { kind: 'paper' }], ['论文', { kind: 'paper' }], ['papers', { kind: 'paper' }], ['paper', { kind: 'paper' }],
  ['公开课', { kind: 'resource', category: 'course' }], ['课程', { kind: 'resource', category: 'course' }], ['courses', { kind: 'resource', category: 'course' }], ['course', { kind: 'resource', category: 'course' }],
  ['数据集', { kind: 'resource', category: 'dataset' }], ['datasets', { kind: 'resource', category: 'dataset' }], ['dataset', { kind: 'resource', category: 'dataset' }], ['data set', { kind: 'resource', category: 'dataset' }],
  ['框架', { kind: 'resource', category: 'tool' }], ['工具包', { kind: 'resource', category: 'tool' }],
  ['frameworks', { kind: 'resource', category: 'tool' }], ['framework', { kind: 'resource', category: 'tool' }], ['libraries', { kind: 'resource', category: 'tool' }], ['library', { kind: 'resource', category: 'tool' }], ['toolkit', { kind: 'resource', category: 'tool' }],
  ['顶会', { kind: 'resource', category: 'conference' }], ['会议', { kind: 'resource', category: 'conference' }], ['conferences', { kind: 'resource', category: 'conference' }], ['conference', { kind: 'resource', category: 'conference' }],
];

// Question words: they carry no topic, and Pagefind wants every query word on a page.
const EN_STOP = new Set('a an the how do does did i we you my your is are was were be been what whats which why when where who can could should would will to of in on for with from and or it its that this these those there than then so at by as about into make get me us any some all not no between during'.split(' '));
const ZH_STOP = ['为什么', '为何', '怎么办', '怎么样', '怎么', '怎样', '如何', '什么是', '是什么', '什么', '是不是', '有没有', '能不能', '会不会', '哪些', '哪个', '我们', '我的', '一下', '呢', '吗', '啊', '吧', '的', '了', '我'];

/**
 * Words students use that the site's names do not pair across languages (the LSI model learns
 * pairs from the zh/en notes; these are the everyday words around them). Small on purpose.
 */
const GLOSSARY: Array<[string, string]> = [
  ['谷歌', 'Google'], ['双向', 'bidirectional'], ['根号', 'square root sqrt'], ['平方根', 'square root'], ['显存', 'GPU memory'],
  ['图片', 'image'], ['照片', 'photo image'], ['单词', 'word'], ['句子', 'sentence'], ['文章', 'text document'], ['评论', 'review'],
  ['好评', 'positive'], ['差评', 'negative'], ['训练集', 'training set'], ['测试集', 'test set'], ['验证集', 'validation set'],
  ['深层', 'deep'], ['很深', 'very deep'], ['记住', 'memorize'], ['消失', 'vanish'], ['爆炸', 'explode'], ['概率', 'probability'],
];

export interface UnderstoodQuery {
  /** As typed, trimmed. */
  raw: string;
  /** Lower case, without the kind words: what the reader is looking for. */
  core: string;
  /** The core without question words, for Pagefind (its results must contain every word). */
  keywords: string;
  /**
   * The query without question and function words, with cross-language expansions: what the
   * embedder reads. A mean of token vectors drifts toward "how", "do", "的" when they stay.
   */
  semantic: string;
  /**
   * The query as typed, with the expansions: what semantic search matches word for word (BM25
   * weighs common words down itself, and pages' questions share the question words).
   */
  lexical: string;
  intent?: KindIntent;
  /**
   * Asked as a question or described in the reader's own words ("为什么…", "how do I…", "模型记住了
   * 训练集"), rather than by a name or a topic of a few words: semantic search should lead.
   */
  question: boolean;
}

// Words that make a query a question rather than a topic or a name.
const EN_QUESTION = /(^|[^a-z])(how|why|what|whats|which|when|where|who|can|does|do|is|are|should)([^a-z]|$)/;
const ZH_QUESTION = ['为什么', '为何', '怎么', '怎样', '如何', '什么', '是不是', '有没有', '能不能', '会不会', '哪些', '哪个', '吗', '呢'];

function removeAll(text: string, word: string): string {
  return /^[a-z ]+$/.test(word) ? text.replace(new RegExp(`(?<![a-z0-9])${word}(?![a-z0-9])`, 'g'), ' ') : text.split(word).join(' ');
}

/** The text (lower case) without the words that name a kind, and the first kind named. */
export function withoutKindWords(text: string): { core: string; intent?: KindIntent } {
  const lower = text.normalize('NFKC').toLowerCase();
  let core = lower;
  let intent: KindIntent | undefined;
  for (const [word, kind] of KIND_WORDS) {
    const without = removeAll(core, word);
    if (without !== core) {
      intent ??= kind;
      core = without;
    }
  }
  core = core.replace(/\s+/g, ' ').trim();
  // "LSTM 论文" is about LSTM; a query that is only a kind word keeps it.
  return { core: core || lower, ...(intent ? { intent } : {}) };
}

/** The text without question and function words ("how do I", "为什么", "的"). */
function withoutStopWords(text: string): string {
  let out = text;
  for (const word of ZH_STOP) out = out.split(word).join(' ');
  return out.split(/\s+/).filter((w) => w && !EN_STOP.has(w.replace(/[?？!！.,，。]+$/u, ''))).join(' ').replace(/[?？!！。]+/gu, ' ').trim();
}

export function understand(query: string): UnderstoodQuery {
  const raw = query.trim();
  const { core, intent } = withoutKindWords(raw);
  const keywords = withoutStopWords(core);
  const expansions = GLOSSARY.flatMap(([zh, en]) => (core.includes(zh) ? [en] : []));
  const latinWords = core.match(/[a-z0-9]+/g)?.length ?? 0;
  const hanChars = core.match(/\p{Script=Han}/gu)?.length ?? 0;
  const question = EN_QUESTION.test(core) || ZH_QUESTION.some((w) => core.includes(w)) || /[?？]/u.test(raw) || latinWords >= 4 || hanChars >= 7;
  return { raw, core, keywords: keywords || core, semantic: [withoutStopWords(raw.normalize('NFKC').toLowerCase()) || raw, ...expansions].join(' '), lexical: [raw, ...expansions].join(' '), ...(intent ? { intent } : {}), question };
}
