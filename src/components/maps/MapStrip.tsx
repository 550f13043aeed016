import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PathwayLayerInfo } from '../../pathways/types';
import { divergingHex, maxAbs } from '../../lib/colors';
import { mapDomains } from '../../lib/feature-maps';
import { formatSigned } from '../../lib/format';
import { channelPlane, paintOverlay, type RgbaBuffer } from '../../lib/raster';
import { useNearViewport } from './use-near-viewport';
import { RasterCanvas } from './RasterCanvas';
import { thumbnailSize } from './thumbnail-size';

/** Large maps drawn smaller than their cells: smoothed rather than dropping rows and columns. */
const SMOOTHED = { imageRendering: 'auto' } as const;

/** Thumbnails per page: a VGG-16 layer has 64 maps (512 at full width); a page stays one glance. */
export const MAPS_PER_PAGE = 32;

export type MapOrder = 'number' | 'size';

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
  /** 'size': largest |pathway size| first (by number while there is no selection). */
  order?: MapOrder;
}

/** The channels in display order: by number, or by |pathway size| (ties by number). */
export function mapOrder(channels: number, sizes: Float32Array | null, order: MapOrder): number[] {
  const all = Array.from({ length: channels }, (_, k) => k);
  if (order === 'number' || !sizes) return all;
  return all.sort((a, b) => Math.abs(sizes[b] ?? 0) - Math.abs(sizes[a] ?? 0) || a - b);
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
  const thumb = thumbnailSize(layer);
  const spatial = height * width > 1;
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const tabStop = pinned ?? (hovered !== null ? hovered : focusIndex);
  const order = useMemo(
    () => mapOrder(channels, sizes, props.order ?? 'number'),
    [channels, sizes, props.order],
  );
  const position = useMemo(() => {
    const at = new Int32Array(channels);
    order.forEach((k, i) => (at[k] = i));
    return at;
  }, [order, channels]);
  const pageCount = Math.ceil(channels / MAPS_PER_PAGE);
  const [page, setPage] = useState(0);
  const pageOf = (k: number) => Math.floor((position[k] ?? 0) / MAPS_PER_PAGE);
  // A map pinned elsewhere (the Sankey, a link, "Find a map") brings its page up.
  useEffect(() => {
    if (pinned !== null && pinned < channels)
      setPage(Math.floor((position[pinned] ?? 0) / MAPS_PER_PAGE));
  }, [pinned, position, channels]);
  const shownPage = Math.min(page, pageCount - 1);
  const pageChannels = useMemo(
    () => order.slice(shownPage * MAPS_PER_PAGE, (shownPage + 1) * MAPS_PER_PAGE),
    [order, shownPage],
  );
  // After a key moves focus onto another page, focus the map once that page is drawn.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const k = pendingFocus.current;
    if (k === null) return;
    pendingFocus.current = null;
    buttons.current[k]?.focus();
  });

  // Thumbnails are painted only on or near the screen; off it, the last pictures stay (they are
  // repainted when the strip scrolls near), so a click does not repaint hundreds of canvases.
  const root = useRef<HTMLDivElement>(null);
  const near = useNearViewport(root);
  const lastPictures = useRef<RgbaBuffer[] | null>(null);
  const painted = useMemo(() => {
    if (!near) return null;
    const d = mapDomains(activation, diffusion, layer, 0, 'layer');
    return pageChannels.map((k) =>
      paintOverlay(height * width, {
        base: channelPlane(activation, height, width, channels, k),
        baseMax: d.activationMax,
        signed: diffusion ? channelPlane(diffusion, height, width, channels, k) : null,
        extent: d.diffusionExtent,
      }),
    );
  }, [near, activation, diffusion, layer, height, width, channels, pageChannels]);
  if (painted) lastPictures.current = painted;
  const pictures = painted ?? lastPictures.current;

  const sizeExtent = sizes ? maxAbs(sizes) : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    // Keys move in display order, across pages.
    const at = position[tabStop] ?? 0;
    let nextAt: number | null = null;
    if (e.key in moves) nextAt = (at + (moves[e.key] ?? 0) + channels) % channels;
    if (e.key === 'Home') nextAt = 0;
    if (e.key === 'End') nextAt = channels - 1;
    if (e.key === 'PageDown' && pageCount > 1)
      nextAt = Math.min(channels - 1, (shownPage + 1) * MAPS_PER_PAGE);
    if (e.key === 'PageUp' && pageCount > 1) nextAt = Math.max(0, (shownPage - 1) * MAPS_PER_PAGE);
    if (nextAt === null) return;
    e.preventDefault();
    const next = order[nextAt] ?? 0;
    setFocusIndex(next);
    if (pageOf(next) !== shownPage) {
      setPage(pageOf(next));
      pendingFocus.current = next;
    } else buttons.current[next]?.focus();
  };

  return (
    <div className="pl-strip" ref={root}>
      <div className="pl-strip-label">
        <strong>{layer.name}</strong>
        <span>{layerCaption(layer)}</span>
        {pageCount > 1 && (
          <span className="pl-strip-pager" role="group" aria-label={`${layer.name} pages`}>
            <button
              type="button"
              className="pl-button pl-button-small"
              aria-label={`Previous ${MAPS_PER_PAGE} maps of ${layer.name}`}
              disabled={shownPage === 0}
              onClick={() => setPage(shownPage - 1)}
            >
              ‹
            </button>
            <span data-testid={`strip-page-${layer.name}`}>
              {props.order === 'size' && sizes ? 'largest ' : 'maps '}
              {shownPage * MAPS_PER_PAGE + 1}–{shownPage * MAPS_PER_PAGE + pageChannels.length} of{' '}
              {channels}
            </span>
            <button
              type="button"
              className="pl-button pl-button-small"
              aria-label={`Next ${MAPS_PER_PAGE} maps of ${layer.name}`}
              disabled={shownPage >= pageCount - 1}
              onClick={() => setPage(shownPage + 1)}
            >
              ›
            </button>
          </span>
        )}
      </div>
      <div
        className="pl-strip-maps"
        role="group"
        aria-label={`${layer.name} maps`}
        onKeyDown={onKeyDown}
      >
        {pageChannels.map((k, i) => {
          const rgba = pictures?.[i];
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
              {rgba && rgba.length === width * height * 4 ? (
                <RasterCanvas
                  rgba={rgba}
                  width={width}
                  height={height}
                  displayWidth={thumb.width}
                  displayHeight={thumb.height}
                  style={thumb.downscaled ? SMOOTHED : undefined}
                />
              ) : (
                <span
                  className="pl-thumb-blank"
                  style={{ width: thumb.width, height: thumb.height }}
                />
              )}
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
