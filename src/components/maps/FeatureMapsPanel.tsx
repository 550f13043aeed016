import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PathwayLayerInfo } from '../../pathways/types';
import { channelSums, type Normalization } from '../../lib/feature-maps';
import { FeatureMapView } from './FeatureMapView';
import { FindMap } from './FindMap';
import { MAPS_PER_PAGE, MapStrip, type MapOrder } from './MapStrip';
import { sameMap, type MapRef } from '../../lib/map-id';
import './common.css';
import './maps.css';

export interface FeatureMapsPanelProps {
  layers: PathwayLayerInfo[];
  /** activations[l] = h_l from the forward pass, NHWC (height × width × channels). */
  activations: Float32Array[];
  /** diffusion[l] = D_l of the selection (PixelQueryResult.diffusion); null without one. */
  diffusion: Float32Array[] | null;
  /** nodeFlow[l][k] = F_l[k] towards `flowClassName` (PixelQueryResult.nodeFlow), optional. */
  nodeFlow?: Float32Array[] | null;
  flowClassName?: string;
  hoveredMap: MapRef | null;
  pinnedMap: MapRef | null;
  onHoverMap: (map: MapRef | null) => void;
  /** Called with the clicked map, or null when the pinned map is clicked again. */
  onPinMap: (map: MapRef | null) => void;
  /** Plain name of the selection, e.g. "pixel (row 12, col 7)". */
  selectionLabel?: string | null;
  /** The selection is only zero pixels: say so instead of showing empty overlays. */
  selectionIsZero?: boolean;
  /** Layers to list (e.g. leave out 'logits'); all by default. */
  showLayer?: (layer: PathwayLayerInfo) => boolean;
}

interface StripHandlers {
  onHover: (channel: number | null) => void;
  onPin: (channel: number) => void;
}

function fits(data: Float32Array | undefined, l: PathwayLayerInfo): data is Float32Array {
  return data !== undefined && data.length === l.height * l.width * l.channels;
}

/**
 * Feature maps linked to the selection: one map large (hovered, else pinned, else the map with the
 * largest pathway), and a strip per layer with every map as a thumbnail. Data that does not match
 * a layer's shape is reported rather than drawn, so a model/result mismatch is never silent.
 */
