/**
 * src/pipeline/yaml-data.ts: YAML parsed in an earlier build comes from .cache/site/yaml.json,
 * giving the same data and, for invalid data, the same diagnostics at the same lines.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { openYamlCache, parseYamlData, saveYamlCache } from '../../src/pipeline/yaml-data.ts';

const schema = z.object({ name: z.string(), year: z.number(), tags: z.array(z.string()) }).strict();
const root = new URL('../..', import.meta.url).pathname;

test('cached YAML gives what parsing gives, diagnostics included, and keeps only what JSON keeps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepatlas-yaml-'));
  const file = path.join(dir, 'yaml.json');
  const good = 'name: Attention\nyear: 2017\ntags: [nlp, transformer]\n';
  const bad = 'name: Attention\nyear: "2017"\ntags: [nlp]\n';
  const notJson = 'name: x\nyear: .nan\ntags: []\n';
  try {
    const fresh = [good, bad, notJson].map((text) => parseYamlData(schema, text, 'papers/x/meta.yaml', 3));
    openYamlCache(file, root);
    for (const text of [good, bad, notJson]) parseYamlData(schema, text, 'papers/x/meta.yaml', 3);
    saveYamlCache();
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
    assert.equal(Object.keys(stored.entries).length, 2, 'NaN does not survive JSON: that text is not stored');

    openYamlCache(file, root);
    const again = [good, bad, notJson].map((text) => parseYamlData(schema, text, 'papers/x/meta.yaml', 3));
    assert.deepEqual(again, fresh);
    assert.equal(again[1]!.diagnostics[0]!.line, 4, 'the wrong field is still reported at its line');
    // The data handed out is a copy: changing it does not change what the cache holds.
    again[0]!.data!.tags.push('changed');
    assert.deepEqual(parseYamlData(schema, good, 'papers/x/meta.yaml', 3).data!.tags, ['nlp', 'transformer']);
    saveYamlCache();

    // Proof the second round read the file: a stored value is what comes back.
    const [key] = Object.keys(stored.entries).filter((k) => (stored.entries[k] as { year: unknown }).year === 2017);
    (stored.entries[key!] as { name: string }).name = 'FROM-THE-CACHE';
    fs.writeFileSync(file, JSON.stringify(stored));
    openYamlCache(file, root);
    assert.equal(parseYamlData(schema, good, 'papers/x/meta.yaml', 3).data!.name, 'FROM-THE-CACHE');
    saveYamlCache();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
