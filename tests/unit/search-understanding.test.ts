import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchHit, SearchPage } from '../../src/shared/search/contract.ts';
import { filterByFacets } from '../../src/shared/search/combine.ts';
import { NameIndex, compact } from '../../src/shared/search/names.ts';
import { DEFAULT_WEIGHTS, fuseRanked, namedPages } from '../../src/shared/search/rank.ts';
import { understand } from '../../src/shared/search/understand.ts';

const p = (key: string, lang: string, title: string, extra: Partial<SearchPage> = {}): SearchPage => ({ key, lang, url: `/${lang}/${key}/`, title, kind: key.split(':')[0]!, ...extra });
const pages: SearchPage[] = [
  p('concept:lstm', 'zh', '长短期记忆网络', { aliases: ['LSTM', '长短期记忆'], papers: ['paper:hochreiter1997long'] }),
  p('concept:lstm', 'en', 'Long short-term memory', { aliases: ['LSTM', '长短期记忆'], papers: ['paper:hochreiter1997long'] }),
  p('concept:learning-rate', 'zh', '学习率', { aliases: ['LR', 'step size'] }),
  p('concept:learning-rate', 'en', 'Learning rate', { aliases: ['LR', 'step size'] }),
  p('paper:hochreiter1997long', 'zh', 'Long Short-Term Memory', { year: 1997 }),
  p('paper:hochreiter1997long', 'en', 'Long Short-Term Memory', { year: 1997 }),
  p('paper:krizhevsky2012imagenet', 'en', 'ImageNet Classification with Deep Convolutional Neural Networks', { year: 2012, aliases: ['AlexNet'] }),
  p('resource:cs224n', 'en', 'CS224n', { category: 'course', aliases: ['Stanford CS224n'] }),
  p('resource:dall', 'en', 'DALL·E', {}),
];
const names = new NameIndex(pages);
const hit = (key: string, extra: Partial<SearchHit> = {}): SearchHit => ({ key, url: `/${key}/`, title: key, kind: key.split(':')[0]!, ...extra });
/** Plain reciprocal-rank fusion: one k and one weight for both engines, no lead bonus. */
const plainRrf = { ...DEFAULT_WEIGHTS, kSemantic: DEFAULT_WEIGHTS.k, keyword: 1, semantic: 1, questionKeyword: 1, questionSemantic: 1, semanticLead: 0 };

test('names compare without case, spaces and punctuation', () => {
  assert.equal(compact('DALL-E'), compact('dall·e'));
  assert.deepEqual(names.exactly('alexnet'), ['paper:krizhevsky2012imagenet']);
  assert.deepEqual(names.exactly('DALL-E'), ['resource:dall']);
  assert.deepEqual(names.exactly('long short term memory').sort(), ['concept:lstm', 'paper:hochreiter1997long']);
});

test('a longer query mentions names, longest first; latin names only as whole words', () => {
  assert.deepEqual(names.mentions('为什么学习率太大会发散').map((m) => m.keys), [['concept:learning-rate']]);
  assert.deepEqual(names.mentions('lstm 长短期记忆网络 原理').map((m) => m.name), ['长短期记忆网络', 'lstm']);
  // "lr" inside "clrs" is no mention.
  assert.deepEqual(names.mentions('clrs book'), []);
});

test('kind words become an intent and leave the query; question words leave the keywords', () => {
  const q = understand('LSTM 论文');
  assert.deepEqual(q.intent, { kind: 'paper' });
  assert.equal(q.core, 'lstm');
  assert.deepEqual(understand('Transformer 原论文').intent, { kind: 'paper' });
  assert.equal(understand('Transformer 原论文').core, 'transformer');
  assert.deepEqual(understand('斯坦福 自然语言处理 课程').intent, { kind: 'resource', category: 'course' });
  assert.equal(understand('how do I pick a learning rate?').keywords, 'pick learning rate');
  assert.equal(understand('为什么要除以根号d').keywords, '要除以根号d');
  assert.match(understand('谷歌的双向语言模型').semantic, /Google.*bidirectional/);
  // The embedder reads the topic words; the lexical match sees the query as typed.
  assert.equal(understand('How do I stop my loss from exploding?').semantic, 'stop loss exploding');
  assert.equal(understand('为什么要除以根号d').semantic, '要除以根号d square root sqrt');
  assert.equal(understand('How do I stop my loss from exploding?').lexical, 'How do I stop my loss from exploding?');
  assert.equal(understand('the').semantic, 'the', 'a query of question words only is kept as it is');
  // A query that is only a kind word is kept as typed.
  assert.equal(understand('papers').core, 'papers');
  assert.equal(understand('papers').keywords, 'papers');
});

