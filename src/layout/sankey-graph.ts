// PixelQueryResult → a pure Sankey graph of signed class flows (docs/method.md, definition 5).
// Every number is an exact float64 sum of the engine's float32 flows: aggregated "other" nodes sum
// their members, and pruned links go to explicit per-node hidden tallies, so at every node
// Σin + hiddenIn = F = Σout + hiddenOut up to the engine's own float32 conservation error.
import type { PixelQueryResult } from '../pathways/types';
import { buildColumns } from './sankey-columns';
import { groupColumn } from './sankey-grouping';
import {
  DEFAULT_SANKEY_OPTIONS,
  type PruneStats,
  type SankeyColumn,
  type SankeyGraph,
  type SankeyGraphLink,
  type SankeyGraphNode,
  type SankeyGraphOptions,
} from './sankey-types';

/** Per-column channel data before grouping into nodes. */
interface ColumnChannels {
  flow: Float64Array;
  /** Σ|edge| touching each channel, in and out: zero means the map is silent for this pixel. */
  gross: Float64Array;
  /** Node index (within the column) of each channel, or -1 when the channel is not drawn. */
  group: Int32Array;
  nodes: SankeyGraphNode[];
}

function edgeMatrix(result: PixelQueryResult, column: SankeyColumn, sourceSize: number) {
  const layerIndex = column.layers[0] ?? 0;
  const matrix = result.edgeFlow[layerIndex];
  const targetSize = result.layers[layerIndex]?.channels ?? 0;
  if (!matrix || matrix.length !== sourceSize * targetSize) {
    throw new Error(
      `edgeFlow[${layerIndex}] has ${matrix?.length ?? 0} entries, expected ${sourceSize}×${targetSize}`,
    );
  }
  return { matrix, targetSize };
}

function channelFlows(result: PixelQueryResult, columns: SankeyColumn[]): Float64Array[] {
  return columns.map((column, i) => {
    if (column.kind === 'input') {
      if (result.inputFlow?.length === column.size) return Float64Array.from(result.inputFlow);
      // Older results without inputFlow: a source's flow is what it sends (Σ_k E_0[j,k]).
      const next = columns[i + 1];
      const flows = new Float64Array(column.size);
      if (!next) return flows;
      const { matrix, targetSize } = edgeMatrix(result, next, column.size);
      for (let j = 0; j < column.size; j++) {
        for (let k = 0; k < targetSize; k++) flows[j]! += matrix[j * targetSize + k] ?? 0;
      }
      return flows;
    }
    const last = column.layers[column.layers.length - 1] ?? 0;
    return Float64Array.from(result.nodeFlow[last] ?? new Float32Array(column.size));
  });
}

/** Accumulates one gap's links at node level: flow, member count and member |flow|. */
function aggregateGap(
  matrix: Float32Array,
  targetSize: number,
  source: ColumnChannels,
  target: ColumnChannels,
  column: number,
  stats: PruneStats,
): { candidates: SankeyGraphLink[]; gapAbs: number } {
  const nS = source.nodes.length;
  const nT = target.nodes.length;
  const flow = new Float64Array(nS * nT);
  const abs = new Float64Array(nS * nT);
  const members = new Int32Array(nS * nT);
  let gapAbs = 0;
  for (let j = 0; j < source.group.length; j++) {
    const gs = source.group[j] ?? -1;
    for (let k = 0; k < targetSize; k++) {
      const e = matrix[j * targetSize + k] ?? 0;
      if (e === 0) {
        stats.zeroLinks++;
        continue;
      }
      const a = Math.abs(e);
      stats.totalLinks++;
      stats.totalAbs += a;
      gapAbs += a;
      const gt = target.group[k] ?? -1;
      if (gs >= 0 && gt >= 0) {
        flow[gs * nT + gt]! += e;
        abs[gs * nT + gt]! += a;
        members[gs * nT + gt]!++;
        continue;
      }
      // A link to or from a channel that is not drawn: straight to the hidden tally.
      stats.hiddenLinks++;
      stats.hiddenAbs += a;
      const s = gs >= 0 ? source.nodes[gs] : undefined;
      const t = gt >= 0 ? target.nodes[gt] : undefined;
      if (s) {
        s.hiddenOut += e;
        s.hiddenOutAbs += a;
      }
      if (t) {
        t.hiddenIn += e;
        t.hiddenInAbs += a;
      }
    }
  }
  const candidates: SankeyGraphLink[] = [];
  for (let a = 0; a < nS; a++) {
    for (let b = 0; b < nT; b++) {
      const m = members[a * nT + b] ?? 0;
      if (m === 0) continue;
      const s = source.nodes[a]!;
      const t = target.nodes[b]!;
      candidates.push({
        id: `${s.id}->${t.id}`,
        source: s.id,
        target: t.id,
        column,
        flow: flow[a * nT + b] ?? 0,
        members: m,
        memberAbs: abs[a * nT + b] ?? 0,
      });
    }
  }
  return { candidates, gapAbs };
}

