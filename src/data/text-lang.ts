/**
 * The lang attribute for names that stay in their own language on a Chinese page (English
 * paper titles, authors, venues): screen readers then pronounce them as English, and the
 * zh-chrome check knows them for data, not UI.
 */
const CJK = /[\u2e80-\u9fff\uff00-\uffef]/u;

export function latinLang(text: string): 'en' | undefined {
  return /[A-Za-z]/.test(text) && !CJK.test(text) ? 'en' : undefined;
}
