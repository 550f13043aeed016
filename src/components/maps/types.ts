/** One feature map: channel `channel` of pathway layer `layer` (PathwayLayerInfo.index). */
export interface MapRef {
  layer: number;
  channel: number;
}

export function sameMap(a: MapRef | null, b: MapRef | null): boolean {
  return a !== null && b !== null && a.layer === b.layer && a.channel === b.channel;
}
