/**
 * A sigma.js (WebGL) view of graph nodes and edges, shared by the full graph page and the local
 * graph on each page: colour by kind, size by degree, hover card, click to open the page, and a
 * focus that greys out everything but a node and its neighbours. sigma v3: v4 (October 2026)
 * rewrote the renderer for WebGL 2 only and replaced the reducers used here; v3 is the line
 * with years of use behind it.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { ENTITY_KINDS } from '../../shared/entity-kinds.ts';
import type { EdgeType, GraphEdge, GraphNode } from '../../shared/graph/types.ts';
import type { Lang } from '../../shared/locales.ts';

const EDGE_COLORS: Record<EdgeType, string> = {
  cites: 'rgba(179, 84, 30, 0.55)',
  prerequisite: 'rgba(47, 111, 176, 0.55)',
  uses: 'rgba(46, 125, 79, 0.45)',
  links: 'rgba(128, 128, 128, 0.35)',
  related: 'rgba(140, 100, 180, 0.35)',
};

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export function edgeKey(e: GraphEdge): string {
  return `${e.type}|${e.source}|${e.target}`;
}

export interface ViewOptions {
  lang: Lang;
  /** Positions to use instead of the nodes' own (the local graph's rings). */
  positions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Show every label (small graphs) instead of only those of large nodes. */
  allLabels?: boolean;
  onOpen(node: GraphNode): void;
  /** Element that shows the hovered node's name and summary. */
  tooltip?: HTMLElement;
}

export interface GraphView {
  /** Show only these nodes and edges (undefined: all). */
  setVisible(nodes: ReadonlySet<string> | undefined, edges: ReadonlySet<string> | undefined): void;
  /** Highlight a node and its neighbours, or clear the highlight. */
  setFocus(id: string | undefined, neighbours?: ReadonlySet<string>): void;
  /** Move the camera to a node. */
  centreOn(id: string, animate: boolean): void;
  destroy(): void;
  sigma: Sigma;
}

export function createView(container: HTMLElement, nodes: readonly GraphNode[], edges: readonly GraphEdge[], options: ViewOptions): GraphView {
  const graph = new Graph({ type: 'directed', multi: true });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    const p = options.positions?.get(n.id) ?? n;
    graph.addNode(n.id, { x: p.x, y: p.y, size: 3 + Math.sqrt(n.degree) * 1.6, color: ENTITY_KINDS[n.kind].color, label: n.name[options.lang] });
  }
  for (const e of edges) {
    if (byId.has(e.source) && byId.has(e.target)) graph.addDirectedEdgeWithKey(edgeKey(e), e.source, e.target, { color: EDGE_COLORS[e.type], size: e.type === 'cites' || e.type === 'prerequisite' ? 1.4 : 0.8 });
  }
  const css = getComputedStyle(document.documentElement);
  const foreground = css.getPropertyValue('--fg').trim() || '#1f2328';
  // Nodes outside a focus take the theme's border colour, so they recede in light and dark mode alike.
  const faded = css.getPropertyValue('--border').trim() || '#d0d7de';
  let visibleNodes: ReadonlySet<string> | undefined;
  let visibleEdges: ReadonlySet<string> | undefined;
  let focus: { id: string; neighbours: ReadonlySet<string> } | undefined;

  const sigma = new Sigma(graph, container, {
    labelColor: { color: foreground },
    labelFont: 'system-ui, "Noto Sans CJK SC", sans-serif',
    labelRenderedSizeThreshold: options.allLabels ? 0 : 9,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    // While the reader pans or zooms, draw nodes only: with thousands of edges this keeps frames short.
    hideEdgesOnMove: nodes.length > 1000,
    hideLabelsOnMove: nodes.length > 1000,
    // Sorting by zIndex on every frame costs more than it shows on a large graph.
    zIndex: nodes.length <= 1000,
    nodeReducer: (id, data) => {
      if (visibleNodes && !visibleNodes.has(id)) return { ...data, hidden: true };
      if (!focus) return data;
      if (id === focus.id) return { ...data, highlighted: true, zIndex: 2 };
      return focus.neighbours.has(id) ? { ...data, zIndex: 1, forceLabel: true } : { ...data, color: faded, label: '', zIndex: 0 };
    },
    edgeReducer: (id, data) => {
      if (visibleEdges && !visibleEdges.has(id)) return { ...data, hidden: true };
      if (!focus) return data;
      const [source, target] = graph.extremities(id);
      // With a focus, only the focused node's own edges are drawn: the rest is clutter.
      return source === focus.id || target === focus.id ? { ...data, size: (data.size ?? 1) + 0.6, zIndex: 1 } : { ...data, hidden: true };
    },
  });

  sigma.on('clickNode', ({ node }) => {
    const n = byId.get(node);
    if (n) options.onOpen(n);
  });
  const tooltip = options.tooltip;
  if (tooltip) {
    sigma.on('enterNode', ({ node }) => {
      const n = byId.get(node);
      if (!n) return;
      const at = sigma.framedGraphToViewport(sigma.getNodeDisplayData(node)!);
      tooltip.replaceChildren(Object.assign(document.createElement('strong'), { textContent: n.name[options.lang] }), document.createElement('br'), n.summary[options.lang]);
      tooltip.style.left = `${Math.round(at.x + 12)}px`;
      tooltip.style.top = `${Math.round(at.y + 12)}px`;
      tooltip.hidden = false;
      container.style.cursor = 'pointer';
    });
    sigma.on('leaveNode', () => {
      tooltip.hidden = true;
      container.style.cursor = '';
    });
  }

  return {
    sigma,
    setVisible(nodesShown, edgesShown) {
      visibleNodes = nodesShown;
      visibleEdges = edgesShown;
      sigma.refresh();
    },
    setFocus(id, neighbours = new Set()) {
      focus = id ? { id, neighbours } : undefined;
      sigma.refresh();
    },
    centreOn(id, animate) {
      const at = sigma.getNodeDisplayData(id);
      if (!at) return;
      const target = { x: at.x, y: at.y, ratio: 0.35 };
      if (animate) void sigma.getCamera().animate(target, { duration: 450 });
      else sigma.getCamera().setState(target);
    },
    destroy() {
      sigma.kill();
    },
  };
}

/** Whether the reader asked for less motion (camera moves then jump instead of gliding). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
