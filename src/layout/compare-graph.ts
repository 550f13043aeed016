// Two pathway results of one model → three Sankey graphs A, B and B − A over ONE node set: the
// union of each side's own top-K maps per column, in channel order, with the rest of the maps that
// carry flow on either side in one "other" node. The difference is taken per channel and per edge
// before grouping (float64), so it is conserved like a single result is (the flows are linear in
// the class gradient and the diffusion): at every box, Σin + hiddenIn = F = Σout + hiddenOut holds
// for B − A up to the two sides' own float32 errors. See docs/compare.md.
import type { PixelQueryResult } from '../pathways/types';
import { buildColumns, describePixels, plural, unitNoun } from './sankey-columns';
import { balance, buildSankeyGraph, emptyPruneStats } from './sankey-graph';
import { emptyNode } from './sankey-grouping';
import {
  DEFAULT_SANKEY_OPTIONS,
  type SankeyColumn,
  type SankeyGraph,
  type SankeyGraphLink,
  type SankeyGraphNode,
  type SankeyGraphOptions,
} from './sankey-types';

export interface CompareGraphs {
  a: SankeyGraph;
  b: SankeyGraph;
  /** B − A: node and link flows are differences; hidden tallies are differences too. */
  diff: SankeyGraph;
}

/** Why two results cannot share one diagram (another network), or null when they can. */
export function incompatibility(a: PixelQueryResult, b: PixelQueryResult): string | null {
  if (a.layers.length !== b.layers.length) return 'the two results come from different networks';
  for (let i = 0; i < a.layers.length; i++) {
    const x = a.layers[i]!;
    const y = b.layers[i]!;
    if (x.name !== y.name || x.channels !== y.channels || x.kind !== y.kind)
      return `layer ${i} differs (${x.name} vs ${y.name})`;
  }
  if (a.input.channels !== b.input.channels) return 'the inputs have different channels';
  return null;
}

/**
 * One side's flows per column and channel, and edges per gap, in float64. The class column is
 * reduced to the one chosen class (channel 0 here), so that sides flowing to two different classes
 * line up and can be subtracted.
 */
interface SideFlows {
  flows: Float64Array[];
  /** edges[i] for the gap into column i: [size(i−1) × size(i)] row-major (edges[0] empty). */
  edges: Float64Array[];
}

function columnSize(column: SankeyColumn): number {
  return column.kind === 'class' ? 1 : column.size;
}

function sideFlows(result: PixelQueryResult, columns: SankeyColumn[]): SideFlows {
  const flows = columns.map((column) => {
    if (column.kind === 'input') return Float64Array.from(result.inputFlow);
    const last = column.layers[column.layers.length - 1] ?? 0;
    const f = result.nodeFlow[last] ?? new Float32Array(column.size);
    return column.kind === 'class'
      ? Float64Array.of(f[result.classIndex] ?? 0)
      : Float64Array.from(f);
  });
  const edges = columns.map((column, i) => {
    if (i === 0) return new Float64Array(0);
    const source = columns[i - 1]!.size;
    const layer = column.layers[0] ?? 0;
    const width = result.layers[layer]?.channels ?? 0;
    const matrix = result.edgeFlow[layer];
    if (!matrix || matrix.length !== source * width)
      throw new Error(
        `edgeFlow[${layer}] has ${matrix?.length ?? 0} entries, expected ${source}×${width}`,
      );
    if (column.kind !== 'class') return Float64Array.from(matrix);
    const out = new Float64Array(source);
    for (let j = 0; j < source; j++) out[j] = matrix[j * width + result.classIndex] ?? 0;
    return out;
  });
  return { flows, edges };
}

function subtract(b: SideFlows, a: SideFlows): SideFlows {
  const minus = (x: Float64Array, y: Float64Array) => x.map((v, i) => v - (y[i] ?? 0));
  return {
    flows: b.flows.map((f, i) => minus(f, a.flows[i]!)),
    edges: b.edges.map((e, i) => minus(e, a.edges[i]!)),
  };
}

/** Which channels of a column get their own box (the union of both sides' own boxes). */
interface ColumnPlan {
  own: number[];
  /** Channels with flow on either side but in neither side's top-K: one "other" box. */
  rest: number[];
  /** Channels silent on both sides: not drawn. */
  silent: number;
}

