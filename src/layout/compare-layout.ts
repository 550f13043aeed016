// One layout for the three graphs of a comparison (compare-graph.ts): the boxes are placed once,
// for an "envelope" graph whose every box and band is as large as the largest of A, B and B − A,
// and each view then draws its own bands, at one common scale (px per logit), inside those same
// boxes. So a map sits in the same place in all three views, and equal widths mean equal flows.
// An update reuses what it did not change (see layoutCompare): switching B keeps A's view, as the
// same object, whenever the boxes stay where they were.
import { formatSigned } from '../lib/format';
import type { CompareGraphs } from './compare-graph';
import { sameData } from './compare-reuse';
import {
  layoutSankey,
  type PositionedLink,
  type PositionedNode,
  type SankeyLayout,
  type SankeyLayoutOptions,
} from './sankey-layout';
import type { SankeyGraph, SankeyGraphNode } from './sankey-types';

export interface CompareLayouts {
  a: SankeyLayout;
  b: SankeyLayout;
  diff: SankeyLayout;
  /** What the three views were made from, for the next update to reuse (layoutCompare). */
  basis: CompareBasis;
}

export interface CompareBasis {
  graphs: CompareGraphs;
  envelope: SankeyGraph;
  options: Partial<SankeyLayoutOptions>;
  shared: SankeyLayout;
}

function gross(n: SankeyGraphNode): number {
  return Math.max(n.inAbs + n.hiddenInAbs, n.outAbs + n.hiddenOutAbs);
}

const longest = (texts: string[]) => texts.reduce((x, y) => (y.length > x.length ? y : x), '');

/**
 * The graph the boxes are placed for. Box i of every graph is the same map (compare-graph.ts builds
 * them in one order); its size is the largest of the three, and the end labels are the longest, so
 * the margins fitted to them hold every view's labels.
 */
export function envelopeGraph(graphs: CompareGraphs): SankeyGraph {
  const all = [graphs.a, graphs.b, graphs.diff];
  const { a } = graphs;
  const nodes = a.nodes.map((n, i) => {
    const same = all.map((g) => g.nodes[i]!);
    const size = Math.max(...same.map(gross));
    const flows = same.map((m) => m.flow);
    // The widest printed number (the end labels show it under their name).
    const flow = flows.reduce((x, y) => (formatSigned(y).length > formatSigned(x).length ? y : x));
    return {
      ...n,
      shortLabel: longest(same.map((m) => m.shortLabel)),
      flow,
      inAbs: size,
      outAbs: size,
      hiddenInAbs: 0,
      hiddenOutAbs: 0,
    };
  });
  const links = a.links.map((l, i) => ({
    ...l,
    flow: Math.max(...all.map((g) => Math.abs(g.links[i]?.flow ?? 0))),
  }));
  return { ...a, nodes, links, hiddenLinks: [], empty: all.every((g) => g.empty) };
}

/**
 * Stacks each box's bands from its top, in the order of the boxes they lead to (as d3-sankey).
 * The keys are read once per band (a comparator that looked them up costs more than the layout).
 */
function stackBands(links: PositionedLink[], nodes: Map<string, PositionedNode>): void {
  const top = (id: string) => nodes.get(id)?.y0 ?? 0;
  const sourceY = links.map((l) => top(l.source));
  const targetY = links.map((l) => top(l.target));
  for (const end of ['source', 'target'] as const) {
    const groups = new Map<string, number[]>();
    links.forEach((l, i) => {
      const list = groups.get(l[end]);
      if (list) list.push(i);
      else groups.set(l[end], [i]);
    });
    // Bands leaving a box are ordered by where they arrive, bands arriving by where they leave.
    const key = end === 'source' ? targetY : sourceY;
    const start = end === 'source' ? sourceY : targetY;
    for (const list of groups.values()) {
      list.sort((p, q) => key[p]! - key[q]!);
      let y = start[list[0]!]!;
      for (const i of list) {
        const l = links[i]!;
        if (end === 'source') l.y0 = y + l.width / 2;
        else l.y1 = y + l.width / 2;
        y += l.width;
      }
    }
  }
}

/** One view of the shared layout: the envelope's boxes, this graph's numbers and bands. */
function viewOf(graph: SankeyGraph, shared: SankeyLayout, envelope: SankeyGraph): SankeyLayout {
  if (shared.empty) return { ...shared, columns: shared.columns.map((c) => ({ ...c })) };
  const nodes: PositionedNode[] = graph.nodes.map((n, i) => {
    const box = shared.nodes[i]!;
    const ownLabel = n.shortLabel === envelope.nodes[i]?.shortLabel;
    return {
      ...n,
      members: [...n.members],
      x0: box.x0,
      x1: box.x1,
      y0: box.y0,
      y1: box.y1,
      gross: gross(n),
      labelX: box.labelX,
      labelY: box.labelY,
      labelAnchor: box.labelAnchor,
      labelVisible: box.labelVisible,
      // A fitted label belongs to the envelope's text; another text is drawn as it is.
      ...(ownLabel && box.labelLines ? { labelLines: [...box.labelLines] } : {}),
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links: PositionedLink[] = graph.links.map((l) => {
    const s = byId.get(l.source)!;
    const t = byId.get(l.target)!;
    return { ...l, width: Math.abs(l.flow) * shared.ky, x0: s.x1, x1: t.x0, y0: s.y0, y1: t.y0 };
  });
  stackBands(links, byId);
  const columns = shared.columns.map((c, i) => {
    const own = graph.columns[i]!;
    const env = envelope.columns[i];
    // The input's note names this side's pixels; the fitted header lines are the envelope's.
    const headerNote =
      c.headerNote === env?.note
        ? own.note
        : c.headerNote === env?.shortNote
          ? own.shortNote
          : c.headerNote;
    return { ...c, layers: [...c.layers], note: own.note, shortNote: own.shortNote, headerNote };
  });
  return { ...shared, columns, nodes, links, empty: graph.empty };
}

/**
 * Lays the three graphs out once, at one size and one scale. With the `previous` layouts, an update
 * keeps what it did not change, exactly: the shared boxes when the envelope (the only input of
 * their placement) and the options are equal to the previous ones, and each view whose graph is
 * equal too, as the same object (so a memoised drawing of it does not redraw). Every step is a
 * pure function of what is compared, so the result is equal to a layout from scratch.
 */
export function layoutCompare(
  graphs: CompareGraphs,
  options: Partial<SankeyLayoutOptions> = {},
  previous?: CompareLayouts | null,
): CompareLayouts {
  const envelope = envelopeGraph(graphs);
  const old = previous?.basis;
  const keep =
    old !== undefined && sameData(old.options, options) && sameData(old.envelope, envelope);
  const shared = keep ? old.shared : layoutSankey(envelope, options);
  const view = (side: keyof CompareGraphs): SankeyLayout => {
    const graph = graphs[side];
    if (keep && previous && (old.graphs[side] === graph || sameData(old.graphs[side], graph)))
      return previous[side];
    return viewOf(graph, shared, envelope);
  };
  return {
    a: view('a'),
    b: view('b'),
    diff: view('diff'),
    basis: { graphs, envelope, options, shared },
  };
}
