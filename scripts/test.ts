/**
 * npm test: every test, in order: the strict type check, unit tests, content tests, integration tests
 * (node:test), a fresh site build, the budget and link checks over dist/, then the end-to-end tests
 * in Chromium against the built site.
 * Fails at once, with a clear message, when no Chromium is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumPath } from './lib/chromium.ts';

const browser = chromiumPath();
if (!fs.existsSync(browser)) {
  console.error(`No Chromium found at ${browser}.
The end-to-end tests drive a real Chromium. Install Debian's package:
  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
or point CHROMIUM_PATH at a Chromium or Chrome binary.`);
  process.exit(1);
}

function step(name: string, command: string, args: string[]) {
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const node = process.execPath;
step('type check (TypeScript strict, .ts and .astro)', node, ['node_modules/astro/bin/astro.mjs', 'check']);
// Browser code again, without Node's types: a Node API in src/shared/ or src/islands/ fails here.
for (const folder of ['src/shared', 'src/islands']) step(`type check of ${folder} (browser, no Node types)`, node, ['node_modules/typescript/bin/tsc', '-p', folder]);
// Pure tests are mostly process start-up: two at a time halves the step on two cores.
step('unit tests (pure code)', node, ['--test', '--test-concurrency=2', 'tests/unit/**/*.test.ts']);
step('content tests (the real knowledge base)', node, ['--test', 'tests/content/**/*.test.ts']);
step('integration tests (scratch copies, builds)', node, ['--test', 'tests/integration/**/*.test.ts']);
step('site build', node, ['scripts/build.ts']);
step('site checks over dist/ (budgets, links)', node, ['--test', 'tests/dist/*.test.ts']);
step('end-to-end tests', node, ['node_modules/@playwright/test/cli.js', 'test']);