/** Zero tallies, before any link is counted (also compare-graph.ts's). */
export function emptyPruneStats(): PruneStats {
  return {
    totalLinks: 0,
    drawnLinks: 0,
    hiddenLinks: 0,
    aggregatedLinks: 0,
    zeroLinks: 0,
    totalAbs: 0,
    shownAbs: 0,
    hiddenAbs: 0,
    shownShare: 1,
    aggregatedNodes: 0,
    inactiveNodes: 0,
  };
}

export function buildSankeyGraph(
  result: PixelQueryResult,
  partial: Partial<SankeyGraphOptions> = {},
): SankeyGraph {
  const options: SankeyGraphOptions = { ...DEFAULT_SANKEY_OPTIONS, ...partial };
  const className = options.classNames?.[result.classIndex] ?? String(result.classIndex);
  const columns = buildColumns(result, options.poolMode);
  const flows = channelFlows(result, columns);
  const stats = emptyPruneStats();

  // Gross |edge| per channel, to tell silent maps (nothing in, nothing out) from live ones.
  const gross = columns.map((c) => new Float64Array(c.size));
  const matrices = columns.map((column, i) => {
    if (i === 0) return null;
    const { matrix, targetSize } = edgeMatrix(result, column, columns[i - 1]!.size);
    for (let j = 0; j < columns[i - 1]!.size; j++) {
      for (let k = 0; k < targetSize; k++) {
        const a = Math.abs(matrix[j * targetSize + k] ?? 0);
        gross[i - 1]![j]! += a;
        gross[i]![k]! += a;
      }
    }
    return { matrix, targetSize };
  });

  const channels: ColumnChannels[] = columns.map((column, i) => {
    const g = groupColumn(result, column, flows[i]!, gross[i]!, options, className);
    stats.inactiveNodes += g.inactive;
    stats.aggregatedNodes += g.aggregated;
    return { flow: flows[i]!, gross: gross[i]!, group: g.group, nodes: g.nodes };
  });
  const byId = new Map<string, SankeyGraphNode>();
  for (const c of channels) for (const n of c.nodes) byId.set(n.id, n);

  const links: SankeyGraphLink[] = [];
  const hiddenLinks: SankeyGraphLink[] = [];
  for (let i = 1; i < columns.length; i++) {
    const m = matrices[i]!;
    const { candidates, gapAbs } = aggregateGap(
      m.matrix,
      m.targetSize,
      channels[i - 1]!,
      channels[i]!,
      i,
      stats,
    );
    const cut = options.prune.mode === 'threshold' ? Math.max(0, options.prune.share) * gapAbs : 0;
    for (const link of candidates) {
      const hide = link.flow === 0 || Math.abs(link.flow) < cut;
      (hide ? hiddenLinks : links).push(link);
    }
  }

  for (const link of links) {
    const s = byId.get(link.source)!;
    const t = byId.get(link.target)!;
    const a = Math.abs(link.flow);
    s.outFlow += link.flow;
    s.outAbs += a;
    t.inFlow += link.flow;
    t.inAbs += a;
    stats.shownAbs += link.memberAbs;
    if (s.kind === 'other' || t.kind === 'other') stats.aggregatedLinks += link.members;
  }
  for (const link of hiddenLinks) {
    const s = byId.get(link.source)!;
    const t = byId.get(link.target)!;
    const a = Math.abs(link.flow);
    s.hiddenOut += link.flow;
    s.hiddenOutAbs += a;
    t.hiddenIn += link.flow;
    t.hiddenInAbs += a;
    stats.hiddenLinks += link.members;
    stats.hiddenAbs += link.memberAbs;
  }
  stats.drawnLinks = links.length;
  stats.shownShare = stats.totalAbs > 0 ? stats.shownAbs / stats.totalAbs : 1;

  const nodes = channels.flatMap((c) => c.nodes);
  const { maxImbalance, maxFlowMismatch } = balance(nodes, columns.length);
  return {
    columns,
    nodes,
    links,
    hiddenLinks,
    stats,
    pixels: [...result.pixels],
    classIndex: result.classIndex,
    className,
    relevance: result.relevance,
    maxImbalance,
    maxFlowMismatch,
    empty: stats.totalAbs === 0,
    options,
  };
}

/**
 * Σin and Σout of every node with the hidden tallies included. Sources (the pixel) have no inflow
 * and the sink (the class) no outflow: for them the missing side is the node flow F itself.
 */
export function nodeTotals(node: SankeyGraphNode, lastColumn: number): { in: number; out: number } {
  const inTotal = node.column === 0 ? node.flow : node.inFlow + node.hiddenIn;
  const outTotal = node.column === lastColumn ? node.flow : node.outFlow + node.hiddenOut;
  return { in: inTotal, out: outTotal };
}

export function balance(
  nodes: readonly SankeyGraphNode[],
  columnCount: number,
): { maxImbalance: number; maxFlowMismatch: number } {
  let maxImbalance = 0;
  let maxFlowMismatch = 0;
  for (const node of nodes) {
    const t = nodeTotals(node, columnCount - 1);
    maxImbalance = Math.max(maxImbalance, Math.abs(t.in - t.out));
    maxFlowMismatch = Math.max(
      maxFlowMismatch,
      Math.abs(t.in - node.flow),
      Math.abs(t.out - node.flow),
    );
  }
  return { maxImbalance, maxFlowMismatch };
}
