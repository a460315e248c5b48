/**
 * The DeepAtlas Astro integration:
 * - before a build, runs the same content check as `npm run check` and stops
 *   with compiler-style errors, so no page is written from bad content;
 * - runs the embed stage (trains the site's own model when needed) so every page
 *   gets its related topics;
 * - self-hosts KaTeX's stylesheet and fonts under /vendor/katex/ (pages that
 *   have math link it; pages without math do not load it) and the islands' files;
 * - in `npm run dev`, re-checks content when it changes and prints the problems.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { getSite, invalidateSite, pipelineRuns } from './data/site.ts';
import { startNotePrerender, usedNoteRenderer } from './data/notes.ts';
import { mdxCachePlugin } from './pipeline/mdx-cache.ts';
import { MEDIA_DIR } from './pipeline/note-render.ts';
import { report } from './pipeline/report.ts';
import { hasErrors } from './pipeline/site.ts';
import { accessDate } from './pipeline/access-date.ts';
import { buildSearchIndex } from './pipeline/search/pagefind-index.ts';
import { fileURLToPath } from 'node:url';
import { describeRun, runEmbedStage } from './pipeline/embed/stage.ts';
import { writeBrowserIndex } from './pipeline/embed/browser-index.ts';
import { modelPath, type EmbedRun } from './pipeline/embed/index.ts';
import { embedSettings, prefixesFor } from './pipeline/embed/settings.ts';
import { projectPaths } from './pipeline/settings.ts';
import { EXPLAINERS_DIR } from './pipeline/explainers.ts';
import { ISLANDS, type IslandInfo } from './shared/islands.ts';

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

/** Files the islands load (src/shared/islands.ts `assets`), self-hosted under public/. */
function copyIslandAssets(publicDir: string) {
  for (const island of Object.values(ISLANDS) as IslandInfo[]) {
    for (const asset of island.assets ?? []) {
      // Resolve a file of the package (some export only a subpath) and take the folder beside it.
      const from = path.join(path.dirname(require.resolve(asset.resolve)), asset.dir);
      const to = path.join(publicDir, asset.to);
      fs.mkdirSync(to, { recursive: true });
      const files: Record<string, number> = {};
      for (const file of fs.readdirSync(from)) {
        fs.copyFileSync(path.join(from, file), path.join(to, file));
        files[file] = fs.statSync(path.join(to, file)).size;
      }
      // Sizes for the islands' progress bars (src/islands/runtime/assets.ts), never hard-coded.
      fs.writeFileSync(path.join(to, 'manifest.json'), `${JSON.stringify({ files }, null, 2)}\n`);
    }
  }
}

export function deepatlas(): AstroIntegration {
  const paths = projectPaths();
  let embedRun: EmbedRun | undefined;
  let base = '/';
  return {
    name: 'deepatlas',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        copyKatexAssets(new URL(config.publicDir).pathname);
        copyIslandAssets(new URL(config.publicDir).pathname);
        const started = performance.now();
        const site = getSite();
        // A build stops on the first error report; the dev server shows them and keeps serving.
        report(site.diagnostics, logger, { onError: command === 'build' ? 'stop' : 'warn' });
        if (command === 'build') {
          // One access date for every reference of this build (throws its own one-line message).
          const access = accessDate();
          logger.info(`citation access date (GB/T 7714 引用日期): ${access.year}-${String(access.month).padStart(2, '0')}-${String(access.day).padStart(2, '0')}`);
        }
        if (!hasErrors(site)) logger.info(`content check passed in ${Math.round(performance.now() - started)} ms (analyses: ${site.analysisStats.analysed} analysed, ${site.analysisStats.reused} from .cache/site)`);
        if (command === 'build') startNotePrerender();
        // The explainers' compiled MDX, reused while their content and the site are unchanged.
        if (command === 'build') updateConfig({ vite: { plugins: [mdxCachePlugin({ getSite, base: config.base, cacheDir: path.join(paths.root, '.cache', 'mdx') })] } });
        // Related topics for every page, from the configured embedding model.
        embedRun = await runEmbedStage(site.catalog);
        base = config.base;
        logger.info(describeRun(embedRun));
      },
      'astro:server:setup': ({ server, logger }) => {
        // In `npm run dev`, an edited note or paper.bib invalidates the cached site; the next
        // request rebuilds it and the reporter prints what is wrong without stopping the server.
        const contentDirs = [paths.papersDir, paths.conceptsDir, paths.resourcesDir, paths.sourcesDir, path.join(paths.root, EXPLAINERS_DIR)];
        server.watcher.on('all', (_event, file) => {
          if (!contentDirs.some((dir) => file.startsWith(dir))) return;
          invalidateSite();
          report(getSite().diagnostics, logger, { onError: 'warn' });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`content pipeline ran ${pipelineRuns()} time${pipelineRuns() === 1 ? '' : 's'} in this build`);
        const notes = usedNoteRenderer();
        if (notes) logger.info(`notes: ${notes.stats.rendered} rendered, ${notes.stats.cached} from .cache/notes`);
        // The notes' images, at the paths their HTML points to (src/pipeline/note-render.ts).
        for (const image of notes?.images ?? []) {
          const target = path.join(fileURLToPath(dir), MEDIA_DIR, image);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.copyFileSync(path.join(paths.root, image), target);
        }
        const siteDir = fileURLToPath(dir);
        // scripts/build.ts indexes after Astro's process has exited (scripts/lib/astro-build.ts says why).
        if (process.env.DEEPATLAS_SEARCH_INDEX !== 'after-build') {
          const result = await buildSearchIndex(siteDir);
          logger.info(`pagefind: indexed ${result.pages} pages in ${Math.round(result.milliseconds)} ms`);
        }
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
