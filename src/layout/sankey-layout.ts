// SankeyGraph → positioned plain data. d3-sankey places nodes vertically; columns are fixed by our
// own column index (nodeAlign), node order within a column is fixed (channel order, "other" last)
// so a map stays in place when the user clicks another pixel, and widths are ∝ |flow|.
import { sankey, type SankeyNode, type SankeyLink } from 'd3-sankey';
import { formatSigned } from '../lib/format';
import { estimateTextWidth, fitHeader, measureText } from './header-fit';
import { LABEL_GAP, placeLabels, type LabelFit } from './label-placement';
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
  /** Type sizes (px) of node labels, column headers and their notes. */
  labelFontSize: number;
  headerFontSize: number;
  noteFontSize: number;
  /** Bold node labels (lecture mode). */
  labelBold: boolean;
  /** Gap between a node and its label (px). */
  labelGap: number;
  /** Distance between the lines of a node label and of a header (px). */
  labelStep: number;
  headerLineHeight: number;
  /**
   * Fit the text to the space (lecture and embed views, see `fittedLayoutOptions`): the side
   * margins follow the pixel's and the class's labels, the top margin the headers, text is
   * measured conservatively, and a label wider than the gap to the next column is shortened,
   * broken onto two lines or hidden, so that no two texts overlap. Off, the margins are as given.
   */
  fit: boolean;
  /**
   * How bands are ordered where they leave and enter a box: 'ends' (default), by the boxes at
   * their other ends, fixed once (byEnds below); 'breadth', d3-sankey's own re-sorting after every
   * move during relaxation, the earlier layout (kept for ?perf=baseline, src/lib/perf-baseline.ts).
   */
  linkOrder: 'ends' | 'breadth';
}

const DEFAULT_LAYOUT_OPTIONS: SankeyLayoutOptions = {
  width: 960,
  height: 520,
  nodeWidth: 12,
  nodePadding: 14,
  margin: { top: 60, right: 128, bottom: 12, left: 104 },
  labelLineHeight: 14,
  iterations: 6,
  labelFontSize: 12,
  headerFontSize: 13,
  noteFontSize: 11,
  labelBold: false,
  labelGap: LABEL_GAP,
  labelStep: 13,
  headerLineHeight: 14,
  fit: false,
  linkOrder: 'ends',
};

/** The type a layout was made for, so the drawing uses the sizes the text was fitted to. */
export interface SankeyType {
  label: number;
  labelBold: boolean;
  /** Distance between a label's lines. */
  labelStep: number;
  header: number;
  headerLine: number;
  /** Baseline of the first header line. */
  headerTop: number;
  note: number;
  /** The important-map ★. */
  marker: number;
}

/**
 * Options for a layout whose text, labels, headers and notes alike, is `labelFontSize` px and
 * fitted to the space (`fit`); line heights, gaps and box widths follow the type, and boxes are
 * at least a line apart so that every box keeps room for its label.
 */
export function fittedLayoutOptions(
  labelFontSize: number,
  extra: Partial<SankeyLayoutOptions> = {},
): Partial<SankeyLayoutOptions> {
  const line = Math.ceil(labelFontSize * 1.2);
  return {
    labelFontSize,
    headerFontSize: labelFontSize,
    noteFontSize: labelFontSize,
    labelGap: Math.round(labelFontSize * 0.35),
    labelStep: line,
    labelLineHeight: line,
    headerLineHeight: line,
    nodePadding: line,
    nodeWidth: Math.round(labelFontSize * 0.7),
    fit: true,
    ...extra,
  };
}

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
  /** The label as fitted to its room (`fit` layouts), when it differs from `shortLabel`. */
  labelLines?: string[];
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
  type: SankeyType;
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

function nodeGross(n: SankeyGraphNode): number {
  return Math.max(n.inAbs + n.hiddenInAbs, n.outAbs + n.hiddenOutAbs);
}

