/** Which language version of a page to show, falling back to the other one. */
import { otherLang, type Lang } from '../shared/locales.ts';

export interface PickedTranslation<T> {
  value: T;
  /** The language the value is written in. */
  lang: Lang;
  /** True when the requested language is missing and the other one is shown. */
  fallback: boolean;
}

export function pickTranslation<T>(byLang: Partial<Record<Lang, T>>, lang: Lang): PickedTranslation<T> | undefined {
  const own = byLang[lang];
  if (own !== undefined) return { value: own, lang, fallback: false };
  const other = byLang[otherLang(lang)];
  return other === undefined ? undefined : { value: other, lang: otherLang(lang), fallback: true };
}
