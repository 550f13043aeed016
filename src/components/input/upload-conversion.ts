// What an uploaded picture becomes in the upload dialog, for either conversion: the built-in
// models' ink detection (src/lib/image-convert.ts, tuned on e2e/fixtures/photos) or the plain
// resize other models get (src/lib/image-resize.ts). The dialog shows the same things for both:
// the grid, a box on the picture, a caption, warnings or the reason nothing came out.
import { isEmptyImage } from '../../lib/dataset-words';
import { quantizeImage } from '../../lib/image-codec';
import {
  convertToModelInput,
  type CropBox,
  type FitMode,
  type ImageAnalysis,
  type RgbaImage,
} from '../../lib/image-convert';
import { resizeToInput, resizeWarnings, type ResizeFit } from '../../lib/image-resize';

export type UploadConversion = 'ink' | 'resize';

export interface InkSettings {
  conversion: 'ink';
  analysis: ImageAnalysis;
  invert: boolean;
  fit: FitMode;
}

export interface ResizeSettings {
  conversion: 'resize';
  picture: RgbaImage;
  channels: number;
  invert: boolean;
  fit: ResizeFit;
}

export type Converted =
  | {
      ok: true;
      /** Exactly what the network will read: quantised as the link keeps it. */
      grid: Float32Array;
      /** A box to mark on the picture, [row0, col0, row1, col1] in its pixels, inclusive. */
      box: [number, number, number, number] | null;
      /** How many grid pixels are not 0 (the only ones that carry pathways). */
      nonZero: number;
      warnings: Array<{ key: string; message: string }>;
    }
  | { ok: false; error: string };

function countNonZero(grid: Float32Array, channels: number): number {
  let n = 0;
  for (let p = 0; p < grid.length; p += channels) {
    for (let k = 0; k < channels; k++) {
      if (grid[p + k] !== 0) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** The picture converted for a width × height model with the dialog's settings. */
export function convertUpload(
  settings: InkSettings | ResizeSettings,
  width: number,
  height: number,
  crop: CropBox | undefined,
): Converted {
  if (settings.conversion === 'ink') {
    const result = convertToModelInput(settings.analysis, width, height, {
      invert: settings.invert,
      fit: settings.fit,
      crop,
    });
    if (!result.ok) return result;
    const grid = quantizeImage(result.image);
    return {
      ok: true,
      grid,
      box: result.sourceBox,
      // The ink count of the conversion (before quantisation), as the dialog has always shown.
      nonZero: result.inkPixels,
      warnings: result.warnings.map((w) => ({ key: w.kind, message: w.message })),
    };
  }
  const result = resizeToInput(settings.picture, width, height, {
    fit: settings.fit,
    channels: settings.channels,
    crop,
    invert: settings.invert,
  });
  if (!result.ok) return result;
  const grid = quantizeImage(result.image);
  const { read } = result;
  // The dashed box shows what 'fill' keeps of the crop; for the other fits it is the crop itself.
  const box: [number, number, number, number] | null =
    settings.fit === 'fill'
      ? [
          Math.round(read.y),
          Math.round(read.x),
          Math.round(read.y + read.h) - 1,
          Math.round(read.x + read.w) - 1,
        ]
      : null;
  return {
    ok: true,
    grid,
    box,
    nonZero: countNonZero(grid, settings.channels === 3 ? 3 : 1),
    warnings: resizeWarnings(result, isEmptyImage(grid), settings.invert).map((w) => ({
      key: w.kind,
      message: w.message,
    })),
  };
}
