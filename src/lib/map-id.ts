/**
 * Feature maps as text, `layerName:channel` (e.g. conv2_1:5): the link's `map` field. Panels
 * address maps by pathway-layer index and channel; names survive a reordering of nothing but are
 * readable in a link, and match the Sankey's node ids for the layers that name a column.
 */
/** One feature map: channel `channel` of pathway layer `layer` (PathwayLayerInfo.index). */
export interface MapRef {
  layer: number;
  channel: number;
}

export function sameMap(a: MapRef | null, b: MapRef | null): boolean {
  return a !== null && b !== null && a.layer === b.layer && a.channel === b.channel;
}

interface NamedLayer {
  name: string;
  channels: number;
}

export function mapIdOf(layers: readonly NamedLayer[], ref: MapRef): string | null {
  const layer = layers[ref.layer];
  return layer && ref.channel < layer.channels ? `${layer.name}:${ref.channel}` : null;
}

export function mapRefOf(layers: readonly NamedLayer[], id: string | null): MapRef | null {
  const m = id ? /^(.+):(\d+)$/.exec(id) : null;
  if (!m) return null;
  const layer = layers.findIndex((l) => l.name === m[1]);
  const channel = Number(m[2]);
  return layer >= 0 && channel < (layers[layer]?.channels ?? 0) ? { layer, channel } : null;
}
