import { useMemo } from 'react';
import { maxAbs, robustExtent } from '../../lib/colors';
import { boundingRegion } from '../../lib/selection';
import { AxisFrame } from '../maps/AxisFrame';
import { DivergingLegend, GreyLegend } from '../maps/Legend';
import { RasterCanvas } from '../maps/RasterCanvas';
import { shortName } from './class-rows';
import { GREY_UNDERLAY_DARKEST, paintRelevance } from './relevance-paint';

interface RelevanceHeatmapProps {
  /** The input image, width × height × channels in [0, 1] (NHWC). */
  image: Float32Array;
  /** 1 (grey: drawn as light grey ink) or 3 (RGB: drawn in faded colour). */
  channels?: number;
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

/** Below this many CSS pixels per cell, cells are too small for their unevenness to show. */
const MIN_CRISP_CELL = 4;

/**
 * The drawn size of a width × height map about `size` CSS pixels on its longer side: whole CSS
 * pixels per cell while cells are large (MNIST: 8 px, so the selection's outline and every cell
 * are crisp), else exactly `size` (a 128 px image at 1.75 px per cell), so that a large image
 * never overflows the narrow column and a small one is never shrunk to 1 px cells.
 */
export function heatmapDisplay(
  width: number,
  height: number,
  size: number,
): { width: number; height: number } {
  const long = Math.max(1, width, height);
  const whole = Math.floor(size / long);
  const cell = whole >= MIN_CRISP_CELL ? whole : size / long;
  return { width: width * cell, height: height * cell };
}

/**
 * Every pixel's contribution to the chosen class over a faint copy of the image. The colour domain
 * ignores the top 1 % of |R| so one hot pixel does not wash out the rest; the legend then says "≥".
 */
export function RelevanceHeatmap(props: RelevanceHeatmapProps) {
  const { image, width, height, relevance, selectedPixels } = props;
  const channels = props.channels ?? 1;
  const { width: w, height: h } = heatmapDisplay(width, height, props.displaySize ?? 224);
  const { rgba, extent, clamped } = useMemo(() => {
    const extent = robustExtent(relevance, 0.99);
    const rgba = paintRelevance({ image, channels, relevance, extent });
    return { rgba, extent, clamped: maxAbs(relevance) > extent * 1.0001 };
  }, [image, channels, relevance]);
  const sel = boundingRegion(selectedPixels, width)?.region;
  // The legend is 200 px wide: a long class name is cut there (the heading above says it all).
  const name = shortName(props.className);

  return (
    <figure
      className="pl-heatmap"
      aria-label={`Relevance of every pixel for class ${props.className}`}
      data-testid="relevance-map"
      data-underlay={channels === 3 ? 'colour' : 'grey'}
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
          title={`Contribution to “${name}” (logit units)`}
          extent={extent}
          clamped={clamped}
          positiveLabel={`for “${shortName(props.className, 14)}”`}
          negativeLabel="against"
          width={200}
        />
        {channels === 3 ? (
          <p className="pl-legend pl-legend-title pl-heatmap-underlay">
            Underlay: the image, its colours faded
          </p>
        ) : (
          <GreyLegend
            title={props.underlayTitle ?? 'Digit (underlay)'}
            max={1}
            darkest={GREY_UNDERLAY_DARKEST}
            width={90}
          />
        )}
      </div>
    </figure>
  );
}
