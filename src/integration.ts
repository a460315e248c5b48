/**
 * The DeepAtlas Astro integration:
 * - before a build, runs the same content check as `npm run check` and stops
 *   with compiler-style errors, so no page is written from bad content;
 * - runs the embed stage (trains the site's own model when needed) so every page
 *   gets its related topics;
 * - self-hosts KaTeX's stylesheet and fonts under /vendor/katex/ (pages that
 *   have math link it; pages without math do not load it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { formatDiagnostic, summarize } from './pipeline/diagnostics.ts';
import { buildSite, hasErrors } from './pipeline/site.ts';
import { buildSearchIndex } from './pipeline/search-index.ts';
import { fileURLToPath } from 'node:url';
import { describeRun, runEmbedStage } from './pipeline/embed/stage.ts';

const require = createRequire(import.meta.url);

function copyKatexAssets(publicDir: string) {
  const katexDist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
  const target = path.join(publicDir, 'vendor', 'katex');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(katexDist, 'katex.min.css'), path.join(target, 'katex.min.css'));
  // woff2 only: every browser that runs the site reads it, and it is the smallest.
  for (const font of fs.readdirSync(path.join(katexDist, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    fs.copyFileSync(path.join(katexDist, 'fonts', font), path.join(target, 'fonts', font));
  }
  const css = fs.readFileSync(path.join(target, 'katex.min.css'), 'utf8');
  // Drop the woff/ttf fallbacks from @font-face so the browser never asks for files we do not ship.
  fs.writeFileSync(path.join(target, 'katex.min.css'), css.replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, ''));
}

export function deepatlas(): AstroIntegration {
  return {
    name: 'deepatlas',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        copyKatexAssets(new URL(config.publicDir).pathname);
        const started = performance.now();
        const site = buildSite();
        if (command === 'build') {
          for (const d of site.diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
          if (hasErrors(site)) {
            throw new Error(`content check failed: ${summarize(site.diagnostics)}. Nothing was built; fix the errors above.`);
          }
          logger.info(`content check passed in ${Math.round(performance.now() - started)} ms`);
        }
        // Related topics for every page, from the configured embedding model.
        const run = await runEmbedStage(site.catalog);
        logger.info(describeRun(run));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const result = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`pagefind: indexed ${result.pages} pages in ${Math.round(result.milliseconds)} ms`);
      },
    },
  };
}
