import { useMemo } from 'react';
import { formatNumber } from '../../lib/format';
import { cellOf, summarizeSelection } from '../../lib/selection';
import { pixelIntensity } from '../../state/input-shape';
import { channelSums, cssColour, formatPixel, isZeroPixel, pixelChannels } from './pixel-values';

interface PixelReadoutProps {
  /** H×W×C values, NHWC. */
  image: Float32Array;
  width: number;
  /** 1 (grey, the default) or 3 (RGB): colour pixels are read out as R, G, B. */
  channels?: number;
  selectedPixels: readonly number[];
  hoverPixel: number | null;
  /** What the image shows, for "pick a pixel on the digit" (default 'digit'). */
  noun?: string;
}

const NO_PATHWAY =
  'It carries no pathway: the diffusion starts from the pixel’s value, and 0 × any weight is 0.';

function Swatch({ values }: { values: readonly number[] }) {
  return (
    <span
      className="pl-readout-swatch"
      aria-hidden="true"
      style={{ background: cssColour(values) }}
    />
  );
}

/**
 * What the pointer is on and what is selected, in words. Zero pixels (all channels 0) are named
 * as such, so a reader who picks the background learns why every view stays empty instead of
 * guessing.
 */
export function PixelReadout(props: PixelReadoutProps) {
  const { image, width, selectedPixels, hoverPixel, noun = 'digit' } = props;
  const channels = props.channels ?? 1;
  // A pixel is background only when every channel is 0; the mean of non-negative values is 0
  // exactly then, so the one-value-per-pixel summary counts colour zeros right.
  const intensity = useMemo(() => {
    const height = Math.floor(image.length / (channels * Math.max(1, width)));
    return pixelIntensity(image, { width, height, channels });
  }, [image, width, channels]);
  const sel = summarizeSelection(intensity, width, selectedPixels);
  const hv = hoverPixel === null ? null : pixelChannels(image, channels, hoverPixel);
  const hc = hoverPixel === null ? null : cellOf(hoverPixel, width);
  const colour = channels === 3;
  const sums = sel && sel.count > 1 && colour ? channelSums(image, channels, selectedPixels) : null;
  const single =
    sel && sel.count === 1 ? pixelChannels(image, channels, selectedPixels[0] ?? 0) : null;
  return (
    <div className="pl-readout">
      <p className="pl-readout-hover" aria-hidden="true">
        {hc && hv !== null ? (
          <>
            <span className="pl-readout-key">Pointer</span> row {hc.row}, col {hc.col} ·{' '}
            {colour ? '' : 'value '}
            {colour && <Swatch values={hv} />}
            <strong>{formatPixel(hv)}</strong>
            {isZeroPixel(hv) && (
              <span className="pl-readout-zero"> · background (0): no pathway</span>
            )}
          </>
        ) : (
          <span className="pl-readout-key">Point at a pixel to read its value.</span>
        )}
      </p>
      <div aria-live="polite">
        {!sel && <p className="pl-explain">Nothing selected yet: click a pixel on the {noun}.</p>}
        {sel && (
          <p className="pl-readout-selection">
            <span className="pl-readout-key">Selected</span> {sel.label}
            {single ? (
              <>
                {' '}
                · {colour ? '' : 'value '}
                {colour && <Swatch values={single} />}
                <strong>{formatPixel(single, 'spoken')}</strong>
              </>
            ) : (
              <>
                {' '}
                · {sel.count} pixels, sum{' '}
                <strong>{sums ? formatPixel(sums, 'spoken') : formatNumber(sel.total)}</strong>
              </>
            )}
          </p>
        )}
        {sel && sel.zeros === sel.count && (
          <p className="pl-notice">
            {sel.count === 1
              ? 'This pixel is 0 (background). '
              : 'Every selected pixel is 0 (background). '}
            {NO_PATHWAY} Pick a pixel on the {noun} to see where its signal goes.
          </p>
        )}
        {sel && sel.zeros > 0 && sel.zeros < sel.count && (
          <p className="pl-explain">
            {sel.zeros} of {sel.count} selected pixels are 0 and add nothing; the views show the
            other {sel.count - sel.zeros}.
          </p>
        )}
      </div>
    </div>
  );
}
