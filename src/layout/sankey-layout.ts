// SankeyGraph → positioned plain data. d3-sankey places nodes vertically; columns are fixed by our
// own column index (nodeAlign), node order within a column is fixed (channel order, "other" last)
// so a map stays in place when the user clicks another pixel, and widths are ∝ |flow|.
import { sankey, type SankeyNode, type SankeyLink } from 'd3-sankey';
import { fitHeader } from './header-fit';
import { placeLabels } from './label-placement';
import type { SankeyColumn, SankeyGraph, SankeyGraphLink, SankeyGraphNode } from './sankey-types';

export interface SankeyLayoutOptions {
  width: number;
  height: number;
  nodeWidth: number;
  /** Vertical gap between nodes; at least the label line height keeps labels apart. */
  nodePadding: number;
  margin: { top: number; right: number; bottom: number; left: number };
  labelLineHeight: number;
  /** d3-sankey relaxation passes; more straightens links, 0 keeps nodes stacked from the top. */
  iterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: SankeyLayoutOptions = {
  width: 960,
  height: 520,
  nodeWidth: 12,
  nodePadding: 14,
  margin: { top: 60, right: 128, bottom: 12, left: 104 },
  labelLineHeight: 14,
  iterations: 6,
};

export interface PositionedNode extends SankeyGraphNode {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Σ|flow| through the node (drawn + hidden, the larger side): the node's height / ky. */
  gross: number;
  label: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  /** False when the label would overlap a larger node's label (it stays in the tooltip). */
  labelVisible: boolean;
}

export interface PositionedLink extends SankeyGraphLink {
  /** Band thickness in px (|flow| · ky). */
  width: number;
  /** Source node's right edge and target node's left edge. */
  x0: number;
  x1: number;
  /** Band centre at the source and at the target. */
  y0: number;
  y1: number;
}

export interface PositionedColumn extends Omit<SankeyColumn, 'layers'> {
  layers: number[];
  x0: number;
  x1: number;
  /** Header anchor: the node column's centre. */
  x: number;
  /** Header text fitted to the column's width (one or two lines, and a note that may be ''). */
  headerLines: string[];
  headerNote: string;
}

export interface SankeyLayout {
  width: number;
  height: number;
  margin: SankeyLayoutOptions['margin'];
  nodeWidth: number;
  /** Pixels per unit of |flow| (logit units); legends use it for a width key. */
  ky: number;
  columns: PositionedColumn[];
  nodes: PositionedNode[];
  links: PositionedLink[];
  empty: boolean;
}

interface LayoutNode {
  id: string;
  column: number;
  order: number;
  fixedValue: number;
}
interface LayoutLink {
  id: string;
  /** Zero-value links that chain every column so d3-sankey never collapses empty columns. */
  scaffold: boolean;
}

export function nodeGross(n: SankeyGraphNode): number {
  return Math.max(n.inAbs + n.hiddenInAbs, n.outAbs + n.hiddenOutAbs);
}

function positionColumns(graph: SankeyGraph, o: SankeyLayoutOptions): PositionedColumn[] {
  const n = graph.columns.length;
  const left = o.margin.left;
  const span = o.width - o.margin.right - left - o.nodeWidth;
  const kx = n > 1 ? span / (n - 1) : 0;
  return graph.columns.map((c) => {
    const x0 = left + c.index * kx;
    const x = x0 + o.nodeWidth / 2;
    // Headers are centred on the node column; the outer ones may also use their margin.
    const room =
      c.index === 0
        ? Math.min(kx, 2 * x)
        : c.index === n - 1
          ? Math.min(kx, 2 * (o.width - x))
          : kx;
    const fit = fitHeader(c.label, [c.note, c.shortNote], room - 10);
    return {
      ...c,
      layers: [...c.layers],
      x0,
      x1: x0 + o.nodeWidth,
      x,
      headerLines: fit.lines,
      headerNote: fit.note,
    };
  });
}

export function layoutSankey(
  graph: SankeyGraph,
  partial: Partial<SankeyLayoutOptions> = {},
): SankeyLayout {
  const o: SankeyLayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...partial };
  const columns = positionColumns(graph, o);
  const base = { width: o.width, height: o.height, margin: o.margin, nodeWidth: o.nodeWidth };
  const totalGross = graph.nodes.reduce((s, n) => s + nodeGross(n), 0);
  if (graph.empty || graph.nodes.length === 0 || !(totalGross > 0)) {
    return { ...base, ky: 0, columns, nodes: [], links: [], empty: true };
  }

