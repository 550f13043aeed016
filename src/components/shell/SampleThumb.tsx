import { memo, useEffect, useMemo, useRef } from 'react';
import { paintImage } from '../../lib/raster';
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
 * Longest side a thumbnail canvas gets: twice its 28 CSS pixels (src/app/app.css .thumb), sharp
 * on high-density screens. Larger samples are averaged down to it (lib/thumbnail.ts).
 */
const THUMB_PIXELS = 56;

/**
 * One gallery button: the sample drawn from the raw bytes (grey as ink on paper, RGB in its own
 * colours, lib/raster.ts paintImage), with a spoken name.
 */
export const SampleThumb = memo(function SampleThumb(props: Props) {
  const { set, index, label, selected, focusable, onPick } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const small = useMemo(() => {
    const size = set.width * set.height * set.channels;
    const bytes = set.pixels.subarray(index * size, (index + 1) * size);
    return thumbnail(bytes, set.width, set.height, set.channels, THUMB_PIXELS);
  }, [set, index]);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const rgba = paintImage(small.values, set.channels, 255);
    ctx.putImageData(new ImageData(rgba, small.width, small.height), 0, 0);
  }, [small, set.channels]);
  // Small samples are enlarged with crisp cells; averaged-down large ones are shown smooth. A
  // sample that is not square keeps its proportions inside the square button.
  const large = Math.max(set.width, set.height) > THUMB_PIXELS / 2;
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
      <canvas
        ref={canvas}
        width={small.width}
        height={small.height}
        aria-hidden="true"
        style={{ objectFit: 'contain', imageRendering: large ? 'auto' : undefined }}
      />
    </button>
  );
});
