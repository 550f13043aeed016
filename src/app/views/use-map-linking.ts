// Hover and pin shared between a Sankey and the feature maps through the store: a Sankey node id
// ↔ a layer's map (layout/node-ref.ts) on the graph that is drawn. One hook for the single view
// (PathwayView) and the compare view, whose three Sankeys share one graph layout.
import { useCallback } from 'react';
import { layerChannelToNodeId, nodeIdToLayerChannel } from '../../layout/node-ref';
import type { SankeyGraph } from '../../layout/sankey-types';
import { mapIdOf, type MapRef } from '../../lib/map-id';
import type { PathwayLayerInfo } from '../../pathways/types';
import { appStore } from '../../state/store';

export function useMapLinking(
  graph: SankeyGraph | null,
  layers: PathwayLayerInfo[] | null,
  hoveredMap: MapRef | null,
) {
  const onPinNode = useCallback(
    (id: string | null) => {
      const ref = id && graph ? nodeIdToLayerChannel(graph.columns, id) : null;
      appStore.getState().setPins(id, ref && layers ? mapIdOf(layers, ref) : null);
    },
    [graph, layers],
  );
  const onHoverNode = useCallback(
    (id: string | null) =>
      appStore
        .getState()
        .setHoveredMap(id && graph ? nodeIdToLayerChannel(graph.columns, id) : null),
    [graph],
  );
  const externalHover =
    hoveredMap && graph ? layerChannelToNodeId(graph.columns, graph.nodes, hoveredMap) : null;
  return { onPinNode, onHoverNode, externalHover };
}
