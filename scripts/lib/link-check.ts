/**
 * Internal links of the built site: every link and #anchor resolves, every zh page has its en
 * twin and back, and every page is linked from some other page. Pure: takes the pages' facts
 * and a test for files that are not HTML pages (downloads such as /cite/<key>.bib).
 */
import type { PageFacts } from './dist-pages.ts';

export interface LinkProblem {
  page: string;
  problem: string;
}

/** Pages nobody needs to link to: the root redirect and the not-found page. */
const ENTRY_PAGES = new Set(['/', '/404.html']);

export function checkLinks(pages: PageFacts[], fileExists: (sitePath: string) => boolean, base = '/'): LinkProblem[] {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const problems: LinkProblem[] = [];
  const linkedFrom = new Map<string, number>();
  for (const page of pages) {
    for (const href of page.links) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // another site, mailto:, data:
      const target = new URL(href, `http://site${page.url}`);
      let pathname = decodeURIComponent(target.pathname);
      if (!pathname.startsWith(base)) {
        problems.push({ page: page.url, problem: `link "${href}" leaves the site's base ${base}` });
        continue;
      }
      pathname = '/' + pathname.slice(base.length);
      const targetPage = byUrl.get(pathname) ?? byUrl.get(pathname.endsWith('/') ? pathname : `${pathname}/`);
      if (!targetPage && !fileExists(pathname)) {
        problems.push({ page: page.url, problem: `broken link "${href}": no page or file at ${pathname}` });
        continue;
      }
      if (targetPage && targetPage.url !== page.url) linkedFrom.set(targetPage.url, (linkedFrom.get(targetPage.url) ?? 0) + 1);
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && targetPage && !targetPage.ids.has(anchor)) problems.push({ page: page.url, problem: `broken anchor "${href}": no id="${anchor}" on ${targetPage.url}` });
    }
  }
  for (const page of pages) {
    const m = /^\/(zh|en)\/(.*)$/.exec(page.url);
    if (m) {
      const twin = `/${m[1] === 'zh' ? 'en' : 'zh'}/${m[2]}`;
      if (!byUrl.has(twin)) problems.push({ page: page.url, problem: `no ${m[1] === 'zh' ? 'English' : 'Chinese'} twin at ${twin}` });
    }
    if (!ENTRY_PAGES.has(page.url) && !linkedFrom.has(page.url)) problems.push({ page: page.url, problem: 'orphan: no other page links here' });
  }
  return problems;
}
