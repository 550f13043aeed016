import { memo, useMemo } from 'react';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { paintImage } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';
import { rgbaImageUrl } from '../../lib/rgba-image-url';
import { thumbnail } from '../../lib/thumbnail';
import type { SampleSet } from '../../model/samples';

interface Props {
  set: SampleSet;
  index: number;
  label: string;
  selected: boolean;
  focusable: boolean;
  onPick(index: number): void;
}

/**
 * Longest side a thumbnail image gets: twice its 28 CSS pixels (src/app/app.css .thumb), sharp
 * on high-density screens. Larger samples are averaged down to it (lib/thumbnail.ts).
 */
const THUMB_PIXELS = 56;

/**
 * One gallery button: the sample drawn from the raw bytes (grey as ink on paper, RGB in its own
 * colours, lib/raster.ts paintImage), with a spoken name. The picture is an <img> of a BMP written
 * once (lib/rgba-image-url.ts), not a live canvas: canvases are composited layers, and the page's frames pay for each.
 */
export const SampleThumb = memo(function SampleThumb(props: Props) {
  const { set, index, label, selected, focusable, onPick } = props;
  const drawn = useMemo(() => {
    const size = set.width * set.height * set.channels;
    const bytes = set.pixels.subarray(index * size, (index + 1) * size);
    const small = thumbnail(bytes, set.width, set.height, set.channels, THUMB_PIXELS);
    const rgba = paintImage(small.values, set.channels, 255);
    const url = PERF_BASELINE ? null : rgbaImageUrl(rgba, small.width, small.height);
    return { rgba, width: small.width, height: small.height, url };
  }, [set, index]);
  // Small samples are enlarged with crisp cells; averaged-down large ones are shown smooth. A
  // sample that is not square keeps its proportions inside the square button.
  const large = Math.max(set.width, set.height) > THUMB_PIXELS / 2;
  const style = { objectFit: 'contain', imageRendering: large ? 'auto' : undefined } as const;
  return (
    <button
      type="button"
      className="thumb"
      aria-label={`Sample ${index}, label ${label}`}
      aria-pressed={selected}
      tabIndex={focusable ? 0 : -1}
      data-sample-index={index}
      data-label={set.labels[index]}
      onClick={() => onPick(index)}
    >
      {/* A live canvas (as before) under ?perf=baseline, or where the PNG could not be made. */}
      {drawn.url ? (
        <img src={drawn.url} alt="" draggable={false} style={style} />
      ) : (
        <RasterCanvas
          rgba={drawn.rgba}
          width={drawn.width}
          height={drawn.height}
          displayWidth={28}
          displayHeight={28}
          style={style}
        />
      )}
    </button>
  );
});
