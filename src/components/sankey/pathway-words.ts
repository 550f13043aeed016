// The largest pathways in words, the Sankey's text alternative for screen readers and for anyone
// who cannot read the diagram: one sentence per chain of the engine's beam search. Only chains the
// diagram draws are listed, named as the diagram names them (its columns, "map" / "unit", the
// "other" box a pruned map went into), so every row can be found in the figure.
import { chainNodeIds } from '../../layout/chain-trace';
import { describePixels, unitNoun } from '../../layout/sankey-columns';
import type { SankeyGraph } from '../../layout/sankey-types';
import { formatSigned } from '../../lib/format';
import type { PathwayChain, PixelQueryResult } from '../../pathways/types';

export interface ChainStep {
  /** The diagram's column header, e.g. 'conv1_2 + pool1'. */
  column: string;
  /** The map (or unit) of the chain in this column. */
  channel: number;
  /** Drawn inside the column's "other" box rather than as its own box. */
  inOther: boolean;
  /** As the diagram says it: 'conv1_1 · map 3', 'dense1 · unit 12 (in “56 other units”)'. */
  text: string;
}

export interface ShownChain {
  /** Index into result.chains (the Sankey draws that chain on hover). */
  index: number;
  flow: number;
  steps: ChainStep[];
}

/** How the diagram reaches a chain, or null where it passes a box or link that is not drawn. */
function chainSteps(chain: PathwayChain, graph: SankeyGraph): ChainStep[] | null {
  const ids = chainNodeIds(chain, graph.columns, graph.nodes);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const links = new Set(graph.links.map((l) => l.id));
  const steps: ChainStep[] = [];
  for (const [i, column] of graph.columns.entries()) {
    const id = ids[i] ?? null;
    // An input of several channels is one pixel to a chain; every other column must be drawn.
    if (id === null && column.kind !== 'input') return null;
    const prev = ids[i - 1] ?? null;
    if (id !== null && prev !== null && !links.has(`${prev}->${id}`)) return null;
    if (column.kind === 'input' || column.kind === 'class' || id === null) continue;
    const node = nodes.get(id);
    const layer = column.layers[column.layers.length - 1];
    const channel = layer === undefined ? undefined : chain.maps[layer];
    if (!node || channel === undefined) return null;
    const inOther = node.kind === 'other';
    const own = `${column.label} · ${unitNoun(column.kind)} ${channel}`;
    steps.push({
      column: column.label,
      channel,
      inOther,
      text: inOther ? `${own} (in “${node.shortLabel}”)` : node.label,
    });
  }
  return steps;
}

/** The first `limit` chains of the result that the diagram draws, in the engine's order. */
export function shownChains(
  result: PixelQueryResult,
  graph: SankeyGraph | null,
  limit = 5,
): ShownChain[] {
  if (!graph || graph.empty) return [];
  const out: ShownChain[] = [];
  for (const [index, chain] of result.chains.entries()) {
    if (out.length >= limit) break;
    const steps = chainSteps(chain, graph);
    if (steps) out.push({ index, flow: chain.flow, steps });
  }
  return out;
}

/** "raises" / "lowers" the class score, for a signed flow. */
function effectOf(flow: number): string {
  return flow > 0 ? 'raises the class score' : flow < 0 ? 'lowers the class score' : 'no effect';
}

export function pathwaySentences(
  result: PixelQueryResult,
  graph: SankeyGraph | null,
  limit = 5,
): string[] {
  const origin = describePixels(result.pixels, result.input.width);
  const start = origin.charAt(0).toUpperCase() + origin.slice(1);
  // 'class 7' where the class is named by its number (MNIST), 'class 9 · Ankle boot' otherwise.
  const target =
    graph && graph.className !== String(graph.classIndex)
      ? (graph.nodes.find((n) => n.kind === 'class')?.label ?? `class ${graph.classIndex}`)
      : `class ${result.classIndex}`;
  return shownChains(result, graph, limit).map((c) => {
    const route = [start, ...c.steps.map((s) => s.text), target].join(' → ');
    return `${route}: ${formatSigned(c.flow)} logit (${effectOf(c.flow)})`;
  });
}