test('a named concept with a paper intent resolves to its founding paper', () => {
  const lstmPages = pages.map((page) => (page.papers ? { ...page, papers: ['paper:hochreiter1997long'] } : page));
  const index = new NameIndex(lstmPages);
  assert.deepEqual(namedPages(understand('LSTM 论文'), index, 'zh').exact, ['paper:hochreiter1997long']);
  // Without the intent the concept itself is named.
  assert.deepEqual(namedPages(understand('LSTM'), index, 'zh').exact, ['concept:lstm']);
});

test('an exact name beats both engines; a kind intent lifts that kind', () => {
  const keyword = [hit('concept:cnn', { excerpt: 'AlexNet won' }), hit('concept:dropout')];
  const semantic = [hit('concept:cnn', { similarity: 0.5 }), hit('paper:krizhevsky2012imagenet', { similarity: 0.4 })];
  const fused = fuseRanked({ query: understand('AlexNet'), keyword, semantic, names, lang: 'en' });
  assert.equal(fused[0]!.key, 'paper:krizhevsky2012imagenet');
  assert.equal(fused[0]!.semanticOnly, true);
  assert.equal(fused[1]!.excerpt, 'AlexNet won');
  assert.equal(fused[1]!.similarity, 0.5);
  // A page only the names know still appears, in the reader's language.
  const alone = fuseRanked({ query: understand('AlexNet'), keyword: [], semantic: [], names, lang: 'en' });
  assert.deepEqual(alone.map((h) => h.url), ['/en/paper:krizhevsky2012imagenet/']);
  // "NLP course": the course outranks a concept both engines put first.
  const course = fuseRanked({ query: understand('nlp course'), keyword: [hit('concept:nlp')], semantic: [hit('concept:nlp'), hit('resource:cs224n', { category: 'course' })], names, lang: 'en' });
  assert.equal(course[0]!.key, 'resource:cs224n');
});

test('without names, fusion is reciprocal-rank fusion of the two lists; by default semantic ranks weigh more', () => {
  const input = { query: understand('x'), keyword: [hit('concept:a'), hit('concept:b')], semantic: [hit('concept:b'), hit('concept:c')], lang: 'en' };
  assert.deepEqual(fuseRanked(input, plainRrf).map((h) => h.key), ['concept:b', 'concept:a', 'concept:c']);
  assert.deepEqual(fuseRanked(input).map((h) => h.key), ['concept:b', 'concept:c', 'concept:a']);
});

test('the year filter applies to semantic hits; a filter the index cannot check drops them', () => {
  const hits = [hit('paper:a', { year: 1997 }), hit('paper:b', { year: 2013 }), hit('concept:c')];
  assert.deepEqual(filterByFacets(hits, { year: ['1997'] }).map((h) => h.key), ['paper:a']);
  assert.deepEqual(filterByFacets(hits, { venue: ['NeurIPS'] }), []);
  assert.equal(filterByFacets(hits, { type: ['Paper'], year: [] }).length, 3);
});

test('a query that found nothing gets the nearest names, not far-fetched ones', () => {
  assert.equal(names.suggest('AlexNte')[0]?.key, 'paper:krizhevsky2012imagenet');
  assert.equal(names.suggest('lerning rate')[0]?.name, 'Learning rate');
  assert.deepEqual(names.suggest('qqqxyzzyqqq'), []);
  assert.deepEqual(names.suggest('lr'), []);
});

test('an alias with a kind word ("GPT-3 paper") names its page only for a query asking for that kind', () => {
  const withKinds = new NameIndex([
    p('paper:brown2020language', 'en', 'Language Models are Few-Shot Learners', { year: 2020, aliases: ['GPT-3 paper'] }),
    p('paper:deng2009imagenet', 'en', 'ImageNet: A Large-Scale Hierarchical Image Database', { year: 2009, aliases: ['ImageNet paper'] }),
    p('resource:imagenet', 'en', 'ImageNet', { category: 'dataset' }),
  ]);
  assert.deepEqual(namedPages(understand('GPT-3 论文'), withKinds, 'en').exact, ['paper:brown2020language']);
  assert.deepEqual(namedPages(understand('GPT-3 paper'), withKinds, 'en').exact, ['paper:brown2020language']);
  // "ImageNet" alone is the dataset; the paper's alias does not claim it.
  assert.deepEqual(namedPages(understand('ImageNet'), withKinds, 'en').exact, ['resource:imagenet']);
  assert.deepEqual(namedPages(understand('ImageNet paper'), withKinds, 'en').exact, ['paper:deng2009imagenet']);
});

