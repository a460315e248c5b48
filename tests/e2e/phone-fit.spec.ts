/**
 * Issue 19, items 1 and 3: every built page, in both languages, fits a 390 px phone screen,
 * and no zh page shows English UI chrome (one visit per page does both checks).
 * No isMobile emulation on purpose: a mobile viewport grows to the widest content, so
 * scrollWidth - innerWidth reads 0 even when a page is 892 px wide; here innerWidth stays 390.
 */
import { expect, test } from '@playwright/test';
import { builtPages, chunks } from './built-pages.ts';
import { englishChrome } from './english-chrome.ts';

const WIDTH = 390;
const CHUNKS = 4;

test.describe('every page fits a 390 px phone; zh pages speak Chinese', () => {
  test.use({ viewport: { width: WIDTH, height: 844 }, colorScheme: 'dark', hasTouch: true });
  test.describe.configure({ mode: 'parallel' });

  for (const lang of ['zh', 'en'] as const) {
    chunks(builtPages(lang), CHUNKS).forEach((pages, i) => {
      test(`${lang} pages, part ${i + 1} of ${CHUNKS}`, async ({ page }) => {
        test.setTimeout(120_000);
        const tooWide: string[] = [];
        const english: string[] = [];
        for (const path of pages) {
          await page.goto(path, { waitUntil: 'domcontentloaded' });
          if (lang === 'zh') for (const word of await englishChrome(page)) english.push(`${path}: ${word}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width <= WIDTH) continue;
          const culprit = await page.evaluate(() => {
            // Name the outermost elements that leave the screen (their parent still fits), to say what to fix.
            const culprits: string[] = [];
            for (const el of document.querySelectorAll('body *')) {
              const sticksOut = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
              if (culprits.length < 3 && sticksOut(el) && el.parentElement && !sticksOut(el.parentElement)) {
                const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
                culprits.push(el.tagName.toLowerCase() + cls);
              }
            }
            return culprits.join(', ');
          });
          tooWide.push(`${path}: ${width} px (${culprit})`);
        }
        expect(tooWide, `pages wider than ${WIDTH} px`).toEqual([]);
        expect(english, 'English words in the UI chrome of zh pages').toEqual([]);
        expect(pages.length).toBeGreaterThan(0);
      });
    });
  }
});