function planColumns(columns: SankeyColumn[], graphs: SankeyGraph[]): ColumnPlan[] {
  return columns.map((column) => {
    if (column.kind === 'class') return { own: [0], rest: [], silent: 0 };
    const own = new Set<number>();
    const active = new Set<number>();
    for (const g of graphs) {
      for (const n of g.nodes) {
        if (n.column !== column.index) continue;
        for (const k of n.members) active.add(k);
        if (n.kind !== 'other') for (const k of n.members) own.add(k);
      }
    }
    let rest = [...active].filter((k) => !own.has(k));
    // An "other" box standing for a single map would only hide its name (as sankey-grouping.ts).
    if (rest.length === 1) {
      own.add(rest[0]!);
      rest = [];
    }
    const sorted = [...own].sort((x, y) => x - y);
    return { own: sorted, rest: rest.sort((x, y) => x - y), silent: column.size - active.size };
  });
}

/** How one side is named in its boxes: its pixels and class (the difference names both). */
interface SideNames {
  pixels: number[];
  classIndex: number;
  className: string;
  /** The input box's label, and the class box's label and short label. */
  inputLabel: string;
  classLabel: string;
  classShort: string;
  /** Class box id: class:c, as in a single diagram. */
  classId: string;
}

function planNodes(columns: SankeyColumn[], plans: ColumnPlan[], names: SideNames) {
  const groups: Int32Array[] = [];
  const nodes: SankeyGraphNode[][] = columns.map((column, c) => {
    const plan = plans[c]!;
    const group = new Int32Array(columnSize(column)).fill(-1);
    groups.push(group);
    if (column.kind === 'class') {
      const node = emptyNode(names.classId, c, 'class');
      node.label = names.classLabel;
      node.shortLabel = names.classShort;
      node.members = [names.classIndex];
      group[0] = 0;
      return [node];
    }
    const noun = unitNoun(column.kind);
    const list = plan.own.map((k, order) => {
      group[k] = order;
      const input = column.kind === 'input';
      const node = emptyNode(`${column.id}:${k}`, c, input ? 'input' : 'unit', ['', ''], order);
      node.label = input ? names.inputLabel : `${column.label} · ${noun} ${k}`;
      node.shortLabel = input ? 'pixel' : `${noun} ${k}`;
      node.members = [k];
      return node;
    });
    if (plan.rest.length > 0) {
      const other = emptyNode(`${column.id}:other`, c, 'other', ['', ''], list.length);
      other.label = `${column.label} · ${plan.rest.length} other ${noun}s`;
      other.shortLabel = `${plan.rest.length} other ${noun}s`;
      other.members = [...plan.rest];
      for (const k of plan.rest) group[k] = list.length;
      list.push(other);
    }
    return list;
  });
  return { groups, nodes };
}

/** One gap's links at box level, for one side: flow, member count and member |flow|. */
interface GapLinks {
  flow: Float64Array;
  abs: Float64Array;
  members: Int32Array;
  /** Σ|edge| of the gap (threshold pruning is a share of it). */
  gapAbs: number;
  zero: number;
}

function gapLinks(
  edges: Float64Array,
  sourceGroup: Int32Array,
  targetGroup: Int32Array,
  nS: number,
  nT: number,
): GapLinks {
  const out: GapLinks = {
    flow: new Float64Array(nS * nT),
    abs: new Float64Array(nS * nT),
    members: new Int32Array(nS * nT),
    gapAbs: 0,
    zero: 0,
  };
  const width = targetGroup.length;
  for (let j = 0; j < sourceGroup.length; j++) {
    for (let k = 0; k < width; k++) {
      const e = edges[j * width + k] ?? 0;
      if (e === 0) {
        out.zero++;
        continue;
      }
      const gs = sourceGroup[j] ?? -1;
      const gt = targetGroup[k] ?? -1;
      // Every channel with flow on either side has a box, so no edge can miss one.
      if (gs < 0 || gt < 0) throw new Error(`an edge of ${e} has no box (channels ${j} → ${k})`);
      const a = Math.abs(e);
      out.gapAbs += a;
      out.flow[gs * nT + gt]! += e;
      out.abs[gs * nT + gt]! += a;
      out.members[gs * nT + gt]!++;
    }
  }
  return out;
}

function noteColumns(
  columns: SankeyColumn[],
  plans: ColumnPlan[],
  pixels: number[],
  inputWidth: number,
) {
  return columns.map((column, c): SankeyColumn => {
    const plan = plans[c]!;
    const noun = unitNoun(column.kind);
    if (column.kind === 'input')
      return { ...column, layers: [], note: describePixels(pixels, inputWidth) };
    if (column.kind === 'class') return { ...column, layers: [...column.layers] };
    const what =
      plan.rest.length > 0
        ? `${plan.own.length} of ${plural(column.size, noun)}`
        : plural(column.size, noun);
    const note = plan.silent > 0 ? `${what}, ${plan.silent} silent` : what;
    const shortNote =
      plan.rest.length > 0 ? `${plan.own.length}/${plural(column.size, noun)}` : what;
    return { ...column, layers: [...column.layers], note, shortNote };
  });
}

