// Sankey node ids ↔ (layer, channel) pairs, so the Sankey can share hover and pin with panels that
// address maps by layer index and channel (the feature-map panel's MapRef has this shape).

export interface LayerChannel {
  /** Pathway layer index (PathwayLayerInfo.index). */
  layer: number;
  channel: number;
}

interface RefColumn {
  index: number;
  id: string;
  kind: string;
  layers: readonly number[];
}
interface RefNode {
  id: string;
  column: number;
  members: readonly number[];
}

/** The map a node stands for; null for the pixel, the class and "other" nodes. */
export function nodeIdToLayerChannel(
  columns: readonly RefColumn[],
  id: string,
): LayerChannel | null {
  const m = /^(.+):(\d+)$/.exec(id);
  if (!m?.[1] || m[2] === undefined) return null;
  const column = columns.find((c) => c.id === m[1]);
  // A merged conv + pool column names the conv layer: its maps are the ones the user sees first.
  const layer = column?.layers[0];
  if (!column || layer === undefined || column.kind === 'input' || column.kind === 'class') {
    return null;
  }
  return { layer, channel: Number(m[2]) };
}

/** The node that shows a map: its own node, or the "other" node that holds it; null if none. */
export function layerChannelToNodeId(
  columns: readonly RefColumn[],
  nodes: readonly RefNode[],
  ref: LayerChannel,
): string | null {
  const column = columns.find((c) => c.kind !== 'input' && c.layers.includes(ref.layer));
  if (!column || column.kind === 'class') return null;
  return (
    nodes.find((n) => n.column === column.index && n.members.includes(ref.channel))?.id ?? null
  );
}
