/**
 * Pagefind's excerpts made readable. Pagefind cuts a window of words out of the page and wraps
 * the matches in <mark>; it adds no ellipsis, so a window that starts inside a Chinese sentence
 * reads as if it started mid-word. Pure string code (no DOM), so it is unit-tested in Node.
 */

/** Han, kana, Hangul and the CJK punctuation and full-width forms. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef';
const MARKS = '(?:</?mark>)*';
/** A space Pagefind keeps between two CJK characters (text indexed pre-segmented, 学习 率), marks allowed around it. */
const CJK_GAP = new RegExp(`([${CJK}])(${MARKS})[ \\t\\u00a0]+(${MARKS})(?=[${CJK}])`, 'gu');
/** Numeric citation markers, "[1]", "[1 ]", "[2, 5]", "[1-3]": debris without their cards. */
const CITATION = /\s?\[\s*\d+(?:\s*[-–,，]\s*\d+)*\s*\]/g;
/** What a window may start with that belongs to the words before it. */
const LEADING_DEBRIS = /^[\s,.;:!?)\]}、，。；：！？）》」』】]+/u;
const SENTENCE_END = /[.!?。！？…]$/u;

const plain = (html: string) => html.replace(/<\/?mark>/g, '');

/**
 * A window that starts inside a formula's TeX ("{n \\times d}： n：…") loses the formula up to
 * where its braces close and a space or punctuation follows.
 */
function dropTexFragment(text: string): string {
  if (!/^[{}^_]/.test(text)) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (depth <= 0 && /[\s:;,：；，。]/u.test(c)) return text.slice(i);
  }
  return '';
}

/**
 * `title`: the page's title; a window that starts with it starts at the top of the page, so it
 * gets no leading ellipsis. Everything else starts inside the text and says so with "…".
 */
export function tidyExcerpt(excerpt: string, title = ''): string {
  let text = excerpt.replace(CITATION, '').replace(CJK_GAP, '$1$2$3').replace(/\s+/g, ' ').trim();
  // "宽度为 ，": a space before CJK punctuation is always debris of something left out.
  text = text.replace(new RegExp(`\\s+(${MARKS}[，。；：、！？）])`, 'gu'), '$1');
  // Two marked words in a row read as one highlight.
  text = dropTexFragment(text.replace(/<\/mark>(\s*)<mark>/g, '$1')).replace(LEADING_DEBRIS, '').trim();
  if (!text) return '';
  const start = plain(text);
  const atTop = title !== '' && start.startsWith(title.trim());
  return `${atTop ? '' : '…'}${text}${SENTENCE_END.test(start) ? '' : '…'}`;
}
