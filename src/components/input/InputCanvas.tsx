import { useCallback, useId, useMemo, useState } from 'react';
import { BRUSH_SIZES } from '../../lib/brush';
import type { Rgb01 } from '../../lib/colour-brush';
import { gridDisplay } from '../../lib/grid-display';
import { paintImage } from '../../lib/raster';
import {
  regionFromCorners,
  regionPixels,
  summarizeSelection,
  type KeyboardCursor,
  type PixelRegion,
} from '../../lib/selection';
import { AxisFrame } from '../maps/AxisFrame';
import { RasterCanvas } from '../maps/RasterCanvas';
import { pixelIntensity } from '../../state/input-shape';
import { formatPixel, isZeroPixel, pixelChannels } from './pixel-values';
import { SelectionOverlay } from './SelectionOverlay';
import type { InputMode } from '../../state/view-types';
import type { DrawHandler, SelectHandler } from './types';
import { useInputInteractions } from './useInputInteractions';
import '../maps/common.css';
import './input.css';

export interface InputCanvasProps {
  /** width × height × channels values in [0, 1] (pixel / 255), NHWC; 0 is background. */
  image: Float32Array;
  width: number;
  height: number;
  /** 1 (grey, the default: ink on paper) or 3 (RGB, shown in its own colours). */
  channels?: number;
  /** Flat indices row * width + col of the committed selection. */
  selectedPixels: readonly number[];
  /** Pixel under the pointer or keyboard cursor, from this or any linked view. */
  hoverPixel: number | null;
  /** Commit a selection: a click is a 1×1 region, a drag a rectangle. */
  onSelect: SelectHandler;
  /**
   * A press in select mode, at its pixel, before it is released as a click or a drag: lets the
   * app ask for that pixel ahead of the release.
   */
  onPress?: (region: PixelRegion) => void;
  onHover: (pixel: number | null) => void;
  mode?: InputMode;
  /** A fresh image for every change; see DrawPhase. Without it the drawing modes do nothing. */
  onDraw?: DrawHandler;
  /** Brush diameter in pixels. */
  brushSize?: number;
  /** What the brush paints on an RGB image (default white). */
  brushColour?: Rgb01;
  /**
   * Most CSS pixels of the longer side of the enlarged image: cells get a whole number of CSS
   * pixels (lib/grid-display.ts), so the grid may come out a little smaller.
   */
  displaySize?: number;
  /** Accessible name of the canvas. */
  label?: string;
}

const HELP: Record<InputMode, string> = {
  select:
    'Arrow keys move the selection, Shift plus arrows grow it into a rectangle, Enter or Space confirms, Escape resets.',
  draw: 'Arrow keys move the brush, Space or Enter paints, Shift plus arrows paints a line.',
  erase: 'Arrow keys move the eraser, Space or Enter erases, Shift plus arrows erases a line.',
};

const WHITE: Rgb01 = [1, 1, 1];
/** A grid scaled by a fraction of a CSS pixel per cell is drawn smoothed (lib/grid-display.ts). */
const SMOOTH = { imageRendering: 'auto' } as const;

/**
 * The input image, enlarged with crisp pixels: one canvas at the image's own resolution under one
 * SVG overlay, so a 256×256 input costs no more DOM than a 28×28 one. Click selects a pixel,
 * dragging selects a rectangle; in the drawing modes the pointer paints with a soft round brush
 * (in the chosen colour on an RGB image). Fully usable from the keyboard, with a live region that
 * reads out where the cursor is and what value it holds.
 */
export function InputCanvas(props: InputCanvasProps) {
  const { image, width, height, selectedPixels, hoverPixel, mode = 'select' } = props;
  const channels = props.channels ?? 1;
  const brushSize = props.brushSize ?? BRUSH_SIZES.initial;
  const display = gridDisplay(width, height, props.displaySize ?? 336);
  const [w, h] = [display.width, display.height];
  const helpId = useId();
  const [spoken, setSpoken] = useState('');

  const announce = useCallback(
    (c: KeyboardCursor, committed: boolean) => {
      const r = regionFromCorners(c.anchor, c.focus);
      const v = pixelChannels(image, channels, c.focus.row * width + c.focus.col);
      const verb = committed ? (mode === 'select' ? 'Selected: ' : 'Painted at ') : '';
      const single = r.row0 === r.row1 && r.col0 === r.col1;
      if (single || mode !== 'select') {
        const zero = isZeroPixel(v) ? ', background: no pathway' : '';
        setSpoken(
          `${verb}row ${c.focus.row}, column ${c.focus.col}, value ${formatPixel(v, 'spoken')}${zero}`,
        );
        return;
      }
      const intensity = pixelIntensity(image, { width, height, channels });
      const s = summarizeSelection(intensity, width, regionPixels(r, width));
      const ink = s ? s.count - s.zeros : 0;
      setSpoken(
        `${verb}${r.row1 - r.row0 + 1} by ${r.col1 - r.col0 + 1} region, rows ${r.row0} to ${r.row1}, ` +
          `columns ${r.col0} to ${r.col1}; ${ink} of ${s?.count ?? 0} pixels are not background`,
      );
    },
    [image, width, height, channels, mode],
  );

  const { drag, cursor, strokeImage, brushAt, handlers } = useInputInteractions({
    image,
    width,
    height,
    channels,
    brushColour: props.brushColour ?? WHITE,
    selectedPixels,
    hoverPixel,
    mode,
    brushSize,
    onSelect: props.onSelect,
    onPress: props.onPress,
    onHover: props.onHover,
    onDraw: props.onDraw,
    announce,
  });

  const shown = strokeImage ?? image;
  const rgba = useMemo(() => paintImage(shown, channels), [shown, channels]);

  return (
    <AxisFrame rows={height} cols={width} displayWidth={w} displayHeight={h}>
      <div
        className={`pl-input-canvas pl-mode-${mode}`}
        style={{ width: w, height: h }}
        tabIndex={0}
        role="application"
        aria-roledescription="pixel grid"
        aria-label={
          props.label ??
          `Input image, ${width} by ${height} pixels${channels === 3 ? ', in colour' : ''}`
        }
        aria-describedby={helpId}
        {...handlers}
      >
        <RasterCanvas
          rgba={rgba}
          width={width}
          height={height}
          displayWidth={w}
          displayHeight={h}
          style={display.smooth ? SMOOTH : undefined}
        />
        <SelectionOverlay
          width={width}
          height={height}
          selectedPixels={selectedPixels}
          hoverPixel={hoverPixel}
          dragRegion={drag ? regionFromCorners(drag.anchor, drag.focus) : null}
          cursorRegion={cursor ? regionFromCorners(cursor.anchor, cursor.focus) : null}
          brush={brushAt ? { at: brushAt, size: brushSize } : null}
          gridLines={display.gridLines}
        />
      </div>
      <span id={helpId} className="pl-sr-only">
        {HELP[mode]}
      </span>
      <span className="pl-sr-only" aria-live="polite">
        {spoken}
      </span>
    </AxisFrame>
  );
}
