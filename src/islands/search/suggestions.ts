/** When a search finds nothing: the nearest names ("did you mean") and the concept list. */
import { isLang } from '../../shared/locales.ts';
import type { NameIndex } from '../../shared/search/names.ts';
import { sectionPath, withBase } from '../../shared/urls.ts';
import type { Strings } from './strings.ts';

export function renderSuggestions(box: HTMLElement, names: NameIndex | undefined, query: string, lang: string, base: string, strings: Strings) {
  const near = names?.suggest(query) ?? [];
  const parts: Array<string | HTMLElement> = [];
  if (near.length) {
    parts.push(`${strings['search.didYouMean'] ?? ''} `);
    near.forEach(({ name, key }, i) => {
      const page = names!.page(key, lang);
      if (!page) return;
      if (i > 0) parts.push(lang === 'zh' ? '、' : ', ');
      parts.push(Object.assign(document.createElement('a'), { href: page.url, textContent: name }));
    });
    parts.push(' · ');
  }
  if (isLang(lang)) parts.push(Object.assign(document.createElement('a'), { href: withBase(base, sectionPath(lang, 'concept')), textContent: strings['search.browseConcepts'] ?? '' }));
  box.replaceChildren(...parts);
  box.hidden = false;
}
