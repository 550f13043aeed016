// The occlusion patch's sizes for any input (finding 4b, docs/analyses.md). MNIST's 28×28 digits
// get the sizes the Occlusion view has always offered (2 to 14 cells, 8 at first: about 2/7 of
// the side, enough to hide a stroke of the digit); any other input gets the same fractions of its
// shorter side, so a 128×128 image is not occluded by a speck of 8 cells, nor an 8×8 one wholly.
// Pure; the Occlusion view, its keyboard and the link's check all read these numbers.

/** The side MNIST's sizes are given for. */
const BASE_SIDE = 28;
const BASE = { min: 2, max: 14, initial: 8 } as const;

export interface PatchSizes {
  /** Smallest and largest side of the patch, in cells. */
  min: number;
  max: number;
  /** The side of the patch the view opens with. */
  initial: number;
  /** Cells one + or − press grows or shrinks the patch by. */
  step: number;
}

/** The patch sizes for an image of height × width cells. */
export function patchSizes(height: number, width: number): PatchSizes {
  const side = Math.max(1, Math.min(height, width));
  const scale = side / BASE_SIDE;
  const max = Math.max(1, Math.min(side, Math.round(BASE.max * scale)));
  const min = Math.max(1, Math.min(max, Math.round(BASE.min * scale)));
  const initial = Math.max(min, Math.min(max, Math.round(BASE.initial * scale)));
  return { min, max, initial, step: Math.max(1, Math.round(scale)) };
}

export interface SquarePatch {
  row: number;
  col: number;
  size: number;
}

/**
 * The patch grown (`grow` > 0) or shrunk by `sizes.step` around its centre, within the sizes
 * and inside the image.
 */
export function resizePatch(
  patch: SquarePatch,
  grow: number,
  sizes: PatchSizes,
  height: number,
  width: number,
): SquarePatch {
  const wanted = patch.size + Math.sign(grow) * sizes.step;
  const size = Math.max(sizes.min, Math.min(sizes.max, Math.min(height, width), wanted));
  const centreRow = patch.row + patch.size / 2;
  const centreCol = patch.col + patch.size / 2;
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  return {
    row: clamp(Math.round(centreRow - size / 2), height - size),
    col: clamp(Math.round(centreCol - size / 2), width - size),
    size,
  };
}
