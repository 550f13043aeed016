import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PathwayLayerInfo } from '../../pathways/types';
import { divergingHex, maxAbs } from '../../lib/colors';
import { mapDomains, thumbnailPx } from '../../lib/feature-maps';
import { formatSigned } from '../../lib/format';
import { channelPlane, paintOverlay, type RgbaBuffer } from '../../lib/raster';
import { RasterCanvas } from './RasterCanvas';

interface MapStripProps {
  layer: PathwayLayerInfo;
  /** This layer's activation h_l, NHWC. */
  activation: Float32Array;
  /** The selection's diffusion D_l, NHWC; null before a selection or for a zero pixel. */
  diffusion: Float32Array | null;
  /** Pathway size s_l[k] = Σ D_l[:, :, k] per map; null without a selection. */
  sizes: Float32Array | null;
  hovered: number | null;
  pinned: number | null;
  onHover: (channel: number | null) => void;
  onPin: (channel: number) => void;
}

function layerCaption(layer: PathwayLayerInfo): string {
  const spatial = layer.height * layer.width > 1;
  return spatial
    ? `${layer.height}×${layer.width}, ${layer.channels} maps`
    : `${layer.channels} ${layer.kind === 'logits' ? 'logits' : 'units'}`;
}

/**
 * All maps of one layer as small pictures (activation in grey, the selection's footprint in
 * colour, one shared colour domain per layer so maps compare), with a bar under each for its
 * pathway size. One tab stop per layer; arrow keys move between maps (roving tabindex).
 */
export const MapStrip = memo(function MapStrip(props: MapStripProps) {
  const { layer, activation, diffusion, sizes, hovered, pinned } = props;
  const { height, width, channels } = layer;
  const px = thumbnailPx(layer);
  const spatial = height * width > 1;
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const tabStop = pinned ?? (hovered !== null ? hovered : focusIndex);

  const pictures = useMemo(() => {
    const d = mapDomains(activation, diffusion, layer, 0, 'layer');
    const out: RgbaBuffer[] = [];
    for (let k = 0; k < channels; k++) {
      out.push(
        paintOverlay(height * width, {
          base: channelPlane(activation, height, width, channels, k),
          baseMax: d.activationMax,
          signed: diffusion ? channelPlane(diffusion, height, width, channels, k) : null,
          extent: d.diffusionExtent,
        }),
      );
    }
    return out;
  }, [activation, diffusion, layer, height, width, channels]);

  const sizeExtent = sizes ? maxAbs(sizes) : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    let next: number | null = null;
    if (e.key in moves) next = (tabStop + (moves[e.key] ?? 0) + channels) % channels;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = channels - 1;
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="pl-strip">
      <div className="pl-strip-label">
        <strong>{layer.name}</strong>
        <span>{layerCaption(layer)}</span>
      </div>
      <div
        className="pl-strip-maps"
        role="group"
        aria-label={`${layer.name} maps`}
        onKeyDown={onKeyDown}
      >
        {pictures.map((rgba, k) => {
          const s = sizes ? (sizes[k] ?? 0) : null;
          const name = `${layer.name} ${spatial ? 'map' : 'unit'} ${k}`;
          const label = s === null ? name : `${name}, pathway size ${formatSigned(s)}`;
          const state = pinned === k ? ' pl-pinned' : hovered === k ? ' pl-hovered' : '';
          return (
            <button
              key={k}
              ref={(el) => {
                buttons.current[k] = el;
              }}
              type="button"
              className={`pl-thumb${state}`}
              tabIndex={k === tabStop ? 0 : -1}
              aria-label={label}
              aria-pressed={pinned === k}
              title={label}
              onPointerEnter={() => props.onHover(k)}
              onPointerLeave={() => props.onHover(null)}
              onFocus={() => {
                setFocusIndex(k);
                props.onHover(k);
              }}
              onBlur={() => props.onHover(null)}
              onClick={() => props.onPin(k)}
            >
              <RasterCanvas
                rgba={rgba}
                width={width}
                height={height}
                displayWidth={px}
                displayHeight={px}
              />
              {s !== null && (
                <span className="pl-thumb-bar" aria-hidden="true">
                  <span
                    style={{
                      width: `${sizeExtent > 0 ? (Math.abs(s) / sizeExtent) * 100 : 0}%`,
                      background: divergingHex(Math.sign(s) * 0.85),
                    }}
                  />
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
});
