import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { BrushPoint } from '../../lib/brush';
import type { Rgb01 } from '../../lib/colour-brush';
import { startStroke, type StrokePainter } from '../../lib/stroke-painter';
import {
  boundingRegion,
  cellOf,
  clampCell,
  indexOf,
  isArrowKey,
  moveCursor,
  regionFromCorners,
  regionPixels,
  type Cell,
  type KeyboardCursor,
  type PixelRegion,
} from '../../lib/selection';
import type { InputMode } from '../../state/view-types';
import type { DrawHandler, SelectHandler } from './types';
import { usePressReveal } from './use-press-reveal';

interface Options {
  image: Float32Array;
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB): how the brush paints (lib/stroke-painter.ts). */
  channels: number;
  /** The colour brush's colour on an RGB image. */
  brushColour: Rgb01;
  selectedPixels: readonly number[];
  hoverPixel: number | null;
  mode: InputMode;
  brushSize: number;
  onSelect: SelectHandler;
  /** A press in select mode, at its pixel: the selection it will likely make (see InputCanvas). */
  onPress?: (region: PixelRegion) => void;
  onHover: (pixel: number | null) => void;
  onDraw: DrawHandler | undefined;
  /** Text for the screen-reader live region after a keyboard move. */
  announce: (cursor: KeyboardCursor, committed: boolean) => void;
}

const centre = (c: Cell): BrushPoint => ({ x: c.col + 0.5, y: c.row + 0.5 });

/** Longest a released drag's outline waits for its selection (the app's wait is shorter). */
const RELEASED_DRAG_MS = 250;

/**
 * Pointer and keyboard behaviour of the input canvas, kept apart from rendering. Selection is
 * committed only on pointer-up or Enter/Space, because every commit starts a pathway computation;
 * hover and the keyboard cursor are cheap previews.
 */