  // Fresh copies: d3-sankey mutates nodes and links in place (and replaces link endpoints).
  const nodes: LayoutNode[] = graph.nodes.map((n) => ({
    id: n.id,
    column: n.column,
    order: n.order,
    fixedValue: nodeGross(n),
  }));
  const links: Array<LayoutLink & { source: string; target: string; value: number }> =
    graph.links.map((l) => ({
      id: l.id,
      source: l.source,
      target: l.target,
      value: Math.abs(l.flow),
      scaffold: false,
    }));
  const firstInColumn: string[] = [];
  for (const c of graph.columns) {
    const first = nodes.find((n) => n.column === c.index);
    if (first) {
      firstInColumn.push(first.id);
      continue;
    }
    const phantom = { id: `phantom:${c.index}`, column: c.index, order: 0, fixedValue: 0 };
    nodes.push(phantom);
    firstInColumn.push(phantom.id);
  }
  for (let i = 1; i < firstInColumn.length; i++) {
    const source = firstInColumn[i - 1]!;
    const target = firstInColumn[i]!;
    links.push({ id: `scaffold:${i}`, source, target, value: 0, scaffold: true });
  }

  const generator = sankey<LayoutNode, LayoutLink>()
    .nodeId((d) => d.id)
    .nodeAlign((d) => d.column)
    .nodeSort((a, b) => a.column - b.column || a.order - b.order)
    .nodeWidth(o.nodeWidth)
    .nodePadding(o.nodePadding)
    .iterations(o.iterations)
    .extent([
      [o.margin.left, o.margin.top],
      [o.width - o.margin.right, o.height - o.margin.bottom],
    ]);
  const out = generator({ nodes, links });

  const placed = new Map<string, SankeyNode<LayoutNode, LayoutLink>>();
  for (const n of out.nodes) placed.set(n.id, n);
  let ky = 0;
  const positionedNodes: PositionedNode[] = graph.nodes.map((n) => {
    const p = placed.get(n.id)!;
    const gross = nodeGross(n);
    const y0 = p.y0 ?? 0;
    const y1 = p.y1 ?? y0;
    if (gross > 0) ky = Math.max(ky, (y1 - y0) / gross);
    return {
      ...n,
      members: [...n.members],
      x0: p.x0 ?? 0,
      x1: p.x1 ?? 0,
      y0,
      y1,
      gross,
      labelX: 0,
      labelY: 0,
      labelAnchor: 'start',
      labelVisible: true,
    };
  });
  const byLinkId = new Map<string, SankeyLink<LayoutNode, LayoutLink>>();
  for (const l of out.links) if (!l.scaffold) byLinkId.set(l.id, l);
  const positionedLinks: PositionedLink[] = graph.links.map((l) => {
    const p = byLinkId.get(l.id)!;
    const s = p.source as SankeyNode<LayoutNode, LayoutLink>;
    const t = p.target as SankeyNode<LayoutNode, LayoutLink>;
    return {
      ...l,
      width: p.width ?? 0,
      x0: s.x1 ?? 0,
      x1: t.x0 ?? 0,
      y0: p.y0 ?? 0,
      y1: p.y1 ?? 0,
    };
  });
  placeLabels(positionedNodes, graph.columns.length, o.labelLineHeight);
  return { ...base, ky, columns, nodes: positionedNodes, links: positionedLinks, empty: false };
}