interface Shared {
  columns: SankeyColumn[];
  plans: ColumnPlan[];
  /** kept[i][s·nT + t]: the union's decision for each box pair of gap i (same on every side). */
  kept: Uint8Array[];
  options: SankeyGraphOptions;
  inputWidth: number;
}

function sideGraph(
  side: SideFlows,
  names: SideNames,
  relevance: number,
  shared: Shared,
  gaps: (GapLinks | null)[],
): SankeyGraph {
  const { plans, options } = shared;
  const columns = noteColumns(shared.columns, plans, names.pixels, shared.inputWidth);
  const { nodes: perColumn } = planNodes(columns, plans, names);
  const stats = emptyPruneStats();
  const links: SankeyGraphLink[] = [];
  const hiddenLinks: SankeyGraphLink[] = [];
  perColumn.forEach((list, c) => {
    for (const node of list)
      node.flow = node.members.reduce((s, k, i) => {
        const channel = columns[c]!.kind === 'class' ? i : k;
        return s + (side.flows[c]![channel] ?? 0);
      }, 0);
    stats.aggregatedNodes += plans[c]!.rest.length;
    if (columns[c]!.kind !== 'input' && columns[c]!.kind !== 'class')
      stats.inactiveNodes += plans[c]!.silent;
  });
  for (let i = 1; i < columns.length; i++) {
    const S = perColumn[i - 1]!;
    const T = perColumn[i]!;
    const g = gaps[i]!;
    stats.zeroLinks += g.zero;
    const kept = shared.kept[i]!;
    for (let s = 0; s < S.length; s++) {
      for (let t = 0; t < T.length; t++) {
        const idx = s * T.length + t;
        if (kept[idx] === 0) continue;
        const source = S[s]!;
        const target = T[t]!;
        const flow = g.flow[idx] ?? 0;
        const members = g.members[idx] ?? 0;
        const memberAbs = g.abs[idx] ?? 0;
        stats.totalLinks += members;
        stats.totalAbs += memberAbs;
        const link: SankeyGraphLink = {
          id: `${source.id}->${target.id}`,
          source: source.id,
          target: target.id,
          column: i,
          flow,
          members,
          memberAbs,
        };
        const a = Math.abs(flow);
        if (kept[idx] === 2) {
          hiddenLinks.push(link);
          source.hiddenOut += flow;
          source.hiddenOutAbs += a;
          target.hiddenIn += flow;
          target.hiddenInAbs += a;
          stats.hiddenLinks += members;
          stats.hiddenAbs += memberAbs;
          continue;
        }
        // Drawn on the union's decision; a band this side lacks is drawn with no width, so every
        // view has the same bands to hover and to pin.
        links.push(link);
        source.outFlow += flow;
        source.outAbs += a;
        target.inFlow += flow;
        target.inAbs += a;
        stats.shownAbs += memberAbs;
        if (members > 0) stats.drawnLinks++;
        if (source.kind === 'other' || target.kind === 'other') stats.aggregatedLinks += members;
      }
    }
  }
  stats.shownShare = stats.totalAbs > 0 ? stats.shownAbs / stats.totalAbs : 1;
  const nodes = perColumn.flat();
  const { maxImbalance, maxFlowMismatch } = balance(nodes, columns.length);
  return {
    columns,
    nodes,
    links,
    hiddenLinks,
    stats,
    pixels: [...names.pixels],
    classIndex: names.classIndex,
    className: names.className,
    relevance,
    maxImbalance,
    maxFlowMismatch,
    empty: stats.totalAbs === 0,
    options,
  };
}

/** Each gap's links at box level for one side (index 0 is the input column: no gap). */
function sideGaps(side: SideFlows, columns: SankeyColumn[], plans: ColumnPlan[], names: SideNames) {
  const { groups, nodes } = planNodes(columns, plans, names);
  return columns.map((_column, i): GapLinks | null =>
    i === 0
      ? null
      : gapLinks(
          side.edges[i]!,
          groups[i - 1]!,
          groups[i]!,
          nodes[i - 1]!.length,
          nodes[i]!.length,
        ),
  );
}

/**
 * The union's decision per box pair: 0 no band (no flow on either side), 1 drawn, 2 pruned
 * (threshold mode: under the share on BOTH sides, so the difference hides only what both hide).
 */