test('questions and descriptions are told apart from names and topics', () => {
  for (const q of ['为什么要除以根号d', 'how do I pick a learning rate', '一个模型太大放不进一张显卡', 'model memorizes all training examples', '学习率太大会怎样？']) assert.equal(understand(q).question, true, q);
  for (const q of ['学习率', 'AlexNet', 'gradient descent', 'LSTM 论文', '卷积神经网络']) assert.equal(understand(q).question, false, q);
});

test('framework and library are kind words for tools', () => {
  assert.deepEqual(understand('PyTorch 框架').intent, { kind: 'resource', category: 'tool' });
  assert.deepEqual(understand('Hugging Face Transformers library').intent, { kind: 'resource', category: 'tool' });
  // 工具 alone is not one: "工具调用" (tool use) is a concept.
  assert.equal(understand('大模型怎么调用外部工具').intent, undefined);
});

test('fusion: a typo of a name lifts that page, and without a kind asked, concepts lead papers on a tie', () => {
  const typo = fuseRanked({ query: understand('lerning rate'), keyword: [], semantic: [hit('concept:lstm'), hit('concept:learning-rate')], names, lang: 'en' }, { ...DEFAULT_WEIGHTS, nearName: 0.02 });
  assert.equal(typo[0]!.key, 'concept:learning-rate');
  // A tie: each engine ranks its page first and both weigh the same for this question.
  const even = plainRrf;
  const tie = fuseRanked({ query: understand('how are long sequences remembered'), keyword: [hit('paper:hochreiter1997long')], semantic: [hit('concept:lstm')], lang: 'en' }, { ...even, conceptPrior: 0.02 });
  assert.deepEqual(tie.map((h) => h.key), ['concept:lstm', 'paper:hochreiter1997long']);
  const noPrior = fuseRanked({ query: understand('how are long sequences remembered'), keyword: [hit('paper:hochreiter1997long')], semantic: [hit('concept:lstm')], lang: 'en' }, { ...even, conceptPrior: 0 });
  assert.equal(noPrior[0]!.key, 'paper:hochreiter1997long');
});

test('fusion: questions can weigh the engines differently from topics', () => {
  const input = { query: understand('why do long sequences break my network'), keyword: [hit('paper:hochreiter1997long'), hit('concept:lstm')], semantic: [hit('concept:lstm'), hit('paper:hochreiter1997long')], lang: 'en' };
  const weights = { ...plainRrf, conceptPrior: 0 };
  assert.equal(fuseRanked(input, { ...weights, questionKeyword: 2, questionSemantic: 1 })[0]!.key, 'paper:hochreiter1997long');
  assert.equal(fuseRanked(input, { ...weights, questionKeyword: 1, questionSemantic: 2 })[0]!.key, 'concept:lstm');
});

test('fusion: a smaller kSemantic widens the step from semantic search first page to its second', () => {
  const even = { ...plainRrf, conceptPrior: 0 };
  // Semantic first = the LSTM concept, second = the paper, which keyword search puts first.
  const both = { query: understand('gating memory'), keyword: [hit('paper:hochreiter1997long')], semantic: [hit('concept:lstm'), hit('paper:hochreiter1997long')], lang: 'en' };
  assert.equal(fuseRanked(both, even)[0]!.key, 'paper:hochreiter1997long', 'k = 60: one keyword vote outweighs one semantic rank');
  assert.equal(fuseRanked(both, { ...even, semantic: 5 })[0]!.key, 'paper:hochreiter1997long', 'k = 60: even at 5 times the weight');
  const scale = (2 + 1) / (60 + 1);
  assert.equal(fuseRanked(both, { ...even, kSemantic: 2, semantic: 5 * scale })[0]!.key, 'concept:lstm', 'k = 2 for semantic, the same first vote: its first rank now leads its second by more than one keyword vote');
});