function positionColumns(graph: SankeyGraph, o: SankeyLayoutOptions): PositionedColumn[] {
  const measure = o.fit ? measureText : estimateTextWidth;
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
    const fit = fitHeader(
      c.label,
      [c.note, c.shortNote],
      // Fitted headers may take their whole column, less a small gap to the next header.
      room - (o.fit ? 4 : 10),
      o.headerFontSize,
      o.noteFontSize,
      measure,
    );
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

/** The pixel's and the class's labels: their name and, under it, their flow (sankey-scene.ts). */
function endLabelWidth(graph: SankeyGraph, kind: 'input' | 'class', o: SankeyLayoutOptions) {
  let width = 0;
  for (const n of graph.nodes) {
    if (n.kind !== kind) continue;
    for (const text of [n.shortLabel, formatSigned(n.flow)])
      width = Math.max(width, measureText(text, o.labelFontSize, o.labelBold));
  }
  return width;
}

/** `fit`: side margins that hold the end labels, a top margin that holds the headers. */
function fitMargins(graph: SankeyGraph, given: SankeyLayoutOptions) {
  const side = (w: number) =>
    Math.round(Math.min(given.width * 0.3, Math.max(16, w + given.labelGap + 4)));
  let o: SankeyLayoutOptions = {
    ...given,
    margin: {
      ...given.margin,
      left: side(endLabelWidth(graph, 'input', given)),
      right: side(endLabelWidth(graph, 'class', given)),
    },
  };
  const columns = positionColumns(graph, o);
  const lines = Math.max(1, ...columns.map((c) => c.headerLines.length));
  const note = columns.some((c) => c.headerNote !== '');
  const top =
    headerBaseline(o) +
    (lines - 1 + (note ? 1 : 0)) * o.headerLineHeight +
    Math.ceil(o.headerFontSize * 0.3) +
    Math.ceil(o.labelLineHeight / 2) +
    2;
  const bottom = Math.max(given.margin.bottom, Math.ceil(o.labelLineHeight / 2) + 2);
  o = { ...o, margin: { ...o.margin, top, bottom } };
  return { o, columns };
}

/** First header baseline of a fitted layout: the header's ascent below the top. */
function headerBaseline(o: SankeyLayoutOptions): number {
  return Math.ceil(o.headerFontSize * 0.95) + 1;
}

function layoutType(o: SankeyLayoutOptions): SankeyType {
  return {
    label: o.labelFontSize,
    labelBold: o.labelBold,
    labelStep: o.labelStep,
    header: o.headerFontSize,
    headerLine: o.headerLineHeight,
    // Unfitted: room above the plot for two lines and a note (the historical layout).
    headerTop: o.fit ? headerBaseline(o) : Math.max(14, o.margin.top - 44),
    note: o.noteFontSize,
    marker: Math.max(13, o.labelFontSize),
  };
}

/** Room for the labels of each column: the margins at the ends, else the gap to the next
 * column, less the ★ that may sit left of the next column's boxes (not the class's). */
function labelFit(o: SankeyLayoutOptions, columns: PositionedColumn[]): LabelFit {
  const marker = Math.max(13, o.labelFontSize) * 0.9 + 2;
  const last = columns.length - 1;
  return {
    gap: o.labelGap,
    measure: measureText,
    fontSize: o.labelFontSize,
    bold: o.labelBold,
    lineStep: o.labelStep,
    top: 0,
    bottom: o.height,
    room: (c) => {
      const column = columns[c];
      if (!column) return 0;
      if (c === 0) return column.x0 - o.labelGap - 2;
      if (c === last) return o.width - column.x1 - o.labelGap - 2;
      const next = (columns[c + 1]?.x0 ?? o.width) - column.x1 - 2 * o.labelGap;
      return c + 1 === last ? next : next - marker;
    },
    extraLines: (n) => (n.kind === 'input' || n.kind === 'class' ? 1 : 0),
  };
}

type PlacedNode = SankeyNode<LayoutNode, LayoutLink>;

function byColumnAndOrder(a: LayoutNode, b: LayoutNode): number {
  return a.column - b.column || a.order - b.order;
}

/**
 * The order in which bands leave and enter a box: that of the boxes at their other ends. The
 * boxes of a column keep their order (nodeSort; d3-sankey only moves them apart), so this is the
 * order by height that d3-sankey would otherwise find by re-sorting the bands of every
 * neighbour after each move of each box, which was most of the layout's time (a few ms per
 * click, docs/benchmarks.md). A band's two ends are in adjacent columns, so the links of one box
 * differ only at their other end.
 */
function byEnds(a: SankeyLink<LayoutNode, LayoutLink>, b: SankeyLink<LayoutNode, LayoutLink>) {
  const [as, bs] = [a.source as PlacedNode, b.source as PlacedNode];
  const [at, bt] = [a.target as PlacedNode, b.target as PlacedNode];
  return byColumnAndOrder(as, bs) || byColumnAndOrder(at, bt);
}

export function layoutSankey(
  graph: SankeyGraph,
  partial: Partial<SankeyLayoutOptions> = {},
): SankeyLayout {
  const given: SankeyLayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...partial };
  const { o, columns } = given.fit
    ? fitMargins(graph, given)
    : { o: given, columns: positionColumns(graph, given) };
  const type = layoutType(o);
  const base = {
    width: o.width,
    height: o.height,
    margin: o.margin,
    nodeWidth: o.nodeWidth,
    type,
  };
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
    .nodeSort(byColumnAndOrder)
    .linkSort(o.linkOrder === 'ends' ? byEnds : undefined)
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
  placeLabels(
    positionedNodes,
    graph.columns.length,
    o.labelLineHeight,
    o.fit ? labelFit(o, columns) : undefined,
  );
  return { ...base, ky, columns, nodes: positionedNodes, links: positionedLinks, empty: false };
}
