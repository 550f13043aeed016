// The feature-map panel connected to the store: activations of the image (live only: they are
// not shipped with the precomputed example) and the selection's diffusion. It renders from
// deferred copies of the selection and result so that a new Sankey is on screen before ~150
// thumbnails repaint.
import { memo, useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react';
import type { MapRef } from '../../lib/map-id';
import { FeatureMapsPanel } from '../../components/maps/FeatureMapsPanel';
import { layerChannelToNodeId } from '../../layout/node-ref';
import type { SankeyGraph } from '../../layout/sankey-types';
import type { PathwayLayerInfo } from '../../pathways/types';
import { mapIdOf, mapRefOf } from '../../lib/map-id';
import { summarizeSelection } from '../../lib/selection';
import { selectClassNames } from '../../state/selectors';
import {
  selectLiveForward,
  selectPathwaysOrigin,
  selectShownPathways,
} from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { pixelIntensity } from '../../state/input-shape';

const NO_PIXELS: readonly number[] = [];
const notLogits = (layer: PathwayLayerInfo) => layer.kind !== 'logits';

// Memoised with stable props (the callbacks below, notLogits): a click's urgent render and each
// new Sankey graph leave the panel alone; it renders when the deferred selection and result come.
const MemoFeatureMapsPanel = memo(FeatureMapsPanel);

export function MapsView({ graph }: { graph: SankeyGraph | null }) {
  const forward = useAppState(selectLiveForward);
  const shown = useAppState(selectShownPathways);
  const origin = useAppState(selectPathwaysOrigin);
  const image = useAppState((s) => s.image?.pixels ?? null);
  const input = useAppState((s) => s.input);
  const untraceable = useAppState(
    (s) => s.model.status === 'ready' && s.model.summary?.pathways.supported === false,
  );
  // Deferred: React renders the maps after the urgent updates (the selection outline, the new
  // Sankey) and yields to them, so ~150 thumbnails never hold up a click.
  const pixels = useDeferredValue(useAppState((s) => s.selection?.pixels ?? NO_PIXELS));
  const hoveredMap = useAppState((s) => s.hoveredMap);
  const pinnedMapId = useAppState((s) => s.pinnedMap);
  const classNames = useAppState(selectClassNames);
  const result = useDeferredValue(origin === 'live' || origin === 'stale' ? shown : null);
  const layers = forward?.layers ?? null;
  const pinnedMap = useMemo(
    () => (layers ? mapRefOf(layers, pinnedMapId) : null),
    [layers, pinnedMapId],
  );
  const summary = useMemo(
    () => (image ? summarizeSelection(pixelIntensity(image, input), input.width, pixels) : null),
    [image, input, pixels],
  );

  // The graph is read when a map is pinned, not when the callback is made: a new graph per click
  // would otherwise hand the maps panel a new callback (and a render) before its data changes.
  const graphRef = useRef(graph);
  useLayoutEffect(() => {
    graphRef.current = graph;
  }, [graph]);
  const onPinMap = useCallback(
    (ref: MapRef | null) => {
      if (!layers) return;
      const drawn = graphRef.current;
      const node = ref && drawn ? layerChannelToNodeId(drawn.columns, drawn.nodes, ref) : null;
      appStore.getState().setPins(node, ref ? mapIdOf(layers, ref) : null);
    },
    [layers],
  );

  if (!forward) {
    return (
      <section className="pl-panel pl-maps-panel" aria-label="Feature maps">
        <h2>Feature maps</h2>
        <p className="pl-explain">
          {untraceable
            ? 'This model’s feature maps are not shown: the pathway engine cannot trace it (see Pixel pathways).'
            : 'Every layer’s feature maps appear here once the live model has run on the image.'}
        </p>
      </section>
    );
  }
  const diffusion = result && result.diffusion.length === forward.layers.length ? result : null;
  return (
    <MemoFeatureMapsPanel
      layers={forward.layers}
      activations={forward.activations}
      diffusion={diffusion?.diffusion ?? null}
      nodeFlow={diffusion?.nodeFlow ?? null}
      flowClassName={
        diffusion ? (classNames[diffusion.classIndex] ?? String(diffusion.classIndex)) : undefined
      }
      hoveredMap={hoveredMap}
      pinnedMap={pinnedMap}
      onHoverMap={appStore.getState().setHoveredMap}
      onPinMap={onPinMap}
      selectionLabel={summary?.label ?? null}
      selectionIsZero={summary !== null && summary.zeros === summary.count}
      showLayer={notLogits}
    />
  );
}
