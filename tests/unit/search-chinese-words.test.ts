import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTokenizerJson, encode, loadTokenizer, longestWordPattern, preTokenizer } from '../../src/pipeline/embed/tokenizer.ts';
import { segmentHan, ZhLexicon } from '../../src/shared/search/zh-words.ts';
import { chinesePhrases, lexiconOfPages } from '../../src/shared/search/zh-query.ts';

const lexicon = new ZhLexicon(['学习率', '梯度下降', '批归一化', '学习', 'x', '率']);

test('the lexicon keeps words of two or more Chinese characters only', () => {
  assert.equal(lexicon.size, 4);
});

test('Chinese is cut at the knowledge base words first, longest first, and ICU cuts the rest', () => {
  assert.deepEqual(segmentHan('学习率太大', lexicon).slice(0, 1), ['学习率']);
  assert.equal(segmentHan('学习率太大', lexicon).join(''), '学习率太大');
  // ICU alone splits 批归一化 into pieces; the lexicon keeps it whole.
  assert.ok(segmentHan('使用批归一化的网络', lexicon).includes('批归一化'));
  assert.ok(!new Intl.Segmenter('zh', { granularity: 'word' }).segment('批归一化')[Symbol.iterator]().next().value!.segment.startsWith('批归一化'));
});



test('the corpus tokenizer keeps lexicon words whole, and single characters otherwise', () => {
  const words = ['学习率', '学', '习', '率', '太', '大', 'rate'];
  const json = buildTokenizerJson(words, ['学习率']);
  const tokenizer = loadTokenizer(json);
  const tokens = encode(tokenizer, '学习率太大 rate').map((id) => Object.keys(json.model.vocab)[id]);
  assert.deepEqual(tokens, ['学习率', '太', '大', 'rate']);
  assert.deepEqual(preTokenizer(['学习率'])('学习率太大'), ['学习率', '太', '大']);
  // Without a lexicon every Chinese character is its own token, as BERT does.
  const chars = buildTokenizerJson(words);
  assert.deepEqual(encode(loadTokenizer(chars), '学习率').map((id) => Object.keys(chars.model.vocab)[id]), ['学', '习', '率']);
});

test('a Chinese query must find its words whole: always the site\'s words, ICU\'s words only for a topic', () => {
  const pages = [{ key: 'concept:learning-rate', lang: 'zh', url: '', title: '学习率', kind: 'concept' }, { key: 'concept:bn', lang: 'zh', url: '', title: '批归一化', kind: 'concept', aliases: ['BN', '批量归一化'] }];
  const lex = lexiconOfPages(pages);
  assert.ok(lex.has('批量归一化') && lex.has('学习率'));
  assert.deepEqual(chinesePhrases('学习率', lex, { question: false }), ['学习率']);
  assert.deepEqual(chinesePhrases('量子纠缠', lex, { question: false }).sort(), ['纠缠', '量子'].sort());
  assert.deepEqual(chinesePhrases('学习率太大会', lex, { question: true }), ['学习率']);
  assert.deepEqual(chinesePhrases('gradient descent', lex, { question: false }), []);
});


test('the trie pattern matches what a longest-first alternation of the words matches', () => {
  const words = ['学习', '学习率', '深度学习', '深度', '注意力', '自注意力', '自注意力机制', '批归一化', '归一化', '层归一化', 'c++', 'a.b'];
  const trie = new RegExp(longestWordPattern(words), 'gu');
  const flat = new RegExp([...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'gu');
  const texts = ['深度学习的学习率', '自注意力机制和自注意力', '层归一化与批归一化不同于归一化', '深度学', 'c++ 与 a.b 和 axb', '学习率学习深度'];
  for (const text of texts) assert.deepEqual(text.match(trie), text.match(flat), text);
  assert.deepEqual('自注意力机制'.match(trie), ['自注意力机制']);
});