export function FeatureMapsPanel(props: FeatureMapsPanelProps) {
  const { layers, activations, diffusion, nodeFlow, hoveredMap, pinnedMap } = props;
  const [normalization, setNormalization] = useState<Normalization>('layer');
  const [order, setOrder] = useState<MapOrder>('number');
  const groupId = useId();
  const orderId = useId();
  const visible = layers.filter((l) => props.showLayer?.(l) ?? true);
  // Paging, ordering and "Find a map" only matter where a layer has more maps than a page.
  const many = visible.some((l) => l.channels > MAPS_PER_PAGE);

  const sizes = useMemo(
    () =>
      layers.map((l, i) =>
        diffusion && fits(diffusion[i], l) ? channelSums(diffusion[i], l) : null,
      ),
    [layers, diffusion],
  );

  const shown = useMemo((): MapRef | null => {
    const pick = hoveredMap ?? pinnedMap;
    if (pick && layers[pick.layer] && pick.channel < (layers[pick.layer]?.channels ?? 0))
      return pick;
    const first = visible[0];
    if (!first) return null;
    const s = sizes[first.index];
    if (!s) return { layer: first.index, channel: 0 };
    let best = 0;
    s.forEach((v, k) => {
      if (Math.abs(v) > Math.abs(s[best] ?? 0)) best = k;
    });
    return { layer: first.index, channel: best };
  }, [hoveredMap, pinnedMap, layers, visible, sizes]);

  // One stable pair of handlers per layer that reads the latest callbacks and pin, so the memoised
  // strips (MapStrip.tsx) skip a render of this panel that changes nothing of theirs, e.g. the
  // urgent render of a click, before the deferred selection arrives (MapsView.tsx).
  const latest = useRef({ onHoverMap: props.onHoverMap, onPinMap: props.onPinMap, pinnedMap });
  useLayoutEffect(() => {
    latest.current = { onHoverMap: props.onHoverMap, onPinMap: props.onPinMap, pinnedMap };
  });
  // Keyed by layer index only: the handlers read everything else from `latest`.
  const [stripHandlers] = useState(() => new Map<number, StripHandlers>());
  const handlersOf = (layer: number): StripHandlers => {
    let handlers = stripHandlers.get(layer);
    if (!handlers) {
      handlers = {
        onHover: (k) => latest.current.onHoverMap(k === null ? null : { layer, channel: k }),
        onPin: (k) => {
          const m = { layer, channel: k };
          latest.current.onPinMap(sameMap(m, latest.current.pinnedMap) ? null : m);
        },
      };
      stripHandlers.set(layer, handlers);
    }
    return handlers;
  };

  const shownLayer = shown ? layers[shown.layer] : undefined;
  const shownAct = shown ? activations[shown.layer] : undefined;
  const shownDif = shown && diffusion ? diffusion[shown.layer] : undefined;
  const flowValue = shown && nodeFlow ? nodeFlow[shown.layer]?.[shown.channel] : undefined;
  // One object while the value and class stay, so the memoised large map skips renders of this
  // panel that change only its words (the deferred selection's label).
  const flow = useMemo(
    () =>
      flowValue !== undefined && props.flowClassName
        ? { value: flowValue, className: props.flowClassName }
        : null,
    [flowValue, props.flowClassName],
  );

  return (
    <section className="pl-panel pl-maps-panel" aria-label="Feature maps">
      <h2>Feature maps</h2>
      <p className="pl-explain">
        Grey shows how strongly each map responds to the whole image (its activation). Colour shows
        the part that comes from {props.selectionLabel ?? 'the selected pixel'}: its diffusion, blue
        where it adds and orange where it subtracts. The bar under a thumbnail is that map’s pathway
        size.
      </p>
      {props.selectionIsZero && (
        <p className="pl-notice">
          The selection is background (value 0), so nothing diffuses from it: only the grey
          activations are shown. Pick a darker pixel, one that is not background.
        </p>
      )}
      {!diffusion && !props.selectionIsZero && (
        <p className="pl-explain">Select a pixel of the image to colour its footprint.</p>
      )}
      {many && (
        <div className="pl-maps-tools">
          <FindMap layers={visible} onFind={(m) => props.onPinMap(m)} />
          <span role="radiogroup" aria-labelledby={orderId} className="pl-maps-find">
            <span id={orderId}>Order maps:</span>
            {(['number', 'size'] as const).map((o) => (
              <label key={o}>
                <input
                  type="radio"
                  name={orderId}
                  checked={order === o}
                  onChange={() => setOrder(o)}
                />{' '}
                {o === 'number' ? 'by number' : 'largest pathway first'}
              </label>
            ))}
          </span>
        </div>
      )}
      <div className="pl-maps-body">
        <div className="pl-maps-focus">
          {shown && shownLayer && fits(shownAct, shownLayer) ? (
            <FeatureMapView
              layer={shownLayer}
              channel={shown.channel}
              activation={shownAct}
              diffusion={fits(shownDif, shownLayer) ? shownDif : null}
              normalization={normalization}
              flow={flow}
            />
          ) : (
            <p className="pl-explain">No feature map to show yet.</p>
          )}
          <div className="pl-maps-options" role="radiogroup" aria-labelledby={groupId}>
            <span id={groupId}>Colour scale of the large map:</span>
            {(['layer', 'map'] as const).map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={groupId}
                  checked={normalization === n}
                  onChange={() => setNormalization(n)}
                />{' '}
                {n === 'layer' ? 'same as its layer' : 'this map alone'}
              </label>
            ))}
          </div>
          {pinnedMap && (
            <button type="button" className="pl-button" onClick={() => props.onPinMap(null)}>
              Unpin {layers[pinnedMap.layer]?.name} map {pinnedMap.channel}
            </button>
          )}
        </div>
        <div className="pl-maps-strips">
          {visible.map((l) => {
            const act = activations[l.index];
            if (!fits(act, l)) {
              return (
                <p key={l.index} className="pl-error">
                  {l.name}: no activations of shape {l.height}×{l.width}×{l.channels}.
                </p>
              );
            }
            const d = diffusion?.[l.index];
            return (
              <MapStrip
                key={l.index}
                layer={l}
                activation={act}
                diffusion={fits(d, l) ? d : null}
                sizes={sizes[l.index] ?? null}
                order={order}
                hovered={hoveredMap?.layer === l.index ? hoveredMap.channel : null}
                pinned={pinnedMap?.layer === l.index ? pinnedMap.channel : null}
                {...handlersOf(l.index)}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
