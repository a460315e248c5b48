import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
const srv = await serveStatic('dist');
const b = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const p = await b.newPage();
for (const [lang, qs] of [['en', []]] as const) {
  await p.goto(`${srv.url}/${lang}/search/`);
  await p.waitForFunction(() => (window as any).deepatlasSearch);
  for (const q of qs) {
    const r = await p.evaluate(async (q) => { const pf = await import('/pagefind/pagefind.js'); const res = await pf.search(q, {filters: {}}); const d = await Promise.all(res.results.slice(0, 4).map((x: any) => x.data())); return { f: res.filters, ex: d.map((x: any) => x.excerpt) }; }, q);
    console.log(lang, q, JSON.stringify(r.ex, null, 0));
  }
}
const r = await p.evaluate(async () => { const pf = await import('/pagefind/pagefind.js'); const a = await pf.search('attention', {filters: {type: [], year: ['2017'], kind: []}}); const b = await pf.search('attention', {filters: {type: [], year: [], kind: []}}); const n = await pf.search(null, {filters: {type: [], year: []}}); return { a: a.filters, at: a.results.length, b: b.filters, bt: b.results.length, tb: b.totalFilters, n: n.results.length, nf: n.filters }; });
console.log(JSON.stringify(r));
await b.close(); srv.stop();
