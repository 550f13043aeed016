import { useEffect, useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { CropBox, RgbaImage } from '../../lib/image-convert';

interface UploadCropProps {
  image: RgbaImage;
  crop: CropBox;
  onCrop: (crop: CropBox) => void;
  /** Where the ink was found, [row0, col0, row1, col1] in the picture's pixels. */
  inkBox: [number, number, number, number] | null;
  /** Largest CSS size of the shown picture. */
  maxWidth: number;
  maxHeight: number;
}

type Drag =
  | { mode: 'new'; x0: number; y0: number }
  | { mode: 'move' | 'resize'; x0: number; y0: number; start: CropBox };

const MIN_CROP = 4;

function clamp(c: CropBox, width: number, height: number): CropBox {
  const w = Math.max(Math.min(MIN_CROP, width), Math.min(width, Math.round(c.w)));
  const h = Math.max(Math.min(MIN_CROP, height), Math.min(height, Math.round(c.h)));
  return {
    x: Math.max(0, Math.min(width - w, Math.round(c.x))),
    y: Math.max(0, Math.min(height - h, Math.round(c.y))),
    w,
    h,
  };
}

function percent(v: number, of: number): string {
  return `${(100 * v) / of}%`;
}

/**
 * The uploaded picture with the crop box on it: drag on the picture to draw a new box, drag the
 * box to move it, drag its corner to resize it; from the keyboard, arrows move it and
 * Shift + arrows resize it. Only the part inside the box is read.
 */
export function UploadCrop({ image, crop, onCrop, inkBox, maxWidth, maxHeight }: UploadCropProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag | null>(null);
  const helpId = useId();
  const { width: W, height: H } = image;
  const scale = Math.min(maxWidth / W, maxHeight / H);
  const shownWidth = Math.round(W * scale);
  const shownHeight = Math.round(H * scale);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const data = new Uint8ClampedArray(image.data);
    ctx.putImageData(new ImageData(data, W, H), 0, 0);
  }, [image, W, H]);

  const toImage = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / Math.max(1, rect.width)) * W,
      y: ((e.clientY - rect.top) / Math.max(1, rect.height)) * H,
    };
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const { x, y } = toImage(e);
    const onHandle = (e.target as HTMLElement).dataset.handle === 'resize';
    // Inside a smaller box a drag moves it; on the whole picture it draws a new one.
    const whole = crop.w >= W && crop.h >= H;
    const inside =
      !whole && x >= crop.x && x <= crop.x + crop.w && y >= crop.y && y <= crop.y + crop.h;
    drag.current = onHandle
      ? { mode: 'resize', x0: x, y0: y, start: crop }
      : inside
        ? { mode: 'move', x0: x, y0: y, start: crop }
        : { mode: 'new', x0: x, y0: y };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const { x, y } = toImage(e);
    if (d.mode === 'new') {
      if (Math.abs(x - d.x0) < MIN_CROP && Math.abs(y - d.y0) < MIN_CROP) return;
      const x0 = Math.max(0, Math.min(x, d.x0));
      const y0 = Math.max(0, Math.min(y, d.y0));
      onCrop(
        clamp(
          {
            x: x0,
            y: y0,
            w: Math.min(W, Math.max(x, d.x0)) - x0,
            h: Math.min(H, Math.max(y, d.y0)) - y0,
          },
          W,
          H,
        ),
      );
    } else if (d.mode === 'move') {
      onCrop(clamp({ ...d.start, x: d.start.x + x - d.x0, y: d.start.y + y - d.y0 }, W, H));
    } else {
      const w = Math.min(W - d.start.x, d.start.w + x - d.x0);
      const h = Math.min(H - d.start.y, d.start.h + y - d.y0);
      onCrop(clamp({ ...d.start, w, h }, W, H));
    }
  };

  const onPointerUp = () => {
    drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = Math.max(1, Math.round(0.02 * Math.max(W, H)));
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    if (e.shiftKey) {
      const w = Math.min(W - crop.x, crop.w + d[0]);
      const h = Math.min(H - crop.y, crop.h + d[1]);
      onCrop(clamp({ ...crop, w, h }, W, H));
    } else {
      onCrop(clamp({ ...crop, x: crop.x + d[0], y: crop.y + d[1] }, W, H));
    }
  };

  return (
    <>
      <div
        className="pl-upload-crop"
        role="application"
        aria-roledescription="crop box"
        aria-label={`Crop box: ${crop.w}×${crop.h} pixels at ${crop.x}, ${crop.y} of ${W}×${H}`}
        aria-describedby={helpId}
        tabIndex={0}
        style={{ width: shownWidth, height: shownHeight }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-crop={`${crop.x},${crop.y},${crop.w},${crop.h}`}
      >
        <canvas
          ref={canvas}
          width={W}
          height={H}
          aria-hidden="true"
          className="pl-upload-source"
          style={{ width: shownWidth, height: shownHeight }}
        />
        {inkBox && (
          <div
            className="pl-upload-ink"
            aria-hidden="true"
            style={{
              left: percent(inkBox[1], W),
              top: percent(inkBox[0], H),
              width: percent(inkBox[3] - inkBox[1] + 1, W),
              height: percent(inkBox[2] - inkBox[0] + 1, H),
            }}
          />
        )}
        <div
          className="pl-upload-cropbox"
          aria-hidden="true"
          style={{
            left: percent(crop.x, W),
            top: percent(crop.y, H),
            width: percent(crop.w, W),
            height: percent(crop.h, H),
          }}
        >
          <span className="pl-upload-handle" data-handle="resize" />
        </div>
      </div>
      <p id={helpId} className="pl-upload-help">
        Drag on the picture to choose the part the network reads (drag the box to move it, its
        corner to resize). Keys: arrows move the box, Shift + arrows resize it.
      </p>
    </>
  );
}
