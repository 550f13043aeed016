/**
 * An uploaded picture as the input of a model that is not one of the built-in digit or clothes
 * models: the picture (or its crop box) plainly resized to the model's H×W, with no ink
 * detection (that is tuned for MNIST-like pictures, image-convert.ts). RGB models get the red,
 * green and blue values, grey models the Rec. 709 luma, NHWC in [0, 1]. Transparent parts are
 * composited over black, and letterbox bars are black: 0 is the background that carries no
 * pathway. Pure maths, tested in Node.
 */
import { resampleArea } from './image-convert-fit';
import { clampCrop, type CropBox, type RgbaImage } from './image-convert';
import type { Plane } from './ink-filters';

/**
 * 'letterbox': the whole crop, aspect kept, black bars on the short sides. 'fill': the grid filled,
 * aspect kept, the crop's overhang trimmed evenly. 'stretch': the whole crop onto the whole grid.
 */
export type ResizeFit = 'letterbox' | 'fill' | 'stretch';

export const RESIZE_FITS: readonly ResizeFit[] = ['letterbox', 'fill', 'stretch'];

export interface ResizeOptions {
  fit: ResizeFit;
  /** 1 (luma) or 3 (R, G, B). */
  channels: number;
  /** Only this part of the picture is read (default: all of it). */
  crop?: CropBox;
  /** Use 1 − value (for a model trained on the opposite polarity); the bars stay 0. */
  invert?: boolean;
}

/** A rectangle with fractional edges, in picture pixels or grid cells. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ResizeResult =
  | {
      ok: true;
      /** width × height × channels values in [0, 1], NHWC. */
      image: Float32Array;
      /** The part of the picture that was read (inside the crop box; smaller for 'fill'). */
      read: Rect;
      /** Where it went in the grid (smaller than the grid for 'letterbox'). */
      placed: Rect;
      /** Grid pixels per picture pixel (above 1: the picture was enlarged). */
      scale: number;
    }
  | { ok: false; error: string };

const MAX_SOURCE_PIXELS = 4096 * 4096;

/** What is read from where in the grid: the geometry of each fit, without touching pixels. */
export function resizeLayout(
  crop: CropBox,
  width: number,
  height: number,
  fit: ResizeFit,
): { read: Rect; placed: Rect } {
  const whole = { x: 0, y: 0, w: width, h: height };
  if (fit === 'stretch') return { read: { ...crop }, placed: whole };
  if (fit === 'fill') {
    const s = Math.max(width / crop.w, height / crop.h);
    const w = Math.min(crop.w, width / s);
    const h = Math.min(crop.h, height / s);
    return {
      read: { x: crop.x + (crop.w - w) / 2, y: crop.y + (crop.h - h) / 2, w, h },
      placed: whole,
    };
  }
  const s = Math.min(width / crop.w, height / crop.h);
  // Whole cells only: a half-covered edge cell would be a grey seam, not a black bar.
  const w = Math.max(1, Math.min(width, Math.round(crop.w * s)));
  const h = Math.max(1, Math.min(height, Math.round(crop.h * s)));
  return {
    read: { ...crop },
    placed: { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), w, h },
  };
}

/**
 * The picture's channel planes, composited over black: R, G, B for 3 channels, else the luma
 * (exactly v / 255 where R = G = B, so a grey picture is read unchanged).
 */
function channelPlanes(src: RgbaImage, channels: number, invert: boolean): Plane[] {
  const n = src.width * src.height;
  const d = src.data;
  const planes = Array.from({ length: channels === 3 ? 3 : 1 }, () => new Float32Array(n));
  for (let p = 0; p < n; p++) {
    const r = d[p * 4] ?? 0;
    const g = d[p * 4 + 1] ?? 0;
    const b = d[p * 4 + 2] ?? 0;
    const a = (d[p * 4 + 3] ?? 0) / 255;
    const values =
      planes.length === 3
        ? [r / 255, g / 255, b / 255]
        : [r === g && g === b ? r / 255 : (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255];
    for (let k = 0; k < planes.length; k++) {
      const v = (values[k] ?? 0) * a;
      (planes[k] as Float32Array)[p] = invert ? 1 - v : v;
    }
  }
  return planes.map((data) => ({ data, width: src.width, height: src.height }));
}

/** Resizes the picture (or its crop box) onto the model's width × height grid. */
export function resizeToInput(
  src: RgbaImage,
  width: number,
  height: number,
  options: ResizeOptions,
): ResizeResult {
  const { width: w, height: h, data } = src;
  if (!(w > 0 && h > 0) || w * h > MAX_SOURCE_PIXELS || data.length !== w * h * 4) {
    return { ok: false, error: `The picture could not be read (${w}×${h} pixels).` };
  }
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    return { ok: false, error: `The model's input size ${width}×${height} is not usable.` };
  }
  let opaque = false;
  for (let p = 3; p < data.length && !opaque; p += 4) opaque = (data[p] ?? 0) > 0;
  if (!opaque) {
    return { ok: false, error: 'The picture is fully transparent: nothing is drawn on it.' };
  }
  const crop = clampCrop(options.crop, w, h);
  const { read, placed } = resizeLayout(crop, width, height, options.fit);
  const planes = channelPlanes(src, options.channels, options.invert ?? false);
  const C = planes.length;
  const image = new Float32Array(width * height * C);
  planes.forEach((plane, k) => {
    const patch = resampleArea(plane, read, placed.w, placed.h);
    for (let r = 0; r < placed.h; r++) {
      for (let c = 0; c < placed.w; c++) {
        const v = patch[r * placed.w + c] ?? 0;
        image[((placed.y + r) * width + placed.x + c) * C + k] = Math.min(1, Math.max(0, v));
      }
    }
  });
  return { ok: true, image, read, placed, scale: Math.max(placed.w / read.w, placed.h / read.h) };
}

export interface ResizeWarning {
  kind: 'black' | 'blurred';
  message: string;
}

/** Beyond this many grid cells per picture pixel, the enlarged picture is called blurred. */
const BLURRY_SCALE = 2;

/**
 * What may make a resized picture a poor input, and what to do about it. `empty`: every value of
 * the committed (quantised) grid is 0.
 */
export function resizeWarnings(
  result: Extract<ResizeResult, { ok: true }>,
  empty: boolean,
  invert: boolean,
): ResizeWarning[] {
  const warnings: ResizeWarning[] = [];
  if (empty) {
    warnings.push({
      kind: 'black',
      message: `Every pixel comes out 0 (black): nothing in this input carries a pathway. Choose a brighter part of the picture${invert ? ', or untick “Invert”' : ', or tick “Invert”'}.`,
    });
  }
  if (result.scale > BLURRY_SCALE) {
    const { read, placed } = result;
    warnings.push({
      kind: 'blurred',
      message: `The part read is only ${Math.round(read.w)}×${Math.round(read.h)} pixels, enlarged to ${placed.w}×${placed.h}: it comes out blurred. Choose a larger part of the picture, or a larger picture.`,
    });
  }
  return warnings;
}
