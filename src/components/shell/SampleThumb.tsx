import { memo, useEffect, useRef } from 'react';
import type { SampleSet } from '../../model/samples';
import { drawGrey } from './gray-canvas';

interface Props {
  set: SampleSet;
  index: number;
  label: string;
  selected: boolean;
  focusable: boolean;
  onPick(index: number): void;
}

/** One gallery button: the sample drawn from the raw bytes, with a spoken name. */
export const SampleThumb = memo(function SampleThumb(props: Props) {
  const { set, index, label, selected, focusable, onPick } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const size = set.width * set.height;
    drawGrey(
      canvas.current,
      set.pixels.subarray(index * size, (index + 1) * size),
      set.width,
      set.height,
      255,
    );
  }, [set, index]);
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
      <canvas ref={canvas} width={set.width} height={set.height} aria-hidden="true" />
    </button>
  );
});