export function useInputInteractions(o: Options) {
  const [drag, setDrag] = useState<KeyboardCursor | null>(null);
  // A press's pending outline is drawn about a frame late, so its answer is not held behind that
  // frame (use-press-reveal.ts); a drag's rectangle is drawn at once.
  const pressOutline = usePressReveal();
  // A released drag keeps its outline until the selection it made is on screen: the app commits
  // a pointer selection together with its pathways' answer (view-types.ts pendingSelection), and
  // clearing the outline at once would show the last selection for a moment. It goes once
  // `selectedPixels` changes (or after RELEASED_DRAG_MS, e.g. for a click on the selection).
  const [releasedAt, setReleasedAt] = useState<readonly number[] | null>(null);
  const releaseTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (releaseTimer.current !== null) clearTimeout(releaseTimer.current);
    },
    [],
  );
  const [cursor, setCursor] = useState<KeyboardCursor | null>(null);
  const [brushAt, setBrushAt] = useState<BrushPoint | null>(null);
  // The stroke in progress is painted from here, so ink shows even if the caller only stores
  // finished strokes (phase 'end') and ignores the 'stroke' previews.
  const [strokeImage, setStrokeImage] = useState<Float32Array | null>(null);
  const stroke = useRef<{ painter: StrokePainter; last: BrushPoint } | null>(null);
  const pointerFocus = useRef(false);
  const lastHover = useRef<number | null>(null);
  const { width, height, mode } = o;
  const drawing = mode !== 'select';
  const kind = mode === 'erase' ? 'eraser' : 'brush';
  const paintOn = (image: Float32Array) =>
    startStroke(image, width, height, o.channels, {
      kind,
      size: o.brushSize,
      colour: o.brushColour,
    });

  const hover = (p: number | null) => {
    if (p === lastHover.current) return;
    lastHover.current = p;
    o.onHover(p);
  };

  const toGrid = (e: PointerEvent<HTMLElement>): BrushPoint => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / Math.max(1, r.width)) * width,
      y: ((e.clientY - r.top) / Math.max(1, r.height)) * height,
    };
  };
  const toCell = (p: BrushPoint): Cell =>
    clampCell({ row: Math.floor(p.y), col: Math.floor(p.x) }, width, height);

  const initialCursor = useCallback((): KeyboardCursor => {
    const b = boundingRegion(o.selectedPixels, width);
    if (b) {
      return {
        anchor: { row: b.region.row0, col: b.region.col0 },
        focus: { row: b.region.row1, col: b.region.col1 },
      };
    }
    const c =
      o.hoverPixel !== null
        ? cellOf(o.hoverPixel, width)
        : { row: Math.floor(height / 2), col: Math.floor(width / 2) };
    return { anchor: c, focus: c };
  }, [o.selectedPixels, o.hoverPixel, width, height]);

  const emitDraw = (buffer: Float32Array, phase: 'stroke' | 'end') => {
    const copy = Float32Array.from(buffer);
    setStrokeImage(phase === 'stroke' ? copy : null);
    o.onDraw?.(copy, phase);
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    pointerFocus.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    setCursor(null);
    const pt = toGrid(e);
    const cell = toCell(pt);
    if (!drawing) {
      // A new drag: the last one's outline timer must not end this one.
      if (releaseTimer.current !== null) clearTimeout(releaseTimer.current);
      releaseTimer.current = null;
      setDrag({ anchor: cell, focus: cell });
      setReleasedAt(null);
      pressOutline.hide();
      o.onPress?.({ row0: cell.row, col0: cell.col, row1: cell.row, col1: cell.col });
      return;
    }
    if (!o.onDraw) return;
    const painter = paintOn(o.image);
    painter.dab(pt);
    stroke.current = { painter, last: pt };
    emitDraw(painter.image, 'stroke');
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const pt = toGrid(e);
    const cell = toCell(pt);
    hover(indexOf(cell, width));
    if (drawing) setBrushAt(pt);
    if (drag && releasedAt === null) {
      const f = drag.focus;
      if (f.row !== cell.row || f.col !== cell.col) {
        setDrag({ anchor: drag.anchor, focus: cell });
        pressOutline.reveal();
      }
    }
    const s = stroke.current;
    if (s) {
      if (s.painter.line(s.last, pt)) emitDraw(s.painter.image, 'stroke');
      s.last = pt;
    }
  };

  const finish = () => {
    pointerFocus.current = false;
    if (drag && releasedAt === null) {
      const region = regionFromCorners(drag.anchor, drag.focus);
      // No re-render here: the outline stays as it is until the selection arrives (see above).
      setReleasedAt(o.selectedPixels);
      o.onSelect(regionPixels(region, width), region);
      if (releaseTimer.current !== null) clearTimeout(releaseTimer.current);
      releaseTimer.current = setTimeout(() => {
        releaseTimer.current = null;
        setDrag(null);
        setReleasedAt(null);
      }, RELEASED_DRAG_MS);
    }
    if (stroke.current) {
      emitDraw(stroke.current.painter.image, 'end');
      stroke.current = null;
    }
  };

  const onPointerLeave = () => {
    if ((drag && releasedAt === null) || stroke.current) return;
    hover(null);
    setBrushAt(null);
  };

  const commitKeyboard = (c: KeyboardCursor) => {
    if (!drawing) {
      const region = regionFromCorners(c.anchor, c.focus);
      o.onSelect(regionPixels(region, width), region);
    } else if (o.onDraw) {
      const painter = paintOn(o.image);
      painter.dab(centre(c.focus));
      emitDraw(painter.image, 'end');
    }
    o.announce(c, true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const current = cursor ?? initialCursor();
    if (isArrowKey(e.key)) {
      e.preventDefault();
      const grow = e.shiftKey && !drawing;
      const from = drawing ? { anchor: current.focus, focus: current.focus } : current;
      const next = moveCursor(from, e.key, grow, width, height);
      setCursor(next);
      hover(indexOf(next.focus, width));
      // Shift+arrows in a drawing mode paint (or erase) a line as the cursor moves.
      if (drawing && e.shiftKey && o.onDraw) {
        const painter = paintOn(o.image);
        painter.line(centre(from.focus), centre(next.focus));
        emitDraw(painter.image, 'end');
      }
      o.announce(next, false);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setCursor(current);
      commitKeyboard(current);
    } else if (e.key === 'Escape') {
      setCursor(initialCursor());
      hover(null);
    }
  };

  const onFocus = () => {
    // A click also focuses the canvas; only keyboard focus shows the keyboard cursor.
    if (!pointerFocus.current) setCursor(initialCursor());
    pointerFocus.current = false;
  };

  const onBlur = () => {
    setCursor(null);
    hover(null);
  };

  // A released drag shows while the selection it made has not arrived.
  // A click released before its outline's delay is not drawn as pending: if its selection is
  // not on screen when the delay ends, the outline shows then.
  const waiting = releasedAt === null || releasedAt === o.selectedPixels;
  const shownDrag = waiting && pressOutline.shown ? drag : null;
  return {
    drag: shownDrag,
    cursor,
    strokeImage,
    brushAt: drawing ? brushAt : null,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: finish,
      onPointerCancel: finish,
      onPointerLeave,
      onKeyDown,
      onFocus,
      onBlur,
    },
  };
}
