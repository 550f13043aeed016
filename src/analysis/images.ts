// Image sets and the image edits the analyses need (shift, occlusion). Images are model inputs:
// float32 NHWC without the batch axis, index (row * W + col) * C + ch, already normalised.
import type { InputInfo } from '../pathways';

/** N images stored back to back (N × H × W × C floats) with their class labels. */
export interface ImageSet {
  input: InputInfo;
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

export function imageSize(input: InputInfo): number {
  return input.height * input.width * input.channels;
}

export function imageAt(set: ImageSet, i: number): Float32Array {
  const n = imageSize(set.input);
  if (!Number.isInteger(i) || i < 0 || i >= set.count) throw new Error(`No image ${i}.`);
  return set.images.subarray(i * n, (i + 1) * n);
}

/** A new set made of the given images (copied), in the given order. */
export function subset(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const n = imageSize(set.input);
  const images = new Float32Array(indices.length * n);
  const labels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    images.set(imageAt(set, i), k * n);
    labels[k] = set.labels[i]!;
  }
  return { input: { ...set.input }, images, labels, count: indices.length };
}

/**
 * The image moved by dx columns (right positive) and dy rows (down positive), zero fill.
 * Returns the moved image and how much non-zero input fell off the frame.
 */
export function shiftImage(
  image: Float32Array,
  input: InputInfo,
  dx: number,
  dy: number,
): { image: Float32Array; lostValues: number } {
  if (!Number.isInteger(dx) || !Number.isInteger(dy)) throw new Error('Shifts must be integers.');
  const { height: H, width: W, channels: C } = input;
  const out = new Float32Array(image.length);
  let lost = 0;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const r2 = r + dy;
      const c2 = c + dx;
      const inside = r2 >= 0 && r2 < H && c2 >= 0 && c2 < W;
      for (let ch = 0; ch < C; ch++) {
        const v = image[(r * W + c) * C + ch]!;
        if (inside) out[(r2 * W + c2) * C + ch] = v;
        else if (v !== 0) lost++;
      }
    }
  }
  return { image: out, lostValues: lost };
}

/** A square patch: top-left corner (row, col) and side length, clipped to the image. */
export interface Patch {
  row: number;
  col: number;
  size: number;
}

/** The image with the patch set to `fill` (0 = background for MNIST-like inputs). */
export function occludeImage(
  image: Float32Array,
  input: InputInfo,
  patch: Patch,
  fill = 0,
): Float32Array {
  const { height: H, width: W, channels: C } = input;
  const out = Float32Array.from(image);
  for (let r = Math.max(0, patch.row); r < Math.min(H, patch.row + patch.size); r++) {
    for (let c = Math.max(0, patch.col); c < Math.min(W, patch.col + patch.size); c++) {
      for (let ch = 0; ch < C; ch++) out[(r * W + c) * C + ch] = fill;
    }
  }
  return out;
}
