import { buildSite } from '../src/pipeline/site.ts';
import { pageTexts } from '../src/pipeline/embed/corpus.ts';
let t = performance.now();
const site = buildSite();
console.log('buildSite', (performance.now() - t).toFixed(0));
t = performance.now();
const p = pageTexts(site.catalog, { cacheFile: '.cache/site/page-prose.json' });
console.log('pageTexts', (performance.now() - t).toFixed(0), p.length);
