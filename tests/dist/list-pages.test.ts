/**
 * The paper list and the translation status table over the built site (dist/, or DEEPATLAS_DIST),
 * one page or many (src/data/paper-list-pages.ts, translation-pages.ts): every paper and every
 * pair is listed exactly once, the pages link each other, and a paper's year link lands on the
 * page that lists it. On the real site this checks the one-page form; on a large synthetic
 * build (npm run gen:synthetic) the pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PAPER_LIST_PAGE_SIZE } from '../../src/data/paper-list-pages.ts';
import { TRANSLATION_PAGE_SIZE } from '../../src/data/translation-pages.ts';
import { PAIR_STATES, type PairState } from '../../src/pipeline/translation-status.ts';
import { LANGS } from '../../src/shared/locales.ts';

const dist = path.resolve(process.env.DEEPATLAS_DIST ?? 'dist');
const base = (process.env.DEEPATLAS_BASE ?? '/').replace(/\/$/, '');
const read = (url: string) => fs.readFileSync(path.join(dist, url.slice(base.length), 'index.html'), 'utf8');
const digitDirs = (dir: string) => fs.readdirSync(path.join(dist, dir)).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
/** A list's pages: page 1 at its own address, then /<n>/ for each numbered folder. */
const listPages = (lang: string, list: string) => [`${base}/${lang}/${list}/`, ...digitDirs(`${lang}/${list}`).map((n) => `${base}/${lang}/${list}/${n}/`)];
/** The hrefs of a page's pager, in order, and the one marked current. */
function pager(html: string, testId: string): { hrefs: string[]; current: string[] } | undefined {
  const nav = html.match(new RegExp(`<nav[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</nav>`))?.[1];
  if (nav === undefined) return undefined;
  const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?/g)];
  return { hrefs: links.map((m) => m[1]!), current: links.filter((m) => m[2]).map((m) => m[1]!) };
}

function checkPager(pages: string[], testId: string) {
  for (const url of pages) {
    const nav = pager(read(url), testId);
    if (pages.length === 1) {
      assert.equal(nav, undefined, `${url}: a one-page list has no pager`);
      continue;
    }
    assert.ok(nav, `${url}: no pager`);
    assert.deepEqual(nav.hrefs, pages, `${url}: the pager links every page, in order`);
    assert.deepEqual(nav.current, [url], `${url}: the pager marks this page as current`);
  }
}

for (const lang of LANGS) {
  test(`${lang}: every paper is listed once, pages of at most the page size, newest first, linked both ways`, () => {
    const papers = fs.readdirSync(path.join(dist, lang, 'papers')).filter((d) => !/^\d+$/.test(d) && fs.existsSync(path.join(dist, lang, 'papers', d, 'index.html')));
    const pages = listPages(lang, 'papers');
    checkPager(pages, 'paper-list-pages');
    const listedOn = new Map<string, string>();
    const years: number[] = [];
    for (const url of pages) {
      const html = read(url);
      // The by-year list only: on one page the by-venue aside lists the papers again.
      const byYear = html.slice(html.indexOf('<main'), html.indexOf('class="meta"'));
      const ids = [...byYear.matchAll(new RegExp(`<li><a href="${base}/${lang}/papers/([^/"]+)/"`, 'g'))].map((m) => m[1]!).filter((id) => !/^\d+$/.test(id)); // not the pager's links
      if (pages.length > 1) {
        assert.ok(ids.length > 0 && ids.length <= PAPER_LIST_PAGE_SIZE, `${url}: ${ids.length} papers, page size ${PAPER_LIST_PAGE_SIZE}`);
        assert.doesNotMatch(html.slice(html.indexOf('class="meta"')), /data-kind="paper"/, `${url}: the venue aside has counts only`);
      }
      for (const id of ids) {
        assert.ok(!listedOn.has(id), `${id} is listed on ${listedOn.get(id)} and again on ${url}`);
        listedOn.set(id, url);
      }
      years.push(...[...byYear.matchAll(/<section id="year-(\d+)">/g)].map((m) => Number(m[1])));
    }
    assert.deepEqual([...listedOn.keys()].sort(), [...papers].sort(), 'the list pages together list every paper page');
    assert.deepEqual(years, [...years].sort((a, b) => b - a), 'years run newest first across the pages');
    // A paper's breadcrumb year leads to the page that lists it, to its year's section there.
    for (const id of papers) {
      const href = read(`${base}/${lang}/papers/${id}/`).match(/<nav class="breadcrumbs"[\s\S]*?<a href="([^"]+#year-(\d+))"/);
      assert.ok(href, `${id}: no year link in the breadcrumbs`);
      const [url, anchor] = href[1]!.split('#');
      assert.equal(url, listedOn.get(id), `${id}: the year link goes to the page that lists it`);
      const list = read(url!);
      const section = list.slice(list.indexOf(`<section id="${anchor}">`));
      assert.ok(section.slice(0, section.indexOf('</section>')).includes(`/${lang}/papers/${id}/"`), `${id}: listed under #${anchor} on ${url}`);
    }
  });

  test(`${lang}: every translation pair is listed once, work to do first; every page counts all pairs`, () => {
    const pages = listPages(lang, 'translations');
    checkPager(pages, 'translation-pages');
    const seen = new Set<string>();
    const states: PairState[] = [];
    let counts: string | undefined;
    for (const url of pages) {
      const html = read(url);
      const rows = [...html.matchAll(/<tr data-state="([^"]+)" data-entity="([^"]+)"/g)];
      if (pages.length > 1) assert.ok(rows.length > 0 && rows.length <= TRANSLATION_PAGE_SIZE, `${url}: ${rows.length} rows, page size ${TRANSLATION_PAGE_SIZE}`);
      for (const [, state, entity] of rows) {
        assert.ok(!seen.has(entity!), `${entity} listed twice (again on ${url})`);
        seen.add(entity!);
        states.push(state as PairState);
      }
      const pageCounts = [...html.matchAll(/class="tag" data-state="([^"]+)"[^>]*>[^<]*?(\d+)</g)].map((m) => `${m[1]}:${m[2]}`).join(' ');
      counts ??= pageCounts;
      assert.equal(pageCounts, counts, `${url}: the same counts of all pairs as page 1`);
    }
    const order = states.map((s) => PAIR_STATES.indexOf(s));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'pairs in state order across the pages: work to do first');
    const counted = counts!.split(' ').filter(Boolean).map((c) => c.split(':') as [PairState, string]);
    assert.deepEqual(counted.map(([s, n]) => [s, Number(n)]), PAIR_STATES.map((s) => [s, states.filter((x) => x === s).length]).filter(([, n]) => n), 'the counts match the rows of all pages');
  });
}
