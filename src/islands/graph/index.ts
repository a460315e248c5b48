/**
 * The full knowledge graph page: filters (edge type, kind, years, topic), type-to-focus, and the
 * focused node's neighbours as a list of links (the keyboard and screen-reader view of the same
 * graph). The layout comes precomputed in /graph.json, so nothing heavy runs on the main thread.
 */
import type { EntityKind } from '../../shared/entity-kinds.ts';
import { applyFilters, findNode, neighbourhood, type GraphFilters } from '../../shared/graph/query.ts';
import type { EdgeType, GraphData, GraphEdge, GraphNode } from '../../shared/graph/types.ts';
import type { Lang } from '../../shared/locales.ts';
import { entityPath, withBase } from '../../shared/urls.ts';
import { createView, edgeKey, prefersReducedMotion, webglAvailable, type GraphView } from './view.ts';
import { stringsOf } from '../runtime/strings.ts';

/** What the tests and the benchmark read (window.deepatlasGraph). */
export interface GraphHook {
  focused(): string | undefined;
  /** Ids of the nodes listed as the focused node's neighbours. */
  listed(): string[];
  /** Ids of the focused node's neighbours under the current filters, from the data. */
  neighbours(): string[];
  visible(): { nodes: number; edges: number };
  view?: GraphView;
}

function nodeUrl(base: string, lang: Lang, node: GraphNode): string {
  const kind = node.kind as EntityKind;
  return withBase(base, entityPath(lang, kind, node.id.slice(node.id.indexOf(':') + 1)));
}

export async function mount(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = 'true';
  const t = stringsOf(root);
  const lang = (root.dataset.lang ?? 'en') as Lang;
  const base = root.dataset.base ?? '/';
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const status = $<HTMLElement>('[data-graph-status]');
  const canvas = $<HTMLElement>('[data-graph-canvas]');
  const list = $<HTMLUListElement>('[data-graph-neighbours]');
  const focusTitle = $<HTMLElement>('[data-graph-focus-title]');
  const search = $<HTMLInputElement>('[data-graph-search]');
  const counts = $<HTMLElement>('[data-graph-counts]');

  status.textContent = t('graph.loading');
  let data: GraphData;
  try {
    const response = await fetch(root.dataset.graph ?? `${base}graph.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = (await response.json()) as GraphData;
  } catch (error) {
    status.textContent = t('graph.failed', { error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const open = (node: GraphNode) => window.location.assign(nodeUrl(base, lang, node));
  const view = webglAvailable() ? createView(canvas, data.nodes, data.edges, { lang, onOpen: open, tooltip: $<HTMLElement>('[data-graph-tooltip]') }) : undefined;
  if (!view) canvas.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('graph.noWebgl') }));
  status.textContent = '';

  const readFilters = (): GraphFilters => {
    const checked = (attr: string) => [...root.querySelectorAll<HTMLInputElement>(`[${attr}]`)].filter((i) => i.checked).map((i) => i.getAttribute(attr)!);
    const from = Number($<HTMLInputElement>('[data-year-from]').value);
    const to = Number($<HTMLInputElement>('[data-year-to]').value);
    const topic = $<HTMLSelectElement>('[data-topic]').value;
    return {
      edgeTypes: new Set(checked('data-edge-type') as EdgeType[]),
      kinds: new Set(checked('data-kind') as EntityKind[]),
      ...(from && to ? { years: { from: Math.min(from, to), to: Math.max(from, to) } } : {}),
      ...(topic ? { topic } : {}),
    };
  };

  let focused: string | undefined;
  let shown: { nodes: Set<string>; edges: GraphEdge[] } = { nodes: new Set(), edges: [] };

  const neighboursOf = (id: string) => [...neighbourhood(shown.edges, id, 1)].filter(([n, d]) => d === 1 && shown.nodes.has(n)).map(([n]) => n);

  const renderFocus = () => {
    if (!focused) {
      focusTitle.textContent = t('graph.focusHint');
      list.replaceChildren();
      view?.setFocus(undefined);
      return;
    }
    const node = byId.get(focused)!;
    const neighbours = neighboursOf(focused).map((id) => byId.get(id)!).sort((a, b) => a.kind.localeCompare(b.kind) || a.name[lang].localeCompare(b.name[lang]));
    focusTitle.textContent = t('graph.focused', { name: node.name[lang], count: neighbours.length });
    const types = (id: string) => [...new Set(shown.edges.filter((e) => (e.source === focused && e.target === id) || (e.target === focused && e.source === id)).map((e) => t(`graph.edge.${e.type}`)))].join(', ');
    list.replaceChildren(...neighbours.map((n) => {
      const li = document.createElement('li');
      li.dataset.node = n.id;
      const a = Object.assign(document.createElement('a'), { href: nodeUrl(base, lang, n), textContent: n.name[lang] });
      a.dataset.kind = n.kind;
      li.append(a, Object.assign(document.createElement('span'), { className: 'muted', textContent: ` · ${types(n.id)}` }));
      return li;
    }));
    view?.setFocus(focused, new Set(neighbours.map((n) => n.id)));
  };

  const apply = () => {
    shown = applyFilters(data, readFilters());
    view?.setVisible(shown.nodes, new Set(shown.edges.map(edgeKey)));
    counts.textContent = t('graph.counts', { nodes: shown.nodes.size, edges: shown.edges.length });
    if (focused && !shown.nodes.has(focused)) focused = undefined;
    renderFocus();
  };

  const focusOn = (id: string | undefined, animate = true) => {
    focused = id;
    renderFocus();
    if (id) {
      view?.centreOn(id, animate && !prefersReducedMotion());
      // The focus lives in the query string, so a link reproduces the view (a #fragment would name an anchor).
      const url = new URL(window.location.href);
      url.searchParams.set('focus', id);
      history.replaceState(null, '', url);
    }
  };

  root.addEventListener('change', (event) => {
    if ((event.target as Element).closest('[data-graph-filters]')) apply();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const query = search.value.trim();
      if (!query) return;
      const hit = findNode(data.nodes.filter((n) => shown.nodes.has(n.id)), query, lang);
      status.textContent = hit ? '' : t('graph.notFound', { query });
      if (hit) focusOn(hit.id);
    }, 150);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && focused) {
      event.preventDefault();
      open(byId.get(focused)!);
    }
  });
  view?.sigma.on('clickStage', () => focusOn(undefined));

  canvas.setAttribute('aria-label', t('graph.canvasLabel', { nodes: data.nodes.length, edges: data.edges.length }));
  apply();
  const linked = new URLSearchParams(window.location.search).get('focus') ?? '';
  if (byId.has(linked)) focusOn(linked, false);

  const hook: GraphHook = {
    focused: () => focused,
    listed: () => [...list.querySelectorAll<HTMLElement>('li[data-node]')].map((li) => li.dataset.node!),
    neighbours: () => (focused ? neighboursOf(focused) : []),
    visible: () => ({ nodes: shown.nodes.size, edges: shown.edges.length }),
    ...(view ? { view } : {}),
  };
  (window as unknown as { deepatlasGraph: GraphHook }).deepatlasGraph = hook;
  root.dataset.ready = 'true';
}

