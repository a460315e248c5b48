/**
 * The neighbourhood of one page, drawn when its section scrolls into view: the page in the
 * centre, its directly connected pages around it (two steps on request), click to open. The
 * same pages are already listed as links in the HTML.
 */
import { neighbourhood, radialLayout } from '../../shared/graph/query.ts';
import type { GraphData, GraphNode } from '../../shared/graph/types.ts';
import type { Lang } from '../../shared/locales.ts';
import { entityPath, withBase } from '../../shared/urls.ts';
import type { EntityKind } from '../../shared/entity-kinds.ts';
import { createView, webglAvailable, type GraphView } from '../graph/view.ts';
import { stringsOf } from '../runtime/strings.ts';

export async function mount(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = 'true';
  const t = stringsOf(root);
  const canvas = root.querySelector<HTMLElement>('[data-graph-canvas]')!;
  const twoHops = root.querySelector<HTMLInputElement>('[data-graph-two-hops]')!;
  if (!webglAvailable()) {
    canvas.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('graph.noWebgl') }));
    twoHops.disabled = true;
    return;
  }
  const lang = (root.dataset.lang ?? 'en') as Lang;
  const base = root.dataset.base ?? '/';
  const centre = root.dataset.node!;
  const data = (await (await fetch(root.dataset.graph!)).json()) as GraphData;
  // Similar-topic edges would connect everything to everything: the neighbourhood uses the explicit ones.
  const explicit = data.edges.filter((e) => e.type !== 'related');
  const open = (node: GraphNode) => window.location.assign(withBase(base, entityPath(lang, node.kind as EntityKind, node.id.slice(node.id.indexOf(':') + 1))));
  let view: GraphView | undefined;

  const draw = () => {
    view?.destroy();
    const distance = neighbourhood(explicit, centre, twoHops.checked ? 2 : 1);
    const nodes = data.nodes.filter((n) => distance.has(n.id));
    const edges = explicit.filter((e) => distance.has(e.source) && distance.has(e.target));
    const aspect = canvas.clientWidth / Math.max(canvas.clientHeight, 1);
    view = createView(canvas, nodes, edges, { lang, positions: radialLayout(nodes, distance, aspect), allLabels: !twoHops.checked, onOpen: open });
    view.setFocus(centre, new Set(nodes.map((n) => n.id)));
    root.dataset.nodes = String(nodes.length);
  };
  twoHops.addEventListener('change', draw);
  draw();
  root.dataset.ready = 'true';
}
