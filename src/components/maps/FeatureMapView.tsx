import { memo, useMemo, useState, type PointerEvent } from 'react';
import type { PathwayLayerInfo } from '../../pathways/types';
import { mapDomains, type Normalization } from '../../lib/feature-maps';
import { formatNumber, formatSigned } from '../../lib/format';
import { channelPlane, paintOverlay } from '../../lib/raster';
import { Term } from '../common/Term';
import { AxisFrame } from './AxisFrame';
import { DivergingLegend, GreyLegend } from './Legend';
import { RasterCanvas } from './RasterCanvas';

interface FeatureMapViewProps {
  layer: PathwayLayerInfo;
  channel: number;
  /** The layer's activation h_l, NHWC. */
  activation: Float32Array;
  /** The selection's diffusion D_l, NHWC, or null. */
  diffusion: Float32Array | null;
  normalization: Normalization;
  /** Optional signed flow of this map to the chosen class, F_l[k], with its class name. */
  flow?: { value: number; className: string } | null;
  displaySize?: number;
}

const CONTEXT_DARKEST = 0.55;

/**
 * One feature map, large: the activation as a light grey context and the selected pixel's
 * diffusion D_l (its spatial footprint on this map) in diverging colour on top. Hovering a cell
 * reads out both numbers there. Memoised: the maps panel re-renders for its words more often than
 * this map changes.
 */
export const FeatureMapView = memo(function FeatureMapView(props: FeatureMapViewProps) {
  const { layer, channel, activation, diffusion, normalization, flow } = props;
  const { height, width, channels } = layer;
  const size = props.displaySize ?? 280;
  const spatial = height * width > 1;
  const [w, h] = spatial ? [size, size * (height / width)] : [96, 96];
  const [cell, setCell] = useState<number | null>(null);

  const { act, dif, domains, total, rgba } = useMemo(() => {
    const act = channelPlane(activation, height, width, channels, channel);
    const dif = diffusion ? channelPlane(diffusion, height, width, channels, channel) : null;
    const domains = mapDomains(activation, diffusion, layer, channel, normalization);
    const total = dif ? dif.reduce((s, v) => s + v, 0) : null;
    const rgba = paintOverlay(height * width, {
      base: act,
      baseMax: domains.activationMax,
      baseDarkest: CONTEXT_DARKEST,
      signed: dif,
      extent: domains.diffusionExtent,
    });
    return { act, dif, domains, total, rgba };
  }, [activation, diffusion, layer, channel, normalization, height, width, channels]);

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / r.width) * width);
    const row = Math.floor(((e.clientY - r.top) / r.height) * height);
    const inside = row >= 0 && row < height && col >= 0 && col < width;
    setCell(inside ? row * width + col : null);
  };

  const unit = spatial ? 'map' : 'unit';
  const picture = (
    <div
      className="pl-map-large"
      style={{ width: w, height: h }}
      onPointerMove={onMove}
      onPointerLeave={() => setCell(null)}
    >
      <RasterCanvas rgba={rgba} width={width} height={height} displayWidth={w} displayHeight={h} />
    </div>
  );

  return (
    <figure className="pl-map-view" aria-label={`${layer.name} ${unit} ${channel}`}>
      <figcaption className="pl-map-title">
        <strong>
          {layer.name} · {unit} {channel}
        </strong>
        <span>
          {spatial ? `${height}×${width}` : 'one value'} · layer {layer.index + 1}
        </span>
      </figcaption>
      {spatial ? (
        <AxisFrame rows={height} cols={width} displayWidth={w} displayHeight={h}>
          {picture}
        </AxisFrame>
      ) : (
        picture
      )}
      <p className="pl-map-readout" aria-live="off">
        {cell !== null ? (
          <>
            row {Math.floor(cell / width)}, col {cell % width}: activation{' '}
            <strong>{formatNumber(act[cell] ?? 0)}</strong>
            {dif && (
              <>
                , diffusion <strong>{formatSigned(dif[cell] ?? 0)}</strong>
              </>
            )}
          </>
        ) : !spatial ? (
          <>
            activation <strong>{formatNumber(act[0] ?? 0)}</strong>
            {dif && (
              <>
                , diffusion <strong>{formatSigned(dif[0] ?? 0)}</strong>
              </>
            )}
          </>
        ) : (
          'Point at a cell to read its values.'
        )}
      </p>
      <dl className="pl-map-stats">
        {total !== null && (
          <div>
            <dt>
              Pathway size <Term id="pathwaySize" /> (signed)
            </dt>
            <dd>{formatSigned(total)}</dd>
          </div>
        )}
        {flow && (
          <div>
            <dt>Flow to class “{flow.className}”</dt>
            <dd>{formatSigned(flow.value)}</dd>
          </div>
        )}
        <div>
          <dt>Largest activation</dt>
          <dd>{formatNumber(domains.activationMax)}</dd>
        </div>
      </dl>
      <div className="pl-legends">
        {dif && (
          <DivergingLegend
            title={`Diffusion D (${normalization === 'layer' ? 'scale of the whole layer' : 'scale of this map'})`}
            extent={domains.diffusionExtent}
            positiveLabel="adds"
            negativeLabel="subtracts"
            width={200}
          />
        )}
        <GreyLegend title="Activation h" max={domains.activationMax} darkest={CONTEXT_DARKEST} />
      </div>
    </figure>
  );
});
