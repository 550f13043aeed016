/**
 * How large an image grid is drawn. A grid that fits twice or more gets a whole number of CSS
 * pixels per cell, so that every cell is equally wide (crisp under `image-rendering: pixelated`)
 * and the overlay's grid lines, outlines and hover box fall exactly on cell edges. A grid between
 * once and twice the asked size's cells (a 150 px input in a 224 px slot) would get one pixel a
 * cell and fill two thirds of its slot or less: it is scaled up to the slot and drawn smoothly
 * (uneven pixelated cells of one and two pixels would show; its cells are too small for grid
 * lines anyway). A grid with more cells than the asked size has pixels (a 256 px input in a
 * 224 px slot) is shrunk to that size and drawn smoothly: nearest-neighbour shrinking would drop
 * whole rows and columns from view. Never larger than asked, so the panels' layout holds for any
 * input from 8 to 256 pixels a side.
 */

export interface GridDisplay {
  /** CSS pixels per cell: a whole number, else below 2 for a grid scaled to its slot. */
  cell: number;
  /** CSS size of the whole grid. */
  width: number;
  height: number;
  /** Cell borders are drawn only where cells are large enough to show between them. */
  gridLines: boolean;
  /** The grid is scaled by a fraction (shrunk, or grown less than twice): draw it smoothed. */
  smooth: boolean;
}

/** Below this many CSS pixels per cell, grid lines would hide the image. */
const MIN_GRID_CELL = 4;

/** The display of a cols×rows grid whose longer side should be at most `target` CSS pixels. */
export function gridDisplay(cols: number, rows: number, target: number): GridDisplay {
  const long = Math.max(1, cols, rows);
  const size = Math.max(1, target);
  const whole = Math.floor(size / long);
  const cell = whole >= 2 ? whole : size / long;
  return {
    cell,
    width: cols * cell,
    height: rows * cell,
    gridLines: cell >= MIN_GRID_CELL,
    smooth: !Number.isInteger(cell),
  };
}