function keepLinks(
  sides: (GapLinks | null)[][],
  columns: SankeyColumn[],
  options: SankeyGraphOptions,
) {
  const share = options.prune.mode === 'threshold' ? Math.max(0, options.prune.share) : 0;
  return columns.map((_column, i) => {
    const gaps = sides.map((side) => side[i]).filter((g): g is GapLinks => g != null);
    const out = new Uint8Array(gaps[0]?.flow.length ?? 0);
    for (let idx = 0; idx < out.length; idx++) {
      let any = false;
      let shown = false;
      for (const g of gaps) {
        const f = g.flow[idx] ?? 0;
        if ((g.members[idx] ?? 0) === 0) continue;
        any = true;
        if (f !== 0 && Math.abs(f) >= share * g.gapAbs) shown = true;
      }
      out[idx] = !any ? 0 : shown ? 1 : 2;
    }
    return out;
  });
}

function namesOf(result: PixelQueryResult, graph: SankeyGraph): SideNames {
  const input = graph.nodes.find((n) => n.kind === 'input');
  const cls = graph.nodes.find((n) => n.kind === 'class');
  return {
    pixels: [...result.pixels],
    classIndex: result.classIndex,
    className: graph.className,
    inputLabel: input?.label ?? describePixels(result.pixels, result.input.width),
    classLabel: cls?.label ?? `class ${result.classIndex}`,
    classShort: cls?.shortLabel ?? graph.className,
    classId: `class:${result.classIndex}`,
  };
}

/** The difference's names: B's where the sides agree, "B − A" spelled out where they do not. */
function diffNames(a: SideNames, b: SideNames, inputWidth: number): SideNames {
  const samePixels = a.pixels.join(',') === b.pixels.join(',');
  const sameClass = a.classIndex === b.classIndex;
  const where = (p: number[]) => describePixels(p, inputWidth);
  return {
    pixels: b.pixels,
    classIndex: b.classIndex,
    className: sameClass ? b.className : `${b.className} − ${a.className}`,
    inputLabel: samePixels ? `${b.inputLabel} (B − A)` : `${where(b.pixels)} − ${where(a.pixels)}`,
    classLabel: sameClass ? `${b.classLabel} (B − A)` : `${b.classLabel} − ${a.classLabel}`,
    classShort: sameClass ? b.classShort : `${b.classShort} − ${a.classShort}`,
    classId: b.classId,
  };
}

/** What a comparison needs of one result on its own: its single diagram, flows and names. */
interface SideParts {
  options: string;
  own: SankeyGraph;
  flows: SideFlows;
  names: SideNames;
}

// Results are immutable store data: when B changes, A's parts are read from here, not rebuilt.
const partsOf = new WeakMap<PixelQueryResult, SideParts>();

function sideParts(
  result: PixelQueryResult,
  options: SankeyGraphOptions,
  columns: SankeyColumn[],
): SideParts {
  const key = JSON.stringify(options);
  const known = partsOf.get(result);
  if (known?.options === key) return known;
  // Each side's own choice of boxes, exactly as its single diagram makes it.
  const own = buildSankeyGraph(result, options);
  const parts = {
    options: key,
    own,
    flows: sideFlows(result, columns),
    names: namesOf(result, own),
  };
  partsOf.set(result, parts);
  return parts;
}

/** A, B and B − A over one node set (see the file comment). Throws when the networks differ. */
export function buildCompareGraphs(
  a: PixelQueryResult,
  b: PixelQueryResult,
  partial: Partial<SankeyGraphOptions> = {},
): CompareGraphs {
  const why = incompatibility(a, b);
  if (why) throw new Error(`These pathways cannot be compared: ${why}.`);
  const options: SankeyGraphOptions = { ...DEFAULT_SANKEY_OPTIONS, ...partial };
  const columns = buildColumns(a, options.poolMode);
  const sideA = sideParts(a, options, columns);
  const sideB = sideParts(b, options, columns);
  const plans = planColumns(columns, [sideA.own, sideB.own]);
  const flowsD = subtract(sideB.flows, sideA.flows);
  const inputWidth = a.input.width;
  const namesD = diffNames(sideA.names, sideB.names, inputWidth);
  // Box-level links once per side (the grouping is the union's, the same for all three).
  const gapsA = sideGaps(sideA.flows, columns, plans, sideA.names);
  const gapsB = sideGaps(sideB.flows, columns, plans, sideB.names);
  const gapsD = sideGaps(flowsD, columns, plans, namesD);
  const kept = keepLinks([gapsA, gapsB], columns, options);
  const shared: Shared = { columns, plans, kept, options, inputWidth };
  return {
    a: sideGraph(sideA.flows, sideA.names, a.relevance, shared, gapsA),
    b: sideGraph(sideB.flows, sideB.names, b.relevance, shared, gapsB),
    diff: sideGraph(flowsD, namesD, b.relevance - a.relevance, shared, gapsD),
  };
}
