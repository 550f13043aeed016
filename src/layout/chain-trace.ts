// A beam-search chain (definition 6: one map per layer) drawn over the Sankey. Unlike the
// proportional hover trace this is exact: a chain's flow is its own contribution to the class, so
// on every link it passes it is drawn at width |chain flow| (capped at the link's width, since
// chains of opposite sign can share a link whose net flow is smaller).
import type { PathwayChain } from '../pathways/types';
import type { SankeyTrace } from './trace';

interface ChainColumn {
  index: number;
  id: string;
  kind: string;
  layers: readonly number[];
}
interface ChainNode {
  id: string;
  column: number;
  kind: string;
  members: readonly number[];
}
interface ChainLink {
  id: string;
  flow: number;
}

/**
 * The node the chain passes in each column: the map's own node or the "other" node holding it;
 * null where it passes no drawn node (a silent map, or an input column with several channels,
 * which chains do not split).
 */
export function chainNodeIds(
  chain: PathwayChain,
  columns: readonly ChainColumn[],
  nodes: readonly ChainNode[],
): Array<string | null> {
  return columns.map((column) => {
    const inColumn = nodes.filter((n) => n.column === column.index);
    if (column.kind === 'input') return inColumn.length === 1 ? inColumn[0]!.id : null;
    // A merged conv + pool column: the chain's map is the same channel on both layers.
    const layer = column.layers[column.layers.length - 1];
    const k = layer === undefined ? undefined : chain.maps[layer];
    if (k === undefined) return null;
    return inColumn.find((n) => n.members.includes(k))?.id ?? null;
  });
}

export function traceChain(
  chain: PathwayChain,
  index: number,
  graph: {
    columns: readonly ChainColumn[];
    nodes: readonly ChainNode[];
    links: readonly ChainLink[];
  },
): SankeyTrace {
  const ids = chainNodeIds(chain, graph.columns, graph.nodes);
  const links = new Map(graph.links.map((l) => [l.id, l]));
  const trace: SankeyTrace = {
    focus: { kind: 'chain', index },
    nodes: new Map(),
    links: new Map(),
    sign: Math.sign(chain.flow),
  };
  ids.forEach((id, i) => {
    if (id) trace.nodes.set(id, 1);
    const prev = ids[i - 1];
    if (!id || !prev) return;
    const link = links.get(`${prev}->${id}`);
    if (!link || link.flow === 0) return;
    trace.links.set(link.id, Math.min(1, Math.abs(chain.flow) / Math.abs(link.flow)));
  });
  return trace;
}
