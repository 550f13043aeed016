// Pixel sets of the pathway CLI: `--pixel ROW,COL` (one pixel) or `--pixel ROW0,COL0,ROW1,COL1`
// (an inclusive rectangle), the same text form as the app's `px` link parameter
// (src/lib/selection.ts). Parsed before the model is known, checked against its H×W after. Pure.
import { formatRegion, regionFromCorners, type PixelRegion } from '../../src/lib/selection';

export type { PixelRegion } from '../../src/lib/selection';
export {
  formatRegion as pixelSetText,
  regionPixels as pixelSetIndices,
} from '../../src/lib/selection';

/** "r,c" or "r0,c0,r1,c1" (corners in any order, spaces allowed); null when malformed. */
export function parsePixelSet(text: string): PixelRegion | null {
  const parts = text.split(',').map((s) => s.trim());
  if ((parts.length !== 2 && parts.length !== 4) || !parts.every((s) => /^\d{1,5}$/.test(s))) {
    return null;
  }
  const [r0, c0, r1 = r0, c1 = c0] = parts.map(Number) as [number, number, number?, number?];
  return regionFromCorners({ row: r0, col: c0 }, { row: r1, col: c1 });
}

/** Why the set does not fit an H×W image, or null when it does. One line, for stderr. */
export function pixelSetProblem(region: PixelRegion, height: number, width: number): string | null {
  if (region.row1 < height && region.col1 < width) return null;
  return (
    `--pixel ${formatRegion(region)} is outside the model's ${height}×${width} image ` +
    `(rows 0–${height - 1}, columns 0–${width - 1}; rows and columns start at 0)`
  );
}

/** How many of the flat positions `pixels` hold a non-zero value in some channel (NHWC image). */
export function nonZeroCount(
  image: Float32Array,
  channels: number,
  pixels: readonly number[],
): number {
  return pixels.filter((p) => image.subarray(p * channels, (p + 1) * channels).some((v) => v !== 0))
    .length;
}

export function pixelSetSize(region: PixelRegion): number {
  return (region.row1 - region.row0 + 1) * (region.col1 - region.col0 + 1);
}
