// The input geometry the app works with: the loaded model's [height, width, channels]. Every
// panel, the link's checks and the image codec read it from the store (AppData.input) instead
// of assuming MNIST's 28×28×1, so any model the user opens (8–256 px, grey or RGB) gets the
// same views (docs/own-model.md).

export interface InputShape {
  height: number;
  width: number;
  /** 1 = grey, 3 = RGB (NHWC: the channel index varies fastest). */
  channels: number;
}

/** The built-in models' input (MNIST and Fashion-MNIST images): the boot value. */
export const SHIPPED_INPUT: InputShape = Object.freeze({ height: 28, width: 28, channels: 1 });

export function sameShape(a: InputShape, b: InputShape): boolean {
  return a.height === b.height && a.width === b.width && a.channels === b.channels;
}

/** Number of pixel positions (what selections and pixel indices address). */
export function pixelCount(shape: InputShape): number {
  return shape.height * shape.width;
}

/** Number of values of one image tensor (H × W × C). */
export function valueCount(shape: InputShape): number {
  return shape.height * shape.width * shape.channels;
}

/** "28×28 grey" / "32×32 RGB", for messages and the model card. */
export function describeShape(shape: InputShape): string {
  const kind =
    shape.channels === 3 ? 'RGB' : shape.channels === 1 ? 'grey' : `${shape.channels}-channel`;
  return `${shape.width}×${shape.height} ${kind}`;
}

/** A [height, width, channels] triple (as model summaries carry it) as an InputShape. */
export function shapeOf(triple: readonly [number, number, number]): InputShape {
  return { height: triple[0], width: triple[1], channels: triple[2] };
}

/**
 * One value per pixel: its strongest channel (grey images are returned as they are). Panels that
 * need one number per pixel (is there ink, the default pixel, a selection's summary) read this;
 * the strongest channel, not the mean, so a pure red stroke counts as fully inked.
 */
export function pixelIntensity(pixels: Float32Array, shape: InputShape): Float32Array {
  if (shape.channels === 1) return pixels;
  const n = pixelCount(shape);
  const out = new Float32Array(n);
  const c = shape.channels;
  for (let p = 0; p < n; p++) {
    let max = 0;
    for (let k = 0; k < c; k++) max = Math.max(max, pixels[p * c + k] ?? 0);
    out[p] = max;
  }
  return out;
}
