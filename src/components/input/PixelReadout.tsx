import { formatNumber } from '../../lib/format';
import { cellOf, summarizeSelection } from '../../lib/selection';

interface PixelReadoutProps {
  image: Float32Array;
  width: number;
  selectedPixels: readonly number[];
  hoverPixel: number | null;
  /** What the image shows, for "pick a pixel on the digit" (default 'digit'). */
  noun?: string;
}

const NO_PATHWAY =
  'It carries no pathway: the diffusion starts from the pixel’s value, and 0 × any weight is 0.';

/**
 * What the pointer is on and what is selected, in words. Zero pixels are named as such, so a
 * reader who picks the background learns why every view stays empty instead of guessing.
 */
export function PixelReadout(props: PixelReadoutProps) {
  const { image, width, selectedPixels, hoverPixel, noun = 'digit' } = props;
  const sel = summarizeSelection(image, width, selectedPixels);
  const hv = hoverPixel === null ? null : (image[hoverPixel] ?? 0);
  const hc = hoverPixel === null ? null : cellOf(hoverPixel, width);
  return (
    <div className="pl-readout">
      <p className="pl-readout-hover" aria-hidden="true">
        {hc && hv !== null ? (
          <>
            <span className="pl-readout-key">Pointer</span> row {hc.row}, col {hc.col} · value{' '}
            <strong>{formatNumber(hv)}</strong>
            {hv === 0 && <span className="pl-readout-zero"> · background (0): no pathway</span>}
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
            {sel.count === 1 ? (
              <>
                {' '}
                · value <strong>{formatNumber(sel.total)}</strong>
              </>
            ) : (
              <>
                {' '}
                · {sel.count} pixels, sum <strong>{formatNumber(sel.total)}</strong>
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
