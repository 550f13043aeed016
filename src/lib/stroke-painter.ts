/**
 * One stroke of the input canvas's brush or eraser, whatever the image's channels: grey images
 * take brush.ts's ink (max of stamps; the eraser lowers ink), RGB images colour-brush.ts's blend
 * toward the chosen colour (the eraser paints black, the zero background). The canvas only asks
 * for dabs and lines and reads `image`.
 */
import { stamp, strokeSegment, type BrushKind, type BrushPoint } from './brush';
import { BLACK, beginColourStroke, colourSegment, stampColour, type Rgb01 } from './colour-brush';

export interface PaintTool {
  kind: BrushKind;
  /** Brush diameter in pixels. */
  size: number;
  /** The brush colour on an RGB image (the eraser ignores it); unused on grey images. */
  colour: Rgb01;
}

export interface StrokePainter {
  /** The image with the stroke so far; changed in place, so copy it before handing it out. */
  readonly image: Float32Array;
  /** One stamp; returns whether anything changed. */
  dab(at: BrushPoint): boolean;
  /** Stamps from `from` (already painted) to `to`; returns whether anything changed. */
  line(from: BrushPoint, to: BrushPoint): boolean;
}

/** A stroke on a copy of `image` (width × height × channels values; channels 1 or 3). */
export function startStroke(
  image: Float32Array,
  width: number,
  height: number,
  channels: number,
  tool: PaintTool,
): StrokePainter {
  const { kind, size } = tool;
  if (channels === 3) {
    const stroke = beginColourStroke(image, kind === 'eraser' ? BLACK : tool.colour);
    return {
      image: stroke.image,
      dab: (at) => stampColour(stroke, width, height, at, size),
      line: (from, to) => colourSegment(stroke, width, height, from, to, size),
    };
  }
  const buffer = Float32Array.from(image);
  return {
    image: buffer,
    dab: (at) => stamp(buffer, width, height, at, size, kind),
    line: (from, to) => strokeSegment(buffer, width, height, from, to, size, kind),
  };
}
