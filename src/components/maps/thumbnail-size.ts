// How large a map's thumbnail is drawn. thumbnailPx (src/lib/feature-maps.ts) enlarges a map by a
// whole number of CSS pixels per cell, and draws a map larger than its target at one pixel per
// cell: a 128×128 map would be a 128 px thumbnail, and a page of 32 of them a wall. Such maps are
// drawn smaller instead, smoothed (a cell is then less than a CSS pixel, so crisp cells cannot be
// had), so that a page of a large model's layer stays one glance.
import { thumbnailPx, type MapShape } from '../../lib/feature-maps';

/** The largest thumbnail side, in CSS pixels. */
export const MAX_THUMBNAIL_PX = 64;

export interface ThumbnailSize {
  /** CSS side of the thumbnail's box (the map's longer side fills it). */
  px: number;
  /** CSS size of the map in that box: a map that is not square keeps its proportions. */
  width: number;
  height: number;
  /** True when the map has more cells than the thumbnail has pixels (draw it smoothed). */
  downscaled: boolean;
}

export function thumbnailSize(shape: MapShape): ThumbnailSize {
  const wanted = thumbnailPx(shape);
  const px = Math.min(wanted, MAX_THUMBNAIL_PX);
  const side = Math.max(1, shape.height, shape.width);
  return {
    px,
    width: (px * shape.width) / side,
    height: (px * shape.height) / side,
    downscaled: wanted > MAX_THUMBNAIL_PX,
  };
}
