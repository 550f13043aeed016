// Which channels of a column get their own node, which are summed into one exact "other" node,
// and which are not drawn at all (silent maps; logits other than the chosen class).
import type { PixelQueryResult } from '../pathways/types';
import { describePixels, inputChannelName, plural, unitNoun } from './sankey-columns';
import type { SankeyColumn, SankeyGraphNode, SankeyGraphOptions } from './sankey-types';

function score(
  result: PixelQueryResult,
  column: SankeyColumn,
  flows: Float64Array,
  channel: number,
  options: SankeyGraphOptions,
): number {
  if (options.rankBy !== 'flow') {
    const last = column.layers[column.layers.length - 1] ?? 0;
    const sizes = result.sizes[last]?.[options.rankBy];
    if (sizes && sizes.length === column.size) return Math.abs(sizes[channel] ?? 0);
  }
  return Math.abs(flows[channel] ?? 0);
}

function columnLimit(column: SankeyColumn, options: SankeyGraphOptions): number {
  if (column.kind === 'input' || column.kind === 'class') return Infinity;
  const prune = options.prune.mode === 'topK' ? Math.max(1, options.prune.k) : Infinity;
  const dense = column.kind === 'dense' ? Math.max(1, options.denseTopN) : Infinity;
  return Math.min(prune, dense, Math.max(1, options.maxNodesPerColumn));
}

/** A node with no flow yet (its tallies are added as links are placed); also compare-graph.ts's. */
export function emptyNode(
  id: string,
  column: number,
  kind: SankeyGraphNode['kind'],
  labels: [string, string] = ['', ''],
  order = 0,
): SankeyGraphNode {
  return {
    id,
    column,
    order,
    kind,
    label: labels[0],
    shortLabel: labels[1],
    members: [],
    flow: 0,
    inFlow: 0,
    outFlow: 0,
    hiddenIn: 0,
    hiddenOut: 0,
    inAbs: 0,
    outAbs: 0,
    hiddenInAbs: 0,
    hiddenOutAbs: 0,
  };
}

/** Chooses which channels get their own node, which join "other", and which are not drawn. */
export function groupColumn(
  result: PixelQueryResult,
  column: SankeyColumn,
  flows: Float64Array,
  gross: Float64Array,
  options: SankeyGraphOptions,
  className: string,
): { group: Int32Array; nodes: SankeyGraphNode[]; inactive: number; aggregated: number } {
  const group = new Int32Array(column.size).fill(-1);
  const noun = unitNoun(column.kind);
  if (column.kind === 'class') {
    // Only the chosen class is a sink; flows to other logits are zero by construction (G^c is
    // one-hot on the logits) and would go to the hidden tally if the engine ever reported any.
    group[result.classIndex] = 0;
    const node = emptyNode(`class:${result.classIndex}`, column.index, 'class', [
      `class ${result.classIndex} · ${className}`,
      className,
    ]);
    node.members = [result.classIndex];
    node.flow = flows[result.classIndex] ?? 0;
    column.note = `logit ${result.classIndex}`;
    column.shortNote = column.note;
    return { group, nodes: [node], inactive: 0, aggregated: 0 };
  }
  const active: number[] = [];
  for (let k = 0; k < column.size; k++) if ((gross[k] ?? 0) > 0) active.push(k);
  const limit = columnLimit(column, options);
  // An "other" node standing for a single map would only hide its name, so allow limit + 1.
  const keepAll = active.length <= limit + 1;
  const ranked = [...active].sort(
    (a, b) =>
      score(result, column, flows, b, options) - score(result, column, flows, a, options) || a - b,
  );
  const own = (keepAll ? ranked : ranked.slice(0, limit)).sort((a, b) => a - b);
  const rest = keepAll ? [] : ranked.slice(limit).sort((a, b) => a - b);
  const nodes: SankeyGraphNode[] = own.map((k, order) => {
    group[k] = order;
    const labels: [string, string] =
      column.kind === 'input'
        ? inputLabels(result, k)
        : [`${column.label} · ${noun} ${k}`, `${noun} ${k}`];
    const node = emptyNode(
      `${column.id}:${k}`,
      column.index,
      column.kind === 'input' ? 'input' : 'unit',
      labels,
    );
    node.order = order;
    node.members = [k];
    return node;
  });
  if (rest.length > 0) {
    const other = emptyNode(`${column.id}:other`, column.index, 'other', [
      `${column.label} · ${rest.length} other ${noun}s`,
      `${rest.length} other ${noun}s`,
    ]);
    other.order = nodes.length;
    other.members = rest;
    for (const k of rest) group[k] = nodes.length;
    nodes.push(other);
  }
  for (const node of nodes) node.flow = node.members.reduce((s, k) => s + (flows[k] ?? 0), 0);
  const inactive = column.size - active.length;
  if (column.kind !== 'input') {
    const what =
      rest.length > 0
        ? `top ${own.length} of ${plural(column.size, noun)}`
        : plural(column.size, noun);
    column.note = inactive > 0 ? `${what}, ${inactive} silent` : what;
    column.shortNote = rest.length > 0 ? `${own.length}/${plural(column.size, noun)}` : what;
  }
  return { group, nodes, inactive, aggregated: rest.length };
}

function inputLabels(result: PixelQueryResult, channel: number): [string, string] {
  const where = describePixels(result.pixels, result.input.width);
  const name = inputChannelName(channel, result.input.channels);
  return name ? [`${where} · ${name}`, name] : [where, 'pixel'];
}
