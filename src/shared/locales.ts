/**
 * The languages the site speaks, and everything that differs per language outside the
 * UI strings tables (src/i18n/*.json): the BCP 47 tag for <html lang>, hreflang and
 * Intl, the CSL locale, and the words reference lists use. One table, read everywhere.
 * Runs in Node and in the browser.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

export interface Locale {
  /** BCP 47 tag for <html lang>, hreflang, Intl.Collator and Intl.Segmenter. */
  tag: 'zh-CN' | 'en';
  /** citeproc locale (src/citations/locales/). */
  csl: 'zh-CN' | 'en-US';
  /** Appended to a shortened author list. */
  etAl: string;
  /** Heading of a note's reference list. */
  references: string;
}

export const LOCALES: Record<Lang, Locale> = {
  zh: { tag: 'zh-CN', csl: 'zh-CN', etAl: ' 等', references: '参考文献' },
  en: { tag: 'en', csl: 'en-US', etAl: ' et al.', references: 'References' },
};

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The <html lang> tag for a language. */
export function langTag(lang: Lang): Locale['tag'] {
  return LOCALES[lang].tag;
}
