import { useMemo } from 'react';
import { maxAbs, robustExtent } from '../../lib/colors';
import { paintOverlay } from '../../lib/raster';
import { boundingRegion } from '../../lib/selection';
import { AxisFrame } from '../maps/AxisFrame';
import { DivergingLegend, GreyLegend } from '../maps/Legend';
import { RasterCanvas } from '../maps/RasterCanvas';

interface RelevanceHeatmapProps {
  image: Float32Array;
  width: number;
  height: number;
  /** R_c(p) for every pixel p of the chosen class, length width × height. */
  relevance: Float32Array;
  className: string;
  /** Outlined, so the selection can be found on the heat map. */
  selectedPixels: readonly number[];
  displaySize?: number;
  /** Title of the grey legend (default 'Digit (underlay)'). */
  underlayTitle?: string;
}

const UNDERLAY_DARKEST = 0.72;

/**
 * Every pixel's contribution to the chosen class over a faint copy of the image. The colour domain
 * ignores the top 1 % of |R| so one hot pixel does not wash out the rest; the legend then says "≥".
 */
export function RelevanceHeatmap(props: RelevanceHeatmapProps) {
  const { image, width, height, relevance, selectedPixels } = props;
  const size = props.displaySize ?? 224;
  const scale = size / Math.max(width, height);
  const [w, h] = [width * scale, height * scale];
  const { rgba, extent, clamped } = useMemo(() => {
    const extent = robustExtent(relevance, 0.99);
    const rgba = paintOverlay(width * height, {
      base: image,
      baseMax: 1,
      baseDarkest: UNDERLAY_DARKEST,
      signed: relevance,
      extent,
    });
    return { rgba, extent, clamped: maxAbs(relevance) > extent * 1.0001 };
  }, [image, relevance, width, height]);
  const sel = boundingRegion(selectedPixels, width)?.region;

  return (
    <figure
      className="pl-heatmap"
      aria-label={`Relevance of every pixel for class ${props.className}`}
    >
      <AxisFrame rows={height} cols={width} displayWidth={w} displayHeight={h}>
        <div className="pl-heatmap-plot" style={{ width: w, height: h }}>
          <RasterCanvas
            rgba={rgba}
            width={width}
            height={height}
            displayWidth={w}
            displayHeight={h}
          />
          {sel && (
            <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
              <rect
                x={sel.col0}
                y={sel.row0}
                width={sel.col1 - sel.col0 + 1}
                height={sel.row1 - sel.row0 + 1}
                className="pl-heatmap-sel"
                vectorEffect="non-scaling-stroke"
              />
            </svg>
          )}
        </div>
      </AxisFrame>
      <div className="pl-legends">
        <DivergingLegend
          title={`Contribution to “${props.className}” (logit units)`}
          extent={extent}
          clamped={clamped}
          positiveLabel={`for “${props.className}”`}
          negativeLabel="against"
          width={200}
        />
        <GreyLegend
          title={props.underlayTitle ?? 'Digit (underlay)'}
          max={1}
          darkest={UNDERLAY_DARKEST}
          width={90}
        />
      </div>
    </figure>
  );
}
