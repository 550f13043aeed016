// The lesson's pixel, picked on a preview of the image the link opens on: click a pixel or drag a
// rectangle (the input's own canvas, so the arrow keys and Enter work too); the typed `row,col`
// field beside it stays in step.
import { useState } from 'react';
import { InputCanvas } from '../../components/input/InputCanvas';
import { regionPixels, type PixelRegion } from '../../lib/selection';

export interface LessonPixelPickerProps {
  /** The image the link opens on, or null when it is not at hand (a sample not in the gallery). */
  image: Float32Array | null;
  width: number;
  height: number;
  /** 1 (grey, the default) or 3 (RGB). */
  channels?: number;
  /** What the image is, e.g. "sample 7" or "the current input". */
  what: string;
  pixel: PixelRegion | null;
  onPick: (region: PixelRegion) => void;
}

const NO_PIXELS: readonly number[] = [];

export function LessonPixelPicker(props: LessonPixelPickerProps) {
  const { image, width, height, what, pixel } = props;
  const [hover, setHover] = useState<number | null>(null);
  if (!image) {
    return <p className="lesson-preview-missing muted small">No preview of {what}.</p>;
  }
  return (
    <div className="lesson-preview" data-testid="lesson-preview">
      <InputCanvas
        image={image}
        width={width}
        height={height}
        channels={props.channels ?? 1}
        selectedPixels={pixel ? regionPixels(pixel, width) : NO_PIXELS}
        hoverPixel={hover}
        onSelect={(_, region) => props.onPick(region)}
        onHover={setHover}
        mode="select"
        displaySize={168}
        label={`Pick the lesson's pixel on ${what}`}
      />
      <p className="muted small">Click a pixel of {what} (or drag a rectangle).</p>
    </div>
  );
}
