// The current image with a square occluding patch the user drags (pointer) or moves with the arrow
// keys (+/− resize). The patch is drawn over an enlarged canvas; the grid is the image's own.
import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { ImageThumb } from './ImageThumb';
import { resizePatch, type PatchSizes } from '../../analysis/patch-scale';
import { cellAt, patchAfterKey, patchAround, type PatchBox } from '../../lib/patch-geometry';

/** + grows the patch, − shrinks it (with and without Shift, on any keyboard layout). */
const RESIZE_KEYS: Record<string, number> = { '+': 1, '=': 1, '-': -1, _: -1 };

interface Props {
  /** The image, H×W×C in [0, 1] (NHWC). */
  pixels: Float32Array;
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB). */
  channels: number;
  /** The sizes the patch may take in this image (src/analysis/patch-scale.ts). */
  sizes: PatchSizes;
  patch: PatchBox;
  onChange: (patch: PatchBox) => void;
  size: number;
}

export function PatchEditor(props: Props) {
  const { pixels, width, height, channels, sizes, patch, onChange, size } = props;
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const cell = size / width;
  const positionId = useId();

  const moveTo = (event: PointerEvent) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return;
    const c = cellAt(
      event.clientX - rect.left,
      event.clientY - rect.top,
      rect.width,
      rect.height,
      height,
      width,
    );
    const next = patchAround(c.row, c.col, patch.size, height, width);
    if (next.row !== patch.row || next.col !== patch.col) onChange(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const grow = RESIZE_KEYS[event.key];
    const next =
      grow !== undefined
        ? resizePatch(patch, grow, sizes, height, width)
        : patchAfterKey(patch, event.key, event.shiftKey, height, width);
    if (!next) return;
    event.preventDefault();
    onChange(next);
  };

  return (
    <div
      ref={box}
      className="an-patch-editor"
      style={{ width: size, height: (size * height) / width }}
      tabIndex={0}
      role="group"
      aria-roledescription="movable patch"
      aria-label="Occluding patch: drag it, or move it with the arrow keys (+ and − resize)"
      aria-describedby={positionId}
      data-testid="patch-editor"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => dragging.current && moveTo(e)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <ImageThumb pixels={pixels} width={width} height={height} channels={channels} size={size} />
      <span id={positionId} className="an-sr" aria-live="polite">
        Patch over rows {patch.row}–{patch.row + patch.size - 1}, columns {patch.col}–
        {patch.col + patch.size - 1}
      </span>
      <div
        className="an-patch"
        data-testid="patch"
        style={{
          left: patch.col * cell,
          top: patch.row * cell,
          width: patch.size * cell,
          height: patch.size * cell,
        }}
      />
    </div>
  );
}
