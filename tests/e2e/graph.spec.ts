/**
 * The knowledge graph as a reader uses it: the full graph with filters and type-to-focus, its
 * accessible neighbour list, click-through, and the local graph on a concept page.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { applyFilters, neighbourhood } from '../../src/shared/graph/query.ts';
import { EDGE_TYPES, type GraphData } from '../../src/shared/graph/types.ts';

const data = JSON.parse(fs.readFileSync(new URL('../../dist/graph.json', import.meta.url), 'utf8')) as GraphData;

interface Hook {
  focused(): string | undefined;
  listed(): string[];
  visible(): { nodes: number; edges: number };
}
const hook = <T>(page: Page, read: (h: Hook) => T) => page.evaluate((fn) => (0, eval)(`(${fn})`)((window as unknown as { deepatlasGraph: Hook }).deepatlasGraph), read.toString()) as Promise<T>;

async function openGraph(page: Page, path: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(path);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  return errors;
}

test.describe('the knowledge graph', () => {
  test('/graph.json holds typed edges, and citation edges only go back in time', () => {
    expect(data.nodes.length).toBeGreaterThan(100);
    const types = new Set(data.edges.map((e) => e.type));
    for (const t of ['links', 'prerequisite', 'related', 'uses']) expect(types).toContain(t);
    const year = new Map(data.nodes.map((n) => [n.id, n.year]));
    for (const e of data.edges.filter((x) => x.type === 'cites')) expect(year.get(e.target)!, `${e.source} -> ${e.target}`).toBeLessThanOrEqual(year.get(e.source)! + 1);
  });

  test('typing a concept focuses it, and the list shows exactly its neighbours in the graph', async ({ page }) => {
    const errors = await openGraph(page, '/zh/graph/');
    await page.getByRole('searchbox', { name: '查找页面' }).fill('注意力');
    await expect.poll(() => hook(page, (h) => h.focused())).toBe('concept:attention-mechanism');
    await expect(page.locator('[data-graph-focus-title]')).toContainText('注意力机制');
    // The same neighbourhood, computed here from /graph.json under the page's default filters.
    const shown = applyFilters(data, { edgeTypes: new Set(EDGE_TYPES.filter((t) => t !== 'related')), kinds: new Set(['concept', 'paper', 'resource'] as const) });
    const expected = [...neighbourhood(shown.edges, 'concept:attention-mechanism', 1)].filter(([, d]) => d === 1).map(([id]) => id).sort();
    expect((await hook(page, (h) => h.listed())).sort()).toEqual(expected);
    expect(await page.locator('[data-testid="graph-neighbours"] li').count()).toBe(expected.length);
    expect(errors).toEqual([]);
  });

  test('filtering by edge type changes what is drawn and listed', async ({ page }) => {
    await openGraph(page, '/en/graph/');
    const before = await hook(page, (h) => h.visible());
    await page.getByRole('checkbox', { name: 'Links in the notes' }).uncheck();
    await expect.poll(() => hook(page, (h) => h.visible().edges)).toBeLessThan(before.edges);
    const onlyLinks = data.edges.filter((e) => e.type !== 'links' && e.type !== 'related').length;
    expect(await hook(page, (h) => h.visible().edges)).toBe(onlyLinks);
    await page.getByRole('checkbox', { name: 'Similar topics' }).check();
    await expect.poll(() => hook(page, (h) => h.visible().edges)).toBe(data.edges.filter((e) => e.type !== 'links').length);
  });

  test('typing "Transformer" in English focuses the concept, and a listed neighbour opens its page', async ({ page }) => {
    await openGraph(page, '/en/graph/');
    await page.getByRole('searchbox', { name: 'Find a page' }).fill('Transformer');
    await expect.poll(() => hook(page, (h) => h.focused())).toBe('concept:transformer');
    const first = page.locator('[data-testid="graph-neighbours"] a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a concept page draws its neighbourhood when scrolled to, and links to the full graph focused on it', async ({ page }) => {
    await page.goto('/zh/concepts/attention-mechanism/');
    const local = page.getByTestId('local-graph');
    await expect(local).not.toHaveAttribute('data-ready', 'true');
    await local.scrollIntoViewIfNeeded();
    await expect(local).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expect(local.locator('canvas').first()).toBeVisible();
    const oneHop = Number(await local.getAttribute('data-nodes'));
    await local.getByRole('checkbox').check();
    await expect.poll(async () => Number(await local.getAttribute('data-nodes'))).toBeGreaterThan(oneHop);
    await local.getByTestId('open-full-graph').click();
    await expect(page).toHaveURL(/\/zh\/graph\/\?focus=concept%3Aattention-mechanism$/);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    await expect.poll(() => hook(page, (h) => h.focused())).toBe('concept:attention-mechanism');
  });
});
