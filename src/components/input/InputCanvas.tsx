import { useCallback, useId, useMemo, useState } from 'react';
import { BRUSH_SIZES } from '../../lib/brush';
import { formatNumber } from '../../lib/format';
import { paintGrey } from '../../lib/raster';
import {
  regionFromCorners,
  regionPixels,
  summarizeSelection,
  type KeyboardCursor,
} from '../../lib/selection';
import { AxisFrame } from '../maps/AxisFrame';
import { RasterCanvas } from '../maps/RasterCanvas';
import { SelectionOverlay } from './SelectionOverlay';
import type { InputMode } from '../../state/view-types';
import type { DrawHandler, SelectHandler } from './types';
import { useInputInteractions } from './useInputInteractions';
import '../maps/common.css';
import './input.css';

export interface InputCanvasProps {
  /** width × height values in [0, 1] (pixel / 255), row-major; 0 is background. */
  image: Float32Array;
  width: number;
  height: number;
  /** Flat indices row * width + col of the committed selection. */
  selectedPixels: readonly number[];
  /** Pixel under the pointer or keyboard cursor, from this or any linked view. */
  hoverPixel: number | null;
  /** Commit a selection: a click is a 1×1 region, a drag a rectangle. */
  onSelect: SelectHandler;
  onHover: (pixel: number | null) => void;
  mode?: InputMode;
  /** A fresh image for every change; see DrawPhase. Without it the drawing modes do nothing. */
  onDraw?: DrawHandler;
  /** Brush diameter in pixels. */
  brushSize?: number;
  /** CSS size of the longer side of the enlarged image. */
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

/**
 * The input image, enlarged with crisp pixels. Click selects a pixel, dragging selects a
 * rectangle; in the drawing modes the pointer paints with a soft round brush. Fully usable from
 * the keyboard, with a live region that reads out where the cursor is and what value it holds.
 */
export function InputCanvas(props: InputCanvasProps) {
  const { image, width, height, selectedPixels, hoverPixel, mode = 'select' } = props;
  const brushSize = props.brushSize ?? BRUSH_SIZES.initial;
  const displaySize = props.displaySize ?? 336;
  const scale = displaySize / Math.max(width, height);
  const [w, h] = [width * scale, height * scale];
  const helpId = useId();
  const [spoken, setSpoken] = useState('');

  const announce = useCallback(
    (c: KeyboardCursor, committed: boolean) => {
      const r = regionFromCorners(c.anchor, c.focus);
      const v = image[c.focus.row * width + c.focus.col] ?? 0;
      const verb = committed ? (mode === 'select' ? 'Selected: ' : 'Painted at ') : '';
      const single = r.row0 === r.row1 && r.col0 === r.col1;
      if (single || mode !== 'select') {
        const zero = v === 0 ? ', background: no pathway' : '';
        setSpoken(
          `${verb}row ${c.focus.row}, column ${c.focus.col}, value ${formatNumber(v)}${zero}`,
        );
        return;
      }
      const s = summarizeSelection(image, width, regionPixels(r, width));
      const ink = s ? s.count - s.zeros : 0;
      setSpoken(
        `${verb}${r.row1 - r.row0 + 1} by ${r.col1 - r.col0 + 1} region, rows ${r.row0} to ${r.row1}, ` +
          `columns ${r.col0} to ${r.col1}; ${ink} of ${s?.count ?? 0} pixels are not background`,
      );
    },
    [image, width, mode],
  );

  const { drag, cursor, strokeImage, brushAt, handlers } = useInputInteractions({
    image,
    width,
    height,
    selectedPixels,
    hoverPixel,
    mode,
    brushSize,
    onSelect: props.onSelect,
    onHover: props.onHover,
    onDraw: props.onDraw,
    announce,
  });

  const shown = strokeImage ?? image;
  const rgba = useMemo(() => paintGrey(shown, 1, 0.08), [shown]);

  return (
    <AxisFrame rows={height} cols={width} displayWidth={w} displayHeight={h}>
      <div
        className={`pl-input-canvas pl-mode-${mode}`}
        style={{ width: w, height: h }}
        tabIndex={0}
        role="application"
        aria-roledescription="pixel grid"
        aria-label={props.label ?? `Input image, ${width} by ${height} pixels`}
        aria-describedby={helpId}
        {...handlers}
      >
        <RasterCanvas
          rgba={rgba}
          width={width}
          height={height}
          displayWidth={w}
          displayHeight={h}
        />
        <SelectionOverlay
          width={width}
          height={height}
          selectedPixels={selectedPixels}
          hoverPixel={hoverPixel}
          dragRegion={drag ? regionFromCorners(drag.anchor, drag.focus) : null}
          cursorRegion={cursor ? regionFromCorners(cursor.anchor, cursor.focus) : null}
          brush={brushAt ? { at: brushAt, size: brushSize } : null}
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
