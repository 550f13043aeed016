// A picture (RGBA, any size) as a model's input: H×W×C floats in [0, 1], NHWC. The fit modes of
// `--fit` (docs/cli.md): `none` uses the pixels as they are; `contain` and `stretch` scale the
// whole picture; `mnist` and `ink` find the ink first, as the app's upload dialog does
// (src/lib/image-convert.ts). 3-channel models get R, G, B; 1-channel models the luma. Pure.
import {
  analyzeImage,
  convertToModelInput,
  resampleArea,
  type RgbaImage,
} from '../../src/lib/image-convert';
import type { InputInfo } from '../../src/pathways/types';
import type { FitOption } from './pathways-args';

export type FitMode = Exclude<FitOption, 'auto'>;

/** The ink detection's own limit (analyzeImage in src/lib/image-convert.ts). */
export const MAX_INK_PIXELS = 4096 * 4096;

export interface FitRequest {
  fit: FitOption;
  invert: 'auto' | 'yes' | 'no';
  /** What `auto` means for a picture whose size is not the model's. */
  autoFit: 'mnist' | 'contain';
}

export type FitOutcome =
  { ok: true; image: Float32Array; fit: FitMode; inverted: boolean } | { ok: false; error: string };

interface Plane {
  data: Float32Array;
  width: number;
  height: number;
}

/** The fit `auto` stands for: pixel for pixel when the picture already has the model's size. */
export function resolveFit(img: RgbaImage, input: InputInfo, request: FitRequest): FitMode {
  if (request.fit !== 'auto') return request.fit;
  return img.width === input.width && img.height === input.height ? 'none' : request.autoFit;
}

/**
 * One plane per model channel, values /255: R, G, B for 3 channels; for 1 channel Rec. 709 luma
 * (the app's grey), exactly v/255 where R = G = B so that a grey PNG is read unchanged. The alpha
 * channel is not used: the colour values are taken as stored.
 */
function channelPlanes(img: RgbaImage, channels: number, invert: boolean): Plane[] {
  const n = img.width * img.height;
  const planes = Array.from({ length: channels }, () => new Float32Array(n));
  const d = img.data;
  for (let p = 0; p < n; p++) {
    const r = d[p * 4]!;
    const g = d[p * 4 + 1]!;
    const b = d[p * 4 + 2]!;
    if (channels === 3) {
      planes[0]![p] = r / 255;
      planes[1]![p] = g / 255;
      planes[2]![p] = b / 255;
    } else {
      planes[0]![p] = r === g && g === b ? r / 255 : (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }
  }
  if (invert) for (const plane of planes) for (let p = 0; p < n; p++) plane[p] = 1 - plane[p]!;
  return planes.map((data) => ({ data, width: img.width, height: img.height }));
}

/** Planes of one size, interleaved into NHWC (index (row * W + col) * C + ch). */
function interleave(planes: Float32Array[], width: number, height: number): Float32Array {
  const C = planes.length;
  const out = new Float32Array(width * height * C);
  for (let p = 0; p < width * height; p++) {
    for (let ch = 0; ch < C; ch++) out[p * C + ch] = planes[ch]![p]!;
  }
  return out;
}

/** The whole picture area-resampled to dw×dh and placed at (top, left) of an H×W zero grid. */
function scaled(planes: Plane[], input: InputInfo, dw: number, dh: number): Float32Array {
  const { width: W, height: H } = input;
  const top = Math.floor((H - dh) / 2);
  const left = Math.floor((W - dw) / 2);
  const grids = planes.map((plane) => {
    const patch = resampleArea(plane, { x: 0, y: 0, w: plane.width, h: plane.height }, dw, dh);
    const grid = new Float32Array(W * H);
    for (let r = 0; r < dh; r++)
      grid.set(patch.subarray(r * dw, (r + 1) * dw), (top + r) * W + left);
    return grid;
  });
  return interleave(grids, W, H);
}

function sizeText(w: number, h: number): string {
  return `${w}×${h}`;
}

/** Converts the picture for a model with input H×W×C (C = 1 or 3). */
export function pictureToInput(img: RgbaImage, input: InputInfo, request: FitRequest): FitOutcome {
  const fit = resolveFit(img, input, request);
  const { width: W, height: H, channels: C } = input;
  if (fit === 'mnist' || fit === 'ink') {
    if (C !== 1) {
      return {
        ok: false,
        error: `--fit ${fit} makes a grey picture of the ink, but this model reads ${C} channels: use --fit none, contain or stretch`,
      };
    }
    if (img.width * img.height > MAX_INK_PIXELS) {
      return {
        ok: false,
        error: `the picture is ${sizeText(img.width, img.height)} pixels; --fit ${fit} finds ink in pictures up to 4096×4096: shrink it, or use --fit contain or stretch`,
      };
    }
    const analysis = analyzeImage(img);
    const inverted = request.invert === 'auto' ? analysis.suggestInvert : request.invert === 'yes';
    const result = convertToModelInput(analysis, W, H, {
      invert: inverted,
      fit: fit === 'mnist' ? 'mnist' : 'contain',
    });
    if (!result.ok) return { ok: false, error: result.error };
    return { ok: true, image: result.image, fit, inverted };
  }
  // Pixel values as they are: `auto` never inverts here (only the ink fits can tell ink from paper).
  const inverted = request.invert === 'yes';
  const planes = channelPlanes(img, C, inverted);
  if (fit === 'none') {
    if (img.width !== W || img.height !== H) {
      return {
        ok: false,
        error:
          `the picture is ${sizeText(img.width, img.height)} pixels, but --fit none needs the model's ` +
          `${sizeText(W, H)}: use --fit contain or stretch to scale it${C === 1 ? ' (or mnist to fit a digit)' : ''}`,
      };
    }
    return {
      ok: true,
      image: interleave(
        planes.map((p) => p.data),
        W,
        H,
      ),
      fit,
      inverted,
    };
  }
  if (fit === 'stretch') return { ok: true, image: scaled(planes, input, W, H), fit, inverted };
  const scale = Math.min(W / img.width, H / img.height);
  const dw = Math.max(1, Math.min(W, Math.round(img.width * scale)));
  const dh = Math.max(1, Math.min(H, Math.round(img.height * scale)));
  return { ok: true, image: scaled(planes, input, dw, dh), fit, inverted };
}
